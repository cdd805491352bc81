package scoring

import (
	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// Standing is a unit's points, index and rank in one scoring.
type Standing struct {
	Points decimal.Decimal
	Index  decimal.Decimal
	Rank   int
}

func standing(u *UnitResult) Standing {
	return Standing{Points: u.Points, Index: u.Index, Rank: u.Rank}
}

// LeafDecision is what the council's decisions did to one leaf of one
// unit: its points scored without them and with them (null where the leaf
// does not apply), and the reason of the last decision that touched it —
// the leaf a row names, or a leaf reading the metric a row names, directly
// or through a ratio.
type LeafDecision struct {
	Before, After decimal.NullDecimal
	Reason, Round string
	Row           int // the decision's index in Result.Decisions
}

// DecisionStep is one decision with what it changed, counted cumulatively:
// the state after the decisions above it, then after it too. The figures
// are known only when Input.Steps asked for them (Stepped).
type DecisionStep struct {
	criteria.Decision
	ValueBefore  criteria.Value      // a metric's value after the rows above
	PointsBefore decimal.NullDecimal // a leaf's points after the rows above
	PointsAfter  decimal.NullDecimal // and after this row
	Before       Standing            // the unit's, after the rows above
	After        Standing            // and after this row
	Stepped      bool
}

// leafPoints holds one unit's decided leaves: the points, and where the
// decision was read, for a problem with it.
type leafPoints map[*criteria.Node]leafOverride

type leafOverride struct {
	points decimal.Decimal
	place  criteria.Problem
}

// scoreDecided scores in without its decisions, then with them; the first
// gives each unit's standing before the council, the second the result.
// Only one scoring's result is held at a time: of the others, what the
// decisions need is kept (snapshot), so that a large assessment with many
// decisions needs little more memory than one without.
func scoreDecided(in Input) (*Result, error) {
	before := in.Before
	if before == nil {
		base := in
		base.Decisions = nil
		var err error
		if before, err = score(base, nil); err != nil {
			return nil, err
		}
	}
	standings := make(map[string]Standing, len(before.Units))
	for _, u := range before.Units {
		standings[u.Unit.ID] = standing(u)
	}
	snaps := []snapshot{takeSnapshot(before, in.Decisions)}
	before = nil // the result itself is no longer needed
	if in.Steps {
		for k := 1; k < len(in.Decisions); k++ {
			kIn, kOver := applyDecisions(in, in.Decisions[:k])
			r, err := score(kIn, kOver)
			if err != nil {
				return nil, err
			}
			snaps = append(snaps, takeSnapshot(r, in.Decisions))
		}
	}
	dIn, over := applyDecisions(in, in.Decisions)
	res, err := score(dIn, over)
	if err != nil {
		return nil, err
	}
	if in.Steps {
		snaps = append(snaps, takeSnapshot(res, in.Decisions))
	}
	res.Decisions = decisionSteps(in, snaps)
	for _, u := range res.Units {
		s := standings[u.Unit.ID]
		u.BeforeDecisions = &s
	}
	markLeaves(in, snaps[0], res)
	return res, nil
}

// snapshot is what one scoring says of the units the decisions name: each
// one's standing and every node's points (null where it does not apply).
type snapshot map[string]unitSnapshot

type unitSnapshot struct {
	Standing
	points []decimal.NullDecimal // parallel to Set.Nodes()
}

func takeSnapshot(r *Result, decs []criteria.Decision) snapshot {
	s := snapshot{}
	for _, d := range decs {
		id := d.Unit.ID
		if _, ok := s[id]; ok {
			continue
		}
		u := r.Unit(id)
		us := unitSnapshot{Standing: standing(u), points: make([]decimal.NullDecimal, len(u.Nodes))}
		for i, n := range u.Nodes {
			us.points[i] = nodePoints(n)
		}
		s[id] = us
	}
	return s
}

// applyDecisions returns in with the metric decisions of decs applied to
// its values (a copy: in.Values is not changed) and problems with a
// decided value placed at its row, and the leaves' decided points by unit.
// A later row for the same unit and target replaces an earlier one's.
func applyDecisions(in Input, decs []criteria.Decision) (Input, map[string]leafPoints) {
	out := in
	out.Decisions = nil
	var over map[string]leafPoints
	values := make(map[string]criteria.Values, len(in.Values))
	for id, vs := range in.Values {
		values[id] = vs
	}
	copied := map[string]bool{}
	placed := map[[2]string]criteria.Problem{}
	for _, d := range decs {
		id := d.Unit.ID
		if d.Leaf != nil {
			if over == nil {
				over = map[string]leafPoints{}
			}
			if over[id] == nil {
				over[id] = leafPoints{}
			}
			over[id][d.Leaf] = leafOverride{points: d.Points, place: d.Place}
			continue
		}
		if !copied[id] {
			values[id], copied[id] = values[id].Clone(), true
		}
		vs := values[id]
		vs.Set(d.Metric.ID, d.Value)
		values[id] = vs
		placed[[2]string{id, d.Metric.ID}] = d.Place
	}
	out.Values = values
	if len(placed) > 0 {
		out.Place = decidedPlace(in, placed)
	}
	return out, over
}

// decidedPlace places a problem with a decided value, or with a ratio one
// of whose parts was decided, at the decision's row; any other where
// in.Place says.
func decidedPlace(in Input, placed map[[2]string]criteria.Problem) func(unitID, metricID string) criteria.Problem {
	return func(unitID, metricID string) criteria.Problem {
		if pr, ok := placed[[2]string{unitID, metricID}]; ok {
			return pr
		}
		if m := in.Set.Metric(metricID); m != nil {
			for _, part := range ratioParts(m) {
				if pr, ok := placed[[2]string{unitID, part}]; ok {
					return pr
				}
			}
		}
		if in.Place != nil {
			return in.Place(unitID, metricID)
		}
		return criteria.Problem{}
	}
}

// checkLeafOver finds decided points the scoring cannot take: on a leaf
// that does not apply to the unit, outside [0, max], or with more places
// than the set's decimals. vals are every unit's checked values.
func (p *plan) checkLeafOver(in Input, over map[string]leafPoints, vals func(u int) []criteria.Value) criteria.Problems {
	if len(over) == 0 {
		return nil
	}
	byNode := make(map[*criteria.Node]*leafPlan, len(p.leaves))
	for _, l := range p.leaves {
		byNode[l.node] = l
	}
	var ps criteria.Problems
	for u, unit := range in.Units {
		for _, node := range decidedOrder(in, unit, over[unit.ID]) {
			o := over[unit.ID][node]
			l := byNode[node]
			pr := o.place
			switch {
			case l == nil:
				pr.Msg = "criterion " + node.Code + " is not a scored criterion of this set"
			case !p.leafApplies(l, vals(u)):
				pr.Msg = "unit \"" + unit.Name + "\": criterion " + node.Code +
					" does not apply to this unit (its value is N/A), so it cannot be given points"
				pr.Hint = "give the metric a value instead, or remove the row"
			case o.points.Sign() < 0 || o.points.GreaterThan(l.maxDec):
				pr.Msg = "unit \"" + unit.Name + "\": criterion " + node.Code + ": " + o.points.String() +
					" points is outside 0 to " + l.maxDec.String()
			case o.points.Exponent() < -p.dec && !o.points.Equal(o.points.Round(p.dec)):
				pr.Msg = "unit \"" + unit.Name + "\": criterion " + node.Code + ": " + o.points.String() +
					" has more than the set's decimal places"
			default:
				continue
			}
			ps = append(ps, pr)
		}
	}
	return ps
}

// decidedOrder lists a unit's decided leaves in the order of the rows, so
// that problems read top down.
func decidedOrder(in Input, unit *criteria.Unit, lp leafPoints) []*criteria.Node {
	if len(lp) == 0 {
		return nil
	}
	var out []*criteria.Node
	seen := map[*criteria.Node]bool{}
	for _, n := range in.Set.Leaves() {
		if _, ok := lp[n]; ok && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for n := range lp {
		if !seen[n] {
			out = append(out, n) // not a leaf of this set: reported as such
		}
	}
	return out
}

// leafApplies reports whether leaf l applies to a unit with the checked
// values vals, the one test a decided leaf must pass.
func (p *plan) leafApplies(l *leafPlan, vals []criteria.Value) bool {
	return !vals[l.metric].IsNA() || l.na != criteria.NAExclude // SPEC §8.1: full and zero apply
}

// decisionSteps lists the decisions with what each changed. snaps holds
// the state before any decision, then after each in turn when the steps
// were scored, or only the first otherwise.
func decisionSteps(in Input, snaps []snapshot) []DecisionStep {
	steps := make([]DecisionStep, len(in.Decisions))
	current := map[[2]string]criteria.Value{}
	nodeAt := nodeIndex(in.Set)
	for k, d := range in.Decisions {
		st := DecisionStep{Decision: d}
		id := d.Unit.ID
		if d.Metric != nil {
			key := [2]string{id, d.Metric.ID}
			v, ok := current[key]
			if !ok {
				v = in.Values[id].Get(d.Metric.ID)
			}
			st.ValueBefore = v
			current[key] = d.Value
		}
		if len(snaps) == len(in.Decisions)+1 {
			b, a := snaps[k][id], snaps[k+1][id]
			st.Before, st.After, st.Stepped = b.Standing, a.Standing, true
			if d.Leaf != nil {
				i := nodeAt[d.Leaf]
				st.PointsBefore, st.PointsAfter = b.points[i], a.points[i]
			}
		}
		steps[k] = st
	}
	return steps
}

// markLeaves sets Decision on every leaf a decision touched, for the last
// row that touched it; before is the state before any decision.
func markLeaves(in Input, before snapshot, res *Result) {
	markLeavesFrom(in.Set, in.Decisions, 0, before, res)
}

// markLeavesFrom is markLeaves for the decisions decs, the first of which
// is row first of Result.Decisions.
func markLeavesFrom(set *criteria.Set, decs []criteria.Decision, first int, before snapshot, res *Result) {
	nodeAt := nodeIndex(set)
	leaves := set.Leaves()
	for k, d := range decs {
		b, a := before[d.Unit.ID], res.Unit(d.Unit.ID)
		for _, n := range leaves {
			if !touches(set, d, n) {
				continue
			}
			i := nodeAt[n]
			a.Nodes[i].Decision = &LeafDecision{
				Before: b.points[i], After: nodePoints(a.Nodes[i]),
				Reason: d.Reason, Round: d.Round, Row: first + k,
			}
		}
	}
}

// touches reports whether decision d touches leaf n: names it, or names
// the metric its rule reads, directly or as a part of a ratio.
func touches(set *criteria.Set, d criteria.Decision, n *criteria.Node) bool {
	if d.Leaf != nil {
		return d.Leaf == n
	}
	if n.Rule == nil || d.Metric == nil {
		return false
	}
	if n.Rule.Metric == d.Metric.ID {
		return true
	}
	if m := set.Metric(n.Rule.Metric); m != nil {
		for _, part := range ratioParts(m) {
			if part == d.Metric.ID {
				return true
			}
		}
	}
	return false
}

// ratioParts lists the metrics a derived ratio is worked out from; none
// for any other metric.
func ratioParts(m *criteria.Metric) []string {
	if m.Ratio == nil {
		return nil
	}
	return append(append([]string{}, m.Ratio.Numerator...), m.Ratio.Denominator...)
}

func nodeIndex(set *criteria.Set) map[*criteria.Node]int {
	nodes := set.Nodes()
	at := make(map[*criteria.Node]int, len(nodes))
	for i, n := range nodes {
		at[n] = i
	}
	return at
}

func nodePoints(n *NodeResult) decimal.NullDecimal {
	if !n.Applicable {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(n.Points())
}

// Decided reports whether the node's points are a council decision's
// rather than what its rule gives.
func (n *NodeResult) Decided() bool { return n.flags&decided != 0 }

// decidedExplain says why a leaf the council gave points to has them: the
// rule no longer says why.
func decidedExplain(n *NodeResult, lang criteria.Lang) string {
	pts := criteria.FormatNumber(n.Points(), lang) + "/" + criteria.FormatNumber(n.Max(), lang) + " " +
		criteria.Plural(lang, n.Max(), "điểm", "point", "points")
	return criteria.Say(lang, "điểm do Hội đồng thẩm định quyết định: %s", "points set by the appraisal council: %s", pts)
}
