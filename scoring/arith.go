package scoring

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// q is an exact rational n/d with d > 0, held in machine words so that the
// million leaves of a large assessment are scored without allocating. Any
// operation that would overflow clears ok; the leaf is then scored again
// with math/big (see rat.go), so the result is exact either way.
type q struct {
	n, d int64
	ok   bool
}

var pow10 = func() [19]int64 {
	var p [19]int64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// coef returns d's coefficient when it surely fits in an int64. NumDigits
// only counts digits; it avoids the copy Coefficient makes.
func coef(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 17 {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// qDec converts a decimal to q.
func qDec(d decimal.Decimal) q {
	c, ok := coef(d)
	if !ok {
		return q{}
	}
	e := d.Exponent()
	switch {
	case e >= 0 && e < 19:
		n, ok := mul(c, pow10[e])
		return q{n: n, d: 1, ok: ok}
	case e < 0 && e > -19:
		return q{n: c, d: pow10[-e], ok: true}
	}
	return q{}
}

// qValue converts a number value (plain or fraction) to q.
func qValue(v criteria.Value) q {
	num, den := v.Fraction()
	a, b := qDec(num), qDec(den)
	if !a.ok || !b.ok || b.n == 0 {
		return q{}
	}
	n, ok1 := mul(a.n, b.d)
	d, ok2 := mul(b.n, a.d)
	if !ok1 || !ok2 {
		return q{}
	}
	if d < 0 {
		if n == math.MinInt64 || d == math.MinInt64 {
			return q{}
		}
		n, d = -n, -d
	}
	return q{n: n, d: d, ok: true}
}

// mul returns a×b and whether it did not overflow.
func mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return c, true
}

// sub returns a−b and whether it did not overflow.
func sub(a, b int64) (int64, bool) {
	c := a - b
	if (b > 0 && c > a) || (b < 0 && c < a) {
		return 0, false
	}
	return c, true
}

// mulU128 returns |a|×|b| as a 128-bit unsigned number.
func mulU128(a, b int64) (hi, lo uint64) {
	return bits.Mul64(absU(a), absU(b))
}

func absU(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}

// cmpQ compares a and b exactly: -1, 0 or +1. It never overflows.
func cmpQ(a, b q) int {
	sa, sb := sign(a.n), sign(b.n)
	if sa != sb {
		if sa < sb {
			return -1
		}
		return 1
	}
	if sa == 0 {
		return 0
	}
	h1, l1 := mulU128(a.n, b.d)
	h2, l2 := mulU128(b.n, a.d)
	c := 0
	switch {
	case h1 != h2:
		c = cmpU(h1, h2)
	default:
		c = cmpU(l1, l2)
	}
	return c * sa
}

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func sign(a int64) int {
	switch {
	case a < 0:
		return -1
	case a > 0:
		return 1
	}
	return 0
}

// roundDiv returns n/d rounded half away from zero; d > 0.
func roundDiv(n, d int64) int64 {
	qu, r := n/d, n%d
	if r < 0 {
		r = -r
	}
	if r >= d-r { // 2r ≥ d without overflow
		if n < 0 {
			return qu - 1
		}
		return qu + 1
	}
	return qu
}

// roundRat returns x × 10^places rounded half away from zero, as an
// integer: the one rounding SPEC §2 allows.
func roundRat(x *big.Rat, places int32) *big.Int {
	n := new(big.Int).Mul(x.Num(), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	d := x.Denom()
	qu, r := new(big.Int).QuoRem(n, d, new(big.Int))
	r.Abs(r).Lsh(r, 1)
	if r.Cmp(d) >= 0 {
		if n.Sign() < 0 {
			qu.Sub(qu, big.NewInt(1))
		} else {
			qu.Add(qu, big.NewInt(1))
		}
	}
	return qu
}

// scaled converts a decimal with at most places places to an integer count
// of 10^-places.
func scaled(d decimal.Decimal, places int32) (int64, bool) {
	r := roundRat(d.Rat(), places)
	if !r.IsInt64() {
		return 0, false
	}
	return r.Int64(), true
}
