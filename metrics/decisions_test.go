package metrics

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"parindex/criteria"
)

var updateDecisions = flag.Bool("update-decisions", false, "rewrite the golden files of the decisions tests")

// decisionSet is testSet with a tree to decide on: a leaf whose code is
// also a metric id, as happens when a set names a survey leaf after its
// metric.
func decisionSet() *criteria.Set {
	s := testSet()
	one, two := decimal.NewFromInt(1), decimal.NewFromInt(2)
	s.Fields = []*criteria.Node{
		{Code: "1", Name: "Chỉ đạo, điều hành", Children: []*criteria.Node{
			{Code: "1.1", Name: "Kế hoạch CCHC", Max: one, HasMax: true, Depth: 1,
				Rule: &criteria.Rule{Type: criteria.BooleanRule, Metric: "plan_on_time", Expect: true}},
			{Code: "1.2", Name: "Tỷ lệ trễ hạn", Max: two, HasMax: true, Depth: 1,
				Rule: &criteria.Rule{Type: criteria.LinearRule, Metric: "late_rate", From: decimal.NewFromInt(10), To: decimal.Zero}},
			{Code: "survey_points", Name: "Điều tra", Max: decimal.NewFromInt(5), HasMax: true, Depth: 1,
				Rule: &criteria.Rule{Type: criteria.PointsRule, Metric: "survey_points"}},
		}},
	}
	return s
}

// renderDecisions writes decisions one a line: place, unit, target,
// value, reason, round.
func renderDecisions(ds []criteria.Decision) []string {
	var out []string
	for _, d := range ds {
		v := d.Value.String()
		if d.Leaf != nil {
			v = d.Points.String() + " points"
		}
		out = append(out, strings.Join([]string{strings.TrimSuffix(d.Place.Error(), ": ") + " " + d.Unit.ID, d.Target(), v, d.Reason, d.Round}, " | "))
	}
	return out
}

// TestReadDecisions reads each file of testdata/decisions and compares
// what it gives — the decisions, or every problem with its hints — with
// the golden file beside it.
func TestReadDecisions(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "decisions", "*.csv"))
	if len(files) < 3 {
		t.Fatalf("found %d test files", len(files))
	}
	set, units := decisionSet(), testUnits()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ds, err := ReadDecisions(file, set, units)
			var got []string
			if err != nil {
				got = problemLines(t, err)
			} else {
				got = renderDecisions(ds)
			}
			golden := strings.TrimSuffix(file, ".csv") + ".golden"
			text := strings.Join(got, "\n") + "\n"
			if *updateDecisions {
				if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-decisions)", err)
			}
			if diff := cmp.Diff(string(want), text); diff != "" {
				t.Errorf("%s (-want +got):\n%s", file, diff)
			}
		})
	}
}

// TestDecisionsXLSX reads decisions from a workbook: numeric cells as
// numbers, a percentage cell as shown, problems at their cells.
func TestDecisionsXLSX(t *testing.T) {
	data := writeWorkbook(t, "", [][]any{
		{"Đơn vị", "Tiêu chí", "Giá trị", "Lý do", "Vòng"},
		{"Điện Bàn", "satisfaction", styled(0.875, 10, ""), "Khảo sát lại", "Hội đồng"},
		{"Quế Sơn", "1.1", 0.5, "Tài liệu bổ sung", nil},
		{"Tam Kỳ", "1.1", 2, "Quá điểm", nil},
	})
	path := filepath.Join(t.TempDir(), "decisions.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadDecisions(path, decisionSet(), testUnits())
	got := problemLines(t, err)
	want := []string{path + `: 'Số liệu'!C4: unit "Thành phố Tam Kỳ": criterion 1.1: 2 points is outside 0 to 1, the range of the criterion`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("problems (-want +got):\n%s", diff)
	}
	data = writeWorkbook(t, "", [][]any{
		{"Đơn vị", "Tiêu chí", "Giá trị", "Lý do", "Vòng"},
		{"Điện Bàn", "satisfaction", styled(0.875, 10, ""), "Khảo sát lại", "Hội đồng"},
		{"Quế Sơn", "1.1", 0.5, "Tài liệu bổ sung", nil},
	})
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := ReadDecisions(path, decisionSet(), testUnits())
	if err != nil {
		t.Fatal(err)
	}
	want = []string{
		path + ": 'Số liệu'!A2 dien-ban | satisfaction | 87.5 | Khảo sát lại | Hội đồng",
		path + ": 'Số liệu'!A3 que-son | 1.1 | 0.5 points | Tài liệu bổ sung | 1",
	}
	if diff := cmp.Diff(want, renderDecisions(ds)); diff != "" {
		t.Fatalf("decisions (-want +got):\n%s", diff)
	}
}

// TestParseChanges reads what-if changes: the target forms, and problems
// in a decision's words, placed at the change.
func TestParseChanges(t *testing.T) {
	set, units := decisionSet(), testUnits()
	ds, err := ParseChanges([]string{"dien-ban:dossiers_late=4", "Quế Sơn:code:survey_points=2.5", "Tam Kỳ:metric:survey_points=N/A"}, set, units)
	if err != nil {
		t.Fatal(err)
	}
	got := renderDecisions(ds)
	want := []string{
		"dien-ban:dossiers_late=4 dien-ban | dossiers_late | 4 | what-if | what-if",
		"Quế Sơn:code:survey_points=2.5 que-son | survey_points | 2.5 points | what-if | what-if",
		"Tam Kỳ:metric:survey_points=N/A tam-ky | survey_points | N/A | what-if | what-if",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("changes (-want +got):\n%s", diff)
	}
	_, err = ParseChanges([]string{"dien-ban=4", "Hội An:1.1=1", "dien-ban:survey_points=1", "dien-ban:1.1=1,5"}, set, units)
	got = problemLines(t, err)
	want = []string{
		"dien-ban=4: a change is written UNIT:TARGET=VALUE",
		`Hội An:1.1=1: unknown unit "Hội An"`,
		`dien-ban:survey_points=1: unit "Thị xã Điện Bàn": target "survey_points" is both a metric id and a criterion code`,
		`dien-ban:1.1=1,5: unit "Thị xã Điện Bàn": criterion 1.1: "1,5" is not a number (use . as the decimal mark)`,
		`hint: for example dien-ban:dossiers_late=0 or "Điện Bàn:1.3.2=0.5"`,
		"hint: write metric:survey_points for the metric or code:survey_points for the criterion",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("problems (-want +got):\n%s", diff)
	}
}

// FuzzDecisions reads any bytes as decisions.csv: no panic, every problem
// placed, and every decision read whole — a unit, exactly one target, a
// reason and a round.
func FuzzDecisions(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "decisions", "*.csv"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("unit,target,value,reason\nTam Kỳ,code:1.1,\"0.5\",\"a,b\"\r\n"))
	f.Add([]byte("vòng;lý do;giá trị;chỉ số;đơn vị\n1;x;12,5;dossiers_late;Quế Sơn\n"))
	set, units := decisionSet(), testUnits()
	f.Fuzz(func(t *testing.T, data []byte) {
		dr := &decisionReader{parser: newDecisionParser(set, units)}
		if fatal := scanCSV(bytes.NewReader(data), "d.csv", &dr.probs, dr.row); fatal != nil {
			checkProblems(t, criteria.Problems{*fatal})
			return
		}
		checkProblems(t, dr.probs)
		if len(dr.probs) > 0 {
			return
		}
		for _, d := range dr.decisions {
			if d.Unit == nil || (d.Metric == nil) == (d.Leaf == nil) || d.Reason == "" || d.Round == "" || d.Place.File == "" {
				t.Fatalf("decision read incomplete: %+v", d)
			}
			if d.Leaf != nil && (d.Points.Sign() < 0 || d.Points.GreaterThan(d.Leaf.Max)) {
				t.Fatalf("points %s outside 0 to %s", d.Points, d.Leaf.Max)
			}
		}
	})
}
