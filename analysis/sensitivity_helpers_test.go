package analysis_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/scoring"
	"parindex/workspace"
)

// fixtures are the workspaces every property is checked on besides the
// made-up tables.
var fixtures = []string{
	filepath.Join("..", "fixtures", "quangnam-2019"),
	filepath.Join("..", "fixtures", "tiny"),
	filepath.Join("..", "report", "testdata", "tricky"),
}

// table is a made-up assessment: ordinary fields of one criterion each
// (scored by a points rule), optionally a bonus and a penalty field, and
// each unit's points, "-" for not applicable.
type table struct {
	decimals int
	maxes    []string   // one per ordinary field
	bonus    string     // the bonus field's max, "" for none
	penalty  string     // the penalty field's max, "" for none
	units    [][]string // per unit: points per ordinary field, then bonus, then penalty
}

// result scores tb as parindex does.
func (tb table) result(t testing.TB) *scoring.Result {
	t.Helper()
	var y strings.Builder
	fmt.Fprintf(&y, "id: made-up\ntitle: Dữ liệu minh hoạ\nyear: 2024\ndecimals: %d\nmetrics:\n", tb.decimals)
	type field struct{ max, kind string }
	var fields []field
	for _, m := range tb.maxes {
		fields = append(fields, field{m, ""})
	}
	if tb.bonus != "" {
		fields = append(fields, field{tb.bonus, "bonus"})
	}
	if tb.penalty != "" {
		fields = append(fields, field{tb.penalty, "penalty"})
	}
	for i := range fields {
		fmt.Fprintf(&y, "  - {id: m%d, name: Chỉ tiêu %d, type: points}\n", i+1, i+1)
	}
	y.WriteString("fields:\n")
	for i, f := range fields {
		fmt.Fprintf(&y, "  - code: \"%d\"\n    name: Lĩnh vực %d\n", i+1, i+1)
		if f.kind != "" {
			fmt.Fprintf(&y, "    kind: %s\n", f.kind)
		}
		fmt.Fprintf(&y, "    children:\n      - {code: \"%d.1\", name: Tiêu chí %d.1, max: %s, rule: {type: points, metric: m%d}}\n",
			i+1, i+1, f.max, i+1)
	}
	set, err := criteria.Load([]byte(y.String()), "criteria.yaml")
	if err != nil {
		t.Fatalf("criteria: %v\n%s", err, y.String())
	}
	var uy strings.Builder
	uy.WriteString("units:\n")
	values := map[string]criteria.Values{}
	for i, row := range tb.units {
		id := fmt.Sprintf("u%d", i+1)
		fmt.Fprintf(&uy, "  - {id: %s, name: Đơn vị %d}\n", id, i+1)
		vals := criteria.Values{}
		for f := range fields {
			v := criteria.NA()
			if f < len(row) && row[f] != "-" {
				v = criteria.Num(decimal.RequireFromString(row[f]))
			}
			vals.Set(fmt.Sprintf("m%d", f+1), v)
		}
		values[id] = vals
	}
	units, err := criteria.LoadUnits([]byte(uy.String()), "units.yaml")
	if err != nil {
		t.Fatalf("units: %v", err)
	}
	res, err := scoring.Score(scoring.Input{Set: set, Units: units, Values: values})
	if err != nil {
		t.Fatalf("score: %v", err)
	}
	return res
}

// loadFixture scores a workspace folder.
func loadFixture(t testing.TB, dir string) *scoring.Result {
	t.Helper()
	ws, err := workspace.Load(workspace.Paths{Dir: dir}, workspace.Everything)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	res, err := ws.Score()
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return res
}

// sensitivity runs the analysis, failing the test on an error.
func sensitivity(t testing.TB, res *scoring.Result, runs int, spread string, seed uint64) *analysis.Sensitivity {
	t.Helper()
	s, err := analysis.RankSensitivity(res, analysis.SensitivityOptions{
		Runs: runs, Spread: decimal.RequireFromString(spread), Seed: seed})
	if err != nil {
		t.Fatalf("RankSensitivity: %v", err)
	}
	return s
}

// byName returns the figures of the unit named "Đơn vị n".
func byName(t *testing.T, s *analysis.Sensitivity, n int) *analysis.UnitSensitivity {
	t.Helper()
	u := s.Unit(fmt.Sprintf("u%d", n))
	if u == nil {
		t.Fatalf("no unit u%d", n)
	}
	return u
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// ordinaryFields counts the ordinary top-level fields of res's set.
func ordinaryFields(res *scoring.Result) int {
	n := 0
	for _, f := range res.Set.Fields {
		if f.Kind == criteria.Ordinary {
			n++
		}
	}
	return n
}
