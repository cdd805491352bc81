package criteria

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestFormatNumberCached holds the kept wordings of FormatNumber to the
// wording it makes afresh, in both languages, at every scale kept and on
// either side of the bound.
func TestFormatNumberCached(t *testing.T) {
	for _, lang := range []Lang{Vietnamese, English} {
		for places := int32(0); places < 5; places++ {
			for _, c := range []int64{0, 1, 10, 50, 100, 1000, 1234, 9999, 10000, 10001, 123456} {
				d := decimal.New(c, -places)
				digits, frac, neg := plain(d, -1)
				want := format(digits, frac, neg, lang)
				if got := FormatNumber(d, lang); got != want {
					t.Errorf("FormatNumber(%s, %s) = %q, want %q", d, lang, got, want)
				}
			}
		}
	}
	if got := FormatNumber(decimal.New(12345, -2), Vietnamese); got != "123,45" {
		t.Errorf("FormatNumber(123.45, vi) = %q, want \"123,45\"", got)
	}
}
