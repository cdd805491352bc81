package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// synthetic builds a criteria set of fields × criteria × 2 sub-criteria,
// every rule shape among them, and n units with values drawn from a fixed
// sequence, and scores them.
func synthetic(t testing.TB, fields, crits, n int) *scoring.Result {
	t.Helper()
	var y strings.Builder
	y.WriteString("id: synthetic\ntitle: Bộ chỉ số tổng hợp thử nghiệm\nyear: 2024\ndecimals: 2\n")
	y.WriteString("tiers:\n  - {name: Tốt, min: 90}\n  - {name: Khá, min: 80}\n  - {name: Trung bình, min: 65}\n  - {name: Yếu, min: 0}\nmetrics:\n")
	type leaf struct{ metric, typ, rule string }
	shapes := []leaf{
		{"bool", "bool", "{type: boolean, metric: %s}"},
		{"pct", "percent", "{type: bands, metric: %s, bands: [{gte: 90, points: 1}, {gte: 50, points: 0.5}]}"},
		{"num", "number", "{type: linear, metric: %s, from: 0, to: 50}"},
		{"rel", "percent", "{type: relative, metric: %s}"},
		{"mm", "number", "{type: minmax, metric: %s, better: lower}"},
		{"ded", "count", "{type: deduction, metric: %s, per: 0.25}"},
		{"cnt", "count", "{type: count, metric: %s, per: 0.5}"},
	}
	var tree strings.Builder
	k := 0
	var metrics []leaf
	for f := 1; f <= fields; f++ {
		src := ""
		if f == fields {
			src = "\n    source: survey"
		}
		fmt.Fprintf(&tree, "  - code: \"%d\"\n    name: Lĩnh vực số %d%s\n    children:\n", f, f, src)
		for c := 1; c <= crits; c++ {
			fmt.Fprintf(&tree, "      - code: \"%d.%d\"\n        name: Tiêu chí %d.%d về cải cách hành chính\n        children:\n", f, c, f, c)
			for s := 1; s <= 2; s++ {
				sh := shapes[k%len(shapes)]
				id := fmt.Sprintf("m%d_%s", k, sh.metric)
				metrics = append(metrics, leaf{id, sh.typ, ""})
				fmt.Fprintf(&tree, "          - {code: \"%d.%d.%d\", name: Tiêu chí thành phần %d.%d.%d, max: 1, rule: %s}\n",
					f, c, s, f, c, s, fmt.Sprintf(sh.rule, id))
				k++
			}
		}
	}
	for _, m := range metrics {
		fmt.Fprintf(&y, "  - {id: %s, name: Chỉ số %s, type: %s}\n", m.metric, m.metric, m.typ)
	}
	y.WriteString("fields:\n")
	y.WriteString(tree.String())
	set, err := criteria.Load([]byte(y.String()), "synthetic.yaml")
	if err != nil {
		t.Fatalf("synthetic set: %v", err)
	}
	var uy strings.Builder
	uy.WriteString("units:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&uy, "  - {id: u%05d, name: Đơn vị hành chính số %05d}\n", i, i)
	}
	units, err := criteria.LoadUnits([]byte(uy.String()), "units.yaml")
	if err != nil {
		t.Fatalf("synthetic units: %v", err)
	}
	values := map[string]criteria.Values{}
	seed := uint64(12345)
	next := func(m uint64) int64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int64((seed >> 33) % m)
	}
	for _, u := range units {
		vs := criteria.Values{}
		for _, m := range metrics {
			switch m.typ {
			case "bool":
				vs.Set(m.metric, criteria.BoolValue(next(4) > 0))
			case "count":
				vs.Set(m.metric, criteria.Num(decimal.NewFromInt(next(5))))
			default:
				if next(40) == 0 {
					vs.Set(m.metric, criteria.NA())
					continue
				}
				vs.Set(m.metric, criteria.Num(decimal.New(next(10001), -2)))
			}
		}
		values[u.ID] = vs
	}
	res, err := scoring.Score(scoring.Input{Set: set, Units: units, Values: values})
	if err != nil {
		t.Fatalf("scoring the synthetic set: %v", err)
	}
	return res
}
