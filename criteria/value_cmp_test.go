package criteria

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestValueCmpExact holds Value.Cmp, which compares in machine words when
// it can, to the comparison of exact rationals, across signs, scales and
// coefficients too long for an int64.
func TestValueCmpExact(t *testing.T) {
	d := decimal.RequireFromString
	nums := []decimal.Decimal{d("0"), d("-1.5"), d("87.5"), d("87.50"), d("100"), d("0.001"),
		d("123456789012345678901234"), d("-99999999999999999.9"), d("1e-20")}
	var vals []Value
	for _, n := range nums {
		vals = append(vals, Num(n))
		for _, den := range []decimal.Decimal{d("3"), d("-7"), d("0.25"), d("1e25")} {
			vals = append(vals, Frac(n, den))
		}
	}
	for _, v := range vals {
		for _, b := range nums {
			want := v.Rat().Cmp(b.Rat())
			if got := v.Cmp(b); got != want {
				t.Errorf("%v.Cmp(%s) = %d, want %d", v.Rat(), b, got, want)
			}
		}
	}
}
