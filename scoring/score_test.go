package scoring

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"parindex/criteria"
)

func boolRule(m string) criteria.Rule {
	return criteria.Rule{Type: criteria.BooleanRule, Metric: m, Expect: true}
}

func bools(ids ...string) []*criteria.Metric {
	var ms []*criteria.Metric
	for _, id := range ids {
		ms = append(ms, metric(id, criteria.Bool))
	}
	return ms
}

// TestTree checks caps, N/A leaving the max at every level, bonus and
// penalty clamping, and points by source.
func TestTree(t *testing.T) {
	set := newSet(append(bools("a", "b", "c", "e", "f"), metric("s", criteria.Points), metric("bo", criteria.Points), metric("pe", criteria.Points)),
		parent("1",
			capped("1.1", "2", leaf("1.1.1", "1", boolRule("a")), leaf("1.1.2", "1", boolRule("b")), leaf("1.1.3", "1", boolRule("c"))),
			parent("1.2", leaf("1.2.1", "1", boolRule("e")), leaf("1.2.2", "2", boolRule("f")))),
		withSource(criteria.Survey, parent("2", leaf("2.1", "5", criteria.Rule{Type: criteria.PointsRule, Metric: "s"}))),
		withKind(criteria.Bonus, capped("B", "2", leaf("B.1", "2", criteria.Rule{Type: criteria.PointsRule, Metric: "bo"}))),
		withKind(criteria.Penalty, capped("P", "3", leaf("P.1", "3", criteria.Rule{Type: criteria.PointsRule, Metric: "pe"}))),
	)
	in := input(set,
		// 1.1 capped: 3 → 2 of max min(2, 3) = 2; 1.2: 1.2.1 N/A, 1.2.2 2/2.
		// 1: 4/4; 2: 3.5/5; ordinary 7.5 of 9; bonus 2 → 9.5 clamped to 9.
		criteria.ValuesOf(map[string]criteria.Value{"a": yes, "b": yes, "c": yes, "e": na, "f": yes, "s": num("3.5"), "bo": num("2"), "pe": num("0")}),
		// 1.1: 1/2 (max capped at 2), 1.2 all N/A → not applicable; 1: 1/2.
		// 2: 0.5/5; ordinary 1.5/7; penalty 3 → below zero, clamped to 0.
		criteria.ValuesOf(map[string]criteria.Value{"a": yes, "b": no, "c": no, "e": na, "f": na, "s": num("0.5"), "bo": na, "pe": num("3")}),
	)
	res := mustScore(t, in)
	want := map[string]map[string]string{
		"u1": {"1.1": "2.00/2.00/100.00", "1.2": "2.00/2.00/100.00", "1.2.1": "n/a", "1": "4.00/4.00/100.00", "2": "3.50/5.00/70.00", "B": "2.00/2.00/100.00"},
		"u2": {"1.1": "1.00/2.00/50.00", "1.2": "n/a", "1": "1.00/2.00/50.00", "2": "0.50/5.00/10.00", "B": "n/a", "P": "3.00/3.00/100.00"},
	}
	for id, nodes := range want {
		u := res.Unit(id)
		for code, w := range nodes {
			if got := nodeText(node(t, u, code)); got != w {
				t.Errorf("%s %s: %s, want %s", id, code, got, w)
			}
		}
	}
	u1, u2 := res.Unit("u1"), res.Unit("u2")
	checks := []struct{ name, got, want string }{
		{"u1 points", u1.Points.StringFixed(2), "9.00"}, // 7.5 + 2 = 9.5, held at the max 9
		{"u1 max", u1.Max.StringFixed(2), "9.00"},
		{"u1 index", u1.Index.StringFixed(2), "100.00"},
		{"u1 appraisal", u1.Appraisal.StringFixed(2), "4.00"},
		{"u1 survey", u1.Survey.StringFixed(2), "3.50"},
		{"u1 bonus", u1.Bonus.StringFixed(2), "2.00"},
		{"u2 points", u2.Points.StringFixed(2), "0.00"}, // 1.5 − 3 < 0, held at 0
		{"u2 max", u2.Max.StringFixed(2), "7.00"},
		{"u2 penalty", u2.Penalty.StringFixed(2), "3.00"},
		{"u2 bonus", u2.Bonus.StringFixed(2), "0.00"},
		{"u2 appraisal", u2.Appraisal.StringFixed(2), "1.00"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
}

// TestMixedSources assigns each child of a mixed parent to its own source.
func TestMixedSources(t *testing.T) {
	set := newSet(bools("a", "b"), parent("1", leaf("1.1", "1", boolRule("a")), withSource(criteria.Survey, leaf("1.2", "2", boolRule("b")))))
	u := mustScore(t, input(set, criteria.ValuesOf(map[string]criteria.Value{"a": yes, "b": yes}))).Units[0]
	if u.Appraisal.StringFixed(2) != "1.00" || u.Survey.StringFixed(2) != "2.00" {
		t.Errorf("appraisal %s survey %s, want 1.00 and 2.00", u.Appraisal, u.Survey)
	}
}

// TestRanks checks competition ranks, their order, field ranks, group
// ranks and tiers.
func TestRanks(t *testing.T) {
	set := newSet([]*criteria.Metric{metric("x", criteria.Points), metric("y", criteria.Points)},
		parent("1", leaf("1.1", "50", criteria.Rule{Type: criteria.PointsRule, Metric: "x"})),
		parent("2", leaf("2.1", "50", criteria.Rule{Type: criteria.PointsRule, Metric: "y"})))
	set.Tiers = []criteria.Tier{{Name: "Tốt", Min: d("90")}, {Name: "Khá", Min: d("80")}, {Name: "Yếu", Min: d("0")}}
	// totals: u1 80, u2 90, u3 80, u4 95, u5 60 (field 2 N/A for u5: 30/50)
	in := input(set,
		criteria.ValuesOf(map[string]criteria.Value{"x": num("40"), "y": num("40")}),
		criteria.ValuesOf(map[string]criteria.Value{"x": num("45"), "y": num("45")}),
		criteria.ValuesOf(map[string]criteria.Value{"x": num("30"), "y": num("50")}),
		criteria.ValuesOf(map[string]criteria.Value{"x": num("50"), "y": num("45")}),
		criteria.ValuesOf(map[string]criteria.Value{"x": num("30"), "y": na}),
	)
	groups := []string{"Đồng bằng", "Miền núi", "Miền núi", "Đồng bằng", "Đồng bằng"}
	for i, u := range in.Units {
		u.Group = groups[i]
	}
	res := mustScore(t, in)
	// indices: u4 95, u2 90, u1 80, u3 80, u5 60 → ranks 1, 2, 3, 3, 5; u1 before u3 (units.yaml order)
	var order []string
	var ranks, groupRanks []int
	var tiers []string
	for _, u := range res.Units {
		order = append(order, u.Unit.ID)
		ranks = append(ranks, u.Rank)
		groupRanks = append(groupRanks, u.GroupRank)
		tiers = append(tiers, u.Tier)
	}
	eq(t, "order", strings.Join(order, ","), "u4,u2,u1,u3,u5")
	eq(t, "ranks", ranks, []int{1, 2, 3, 3, 5})
	// Đồng bằng: u4 95, u1 80, u5 60; Miền núi: u2 90, u3 80
	eq(t, "group ranks", groupRanks, []int{1, 1, 2, 2, 3})
	eq(t, "tiers", strings.Join(tiers, ","), "Tốt,Tốt,Khá,Khá,Yếu")
	if !res.Grouped {
		t.Error("Grouped is false")
	}
	// field 1 indices: u1 80, u2 90, u3 60, u4 100, u5 60 → 3, 2, 4, 1, 4
	// field 2: u1 80, u2 90, u3 100, u4 90, u5 n/a → 4, 2, 1, 2, 0
	want := map[string][2]int{"u1": {3, 4}, "u2": {2, 2}, "u3": {4, 1}, "u4": {1, 2}, "u5": {4, 0}}
	for id, w := range want {
		u := res.Unit(id)
		if got := [2]int{int(node(t, u, "1").Rank), int(node(t, u, "2").Rank)}; got != w {
			t.Errorf("%s field ranks %v, want %v", id, got, w)
		}
		if r := node(t, u, "1.1").Rank; r != 0 {
			t.Errorf("%s: criterion 1.1 has rank %d", id, r)
		}
	}
}

// TestTies gives ranks 1, 2, 2, 4 and keeps tied units in input order.
func TestTies(t *testing.T) {
	set := newSet([]*criteria.Metric{metric("x", criteria.Points)}, parent("1", leaf("1.1", "10", criteria.Rule{Type: criteria.PointsRule, Metric: "x"})))
	res := mustScore(t, input(set, criteria.ValuesOf(map[string]criteria.Value{"x": num("7")}), criteria.ValuesOf(map[string]criteria.Value{"x": num("9")}), criteria.ValuesOf(map[string]criteria.Value{"x": num("5")}), criteria.ValuesOf(map[string]criteria.Value{"x": num("7")})))
	var got []string
	for _, u := range res.Units {
		got = append(got, u.Unit.ID+"="+string(rune('0'+u.Rank)))
	}
	eq(t, "ranking", strings.Join(got, " "), "u2=1 u1=2 u4=2 u3=4")
	if res.Grouped || res.Units[0].GroupRank != 0 || res.Units[0].Tier != "" {
		t.Error("ungrouped, tierless set has a group rank or tier")
	}
}

// TestProblems collects every input problem at once, placed.
func TestProblems(t *testing.T) {
	set := newSet([]*criteria.Metric{metric("ok", criteria.Bool), metric("p", criteria.Points), metric("r", criteria.Number),
		metric("late", criteria.Count), metric("total", criteria.Count), ratio("rate", criteria.Percent, []string{"late"}, []string{"total"})},
		parent("1", leaf("1.1", "1", boolRule("ok")), leaf("1.2", "2", criteria.Rule{Type: criteria.PointsRule, Metric: "p"}),
			leaf("1.3", "1", criteria.Rule{Type: criteria.RelativeRule, Metric: "r"}),
			leaf("1.4", "1", criteria.Rule{Type: criteria.LinearRule, Metric: "rate", From: d("100"), To: d("0")})))
	good := criteria.ValuesOf(map[string]criteria.Value{"ok": yes, "p": num("1"), "r": num("1"), "late": num("0"), "total": num("5")})
	in := input(set,
		criteria.ValuesOf(map[string]criteria.Value{"ok": num("1"), "p": num("1"), "r": num("1"), "late": num("0")}), // wrong kind, missing total
		criteria.ValuesOf(map[string]criteria.Value{"ok": yes, "p": num("2.5"), "r": num("-1"), "late": num("9"), "total": num("8")}),
		criteria.ValuesOf(map[string]criteria.Value{"ok": na, "p": na, "r": na, "late": na, "total": num("0")}),
		good,
		good,
	)
	delete(in.Values, "u5")
	in.Place = func(unit, metric string) criteria.Problem {
		if metric == "rate" {
			return criteria.Problem{}
		}
		return criteria.Problem{File: "metrics.csv", Line: int(unit[1]-'0') + 1}
	}
	_, err := Score(in)
	var ps criteria.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Score: %v, want Problems", err)
	}
	want := []string{
		`metrics.csv:2: unit "Huyện 1": metric "ok": "1" is not a yes/no value`,
		`metrics.csv:2: unit "Huyện 1": metric "total": no value given`,
		`metrics.csv:3: unit "Huyện 2": metric "rate": the ratio is 112.5%, above 100% (late 9 ÷ total 8): the counts contradict each other`,
		`metrics.csv:3: unit "Huyện 2": metric "p": 2.5 points is outside 0 to 2, the range of criterion 1.2`,
		`metrics.csv:3: unit "Huyện 2": metric "r": -1 is negative, but criterion 1.3 scores it against the best unit`,
		`metrics.csv:4: unit "Huyện 3": no criterion of the ordinary fields applies: every value they read is N/A`,
		`metrics.csv:6: unit "Huyện 5": no metric values given`,
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Error())
	}
	eq(t, "problems", strings.Join(got, "\n"), strings.Join(want, "\n"))
}

func TestBadSet(t *testing.T) {
	if _, err := Score(Input{}); err == nil {
		t.Error("Score without a set: no error")
	}
	set := newSet(bools("a"), parent("1", leaf("1.1", "1", boolRule("nope"))))
	if _, err := Score(input(set, criteria.ValuesOf(map[string]criteria.Value{"a": yes}))); err == nil || !strings.Contains(err.Error(), `metric "nope" is not declared`) {
		t.Errorf("undeclared metric: %v", err)
	}
}

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if g, w := toString(got), toString(want); g != w {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []int:
		var s []string
		for _, i := range v {
			s = append(s, string(rune('0'+i)))
		}
		return strings.Join(s, ",")
	}
	return "?"
}

// TestCheckWithoutSet checks that Check reports a missing set as a
// problem rather than failing on it.
func TestCheckWithoutSet(t *testing.T) {
	ps := Check(Input{})
	if len(ps) != 1 || ps[0].Msg == "" {
		t.Fatalf("Check(no set) = %v, want one problem", ps)
	}
}

// TestCheckPartialValues checks what Check finds in values a reader could
// only partly read: a missing value is passed over (the reader reported
// it), a ratio with a missing part is not worked out, and the problems of
// what was read are all found — here a ratio above 100% and points out of
// range in different units.
func TestCheckPartialValues(t *testing.T) {
	set := newSet([]*criteria.Metric{metric("late", criteria.Count), metric("total", criteria.Count),
		ratio("late_rate", criteria.Percent, []string{"late"}, []string{"total"}), metric("sp", criteria.Points)},
		parent("1",
			leaf("1.1", "1", criteria.Rule{Type: criteria.LinearRule, Metric: "late_rate", From: d("100"), To: d("0")}),
			leaf("1.2", "2", criteria.Rule{Type: criteria.PointsRule, Metric: "sp"})))
	in := input(set,
		criteria.ValuesOf(map[string]criteria.Value{"late": num("9"), "total": num("8"), "sp": num("1")}),    // 112.5%
		criteria.ValuesOf(map[string]criteria.Value{"late": num("1"), "sp": num("3")}),                       // total missing; 3 > 2
		criteria.ValuesOf(map[string]criteria.Value{"total": num("10")}),                                     // late and sp missing
		criteria.ValuesOf(map[string]criteria.Value{"late": num("1"), "total": num("10"), "sp": num("1.5")}), // sound
	)
	ps := Check(in)
	var got []string
	for _, p := range ps {
		got = append(got, p.Msg)
	}
	want := []string{
		`unit "Huyện 1": metric "late_rate": the ratio is 112.5%, above 100% (late 9 ÷ total 8): the counts contradict each other`,
		`unit "Huyện 2": metric "sp": 3 points is outside 0 to 2, the range of criterion 1.2`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
	if _, err := Score(in); err == nil {
		t.Error("Score accepted values with missing parts")
	}
}
