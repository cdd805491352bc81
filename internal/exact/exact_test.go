package exact

import (
	"math"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

func TestRoundDiv(t *testing.T) {
	tests := []struct{ n, d, want int64 }{
		{1, 8, 0}, {5, 2, 3}, {-5, 2, -3}, {125, 1000, 0}, {7, 7, 1}, {math.MaxInt64, math.MaxInt64 - 1, 1},
	}
	for _, tt := range tests {
		if got := RoundDiv(tt.n, tt.d); got != tt.want {
			t.Errorf("RoundDiv(%d, %d) = %d, want %d", tt.n, tt.d, got, tt.want)
		}
	}
}

// TestCmp compares fractions whose cross products overflow 64 bits.
func TestCmp(t *testing.T) {
	big1 := Q{N: math.MaxInt64 - 1, D: math.MaxInt64, OK: true}
	big2 := Q{N: math.MaxInt64 - 2, D: math.MaxInt64 - 1, OK: true}
	tests := []struct {
		a, b Q
		want int
	}{
		{Q{1, 3, true}, Q{2, 6, true}, 0},
		{Q{-1, 3, true}, Q{1, 3, true}, -1},
		{big1, big2, 1}, // 1 − 1/M > 1 − 1/(M−1)
		{big2, big1, -1},
		{Q{0, 1, true}, Q{0, 7, true}, 0},
	}
	for _, tt := range tests {
		if got := Cmp(tt.a, tt.b); got != tt.want {
			t.Errorf("Cmp(%v, %v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestLinearAgrees checks Linear against LinearRat on a grid, and that an
// overflow is reported rather than wrapped.
func TestLinearAgrees(t *testing.T) {
	ends := []string{"0", "100", "20", "5", "12.5"}
	vals := []string{"-5", "0", "3", "10", "12.5", "62.5", "99.995", "120"}
	for _, f := range ends {
		for _, to := range ends {
			if f == to {
				continue
			}
			for _, v := range vals {
				from, too, x := decimal.RequireFromString(f), decimal.RequireFromString(to), decimal.RequireFromString(v)
				got, ok := Linear(300, Dec(x), Dec(from), Dec(too))
				want := RoundRat(LinearRat(big.NewRat(3, 1), x.Rat(), from.Rat(), too.Rat()), 2).Int64()
				if !ok || got != want {
					t.Errorf("Linear(3, %s, %s, %s) = %d %v, want %d", v, f, to, got, ok, want)
				}
			}
		}
	}
	if _, ok := Linear(math.MaxInt64, Q{math.MaxInt64, 1, true}, Q{1, math.MaxInt64, true}, Q{2, 3, true}); ok {
		t.Error("Linear with overflowing products reports ok")
	}
}

func TestScaled(t *testing.T) {
	if got, ok := Scaled(decimal.RequireFromString("0.125"), 2); !ok || got != 13 {
		t.Errorf("Scaled(0.125, 2) = %d %v, want 13", got, ok)
	}
	if _, ok := Scaled(decimal.RequireFromString("1e30"), 2); ok {
		t.Error("Scaled(1e30) fits an int64")
	}
}

// TestCoef holds Coef's in-place read to the slow definition: the
// coefficient, when it has at most 17 digits.
func TestCoef(t *testing.T) {
	if !layoutOK {
		t.Fatal("the mirror of decimal.Decimal no longer matches: Coef takes the slow path")
	}
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	ds := []decimal.Decimal{
		{}, decimal.Zero, decimal.New(0, 3), decimal.New(-1, -2), decimal.New(12345, -2),
		decimal.New(Pow10[17]-1, 0), decimal.New(-(Pow10[17] - 1), -4), decimal.New(Pow10[17], 0),
		decimal.New(-Pow10[17], 0), decimal.New(math.MaxInt64, 0), decimal.New(math.MinInt64, 0),
		decimal.NewFromBigInt(huge, -5), decimal.NewFromBigInt(new(big.Int).Neg(huge), 2),
		decimal.RequireFromString("1e30"), decimal.RequireFromString("-0.000000000000000001"),
	}
	for _, d := range ds {
		wantOK := d.NumDigits() <= 17
		got, ok := Coef(d)
		if ok != wantOK || (ok && got != d.CoefficientInt64()) {
			t.Errorf("Coef(%s) = %d, %v; want %d, %v", d, got, ok, d.CoefficientInt64(), wantOK)
		}
	}
}
