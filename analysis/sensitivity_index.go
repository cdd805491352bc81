package analysis

import (
	"fmt"
	"math/big"
	"math/bits"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// terms holds what a run needs of every unit, as whole numbers of
// 10^-decimals: each ordinary field's points and max, the bonus less the
// penalty, and the unit's max. With weight factors k_f (in millionths) a
// unit's index is
//
//	100 × (Σ k_f p_f ÷ Σ k_f m_f + c ÷ M), held within 0–100,
//
// which is SPEC §11's Σ w_f × p_f/m_f ÷ Σ w_f for w_f = m_f × k_f. It is
// computed exactly and rounded once, half away from zero, to the set's
// decimals, as the published index is: with every k_f equal it is the
// published index.
type terms struct {
	fields    []*criteria.Node
	nf, n     int
	p, m      []int64 // unit u's field f at [u*nf+f]; 0 where the field does not apply
	c, max    []int64
	published []int64            // the published index, for a unit left with no field
	slow      map[int][]*big.Int // units whose products could overflow int64: p, m, c, max
	hundred   int64              // 100 in index units
	spread    int64              // P in millionths
}

func newTerms(res *scoring.Result, spread decimal.Decimal) (*terms, error) {
	set := res.Set
	places := set.Decimals
	nodes := set.Nodes()
	var at []int // position of each ordinary field in the units' Nodes
	t := &terms{n: len(res.Units), slow: map[int][]*big.Int{}}
	for i, nd := range nodes {
		if nd.Depth == 0 && nd.Kind == criteria.Ordinary {
			t.fields = append(t.fields, nd)
			at = append(at, i)
		}
	}
	t.nf = len(t.fields)
	t.p, t.m = make([]int64, t.n*t.nf), make([]int64, t.n*t.nf)
	t.c, t.max, t.published = make([]int64, t.n), make([]int64, t.n), make([]int64, t.n)
	t.hundred = decimal.NewFromInt(100).Shift(places).IntPart()
	t.spread = spread.Shift(6).IntPart()
	var bad error
	whole := func(d decimal.Decimal, what string, u *scoring.UnitResult) int64 {
		n, ok := scaled(d, places)
		if !ok && bad == nil {
			bad = fmt.Errorf("unit %q: %s %s does not fit the analysis", u.Unit.ID, what, d)
		}
		return n
	}
	for ui, u := range res.Units {
		if len(u.Nodes) != len(nodes) {
			return nil, fmt.Errorf("unit %q: its result does not match the criteria set", u.Unit.ID)
		}
		var sumP int64
		for f, i := range at {
			if nr := u.Nodes[i]; nr.Applicable {
				t.p[ui*t.nf+f] = whole(nr.Points(), "points", u)
				t.m[ui*t.nf+f] = whole(nr.Max(), "max", u)
				sumP += t.p[ui*t.nf+f]
			}
		}
		t.c[ui] = whole(u.Bonus.Sub(u.Penalty), "bonus less penalty", u)
		t.max[ui] = whole(u.Max, "max", u)
		t.published[ui] = whole(u.Index, "index", u)
		// Every product below is at most 100 × kmax × M × (Σp + |c| + M).
		c := t.c[ui]
		if !below62(uint64(t.hundred), uint64(weightSteps+t.spread), uint64(t.max[ui]),
			uint64(sumP)+uint64(max(c, -c))+uint64(t.max[ui])) {
			t.slow[ui] = t.bigTerms(ui)
		}
	}
	return t, bad
}

// scaled returns d as a whole number of 10^-places, and whether it is one
// and below 2^62 in size. Most points have a small coefficient: those are
// converted without math/big, a million of them for a large assessment.
func scaled(d decimal.Decimal, places int32) (int64, bool) {
	if d.NumDigits() > 18 {
		s := d.Shift(places)
		if !s.IsInteger() || s.Abs().Cmp(decimal.NewFromInt(1<<62)) >= 0 {
			return 0, false
		}
		return s.IntPart(), true
	}
	c, e := d.CoefficientInt64(), d.Exponent()+places
	for ; e < 0; e++ {
		if c%10 != 0 {
			return 0, false // more places than the set's
		}
		c /= 10
	}
	for ; e > 0; e-- {
		if c >= 1<<62/10 || c <= -(1<<62)/10 {
			return 0, false
		}
		c *= 10
	}
	return c, c < 1<<62 && c > -(1<<62)
}

// below62 reports whether the product of factors is below 2^62, which
// leaves room for the sums of index's products.
func below62(factors ...uint64) bool {
	acc := uint64(1)
	for _, f := range factors {
		hi, lo := bits.Mul64(acc, f)
		if hi != 0 || lo >= 1<<62 {
			return false
		}
		acc = lo
	}
	return true
}

// index returns unit u's index, in 10^-decimals, under factors k.
func (t *terms) index(u int, k []int64) int64 {
	if v, ok := t.slow[u]; ok {
		return t.indexBig(u, v, k)
	}
	p, m := t.p[u*t.nf:u*t.nf+t.nf], t.m[u*t.nf:u*t.nf+t.nf]
	var a, b int64
	for f, kf := range k {
		a += kf * p[f]
		b += kf * m[f]
	}
	if b == 0 {
		return t.published[u] // only dropped fields apply to it
	}
	mx := t.max[u]
	x, y := a*mx+t.c[u]*b, b*mx
	switch {
	case x <= 0:
		return 0
	case x >= y:
		return t.hundred
	}
	hi, lo := bits.Mul64(uint64(x), uint64(t.hundred))
	q, r := bits.Div64(hi, lo, uint64(y)) // hi < y since x < y
	if r >= uint64(y)-r {
		q++
	}
	return int64(q)
}

// indexBig is index in math/big, for a unit whose numbers are too large
// for machine words.
func (t *terms) indexBig(u int, v []*big.Int, k []int64) int64 {
	a, b, tmp := new(big.Int), new(big.Int), new(big.Int)
	for f, kf := range k {
		bk := big.NewInt(kf)
		a.Add(a, tmp.Mul(bk, v[2*f]))
		b.Add(b, tmp.Mul(bk, v[2*f+1]))
	}
	if b.Sign() == 0 {
		return t.published[u]
	}
	c, mx := v[2*t.nf], v[2*t.nf+1]
	x := new(big.Int).Add(new(big.Int).Mul(a, mx), new(big.Int).Mul(c, b))
	y := new(big.Int).Mul(b, mx)
	switch {
	case x.Sign() <= 0:
		return 0
	case x.Cmp(y) >= 0:
		return t.hundred
	}
	x.Mul(x, big.NewInt(t.hundred))
	q, r := new(big.Int).QuoRem(x, y, new(big.Int))
	if r.Lsh(r, 1).Cmp(y) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

// ranker ranks every unit under one set of factors, reusing its buffers.
type ranker struct {
	t      *terms
	idx    []int64
	keys   []uint64
	counts []int32
}

// rank writes each unit's rank under factors k to out: highest index
// first, equal indices sharing a rank and the next skipping (SPEC §2). A
// unit's rank is one more than the number of units with a higher index.
func (rk *ranker) rank(k []int64, out []int32) {
	t := rk.t
	// Indices take at most 100 × 10^decimals + 1 values: when that is not
	// many more than the units, counting them beats sorting.
	if t.hundred < int64(8*t.n) {
		rk.rankByCounting(k, out)
		return
	}
	if rk.keys == nil {
		rk.keys = make([]uint64, t.n)
	}
	// An index is at most 10^8 (100 at 6 places), so the key holds the
	// index's distance below 100 above the unit's position, and one sort
	// of plain integers orders the units.
	for u := range t.n {
		rk.keys[u] = uint64(t.hundred-t.index(u, k))<<32 | uint64(u)
	}
	slices.Sort(rk.keys)
	r := 0
	for i, key := range rk.keys {
		if i == 0 || key>>32 != rk.keys[i-1]>>32 {
			r = i + 1
		}
		out[uint32(key)] = int32(r)
	}
}

// rankByCounting ranks by counting the units at each index value.
func (rk *ranker) rankByCounting(k []int64, out []int32) {
	t := rk.t
	if rk.counts == nil {
		rk.idx, rk.counts = make([]int64, t.n), make([]int32, t.hundred+2)
	}
	clear(rk.counts)
	for u := range t.n {
		rk.idx[u] = t.index(u, k)
		rk.counts[rk.idx[u]]++
	}
	// counts[v] becomes the number of units above v.
	above := int32(0)
	for v := t.hundred; v >= 0; v-- {
		above, rk.counts[v] = above+rk.counts[v], above
	}
	for u, v := range rk.idx {
		out[u] = rk.counts[v] + 1
	}
}

// runAll fills ranks with the ranks of runs Monte-Carlo runs, run r at
// [r*n, r*n+n). Run r draws from its own PCG stream seeded (seed, r).
func (t *terms) runAll(runs int, seed uint64, ranks []int32) {
	eachChunk(runs, func(lo, hi int) {
		rk := &ranker{t: t}
		k := make([]int64, t.nf)
		for r := lo; r < hi; r++ {
			t.draw(seed, r, k)
			rk.rank(k, ranks[r*t.n:(r+1)*t.n])
		}
	})
}

// draw sets k to run r's factors: each 1 + u in millionths, u uniform on
// the grid of [−P, P].
func (t *terms) draw(seed uint64, r int, k []int64) {
	rng := rand.New(rand.NewPCG(seed, uint64(r)))
	for f := range k {
		k[f] = weightSteps
		if t.spread > 0 {
			k[f] += rng.Int64N(2*t.spread+1) - t.spread
		}
	}
}

// dropRuns returns the ranks with each field dropped in turn, the others
// at their max.
func (t *terms) dropRuns() [][]int32 {
	out := make([][]int32, t.nf)
	if t.nf < 2 {
		return nil // dropping the only field leaves nothing to rank on
	}
	eachChunk(t.nf, func(lo, hi int) {
		rk := &ranker{t: t}
		k := make([]int64, t.nf)
		for f := lo; f < hi; f++ {
			for i := range k {
				k[i] = weightSteps
			}
			k[f] = 0
			out[f] = make([]int32, t.n)
			rk.rank(k, out[f])
		}
	})
	return out
}

// bigTerms returns unit u's field points and max, in turn, then c and M,
// for indexBig.
func (t *terms) bigTerms(u int) []*big.Int {
	v := make([]*big.Int, 0, 2*t.nf+2)
	for f := range t.nf {
		v = append(v, big.NewInt(t.p[u*t.nf+f]), big.NewInt(t.m[u*t.nf+f]))
	}
	return append(v, big.NewInt(t.c[u]), big.NewInt(t.max[u]))
}
