package scoring

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// TestPropertyBounds: on random sets and values, points stay within
// [0, max] at every node, and the machine-word and math/big paths agree.
func TestPropertyBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 20 {
		set := genSet(rng, 30)
		in := genInput(rng, set, 40)
		res := mustScore(t, in)
		forceSlow = true
		slow, err := Score(in)
		forceSlow = false
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range res.Units {
			s := slow.Unit(u.Unit.ID)
			for i, n := range u.Nodes {
				if n.Applicable && (n.Points().Sign() < 0 || n.Points().Cmp(n.Max()) > 0) {
					t.Errorf("round %d %s %s: %s of %s", round, u.Unit.ID, n.Node.Code, n.Points(), n.Max())
				}
				if !n.Points().Equal(s.Nodes[i].Points()) {
					t.Errorf("round %d %s %s: %s in machine words, %s in math/big", round, u.Unit.ID, n.Node.Code, n.Points(), s.Nodes[i].Points())
				}
			}
			if u.Points.Sign() < 0 || u.Points.Cmp(u.Max) > 0 {
				t.Errorf("round %d %s: total %s of %s", round, u.Unit.ID, u.Points, u.Max)
			}
		}
	}
}

// TestPropertyShuffle: the units' order changes no unit's result.
func TestPropertyShuffle(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for range 10 {
		set := genSet(rng, 25)
		in := genInput(rng, set, 30)
		a := mustScore(t, in)
		rng.Shuffle(len(in.Units), func(i, j int) { in.Units[i], in.Units[j] = in.Units[j], in.Units[i] })
		b := mustScore(t, in)
		for _, ua := range a.Units {
			ub := b.Unit(ua.Unit.ID)
			if !ua.Points.Equal(ub.Points) || !ua.Index.Equal(ub.Index) || ua.Rank != ub.Rank || ua.Tier != ub.Tier {
				t.Errorf("%s: %s/%s rank %d, shuffled %s/%s rank %d", ua.Unit.ID, ua.Points, ua.Index, ua.Rank, ub.Points, ub.Index, ub.Rank)
			}
			for i, n := range ua.Nodes {
				if !n.Points().Equal(ub.Nodes[i].Points()) || n.Rank != ub.Nodes[i].Rank {
					t.Errorf("%s %s differs after shuffling", ua.Unit.ID, n.Node.Code)
				}
			}
		}
	}
}

// TestPropertyMonotone: under linear (lower or higher better), bands
// written in increasing order, and count, a better value never earns fewer
// points.
func TestPropertyMonotone(t *testing.T) {
	incBands := []criteria.Band{{LT: nd("20"), Points: d("0")}, {GTE: nd("20"), LT: nd("50"), Points: d("0.4")},
		{GTE: nd("50"), LTE: nd("80"), Points: d("0.7")}, {GT: nd("80"), Points: d("1")}}
	rules := []struct {
		rule  criteria.Rule
		lower bool
	}{
		{criteria.Rule{Type: criteria.LinearRule, From: d("10"), To: d("90")}, false},
		{criteria.Rule{Type: criteria.LinearRule, From: d("90"), To: d("10")}, true},
		{criteria.Rule{Type: criteria.BandsRule, Bands: incBands}, false},
		{criteria.Rule{Type: criteria.CountRule, Per: d("0.07")}, false},
	}
	rng := rand.New(rand.NewPCG(1, 9))
	for _, r := range rules {
		r.rule.Metric = "m"
		set := newSet([]*criteria.Metric{metric("m", criteria.Number)}, parent("1", leaf("1.1", "1", r.rule)))
		var vals []criteria.Values
		var xs []decimal.Decimal
		for range 200 {
			x := decimal.New(int64(rng.IntN(10001)), -2)
			xs = append(xs, x)
			vals = append(vals, criteria.ValuesOf(map[string]criteria.Value{"m": criteria.Num(x)}))
		}
		res := mustScore(t, input(set, vals...))
		pts := make([]decimal.Decimal, len(xs))
		for i := range xs {
			pts[i] = res.Unit(units(len(xs))[i].ID).Nodes[1].Points()
		}
		for i := range xs {
			for j := range xs {
				better := xs[i].Cmp(xs[j]) > 0
				if r.lower {
					better = xs[i].Cmp(xs[j]) < 0
				}
				if better && pts[i].Cmp(pts[j]) < 0 {
					t.Fatalf("%s: %s earns %s, worse %s earns %s", r.rule.Type, xs[i], pts[i], xs[j], pts[j])
				}
			}
		}
	}
}
