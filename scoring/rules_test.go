package scoring

import (
	"testing"

	"parindex/criteria"
)

// TestRules scores one leaf for several units and checks each unit's
// points against hand-worked arithmetic. Every case runs twice: in machine
// words and in math/big, which must agree.
func TestRules(t *testing.T) {
	band := func(gte, gt, lte, lt, pts string) criteria.Band {
		b := criteria.Band{Points: d(pts)}
		if gte != "" {
			b.GTE = nd(gte)
		}
		if gt != "" {
			b.GT = nd(gt)
		}
		if lte != "" {
			b.LTE = nd(lte)
		}
		if lt != "" {
			b.LT = nd(lt)
		}
		return b
	}
	halfOpen := []criteria.Band{band("90", "", "", "", "1"), band("80", "", "", "90", "0.75"), band("", "", "", "80", "0.25")}
	closedTop := []criteria.Band{band("", "80", "90", "", "0.5")}
	tests := []struct {
		name   string
		typ    criteria.MetricType
		max    string
		rule   criteria.Rule
		values []criteria.Value
		want   []string // points to 2 places, "n/a" when not applicable
	}{
		{"boolean expect true", criteria.Bool, "1", criteria.Rule{Type: criteria.BooleanRule, Expect: true},
			[]criteria.Value{yes, no, na}, []string{"1.00", "0.00", "n/a"}},
		{"boolean expect false", criteria.Bool, "1.5", criteria.Rule{Type: criteria.BooleanRule, Expect: false},
			[]criteria.Value{yes, no}, []string{"0.00", "1.50"}},
		// gte 90 holds at exactly 90; lt 90 does not; 80 is in [80, 90)
		{"bands gte/lt boundaries", criteria.Percent, "1", criteria.Rule{Type: criteria.BandsRule, Bands: halfOpen},
			[]criteria.Value{num("90"), num("89.999"), num("80"), num("79.99"), num("0")},
			[]string{"1.00", "0.75", "0.75", "0.25", "0.25"}},
		// gt 80 fails at exactly 80; lte 90 holds at exactly 90; nothing holds above 90
		{"bands gt/lte boundaries", criteria.Percent, "1", criteria.Rule{Type: criteria.BandsRule, Bands: closedTop},
			[]criteria.Value{num("80"), num("80.001"), num("90"), num("90.001")},
			[]string{"0.00", "0.50", "0.50", "0.00"}},
		// 3 × (62.5 − 0)/(100 − 0) = 1.875 → 1.88; below from → 0; above to → 3
		{"linear", criteria.Number, "3", criteria.Rule{Type: criteria.LinearRule, From: d("0"), To: d("100")},
			[]criteria.Value{num("62.5"), num("-5"), num("120")}, []string{"1.88", "0.00", "3.00"}},
		// lower is better: 3 × (10 − 20)/(5 − 20) = 3 × 2/3 = 2
		{"linear from > to", criteria.Number, "3", criteria.Rule{Type: criteria.LinearRule, From: d("20"), To: d("5")},
			[]criteria.Value{num("10"), num("25"), num("0"), num("5")}, []string{"2.00", "0.00", "3.00", "3.00"}},
		// 0.75 × (100/6)/100 = 0.125 exactly → 0.13 (cut at 16 places first it would be 0.12)
		{"linear .xx5 rounds away", criteria.Number, "0.75", criteria.Rule{Type: criteria.LinearRule, From: d("0"), To: d("100")},
			[]criteria.Value{criteria.Frac(d("100"), d("6"))}, []string{"0.13"}},
		// best 100: 2 × 75/100 = 1.5; N/A takes no part
		{"relative", criteria.Number, "2", criteria.Rule{Type: criteria.RelativeRule},
			[]criteria.Value{num("75"), num("100"), na, num("0")}, []string{"1.50", "2.00", "n/a", "0.00"}},
		// 0.75 × 1/6 = 0.125 → 0.13
		{"relative .xx5", criteria.Number, "0.75", criteria.Rule{Type: criteria.RelativeRule},
			[]criteria.Value{num("1"), num("6")}, []string{"0.13", "0.75"}},
		{"relative best 0", criteria.Number, "2", criteria.Rule{Type: criteria.RelativeRule},
			[]criteria.Value{num("0"), num("0"), na}, []string{"0.00", "0.00", "n/a"}},
		// worst 10, best 100: 2 × (55 − 10)/90 = 1
		{"minmax higher", criteria.Number, "2", criteria.Rule{Type: criteria.MinMaxRule},
			[]criteria.Value{num("10"), num("55"), num("100"), na}, []string{"0.00", "1.00", "2.00", "n/a"}},
		// best 10, worst 100: 2 × (55 − 100)/(10 − 100) = 1; 40: 2 × 60/90 = 1.333… → 1.33
		{"minmax lower", criteria.Number, "2", criteria.Rule{Type: criteria.MinMaxRule, Lower: true},
			[]criteria.Value{num("10"), num("55"), num("100"), num("40")}, []string{"2.00", "1.00", "0.00", "1.33"}},
		{"minmax best = worst", criteria.Number, "2", criteria.Rule{Type: criteria.MinMaxRule},
			[]criteria.Value{num("5"), num("5"), na}, []string{"2.00", "2.00", "n/a"}},
		// 2 − 0.5 × 3 = 0.5; 2 − 0.5 × 5 < 0 → 0
		{"deduction", criteria.Count, "2", criteria.Rule{Type: criteria.DeductionRule, Per: d("0.5")},
			[]criteria.Value{num("3"), num("5"), num("0")}, []string{"0.50", "0.00", "2.00"}},
		// 0.5 × 3 = 1.5; 0.5 × 10 = 5 capped at 2
		{"count", criteria.Count, "2", criteria.Rule{Type: criteria.CountRule, Per: d("0.5")},
			[]criteria.Value{num("3"), num("10"), num("0")}, []string{"1.50", "2.00", "0.00"}},
		// 4.125 → 4.13, half away from zero
		{"points", criteria.Points, "5", criteria.Rule{Type: criteria.PointsRule},
			[]criteria.Value{num("4.125"), num("5"), num("0")}, []string{"4.13", "5.00", "0.00"}},
	}
	for _, slow := range []bool{false, true} {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				forceSlow = slow
				defer func() { forceSlow = false }()
				tt.rule.Metric = "m"
				set := newSet([]*criteria.Metric{metric("m", tt.typ), metric("other", criteria.Bool)},
					parent("1", leaf("1.1", tt.max, tt.rule), leaf("1.2", "1", criteria.Rule{Type: criteria.BooleanRule, Metric: "other", Expect: true})))
				var vals []criteria.Values
				for _, v := range tt.values {
					vals = append(vals, criteria.ValuesOf(map[string]criteria.Value{"m": v, "other": yes}))
				}
				res := mustScore(t, input(set, vals...))
				for i, want := range tt.want {
					n := node(t, res.Unit(units(len(vals))[i].ID), "1.1")
					got := "n/a"
					if n.Applicable {
						got = n.Points().StringFixed(2)
					}
					if got != want {
						t.Errorf("slow=%v unit %d (%s): points %s, want %s", slow, i+1, tt.values[i], got, want)
					}
				}
			})
		}
	}
}

// TestRatios derives a ratio from its parts: N/A parts count 0, a zero
// denominator makes the ratio N/A, and the exact fraction meets the band.
func TestRatios(t *testing.T) {
	set := newSet([]*criteria.Metric{
		metric("late", criteria.Count), metric("late_land", criteria.Count), metric("total", criteria.Count),
		ratio("late_rate", criteria.Percent, []string{"late", "late_land"}, []string{"total"}),
		metric("ok", criteria.Bool),
	}, parent("1",
		leaf("1.1", "1", criteria.Rule{Type: criteria.BandsRule, Metric: "late_rate", Bands: []criteria.Band{
			{LTE: nd("10"), Points: d("1")}, {GT: nd("10"), LT: nd("33.34"), Points: d("0.5")}}}),
		leaf("1.2", "1", criteria.Rule{Type: criteria.BooleanRule, Metric: "ok", Expect: true})))
	in := input(set,
		criteria.ValuesOf(map[string]criteria.Value{"late": num("1"), "late_land": na, "total": num("10"), "ok": yes}),      // 10% exactly: lte 10
		criteria.ValuesOf(map[string]criteria.Value{"late": num("1"), "late_land": num("2"), "total": num("9"), "ok": yes}), // 33.33…% < 33.34
		criteria.ValuesOf(map[string]criteria.Value{"late": na, "late_land": na, "total": num("0"), "ok": yes}),             // 0/0: N/A
		criteria.ValuesOf(map[string]criteria.Value{"late": num("2"), "late_land": num("1"), "total": na, "ok": yes}),       // denominator N/A counts 0: N/A
	)
	res := mustScore(t, in)
	want := []string{"1.00/1.00/100.00", "0.50/1.00/50.00", "n/a", "n/a"}
	for i, w := range want {
		u := res.Unit(in.Units[i].ID)
		n := node(t, u, "1.1")
		if got := nodeText(n); got != w {
			t.Errorf("unit %d: 1.1 %s, want %s", i+1, got, w)
		}
	}
	// Unit 3 keeps only 1.2: 1/1 → index 100.
	if u := res.Unit("u3"); !u.Max.Equal(d("1")) || !u.Index.Equal(d("100")) {
		t.Errorf("unit 3: max %s index %s, want 1 and 100", u.Max, u.Index)
	}
	if got := res.Unit("u2").Nodes[1].Value.Round(4).String(); got != "33.3333" {
		t.Errorf("unit 2 late_rate %s, want 33.3333", got)
	}
}
