// Package exact is the exact arithmetic of scoring: rationals held in
// machine words while they fit, and the one rounding SPEC §2 allows.
//
// A [Q] is n/d in two int64s. Every operation reports an overflow rather
// than wrapping, and the caller then redoes the step in math/big, so a
// result is exact either way; the machine words only make the million
// leaves of a large assessment quick.
package exact

import (
	"math"
	"math/big"
	"math/bits"
	"unsafe"

	"github.com/shopspring/decimal"
)

// Q is an exact rational N/D with D > 0; OK is false when it could not be
// held in machine words.
type Q struct {
	N, D int64
	OK   bool
}

// Pow10 holds 10^0 to 10^18.
var Pow10 = func() [19]int64 {
	var p [19]int64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// Coef returns d's coefficient when it has at most 17 digits, so that it
// fits in an int64 with room to spare. It is asked of every number a large
// result writes (three million of them at 10,000 units), so it reads the
// coefficient in place: Coefficient copies it, and NumDigits takes a
// logarithm.
func Coef(d decimal.Decimal) (int64, bool) {
	if !layoutOK {
		if d.NumDigits() > 17 {
			return 0, false
		}
		return d.CoefficientInt64(), true
	}
	v := (*decimalLayout)(unsafe.Pointer(&d)).value
	if v == nil { // the zero Decimal
		return 0, true
	}
	if !v.IsInt64() {
		return 0, false
	}
	c := v.Int64()
	return c, c > -Pow10[17] && c < Pow10[17]
}

// decimalLayout mirrors decimal.Decimal: a pointer to its coefficient,
// then its exponent. Coef reads the coefficient through it only when
// layoutOK has seen the mirror read a known decimal right, so a release of
// the decimal package that changed its fields would make Coef slower,
// never wrong.
type decimalLayout struct {
	value *big.Int
	exp   int32
}

var layoutOK = func() bool {
	if unsafe.Sizeof(decimal.Decimal{}) != unsafe.Sizeof(decimalLayout{}) {
		return false
	}
	for _, c := range []int64{-123456789, 1 << 40} {
		d := decimal.New(c, -7)
		l := (*decimalLayout)(unsafe.Pointer(&d))
		if l.value == nil || !l.value.IsInt64() || l.value.Int64() != c || l.exp != -7 {
			return false
		}
	}
	return true
}()

// Digits is the number of decimal digits of c.
func Digits(c int64) int {
	n := 1
	for c >= 10 || c <= -10 {
		c /= 10
		n++
	}
	return n
}

// Dec converts a decimal to Q.
func Dec(d decimal.Decimal) Q {
	c, ok := Coef(d)
	if !ok {
		return Q{}
	}
	return Pow(c, d.Exponent())
}

// Pow converts c × 10^e to Q.
func Pow(c int64, e int32) Q {
	switch {
	case e >= 0 && e < 19:
		n, ok := Mul(c, Pow10[e])
		return Q{N: n, D: 1, OK: ok}
	case e < 0 && e > -19:
		return Q{N: c, D: Pow10[-e], OK: true}
	}
	return Q{}
}

// Frac converts the fraction num/den to Q.
func Frac(num, den decimal.Decimal) Q {
	a, b := Dec(num), Dec(den)
	if !a.OK || !b.OK || b.N == 0 {
		return Q{}
	}
	n, ok1 := Mul(a.N, b.D)
	d, ok2 := Mul(b.N, a.D)
	if !ok1 || !ok2 {
		return Q{}
	}
	if d < 0 {
		if n == math.MinInt64 || d == math.MinInt64 {
			return Q{}
		}
		n, d = -n, -d
	}
	return Q{N: n, D: d, OK: true}
}

// Mul returns a×b and whether it did not overflow.
func Mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return c, true
}

// Add returns a+b and whether it did not overflow.
func Add(a, b int64) (int64, bool) {
	c := a + b
	if (b > 0 && c < a) || (b < 0 && c > a) {
		return 0, false
	}
	return c, true
}

// Sub returns a−b and whether it did not overflow.
func Sub(a, b int64) (int64, bool) {
	c := a - b
	if (b > 0 && c > a) || (b < 0 && c < a) {
		return 0, false
	}
	return c, true
}

func absU(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}

// Cmp compares a and b exactly: -1, 0 or +1. It never overflows.
func Cmp(a, b Q) int {
	sa, sb := sign(a.N), sign(b.N)
	if sa != sb {
		if sa < sb {
			return -1
		}
		return 1
	}
	if sa == 0 {
		return 0
	}
	h1, l1 := bits.Mul64(absU(a.N), absU(b.D))
	h2, l2 := bits.Mul64(absU(b.N), absU(a.D))
	c := cmpU(l1, l2)
	if h1 != h2 {
		c = cmpU(h1, h2)
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

// RoundDiv returns n/d rounded half away from zero; d > 0.
func RoundDiv(n, d int64) int64 {
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

// ClampDiv returns n/d rounded, held within [0, m]; d > 0.
func ClampDiv(n, d, m int64) int64 {
	if n <= 0 {
		return 0
	}
	return min(RoundDiv(n, d), m)
}

// Linear returns round(m × clamp((v−from)/(to−from), 0, 1)), and false
// when a step would overflow.
func Linear(m int64, v, from, to Q) (int64, bool) {
	a1, ok1 := Mul(v.N, from.D)
	a2, ok2 := Mul(from.N, v.D)
	b1, ok3 := Mul(to.N, from.D)
	b2, ok4 := Mul(from.N, to.D)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return 0, false
	}
	a, ok1 := Sub(a1, a2) // (v − from) × vd × fd
	b, ok2 := Sub(b1, b2) // (to − from) × td × fd
	n, ok3 := Mul(a, to.D)
	d, ok4 := Mul(v.D, b)
	if !ok1 || !ok2 || !ok3 || !ok4 || d == 0 {
		return 0, false
	}
	if d < 0 {
		n, d = -n, -d
	}
	switch {
	case n <= 0:
		return 0, true
	case n >= d:
		return m, true
	}
	n, ok := Mul(n, m)
	if !ok {
		return 0, false
	}
	return RoundDiv(n, d), true
}

// LinearRat is M × clamp((x − from)/(to − from), 0, 1) in math/big.
func LinearRat(M, x, from, to *big.Rat) *big.Rat {
	t := new(big.Rat).Sub(x, from)
	span := new(big.Rat).Sub(to, from)
	if span.Sign() == 0 {
		return new(big.Rat)
	}
	t.Quo(t, span)
	switch {
	case t.Sign() < 0:
		return new(big.Rat)
	case t.Cmp(big.NewRat(1, 1)) > 0:
		return M
	}
	return t.Mul(t, M)
}

// RoundRat returns x × 10^places rounded half away from zero, as an
// integer: the one rounding SPEC §2 allows.
func RoundRat(x *big.Rat, places int32) *big.Int {
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

// Scaled converts a decimal with at most places places to an integer
// count of 10^-places.
func Scaled(d decimal.Decimal, places int32) (int64, bool) {
	r := RoundRat(d.Rat(), places)
	if !r.IsInt64() {
		return 0, false
	}
	return r.Int64(), true
}
