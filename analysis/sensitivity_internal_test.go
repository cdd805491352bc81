package analysis

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestScaled(t *testing.T) {
	for _, c := range []struct {
		d      string
		places int32
		want   int64
		ok     bool
	}{
		{"1.50", 2, 150, true},
		{"1.5", 2, 150, true},
		{"1E2", 2, 10000, true},
		{"-2.25", 2, -225, true},
		{"0", 6, 0, true},
		{"1.5", 0, 0, false},
		{"1.25", 1, 0, false},
		{"1E30", 2, 0, false},
		{"4611686018427387904", 0, 0, false}, // 2^62
		{"4611686018427387903", 0, 1<<62 - 1, true},
		{"123456789012345678901234.5", 1, 0, false},
	} {
		d, err := decimal.NewFromString(c.d)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := scaled(d, c.places)
		if got != c.want || ok != c.ok {
			t.Errorf("scaled(%s, %d) = %d, %v; want %d, %v", c.d, c.places, got, ok, c.want, c.ok)
		}
	}
}
