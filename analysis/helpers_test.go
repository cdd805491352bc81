package analysis_test

import (
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
	"parindex/workspace"
)

// demo loads a demo workspace of the repository, decisions included.
func demo(t testing.TB, name string) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Load(workspace.Paths{Dir: filepath.Join("..", "fixtures", name)}, workspace.Everything)
	if err != nil {
		t.Fatalf("loading %s: %v", name, err)
	}
	return ws
}

// randomChange draws a change that scoring accepts: a leaf's points
// within its max at the set's places on a leaf that applies, or a plain
// count or percent metric a rule reads, moved a little.
func randomChange(r *rand.Rand, in scoring.Input, res *scoring.Result) criteria.Decision {
	u := res.Units[r.IntN(len(res.Units))]
	set := in.Set
	if r.IntN(2) == 0 {
		var leaves []*scoring.NodeResult
		for _, n := range u.Nodes {
			if n.Node.IsLeaf() && n.Applicable {
				leaves = append(leaves, n)
			}
		}
		n := leaves[r.IntN(len(leaves))]
		steps := n.Node.Max.Shift(set.Decimals).IntPart()
		pts := decimal.New(r.Int64N(steps+1), -set.Decimals)
		return criteria.Decision{Unit: u.Unit, Leaf: n.Node, Points: pts, Reason: "thử", Round: "1"}
	}
	var ms []*criteria.Metric
	for _, m := range set.Inputs() {
		v := in.Values[u.Unit.ID].Get(m.ID)
		if (m.Type == criteria.Percent || m.Type == criteria.Points) && v.IsNumber() && usedDirectly(set, m.ID) {
			ms = append(ms, m)
		}
	}
	m := ms[r.IntN(len(ms))]
	v := in.Values[u.Unit.ID].Get(m.ID)
	num, _ := v.Fraction()
	hi := decimal.NewFromInt(100)
	if m.Type == criteria.Points {
		hi = leafMax(set, m.ID)
	}
	nv := decimal.NewFromFloat(r.Float64()).Mul(hi).Round(1)
	if r.IntN(3) == 0 {
		nv = num // the value as appraised
	}
	return criteria.Decision{Unit: u.Unit, Metric: m, Value: criteria.Num(nv), Reason: "thử", Round: "1"}
}

func usedDirectly(set *criteria.Set, id string) bool {
	for _, l := range set.Leaves() {
		if l.Rule.Metric == id {
			return true
		}
	}
	return false
}

// leafMax is the smallest max of the leaves reading metric id, so that a
// points value fits every one of them.
func leafMax(set *criteria.Set, id string) decimal.Decimal {
	var mx decimal.Decimal
	first := true
	for _, l := range set.Leaves() {
		if l.Rule.Metric == id && (first || l.Max.LessThan(mx)) {
			mx, first = l.Max, false
		}
	}
	return mx
}

// sameResult fails unless a and b give every unit the same points, index,
// rank and tier, and every node the same points.
func sameResult(t *testing.T, what string, a, b *scoring.Result) {
	t.Helper()
	if len(a.Units) != len(b.Units) {
		t.Fatalf("%s: %d units against %d", what, len(a.Units), len(b.Units))
	}
	for i, ua := range a.Units {
		ub := b.Units[i]
		if ua.Unit.ID != ub.Unit.ID || !ua.Points.Equal(ub.Points) || !ua.Index.Equal(ub.Index) || ua.Rank != ub.Rank || ua.Tier != ub.Tier {
			t.Fatalf("%s: place %d: %s %s %s #%d against %s %s %s #%d", what, i+1,
				ua.Unit.ID, ua.Points, ua.Index, ua.Rank, ub.Unit.ID, ub.Points, ub.Index, ub.Rank)
		}
		for j, na := range ua.Nodes {
			nb := ub.Nodes[j]
			if na.Applicable != nb.Applicable || !na.Points().Equal(nb.Points()) {
				t.Fatalf("%s: %s node %s: %s against %s", what, ua.Unit.ID, na.Node.Code, na.Points(), nb.Points())
			}
		}
	}
}
