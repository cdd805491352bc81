package scoring

import (
	"cmp"
	"runtime"
	"slices"
	"sync"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/internal/exact"
)

// rank orders res.Units by index and sets every rank, group rank, field
// rank and tier. res.Units is in units.yaml order on entry.
func (p *plan) rank(res *Result) {
	units := res.Units
	res.byID = make(map[string]*UnitResult, len(units))
	for _, u := range units {
		res.byID[u.Unit.ID] = u
	}
	// Field ranks first, while units are still in units.yaml order, so that
	// ties keep that order too. Each field sorts its own node results, so
	// the fields are ranked side by side.
	var fields []int // indices into p.top
	for k, f := range p.top {
		if p.nodes[f].Kind == criteria.Ordinary {
			fields = append(fields, k)
		}
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, k := range fields {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			// Sorted on the index as a count of 10^-decimals, worked out
			// once a node and not at every comparison.
			// Ties keep the units' order by their place in it: a sort
			// that need not be stable, which is faster.
			type keyed struct {
				index int64
				at    int
				n     *NodeResult
			}
			field := make([]keyed, 0, len(units))
			for at, u := range units {
				if n := p.field(u, k); n.Applicable {
					field = append(field, keyed{n.index(), at, n})
				}
			}
			slices.SortFunc(field, func(a, b keyed) int {
				if c := cmp.Compare(b.index, a.index); c != 0 {
					return c
				}
				return cmp.Compare(a.at, b.at)
			})
			competition(len(field), func(i int) bool { return field[i].index == field[i-1].index },
				func(i, r int) { field[i].n.Rank = int32(r) })
		})
	}
	wg.Wait()

	slices.SortStableFunc(units, func(a, b *UnitResult) int { return cmpDecimal(b.Index, a.Index) })
	competition(len(units), func(i int) bool { return units[i].Index.Equal(units[i-1].Index) },
		func(i, r int) { units[i].Rank = r })

	for _, u := range units {
		res.Grouped = res.Grouped || u.Unit.Group != ""
	}
	if res.Grouped {
		byGroup := map[string][]*UnitResult{}
		for _, u := range units {
			byGroup[u.Unit.Group] = append(byGroup[u.Unit.Group], u)
		}
		for _, g := range byGroup {
			competition(len(g), func(i int) bool { return g[i].Index.Equal(g[i-1].Index) },
				func(i, r int) { g[i].GroupRank = r })
		}
	}

	for _, u := range units {
		for _, t := range p.set.Tiers {
			if t.Min.Cmp(u.Index) <= 0 {
				u.Tier = t.Name
				break
			}
		}
	}
}

// cmpDecimal is a.Cmp(b), in machine words when both have the same
// exponent and fit, as the indices Score makes do: ranking sorts them.
func cmpDecimal(a, b decimal.Decimal) int {
	if a.Exponent() == b.Exponent() {
		if x, ok := exact.Coef(a); ok {
			if y, ok := exact.Coef(b); ok {
				return cmp.Compare(x, y)
			}
		}
	}
	return a.Cmp(b)
}

// competition ranks n items already sorted highest first: equal indices
// share a rank and the next rank skips (1, 2, 2, 4).
func competition(n int, tied func(i int) bool, set func(i, rank int)) {
	r := 0
	for i := range n {
		if i == 0 || !tied(i) { // tied: item i has item i−1's index
			r = i + 1
		}
		set(i, r)
	}
}

// Unit returns the result of the unit with the given id, or nil.
func (r *Result) Unit(id string) *UnitResult {
	if len(r.byID) != len(r.Units) {
		r.byID = make(map[string]*UnitResult, len(r.Units))
		for _, u := range r.Units {
			r.byID[u.Unit.ID] = u
		}
	}
	return r.byID[id]
}

// AttachSelf sets each unit's Self from the unit with the same id in self,
// the result of scoring the units' self-assessed values by the same set.
func (r *Result) AttachSelf(self *Result) {
	if self == nil {
		return
	}
	for _, u := range r.Units {
		if s := self.Unit(u.Unit.ID); s != nil {
			u.Self = &SelfResult{Points: s.Points, Index: s.Index, Nodes: s.Nodes}
		}
	}
}

// AttachPrevious sets each unit's standing last year, by unit id, with
// RankChange = last year's rank − this year's (> 0: moved up). A unit not
// ranked last year keeps a nil Previous.
func (r *Result) AttachPrevious(prev map[string]criteria.Previous) {
	for _, u := range r.Units {
		if pv, ok := prev[u.Unit.ID]; ok {
			pv.RankChange = pv.Rank - u.Rank
			u.Previous = &pv
		}
	}
}
