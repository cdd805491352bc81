package scoring

import (
	"slices"

	"parindex/criteria"
)

// Rescore returns in scored with changes applied after its decisions, as
// Score of in with the changes appended to its decisions gives it, from
// base, the result of Score(in): only the units the changes name are
// scored again, and every unit is ranked again. It returns ok false, and
// nothing else, when a change can move another unit's points — a changed
// metric read by a relative or minmax rule, directly or as a ratio's part,
// or points given to such a rule's leaf — or when a changed unit has a
// council decision of its own or a decision moves a relative rule's range
// (then a leaf's points before any decision are not base's to read): the
// caller then scores the whole assessment again. The result's Decisions
// and units' BeforeDecisions are base's.
func Rescore(in Input, base *Result, changes []criteria.Decision) (res *Result, ok bool, err error) {
	p, err := newPlan(in.Set)
	if err != nil || len(changes) == 0 || len(base.Units) != len(in.Units) || len(base.ranges) != len(p.leaves) {
		return nil, false, nil
	}
	if !p.local(in, base, changes) {
		return nil, false, nil
	}
	changed := map[string]bool{}
	var sub Input // the changed units alone, in units.yaml order
	for _, d := range changes {
		changed[d.Unit.ID] = true
	}
	dIn, over := applyDecisions(in, changes)
	sub = dIn
	sub.Units = nil
	for _, u := range in.Units {
		if changed[u.ID] {
			sub.Units = append(sub.Units, u)
		}
	}
	nm := len(p.metrics)
	vals := make([]criteria.Value, len(sub.Units)*nm)
	var problems criteria.Problems
	for u := range sub.Units {
		problems.Append(p.readUnit(sub, u, vals[u*nm:(u+1)*nm:(u+1)*nm], false)...)
	}
	if len(problems) == 0 {
		problems = p.checkLeafOver(sub, over, func(u int) []criteria.Value { return vals[u*nm : (u+1)*nm] })
	}
	if len(problems) > 0 {
		return nil, true, problems
	}
	p.rangesFrom(base)
	fresh := make([]*UnitResult, len(sub.Units))
	w := newWorker(len(p.nodes))
	for k, unit := range sub.Units {
		fresh[k] = &UnitResult{Unit: unit}
		p.scoreUnit(w, fresh[k], vals[k*nm:(k+1)*nm], over[unit.ID])
		p.tier(fresh[k])
	}
	res = p.rerank(in, base, changed, fresh)
	res.Decisions = base.Decisions
	markLeavesFrom(in.Set, changes, len(in.Decisions), takeSnapshot(base, changes), res)
	return res, true, nil
}

// local reports whether the changes can move no unit's points but their
// own, and whether base's points of a changed unit are its points before
// any decision, which a changed leaf's decision record says.
func (p *plan) local(in Input, base *Result, changes []criteria.Decision) bool {
	ranged := map[int]bool{} // metrics a ranged rule reads, with a ratio's parts
	rangedLeaf := map[*criteria.Node]bool{}
	for _, l := range p.leaves {
		if !l.rule.Ranged() {
			continue
		}
		rangedLeaf[l.node] = true
		ranged[l.metric] = true
		for _, part := range p.parts[l.metric] {
			for _, mi := range part {
				ranged[mi] = true
			}
		}
	}
	feeds := func(d criteria.Decision) bool {
		if d.Leaf != nil {
			return rangedLeaf[d.Leaf]
		}
		mi, ok := p.metricAt[d.Metric.ID]
		return !ok || ranged[mi]
	}
	decided := map[string]bool{}
	for _, d := range in.Decisions {
		if d.Metric != nil && feeds(d) {
			return false
		}
		decided[d.Unit.ID] = true
	}
	for _, d := range changes {
		if d.Unit == nil || (d.Leaf == nil) == (d.Metric == nil) || feeds(d) || decided[d.Unit.ID] || base.Unit(d.Unit.ID) == nil {
			return false
		}
		if d.Leaf != nil && !p.isLeaf(d.Leaf) {
			return false // not a scored criterion: the full scoring says so
		}
	}
	return true
}

func (p *plan) isLeaf(n *criteria.Node) bool {
	for _, l := range p.leaves {
		if l.node == n {
			return true
		}
	}
	return false
}

// rangesFrom gives every ranged leaf the range it had in base, which the
// changes leave as it was.
func (p *plan) rangesFrom(base *Result) {
	for li, l := range p.leaves {
		if r := base.ranges[li]; l.rule.Ranged() && !r[0].IsMissing() {
			l.rule.SetRange(r[0], r[1])
		}
	}
}

// reuse returns a copy of an unchanged unit's result to be ranked again:
// the top-level fields' results, which carry a rank, are copied; the other
// nodes' are shared with base, which nothing changes afterwards.
func (p *plan) reuse(b *UnitResult) *UnitResult {
	u := &UnitResult{
		Unit: b.Unit, Points: b.Points, Max: b.Max, Index: b.Index,
		Rank: b.Rank, GroupRank: b.GroupRank, Tier: b.Tier,
		Appraisal: b.Appraisal, Survey: b.Survey, Bonus: b.Bonus, Penalty: b.Penalty,
	}
	if b.Nodes == nil { // scored for its standing only
		u.fields = slices.Clone(b.fields)
		return u
	}
	u.Nodes = append([]*NodeResult(nil), b.Nodes...)
	for _, f := range p.top {
		n := *b.Nodes[f]
		u.Nodes[f] = &n
	}
	return u
}

// tier sets u's tier from its index, as rank does.
func (p *plan) tier(u *UnitResult) {
	for _, t := range p.set.Tiers {
		if t.Min.Cmp(u.Index) <= 0 {
			u.Tier = t.Name
			return
		}
	}
}
