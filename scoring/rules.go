package scoring

import (
	"math/big"

	"parindex/criteria"
)

// forceSlow makes every leaf take the math/big path; tests set it to check
// that both paths agree.
var forceSlow = false

// score returns the leaf's points for value v as an integer count of
// 10^-dec, rounded once, and the index of the band that held (-1 if none,
// or not a bands rule). v is a number or a yes/no, never N/A.
func (l *leafPlan) score(v criteria.Value) (int64, int) {
	switch l.rule.Type {
	case criteria.BooleanRule:
		if v.Bool() == l.rule.Expect {
			return l.max, -1
		}
		return 0, -1
	case criteria.LevelsRule:
		i := v.Level()
		if i < 0 || i >= len(l.levels) {
			return 0, -1 // Check refuses such a value before scoring
		}
		if forceSlow {
			return roundRat(l.rule.Levels[i].Rat(), l.dec).Int64(), -1
		}
		return l.levels[i], -1
	}
	if !l.slow && !forceSlow {
		if x := qValue(v); x.ok {
			if r, band, ok := l.scoreQ(x); ok {
				return r, band
			}
		}
	}
	return l.scoreBig(v)
}

// scoreQ is score in machine words; ok is false when a step would overflow.
func (l *leafPlan) scoreQ(v q) (int64, int, bool) {
	m := l.max
	switch l.rule.Type {
	case criteria.BandsRule:
		for i, b := range l.bands {
			if b.holds(v) {
				return b.pts, i, true
			}
		}
		return 0, -1, true
	case criteria.LinearRule:
		r, ok := linearQ(m, v, l.from, l.to)
		return r, -1, ok
	case criteria.RelativeRule:
		if !l.hasBest || l.bestQ.n <= 0 {
			return 0, -1, true
		}
		n, ok1 := mul(m, v.n)
		n, ok2 := mul(n, l.bestQ.d)
		d, ok3 := mul(v.d, l.bestQ.n)
		if !ok1 || !ok2 || !ok3 {
			return 0, -1, false
		}
		return clampDiv(n, d, m), -1, true
	case criteria.MinMaxRule:
		if !l.hasBest || cmpQ(l.bestQ, l.worstQ) == 0 {
			return m, -1, true
		}
		r, ok := linearQ(m, v, l.worstQ, l.bestQ)
		return r, -1, ok
	case criteria.DeductionRule:
		a, ok1 := mul(m, v.d)
		b, ok2 := mul(l.per, v.n)
		n, ok3 := sub(a, b)
		if !ok1 || !ok2 || !ok3 {
			return 0, -1, false
		}
		return clampDiv(n, v.d, m), -1, true
	case criteria.CountRule:
		n, ok := mul(l.per, v.n)
		return clampDiv(n, v.d, m), -1, ok
	case criteria.PointsRule:
		n, ok := mul(v.n, pow10[l.dec])
		return clampDiv(n, v.d, m), -1, ok
	}
	return 0, -1, true
}

// clampDiv returns n/d rounded, held within [0, m]; d > 0.
func clampDiv(n, d, m int64) int64 {
	if n <= 0 {
		return 0
	}
	r := roundDiv(n, d)
	return min(r, m)
}

// linearQ returns round(m × clamp((v−from)/(to−from), 0, 1)).
func linearQ(m int64, v, from, to q) (int64, bool) {
	a1, ok1 := mul(v.n, from.d)
	a2, ok2 := mul(from.n, v.d)
	b1, ok3 := mul(to.n, from.d)
	b2, ok4 := mul(from.n, to.d)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return 0, false
	}
	a, ok1 := sub(a1, a2) // (v − from) × vd × fd
	b, ok2 := sub(b1, b2) // (to − from) × td × fd
	n, ok3 := mul(a, to.d)
	d, ok4 := mul(v.d, b)
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
	n, ok := mul(n, m)
	if !ok {
		return 0, false
	}
	return roundDiv(n, d), true
}

// scoreBig is score in math/big: the rules exactly as SPEC §2 writes them.
func (l *leafPlan) scoreBig(v criteria.Value) (int64, int) {
	M := l.maxDec.Rat()
	x := v.Rat()
	var pts *big.Rat
	band := -1
	switch l.rule.Type {
	case criteria.BandsRule:
		pts = new(big.Rat)
		for i, b := range l.rule.Bands {
			if holdsRat(b, x) {
				pts, band = b.Points.Rat(), i
				break
			}
		}
	case criteria.LinearRule:
		pts = linearRat(M, x, l.rule.From.Rat(), l.rule.To.Rat())
	case criteria.RelativeRule:
		pts = new(big.Rat)
		if l.hasBest {
			if best := l.best.Rat(); best.Sign() > 0 {
				pts.Mul(M, x).Quo(pts, best)
			}
		}
	case criteria.MinMaxRule:
		pts = M
		if l.hasBest {
			if best, worst := l.best.Rat(), l.worst.Rat(); best.Cmp(worst) != 0 {
				pts = linearRat(M, x, worst, best)
			}
		}
	case criteria.DeductionRule:
		pts = new(big.Rat).Mul(l.rule.Per.Rat(), x)
		pts.Sub(M, pts)
	case criteria.CountRule:
		pts = new(big.Rat).Mul(l.rule.Per.Rat(), x)
	case criteria.PointsRule:
		pts = x
	default:
		pts = new(big.Rat)
	}
	switch {
	case pts.Sign() < 0:
		pts = new(big.Rat)
	case pts.Cmp(M) > 0:
		pts = M
	}
	return roundRat(pts, l.dec).Int64(), band
}

func linearRat(M, x, from, to *big.Rat) *big.Rat {
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

func holdsRat(b criteria.Band, x *big.Rat) bool {
	return (!b.GTE.Valid || x.Cmp(b.GTE.Decimal.Rat()) >= 0) &&
		(!b.GT.Valid || x.Cmp(b.GT.Decimal.Rat()) > 0) &&
		(!b.LTE.Valid || x.Cmp(b.LTE.Decimal.Rat()) <= 0) &&
		(!b.LT.Valid || x.Cmp(b.LT.Decimal.Rat()) < 0)
}
