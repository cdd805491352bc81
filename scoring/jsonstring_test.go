package scoring

import (
	"encoding/json"
	"github.com/shopspring/decimal"
	"math"
	"parindex/criteria"
	"testing"
	"unsafe"
)

// stringCases are strings whose escaping is easy to get wrong.
var stringCases = []string{
	"", "Điện Bàn", `tỷ lệ 87,5% "đúng hạn"`, `C:\hồ sơ\`, "a\nb\tc\x00\x1f", "\u2028\u2029",
	"…—–“”", "\xe2\x80", "\xe2\x80\xa8x", "xx\xe2", "bad \xff byte", "\xed\xa0\x80", "€\u2027\u202a",
}

// TestAppendStringBody checks the fast escaping against the rune-by-rune
// one, and that the result is JSON that reads back as the string (with
// U+FFFD for bad bytes).
func TestAppendStringBody(t *testing.T) {
	for _, s := range stringCases {
		checkStringBody(t, s)
	}
}

func FuzzAppendStringBody(f *testing.F) {
	for _, s := range stringCases {
		f.Add(s)
	}
	f.Fuzz(checkStringBody)
}

func checkStringBody(t *testing.T, s string) {
	fast, slow := appendStringBody(nil, s), appendStringSlow(nil, s)
	if string(fast) != string(slow) {
		t.Fatalf("%q: fast %q, rune by rune %q", s, fast, slow)
	}
	var back string
	if err := json.Unmarshal(append(append([]byte{'"'}, fast...), '"'), &back); err != nil {
		t.Fatalf("%q: %s is not a JSON string: %v", s, fast, err)
	}
	var want string
	_ = json.Unmarshal(mustMarshal(t, s), &want)
	if back != want {
		t.Fatalf("%q: reads back as %q, want %q", s, back, want)
	}
}

func mustMarshal(t *testing.T, s string) []byte {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCompactSizes guards the size of what a large result holds a million
// of: a node result and a value.
func TestCompactSizes(t *testing.T) {
	if n := unsafe.Sizeof(NodeResult{}); n > 80 {
		t.Errorf("a NodeResult takes %d bytes, want at most 80", n)
	}
	if n := unsafe.Sizeof(criteria.Value{}); n > 24 {
		t.Errorf("a Value takes %d bytes, want at most 24", n)
	}
}

// TestAppendScaled checks the JSON's numbers written from counts against
// the decimals' own rendering.
func TestAppendScaled(t *testing.T) {
	for _, c := range []int64{0, 1, -1, 5, -5, 99, 100, 12345, -12345, 1 << 62, math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		for places := int32(1); places <= 9; places++ {
			if got, want := string(appendScaled(nil, c, places)), decimal.New(c, -places).StringFixed(places); got != want {
				t.Errorf("appendScaled(%d, %d) = %s, want %s", c, places, got, want)
			}
		}
	}
}
