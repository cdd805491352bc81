package criteria

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func bound(s string) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: dec(s), Valid: true}
}

func ptr(v Value) *Value { return &v }

// cmpSet compares sets by value: decimals numerically, Values by content,
// and not the lookup index.
var cmpSet = []cmp.Option{
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmp.AllowUnexported(Value{}),
	cmpopts.IgnoreUnexported(Set{}),
	cmpopts.EquateEmpty(),
}

func leaf(code, name, max string, line int, r Rule) *Node {
	if r.To.IsZero() && r.From.IsZero() {
		r.To = dec("100")
	}
	return &Node{Code: code, Name: name, Max: dec(max), HasMax: true, Rule: &r, Depth: 1, Line: line}
}

func parent(code, name, max string, line int, kids ...*Node) *Node {
	n := &Node{Code: code, Name: name, Line: line, Children: kids}
	if max != "" {
		n.Max, n.HasMax = dec(max), true
	}
	return n
}

func wantValid() *Set {
	metric := func(id, name string, t MetricType, line int) *Metric {
		return &Metric{ID: id, Name: name, Type: t, Line: line}
	}
	withDefault := func(m *Metric, v Value) *Metric { m.Default = &v; return m }
	withRatio := func(m *Metric, num, den []string) *Metric {
		m.Ratio = &Ratio{Numerator: num, Denominator: den}
		return m
	}
	survey := parent("4", "Điều tra xã hội học", "", 93,
		leaf("4.1", "Chỉ số SIPAS", "10", 97, Rule{Type: PointsRule, Metric: "sipas", Expect: true}))
	survey.Source, survey.Children[0].Source = Survey, Survey
	bonus := parent("5", "Điểm thưởng", "2", 101,
		leaf("5.1", "Sáng kiến CCHC", "3", 106, Rule{Type: PointsRule, Metric: "award", Expect: true}))
	bonus.Kind, bonus.Children[0].Kind = Bonus, Bonus
	penalty := leaf("6", "Điểm trừ", "1", 110, Rule{Type: DeductionRule, Metric: "violations", Expect: true, Per: dec("0.5")})
	penalty.Kind, penalty.Depth = Penalty, 0
	return &Set{
		ID: "qn-district-2019", Title: "Bộ chỉ số CCHC cấp huyện năm 2019", Year: 2019, Decimals: 2,
		File:  "criteria.yaml",
		Tiers: []Tier{{"Tốt", dec("90")}, {"Khá", dec("80")}, {"Trung bình", dec("65")}, {"Yếu", dec("0")}},
		Metrics: []*Metric{
			metric("plan_on_time", "Ban hành kế hoạch CCHC đúng hạn", Bool, 11),
			withDefault(metric("report_late", "Báo cáo CCHC trễ hạn", Bool, 12), BoolValue(false)),
			metric("dossiers_total", "Tổng số hồ sơ TTHC đã giải quyết", Count, 13),
			metric("dossiers_late", "Số hồ sơ giải quyết trễ hạn", Count, 14),
			withDefault(metric("dossiers_early", "Số hồ sơ giải quyết trước hạn", Count, 15), Num(dec("0"))),
			metric("dossiers_on_time", "Số hồ sơ giải quyết đúng hạn", Count, 16),
			withRatio(metric("late_rate", "Tỷ lệ hồ sơ trễ hạn", Percent, 17),
				[]string{"dossiers_late"}, []string{"dossiers_total"}),
			withRatio(metric("timely_rate", "Tỷ lệ hồ sơ đúng và trước hạn", Percent, 21),
				[]string{"dossiers_early", "dossiers_on_time"}, []string{"dossiers_total"}),
			withDefault(metric("online_share", "Tỷ lệ hồ sơ trực tuyến", Percent, 27), NA()),
			metric("plan_done", "Tỷ lệ hoàn thành kế hoạch", Number, 28),
			metric("apology_missing", "hồ sơ trễ hạn không có thư xin lỗi", Count, 29),
			metric("iso_communes", "xã áp dụng ISO 9001", Count, 30),
			metric("sipas", "Chỉ số hài lòng SIPAS", Points, 31),
			withDefault(metric("award", "Điểm thưởng sáng kiến", Points, 32), Num(dec("0"))),
			withDefault(metric("violations", "vi phạm kỷ luật", Count, 33), Num(dec("0"))),
		},
		Fields: []*Node{
			parent("1", "Công tác chỉ đạo, điều hành CCHC", "3", 35,
				leaf("1.1", "Ban hành kế hoạch CCHC năm", "1", 39, Rule{Type: BooleanRule, Metric: "plan_on_time", Expect: true}),
				leaf("1.2", "Báo cáo CCHC đúng hạn", "0.5", 43, Rule{Type: BooleanRule, Metric: "report_late"}),
				leaf("1.3", "Mức độ hoàn thành kế hoạch", "1.5", 47, Rule{Type: RelativeRule, Metric: "plan_done", Expect: true})),
			parent("2", "Cải cách thủ tục hành chính", "", 51,
				leaf("2.1", "Tỷ lệ hồ sơ trễ hạn", "2", 54, Rule{Type: BandsRule, Metric: "late_rate", Expect: true, Bands: []Band{
					{LT: bound("1"), Points: dec("2")},
					{GTE: bound("1"), LT: bound("3"), Points: dec("1")},
					{GTE: bound("3"), LTE: bound("5"), Points: dec("0.5")},
					{GT: bound("5"), Points: dec("0")},
				}}),
				leaf("2.2", "Tỷ lệ hồ sơ đúng và trước hạn", "2", 65, Rule{Type: LinearRule, Metric: "timely_rate", Expect: true}),
				leaf("2.3", "Tỷ lệ hồ sơ trễ hạn (so sánh)", "1", 69, Rule{Type: MinMaxRule, Metric: "late_rate", Expect: true, Lower: true}),
				leaf("2.4", "Hồ sơ trực tuyến", "1", 73, Rule{Type: LinearRule, Metric: "online_share", Expect: true, From: dec("20"), To: dec("80")}),
				leaf("2.5", "Thư xin lỗi", "1", 77, Rule{Type: DeductionRule, Metric: "apology_missing", Expect: true, Per: dec("0.25")})),
			parent("3", "Hiện đại hóa hành chính", "2", 81,
				leaf("3.1", "Áp dụng ISO 9001", "2", 85, Rule{Type: CountRule, Metric: "iso_communes", Expect: true, Per: dec("0.5")}),
				leaf("3.2", "Hoàn thành kế hoạch so với tỉnh", "1", 89, Rule{Type: MinMaxRule, Metric: "plan_done", Expect: true})),
			survey, bonus, penalty,
		},
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestLoadValid(t *testing.T) {
	s, err := Load(readTestdata(t, "valid.yaml"), "criteria.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if diff := cmp.Diff(wantValid(), s, cmpSet...); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}
	if m := s.Metric("late_rate"); m == nil || m.Line != 17 {
		t.Errorf("Metric(late_rate) = %v, want the metric of line 17", m)
	}
	for code, want := range map[string]string{"1": "3", "2": "7", "3": "2", "4": "10", "5": "2", "6": "1"} {
		for _, f := range s.Fields {
			if f.Code == code && !f.MaxPoints().Equal(dec(want)) {
				t.Errorf("field %s: MaxPoints = %s, want %s", code, f.MaxPoints(), want)
			}
		}
	}
	if capped := s.Fields[2].Capped(); !capped {
		t.Errorf("field 3 (max 2 over children of 3): Capped = false")
	}
	if capped := s.Fields[0].Capped(); capped {
		t.Errorf("field 1 (max equal to its children's): Capped = true")
	}
}

// TestLoadErrorsGolden checks the whole problem list of a file full of
// planted mistakes.
func TestLoadErrorsGolden(t *testing.T) {
	_, err := Load(readTestdata(t, "errors.yaml"), "criteria.yaml")
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("Load: got %T %v, want Problems", err, err)
	}
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Error())
		if p.Hint != "" {
			b.WriteString("\n\thint: " + p.Hint)
		}
		b.WriteByte('\n')
	}
	golden(t, "errors.golden", b.String())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// TestLoadBOMAndCRLF checks that a byte-order mark and Windows line ends,
// as Notepad writes them, neither fail nor shift the lines.
func TestLoadBOMAndCRLF(t *testing.T) {
	data := readTestdata(t, "valid.yaml")
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	for name, in := range map[string][]byte{
		"bom":  append([]byte("\ufeff"), data...),
		"crlf": crlf,
	} {
		s, err := Load(in, "criteria.yaml")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := s.Fields[1].Children[0].Line; got != 54 {
			t.Errorf("%s: node 2.1 on line %d, want 54", name, got)
		}
	}
}

// TestTooManyBands: a criterion's bands are bounded, as a result records
// the band that held in two bytes.
func TestTooManyBands(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: t\ntitle: T\nyear: 2025\nmetrics:\n  - {id: m, name: M, type: number}\nfields:\n  - code: \"1\"\n    name: F\n    max: 1\n    rule:\n      type: bands\n      metric: m\n      bands:\n")
	for i := range MaxBands + 1 {
		fmt.Fprintf(&b, "        - {gte: %d, lt: %d, points: 0}\n", i, i+1)
	}
	_, err := Load([]byte(b.String()), "criteria.yaml")
	if err == nil || !strings.Contains(err.Error(), "criteria.yaml:14: node \"1\": bands: 1001 bands; a criterion may have at most 1000") {
		t.Fatalf("Load: %v", err)
	}
}
