package scoring

import (
	"errors"
	"fmt"
	"sync"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// plan is what Score works out about a criteria set once, before it looks
// at any unit: the tree as index arrays, each leaf's rule in machine words,
// and shared decimals, so that scoring a unit is a walk over slices.
type plan struct {
	set      *criteria.Set
	dec      int32
	scale    int64 // 10^dec
	nodes    []*criteria.Node
	parent   []int   // -1 for a top-level field
	children [][]int // node indices, file order
	leafOf   []int   // node index → leaf index, or -1 for a parent
	end      []int   // node index → index after its last descendant
	gates    []gatePlan
	leaves   []*leafPlan
	capMax   []int64 // a parent's declared max, scaled; -1 when none
	src      []int8  // the one source of every leaf below, or -1 when mixed
	top      []int   // top-level node indices
	metrics  []*criteria.Metric
	metricAt map[string]int
	read     []bool // metric index → some rule reads it, directly or as a ratio part
	parts    [][2][]int
	hasBonus bool
	hasPen   bool
	cache    []decimal.Decimal // r × 10^-dec for small r, shared by every unit
}

// leafPlan is one leaf's rule, ready to score many units.
type leafPlan struct {
	node   *criteria.Node
	at     int // node index
	metric int // metric index
	met    *criteria.Metric
	rule   *criteria.Rule
	na     criteria.NAPolicy
	levels []int64 // levels: each label's points, scaled
	dec    int32
	max    int64
	maxDec decimal.Decimal
	slow   bool // a parameter does not fit machine words
	bands  []bandQ
	from   q // linear
	to     q
	per    int64 // deduction, count: scaled

	// relative and minmax: over every unit scored
	hasBest     bool
	best, worst criteria.Value
	bestQ       q
	worstQ      q

	// the leaf's fixed phrases, made once per language on first use
	wordsOnce [2]sync.Once
	words     [2]leafWords
}

// leafWords are the parts of a leaf's explanation that are the same for
// every unit: written once, not a million times.
type leafWords struct {
	bands       []string // each band's bounds in words
	best, worst string   // relative, minmax
	same        bool     // minmax: best = worst
}

// gatePlan is one node's requires: (SPEC §8.3), as node indices.
type gatePlan struct {
	at       int
	requires []int
}

type bandQ struct {
	bounds []boundQ
	pts    int64
}

type boundQ struct {
	op int8 // 0 ≥, 1 >, 2 ≤, 3 <
	v  q
}

func (b bandQ) holds(v q) bool {
	for _, bd := range b.bounds {
		c := cmpQ(v, bd.v)
		switch {
		case bd.op == 0 && c < 0, bd.op == 1 && c <= 0, bd.op == 2 && c > 0, bd.op == 3 && c >= 0:
			return false
		}
	}
	return true
}

// maxDecimals is the most places Score handles; indices and points are kept
// as integer counts of 10^-decimals.
const maxDecimals = 9

// cacheSize bounds the shared decimals: enough for every index and the
// points of any ordinary leaf at two places.
const cacheSize = 1 << 15

func newPlan(set *criteria.Set) (*plan, error) {
	if set == nil {
		return nil, errors.New("no criteria set")
	}
	if set.Decimals < 0 || set.Decimals > maxDecimals {
		return nil, fmt.Errorf("%s: decimals %d is outside 0 to %d", set.File, set.Decimals, maxDecimals)
	}
	p := &plan{set: set, dec: set.Decimals, scale: pow10[set.Decimals], metrics: set.Metrics}
	p.metricAt = make(map[string]int, len(set.Metrics))
	for i, m := range set.Metrics {
		p.metricAt[m.ID] = i
	}
	p.read = make([]bool, len(set.Metrics))
	p.parts = make([][2][]int, len(set.Metrics))
	var problems criteria.Problems
	var walk func(ns []*criteria.Node, parent int)
	walk = func(ns []*criteria.Node, parent int) {
		for _, n := range ns {
			i := len(p.nodes)
			p.nodes = append(p.nodes, n)
			p.parent = append(p.parent, parent)
			p.children = append(p.children, nil)
			p.leafOf = append(p.leafOf, -1)
			p.capMax = append(p.capMax, -1)
			p.end = append(p.end, i+1)
			p.src = append(p.src, int8(n.Source))
			if parent < 0 {
				p.top = append(p.top, i)
				p.hasBonus = p.hasBonus || n.Kind == criteria.Bonus
				p.hasPen = p.hasPen || n.Kind == criteria.Penalty
			} else {
				p.children[parent] = append(p.children[parent], i)
			}
			if n.IsLeaf() {
				lp, err := p.newLeaf(n, i)
				if err != nil {
					problems = append(problems, criteria.Problem{File: set.File, Line: n.Line, Msg: err.Error()})
					continue
				}
				p.leafOf[i] = len(p.leaves)
				p.leaves = append(p.leaves, lp)
				continue
			}
			if n.HasMax {
				m, ok := scaled(n.Max, p.dec)
				if !ok || m < 0 {
					problems.Add(set.File, n.Line, "criterion %s: max %s is out of range", n.Code, n.Max)
				}
				p.capMax[i] = m
			}
			walk(n.Children, i)
			p.end[i] = len(p.nodes)
		}
	}
	walk(set.Fields, -1)
	if err := p.planGates(); err != nil {
		problems = append(problems, criteria.Problem{File: set.File, Msg: err.Error()})
	}
	p.mixSources()
	if err := p.checkTotals(); err != nil {
		problems = append(problems, criteria.Problem{File: set.File, Msg: err.Error()})
	}
	if len(problems) > 0 {
		return nil, problems
	}
	p.buildCache()
	return p, nil
}

// mixSources marks each parent whose leaves do not all share one source, so
// that by-source totals assign whole subtrees where they can.
func (p *plan) mixSources() {
	for i := len(p.nodes) - 1; i >= 0; i-- {
		if len(p.children[i]) == 0 {
			continue
		}
		s := p.src[p.children[i][0]]
		for _, c := range p.children[i] {
			if p.src[c] != s {
				s = -1
			}
		}
		p.src[i] = s
	}
}

// checkTotals makes sure every sum of points, times 100 × 10^decimals for
// an index, fits in machine words.
func (p *plan) checkTotals() error {
	var total int64
	for _, l := range p.leaves {
		total += l.max
		if total > (1<<62)/100/p.scale {
			return errors.New("the maxima add up to more than can be scored")
		}
	}
	return nil
}

func (p *plan) buildCache() {
	n := 100*p.scale + 1
	var total int64
	for _, l := range p.leaves {
		total += l.max
	}
	n = max(n, total+1)
	n = min(n, cacheSize)
	p.cache = make([]decimal.Decimal, n)
	for i := range p.cache {
		p.cache[i] = decimal.New(int64(i), -p.dec)
	}
}

// decimal returns r × 10^-dec, shared when it is small.
func (p *plan) decimal(r int64) decimal.Decimal {
	if r >= 0 && r < int64(len(p.cache)) {
		return p.cache[r]
	}
	return decimal.New(r, -p.dec)
}

func (p *plan) newLeaf(n *criteria.Node, at int) (*leafPlan, error) {
	r := n.Rule
	mi, ok := p.metricAt[r.Metric]
	if !ok {
		return nil, fmt.Errorf("criterion %s: metric %q is not declared", n.Code, r.Metric)
	}
	m, ok := scaled(n.Max, p.dec)
	if !ok || m < 0 {
		return nil, fmt.Errorf("criterion %s: max %s is out of range", n.Code, n.Max)
	}
	lp := &leafPlan{node: n, at: at, metric: mi, met: p.metrics[mi], rule: r, na: n.NA, dec: p.dec, max: m, maxDec: n.Max}
	p.markRead(mi)
	switch r.Type {
	case criteria.BandsRule:
		for _, b := range r.Bands {
			pts, ok := scaled(b.Points, p.dec)
			if !ok {
				return nil, fmt.Errorf("criterion %s: band points %s are out of range", n.Code, b.Points)
			}
			bq := bandQ{pts: pts}
			for op, bound := range []decimal.NullDecimal{b.GTE, b.GT, b.LTE, b.LT} {
				if bound.Valid {
					v := qDec(bound.Decimal)
					lp.slow = lp.slow || !v.ok
					bq.bounds = append(bq.bounds, boundQ{op: int8(op), v: v})
				}
			}
			lp.bands = append(lp.bands, bq)
		}
	case criteria.LinearRule:
		lp.from, lp.to = qDec(r.From), qDec(r.To)
		lp.slow = !lp.from.ok || !lp.to.ok
	case criteria.DeductionRule, criteria.CountRule:
		per, ok := scaled(r.Per, p.dec)
		lp.per = per
		lp.slow = !ok || !decimal.New(per, -p.dec).Equal(r.Per)
	case criteria.LevelsRule:
		if len(r.Levels) != len(lp.met.Levels) {
			return nil, fmt.Errorf("criterion %s: %d level points for the %d levels of metric %q",
				n.Code, len(r.Levels), len(lp.met.Levels), r.Metric)
		}
		for _, d := range r.Levels {
			pts, ok := scaled(d, p.dec)
			if !ok {
				return nil, fmt.Errorf("criterion %s: level points %s are out of range", n.Code, d)
			}
			lp.levels = append(lp.levels, pts)
		}
	case criteria.BooleanRule, criteria.RelativeRule, criteria.MinMaxRule, criteria.PointsRule:
	default:
		return nil, fmt.Errorf("criterion %s: unknown rule type %d", n.Code, r.Type)
	}
	return lp, nil
}

// markRead records that metric mi is read, with its ratio parts.
func (p *plan) markRead(mi int) {
	p.read[mi] = true
	m := p.metrics[mi]
	if m.Ratio == nil || p.parts[mi][0] != nil || p.parts[mi][1] != nil {
		return
	}
	for k, ids := range [2][]string{m.Ratio.Numerator, m.Ratio.Denominator} {
		for _, id := range ids {
			if j, ok := p.metricAt[id]; ok && p.metrics[j].Ratio == nil {
				p.read[j] = true
				p.parts[mi][k] = append(p.parts[mi][k], j)
			}
		}
	}
}

// planGates turns every requires: into node indices, in the order in which
// gates must be tried (criteria.Set.GateOrder).
func (p *plan) planGates() error {
	at := make(map[*criteria.Node]int, len(p.nodes))
	byCode := make(map[string]int, len(p.nodes))
	gated := false
	for i, n := range p.nodes {
		at[n] = i
		if _, dup := byCode[n.Code]; !dup {
			byCode[n.Code] = i
		}
		gated = gated || len(n.Requires) > 0
	}
	if !gated {
		return nil
	}
	order := p.set.GateOrder()
	if order == nil {
		return errors.New("the requires of the criteria form a cycle")
	}
	for _, n := range order {
		g := gatePlan{at: at[n]}
		for _, code := range n.Requires {
			r, ok := byCode[code]
			if !ok {
				return fmt.Errorf("criterion %s: requires %q: no such criterion", n.Code, code)
			}
			g.requires = append(g.requires, r)
		}
		p.gates = append(p.gates, g)
	}
	return nil
}
