package scoring

import (
	"errors"
	"fmt"
	"sync"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/internal/exact"
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
	cols     *criteria.Columns // the columns learnColumns learned
	colAt    []int             // metric index → its column in cols, or -1
	hasPen   bool
}

// leafPlan is one leaf's rule, ready to score many units.
type leafPlan struct {
	node   *criteria.Node
	at     int // node index
	metric int // metric index
	met    *criteria.Metric
	rule   *criteria.Compiled
	na     criteria.NAPolicy
	max    int64
	maxDec decimal.Decimal
}

// gatePlan is one node's requires: (SPEC §8.3), as node indices.
type gatePlan struct {
	at       int
	requires []int
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
	p := &plan{set: set, dec: set.Decimals, scale: exact.Pow10[set.Decimals], metrics: set.Metrics}
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
				m, ok := exact.Scaled(n.Max, p.dec)
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

// decimal returns r × 10^-dec, shared when it is small.
func (p *plan) decimal(r int64) decimal.Decimal { return fixed(r, int8(p.dec)) }

// fixedCache holds, by count of decimals, r × 10^-dec for r below
// cacheSize, made on first use and shared by every result: a decimal's
// digits live on the heap, and a million node results ask for them.
var fixedCache [maxDecimals + 1]struct {
	once sync.Once
	ds   []decimal.Decimal
}

// fixed returns r × 10^-dec, shared when it is small.
func fixed(r int64, dec int8) decimal.Decimal {
	if r >= 0 && r <= 100*exact.Pow10[dec] && r < cacheSize { // every index, and the points of most sets
		c := &fixedCache[dec]
		c.once.Do(func() {
			c.ds = make([]decimal.Decimal, min(100*exact.Pow10[dec]+1, cacheSize))
			for i := range c.ds {
				c.ds[i] = decimal.New(int64(i), -int32(dec))
			}
		})
		return c.ds[r]
	}
	return decimal.New(r, -int32(dec))
}

func (p *plan) newLeaf(n *criteria.Node, at int) (*leafPlan, error) {
	mi, ok := p.metricAt[n.Rule.Metric]
	if !ok {
		return nil, fmt.Errorf("criterion %s: metric %q is not declared", n.Code, n.Rule.Metric)
	}
	c, err := criteria.Compile(n, p.metrics[mi], p.dec)
	if err != nil {
		return nil, err
	}
	p.markRead(mi)
	return &leafPlan{node: n, at: at, metric: mi, met: p.metrics[mi], rule: c, na: n.NA, max: c.Max(), maxDec: n.Max}, nil
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
