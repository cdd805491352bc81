package scoring

import (
	"fmt"
	"math/rand/v2"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// genSet builds a random but valid criteria set of about nLeaves leaves,
// every rule type and derived ratios included, from a seeded generator.
func genSet(rng *rand.Rand, nLeaves int) *criteria.Set {
	var metrics []*criteria.Metric
	var fields []*criteria.Node
	newMetric := func(t criteria.MetricType) string {
		id := fmt.Sprintf("m%d", len(metrics)+1)
		metrics = append(metrics, metric(id, t))
		return id
	}
	leafN := 0
	newLeaf := func() *criteria.Node {
		leafN++
		max := decimal.New(int64(1+rng.IntN(300)), -2) // 0.01 … 3.00
		code := fmt.Sprintf("L%d", leafN)
		var r criteria.Rule
		switch rng.IntN(9) {
		case 0:
			r = criteria.Rule{Type: criteria.BooleanRule, Metric: newMetric(criteria.Bool), Expect: rng.IntN(4) > 0}
		case 1, 2:
			id := newMetric(criteria.Percent)
			if rng.IntN(2) == 0 { // a derived ratio of two counts
				a, b := newMetric(criteria.Count), newMetric(criteria.Count)
				id = fmt.Sprintf("m%d", len(metrics)+1)
				metrics = append(metrics, ratio(id, criteria.Percent, []string{a}, []string{b}))
			}
			lo := decimal.NewFromInt(int64(rng.IntN(50)))
			hi := lo.Add(decimal.NewFromInt(int64(1 + rng.IntN(50))))
			r = criteria.Rule{Type: criteria.BandsRule, Metric: id, Bands: []criteria.Band{
				{GTE: decimal.NewNullDecimal(hi), Points: max},
				{GT: decimal.NewNullDecimal(lo), LT: decimal.NewNullDecimal(hi), Points: max.Div(decimal.NewFromInt(2)).Round(2)},
			}}
		case 3:
			from, to := decimal.Zero, decimal.NewFromInt(100)
			if rng.IntN(2) == 0 {
				from, to = to, from
			}
			r = criteria.Rule{Type: criteria.LinearRule, Metric: newMetric(criteria.Percent), From: from, To: to}
		case 4:
			r = criteria.Rule{Type: criteria.RelativeRule, Metric: newMetric(criteria.Count)}
		case 5:
			r = criteria.Rule{Type: criteria.MinMaxRule, Metric: newMetric(criteria.Number), Lower: rng.IntN(2) == 0}
		case 6:
			r = criteria.Rule{Type: criteria.DeductionRule, Metric: newMetric(criteria.Count), Per: decimal.New(int64(1+rng.IntN(100)), -2)}
		case 7:
			r = criteria.Rule{Type: criteria.CountRule, Metric: newMetric(criteria.Count), Per: decimal.New(int64(1+rng.IntN(100)), -2)}
		default:
			r = criteria.Rule{Type: criteria.PointsRule, Metric: newMetric(criteria.Points)}
		}
		return leaf(code, max.String(), r)
	}
	for f := 0; leafN < nLeaves; f++ {
		var kids []*criteria.Node
		for range 3 {
			var sub []*criteria.Node
			for range 1 + rng.IntN(4) {
				sub = append(sub, newLeaf())
			}
			p := parent(fmt.Sprintf("%d.%d", f+1, len(kids)+1), sub...)
			if rng.IntN(4) == 0 { // a cap below the children's sum
				sum := decimal.Zero
				for _, s := range sub {
					sum = sum.Add(s.Max)
				}
				p.Max, p.HasMax = sum.Mul(decimal.New(7, -1)).Round(2), true
			}
			kids = append(kids, p)
		}
		field := parent(fmt.Sprint(f+1), kids...)
		if f%4 == 3 {
			field.Source = criteria.Survey
		}
		fields = append(fields, field)
	}
	fields = append(fields,
		withKind(criteria.Bonus, capped("B", "2", newLeaf(), newLeaf())),
		withKind(criteria.Penalty, capped("P", "2", newLeaf())))
	return newSet(metrics, fields...)
}

// genValues gives every input metric of set a random value, some N/A.
func genValues(rng *rand.Rand, set *criteria.Set, maxOf map[string]decimal.Decimal, inputs []*criteria.Metric) criteria.Values {
	vs := make(map[string]criteria.Value, len(inputs))
	for _, m := range inputs {
		if rng.IntN(20) == 0 {
			vs[m.ID] = criteria.NA()
			continue
		}
		switch m.Type {
		case criteria.Bool:
			vs[m.ID] = criteria.BoolValue(rng.IntN(2) == 0)
		case criteria.Count:
			vs[m.ID] = criteria.Num(decimal.NewFromInt(int64(rng.IntN(200))))
		case criteria.Percent:
			vs[m.ID] = criteria.Num(decimal.New(int64(rng.IntN(10001)), -2))
		case criteria.Number:
			vs[m.ID] = criteria.Num(decimal.New(int64(rng.IntN(20001)-5000), -1))
		case criteria.Points:
			mx := maxOf[m.ID].Mul(decimal.NewFromInt(1000)).IntPart()
			vs[m.ID] = criteria.Num(decimal.New(rng.Int64N(mx+1), -3))
		}
	}
	// a ratio's numerator never exceeds its denominator
	for _, m := range set.Metrics {
		if m.Ratio == nil {
			continue
		}
		a, b := m.Ratio.Numerator[0], m.Ratio.Denominator[0]
		if vs[a].IsNumber() && vs[b].IsNumber() && criteria.CompareValues(vs[a], vs[b]) > 0 {
			vs[a], vs[b] = vs[b], vs[a]
		}
	}
	return criteria.ValuesOf(vs)
}

// genInput builds nUnits units with random values for set.
func genInput(rng *rand.Rand, set *criteria.Set, nUnits int) Input {
	in := Input{Set: set, Units: units(nUnits), Values: make(map[string]criteria.Values, nUnits)}
	maxOf := map[string]decimal.Decimal{}
	for _, l := range set.Leaves() {
		maxOf[l.Rule.Metric] = l.Max
	}
	inputs := set.Inputs()
	for _, u := range in.Units {
		in.Values[u.ID] = genValues(rng, set, maxOf, inputs)
	}
	return in
}
