package scoring

import (
	"slices"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// rerank builds the result of a rescoring from base and the changed units'
// fresh results (in units.yaml order), without sorting every unit again. A
// competition rank is one more than the number of results with a higher
// index, whatever the order of ties; so an unchanged unit's rank is its
// rank in base, less the changed units that were above it, plus those now
// above it, and a changed unit's is counted afresh. The rank order is
// base's with the changed units taken out and merged back in at their new
// places, ties in units.yaml order as rank puts them.
func (p *plan) rerank(in Input, base *Result, changed map[string]bool, fresh []*UnitResult) *Result {
	res := &Result{Set: in.Set, Grouped: base.Grouped, Units: make([]*UnitResult, 0, len(base.Units))}
	var kept, old []*UnitResult
	for _, b := range base.Units {
		if changed[b.Unit.ID] {
			continue
		}
		kept = append(kept, p.reuse(b))
	}
	for _, f := range fresh {
		old = append(old, base.Unit(f.Unit.ID))
	}
	all := func(u *UnitResult) bool { return true }
	sameGroup := func(g string) func(*UnitResult) bool {
		return func(u *UnitResult) bool { return u.Unit.Group == g }
	}
	for _, u := range kept {
		u.Rank = moved(u.Rank, u.Index, old, fresh, all, unitIndex)
		if res.Grouped {
			u.GroupRank = moved(u.GroupRank, u.Index, old, fresh, sameGroup(u.Unit.Group), unitIndex)
		}
	}
	for _, u := range fresh {
		u.Rank = counted(u.Index, kept, fresh, all, unitIndex)
		if res.Grouped {
			u.GroupRank = counted(u.Index, kept, fresh, sameGroup(u.Unit.Group), unitIndex)
		}
	}
	for k, f := range p.top {
		if p.nodes[f].Kind != criteria.Ordinary {
			continue
		}
		p.rerankField(k, kept, old, fresh)
	}

	pos := make(map[string]int, len(in.Units))
	for i, u := range in.Units {
		pos[u.ID] = i
	}
	before := func(a, b *UnitResult) int {
		if c := cmpDecimal(b.Index, a.Index); c != 0 {
			return c
		}
		return pos[a.Unit.ID] - pos[b.Unit.ID]
	}
	sorted := slices.Clone(fresh)
	slices.SortFunc(sorted, before)
	k := 0
	for _, u := range kept {
		for k < len(sorted) && before(sorted[k], u) < 0 {
			res.Units = append(res.Units, sorted[k])
			k++
		}
		res.Units = append(res.Units, u)
	}
	res.Units = append(res.Units, sorted[k:]...)
	res.byID = make(map[string]*UnitResult, len(res.Units))
	for _, u := range res.Units {
		res.byID[u.Unit.ID] = u
	}
	return res
}

// rerankField sets the rank of the k-th top-level field on every unit
// where it applies, as rerank sets the units' ranks.
func (p *plan) rerankField(k int, kept, old, fresh []*UnitResult) {
	at := func(u *UnitResult) (decimal.Decimal, bool) { n := p.field(u, k); return n.Index(), n.Applicable }
	applies := func(u *UnitResult) bool { return p.field(u, k).Applicable }
	for _, u := range kept {
		if n := p.field(u, k); n.Applicable {
			n.Rank = int32(moved(int(n.Rank), n.Index(), old, fresh, applies, at))
		}
	}
	for _, u := range fresh {
		if n := p.field(u, k); n.Applicable {
			n.Rank = int32(counted(n.Index(), kept, fresh, applies, at))
		}
	}
}

func unitIndex(u *UnitResult) (decimal.Decimal, bool) { return u.Index, true }

// moved returns an unchanged result's rank, rank in base at index idx,
// less the changed results in old above it, plus those in fresh above it;
// only results in, for which index says they are ranked, count.
func moved(rank int, idx decimal.Decimal, old, fresh []*UnitResult, in func(*UnitResult) bool,
	index func(*UnitResult) (decimal.Decimal, bool)) int {
	for i := range old {
		if x, ok := index(old[i]); ok && in(old[i]) && cmpDecimal(x, idx) > 0 {
			rank--
		}
		if x, ok := index(fresh[i]); ok && in(fresh[i]) && cmpDecimal(x, idx) > 0 {
			rank++
		}
	}
	return rank
}

// counted returns one more than the number of results, unchanged or
// fresh, that are ranked with u and have a higher index than idx.
func counted(idx decimal.Decimal, kept, fresh []*UnitResult, in func(*UnitResult) bool,
	index func(*UnitResult) (decimal.Decimal, bool)) int {
	r := 1
	for _, list := range [2][]*UnitResult{kept, fresh} {
		for _, v := range list {
			if x, ok := index(v); ok && in(v) && cmpDecimal(x, idx) > 0 {
				r++
			}
		}
	}
	return r
}
