package scoring

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// decisionSet: field 1 capped at 3 over two leaves of max 2 (a boolean
// and a relative rule), field 2 a bands rule on a ratio.
func decisionSet() *criteria.Set {
	return newSet([]*criteria.Metric{
		metric("plan", criteria.Bool), metric("initiatives", criteria.Count),
		metric("late", criteria.Count), metric("total", criteria.Count),
		ratio("late_rate", criteria.Percent, []string{"late"}, []string{"total"}),
	},
		capped("1", "3",
			leaf("1.1", "2", criteria.Rule{Type: criteria.BooleanRule, Metric: "plan", Expect: true}),
			leaf("1.2", "2", criteria.Rule{Type: criteria.RelativeRule, Metric: "initiatives"})),
		parent("2",
			leaf("2.1", "2", criteria.Rule{Type: criteria.BandsRule, Metric: "late_rate", Bands: []criteria.Band{
				{LT: nd("5"), Points: d("2")}, {GTE: nd("5"), Points: d("0")}}})),
	)
}

// decisionInput: u1 1.1 ✓, 2 initiatives (best), 1% late: 3 + 2 = 5 of 5;
// u2 1.1 ✗, 1 initiative, 10% late: 1 + 0 = 1 of 5; u3 1.1 ✓, 0, no
// dossiers (2.1 does not apply): 2 of 3.
func decisionInput() Input {
	set := decisionSet()
	return input(set,
		criteria.ValuesOf(map[string]criteria.Value{"plan": yes, "initiatives": num("2"), "late": num("1"), "total": num("100")}),
		criteria.ValuesOf(map[string]criteria.Value{"plan": no, "initiatives": num("1"), "late": num("10"), "total": num("100")}),
		criteria.ValuesOf(map[string]criteria.Value{"plan": yes, "initiatives": num("0"), "late": na, "total": na}),
	)
}

func decide(in Input, unit int, target, value string) criteria.Decision {
	d := criteria.Decision{Unit: in.Units[unit], Reason: "lý do " + target, Round: "1", Text: value}
	for _, n := range in.Set.Leaves() {
		if n.Code == target {
			d.Leaf, d.Points = n, decimalOf(value)
			return d
		}
	}
	d.Metric = in.Set.Metric(target)
	v, err := d.Metric.Parse(value)
	if err != nil {
		panic(err)
	}
	d.Value = v
	return d
}

func decimalOf(s string) decimal.Decimal { return d(s) }

// TestDecisions checks, by hand, what decisions do to points, ranks, the
// standing before the council and the figures of each row.
func TestDecisions(t *testing.T) {
	in := decisionInput()
	base := mustScore(t, in)
	if got := []string{base.Units[0].Unit.ID, base.Units[1].Unit.ID, base.Units[2].Unit.ID}; strings.Join(got, " ") != "u1 u3 u2" {
		t.Fatalf("ranking without decisions: %v", got)
	}
	in.Decisions = []criteria.Decision{
		decide(in, 1, "1.1", "2"),         // u2: 1.1 gets 2: field 1 is 2 + 1 = 3: 3 of 5 = 60, still 3rd
		decide(in, 1, "late", "4"),        // u2: 4% late: 2.1 gets 2: 5 of 5 = 100, tied with u1
		decide(in, 0, "1.2", "0"),         // u1: 1.2 set to 0, the cap no longer binds: 2 + 2 = 4 of 5
		decide(in, 1, "initiatives", "3"), // u2 best: u1's 1.2 stays 0 (decided); u3's stays 0
	}
	in.Steps = true
	res := mustScore(t, in)
	type row struct {
		id, points, index string
		rank, before      int
	}
	want := []row{{"u2", "5.00", "100.00", 1, 3}, {"u1", "4.00", "80.00", 2, 1}, {"u3", "2.00", "66.67", 3, 2}}
	for i, w := range want {
		u := res.Units[i]
		if u.Unit.ID != w.id || u.Points.StringFixed(2) != w.points || u.Index.StringFixed(2) != w.index || u.Rank != w.rank || u.BeforeDecisions.Rank != w.before {
			t.Errorf("place %d: %s %s %s #%d (before #%d), want %+v", i+1, u.Unit.ID, u.Points, u.Index, u.Rank, u.BeforeDecisions.Rank, w)
		}
	}
	// Each row's figures, after the rows above and then after it: u2 goes
	// 1 → 3 points (60, still below u3's 66.67) → 5, tying u1 at rank 1
	// after row 2; then u1 drops to 4 points.
	steps := []struct {
		before, after   string
		rankB, rankA    int
		ptsB, ptsA, val string
	}{
		{"1.00", "3.00", 3, 3, "0.00", "2.00", ""},
		{"3.00", "5.00", 3, 1, "", "", "10"},
		{"5.00", "4.00", 1, 2, "2.00", "0.00", ""},
		{"5.00", "5.00", 1, 1, "", "", "1"},
	}
	for k, w := range steps {
		st := res.Decisions[k]
		if !st.Stepped || st.Before.Points.StringFixed(2) != w.before || st.After.Points.StringFixed(2) != w.after ||
			st.Before.Rank != w.rankB || st.After.Rank != w.rankA {
			t.Errorf("row %d: %s → %s, #%d → #%d; want %+v", k+1, st.Before.Points, st.After.Points, st.Before.Rank, st.After.Rank, w)
		}
		if st.Leaf != nil && (st.PointsBefore.Decimal.StringFixed(2) != w.ptsB || st.PointsAfter.Decimal.StringFixed(2) != w.ptsA) {
			t.Errorf("row %d: points %v → %v", k+1, st.PointsBefore, st.PointsAfter)
		}
		if st.Metric != nil && st.ValueBefore.String() != w.val {
			t.Errorf("row %d: value before %s, want %s", k+1, st.ValueBefore, w.val)
		}
	}
	// The leaves a decision touched, the ratio's included, for the last
	// row that touched them.
	u2 := res.Unit("u2")
	if dd := node(t, u2, "2.1").Decision; dd == nil || dd.Before.Decimal.StringFixed(2) != "0.00" || dd.After.Decimal.StringFixed(2) != "2.00" || dd.Row != 1 {
		t.Errorf("u2 2.1 decision %+v", dd)
	}
	if dd := node(t, u2, "1.2").Decision; dd == nil || dd.Row != 3 {
		t.Errorf("u2 1.2 decision %+v", dd)
	}
	if node(t, res.Unit("u3"), "1.2").Decision != nil || node(t, u2, "2.1").Explain(criteria.English) == "" {
		t.Error("a leaf no decision touched carries one")
	}
	if got := node(t, res.Unit("u1"), "1.2").Explain(criteria.English); got != "points set by the appraisal council: 0/2 points" {
		t.Errorf("decided leaf explained as %q", got)
	}
}

// TestDecisionProblems: points on a leaf that does not apply, and a
// decided value scoring refuses, are placed at the decision's row.
func TestDecisionProblems(t *testing.T) {
	in := decisionInput()
	na := decide(in, 2, "2.1", "1")
	na.Place = criteria.Problem{File: "decisions.csv", Line: 2}
	over := decide(in, 0, "late", "150")
	over.Place = criteria.Problem{File: "decisions.csv", Line: 3}
	in.Decisions = []criteria.Decision{na, over}
	_, err := Score(in)
	got := ""
	if err != nil {
		got = err.Error()
	}
	want := `decisions.csv:3: unit "Huyện 1": metric "late_rate": the ratio is 150%, above 100% (late 150 ÷ total 100): the counts contradict each other`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	in.Decisions = []criteria.Decision{na}
	_, err = Score(in)
	if err == nil || err.Error() != `decisions.csv:2: unit "Huyện 3": criterion 2.1 does not apply to this unit (its value is N/A), so it cannot be given points` {
		t.Fatalf("got %v", err)
	}
}
