package metrics

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"parindex/criteria"
)

// testSet is a small criteria set with every metric type, a ratio and a
// default.
func testSet() *criteria.Set {
	no := criteria.BoolValue(false)
	s := &criteria.Set{ID: "test", Decimals: 2, Metrics: []*criteria.Metric{
		{ID: "plan_on_time", Name: "Ban hành kế hoạch CCHC đúng hạn", Type: criteria.Bool},
		{ID: "dossiers_total", Name: "Tổng số hồ sơ TTHC đã giải quyết", Type: criteria.Count},
		{ID: "dossiers_late", Name: "Số hồ sơ giải quyết trễ hạn", Type: criteria.Count},
		{ID: "late_rate", Name: "Tỷ lệ hồ sơ trễ hạn", Type: criteria.Percent,
			Ratio: &criteria.Ratio{Numerator: []string{"dossiers_late"}, Denominator: []string{"dossiers_total"}}},
		{ID: "satisfaction", Name: "Mức độ hài lòng", Type: criteria.Percent},
		{ID: "has_portal", Name: "Có cổng thông tin điện tử", Type: criteria.Bool, Default: &no},
		{ID: "survey_points", Name: "Điểm điều tra xã hội học", Type: criteria.Points},
	}}
	s.IndexMetrics()
	return s
}

// testUnits are three districts of Quảng Nam.
func testUnits() []*criteria.Unit {
	return []*criteria.Unit{
		{ID: "dien-ban", Name: "Thị xã Điện Bàn", Aliases: []string{"Điện Bàn", "TX Điện Bàn", "Dien Ban"}},
		{ID: "que-son", Name: "Huyện Quế Sơn", Aliases: []string{"Quế Sơn"}},
		{ID: "tam-ky", Name: "Thành phố Tam Kỳ", Aliases: []string{"Tam Kỳ"}},
	}
}

// render writes a table's values as "unit metric value" lines, sorted.
func render(t *Table) []string {
	var out []string
	for u, vals := range t.Values {
		for m, v := range vals.All() {
			out = append(out, u+" "+m+" "+v.String())
		}
	}
	sort.Strings(out)
	return out
}

// problemLines returns err's problems as lines, then their hints.
func problemLines(t *testing.T, err error) []string {
	t.Helper()
	var ps criteria.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is not criteria.Problems: %v", err)
	}
	lines := strings.Split(ps.Error(), "\n")
	for _, h := range ps.Hints() {
		lines = append(lines, "hint: "+h)
	}
	return lines
}
