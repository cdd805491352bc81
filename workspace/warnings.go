package workspace

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/metrics"
)

// maxNamed is how many units a warning names before counting the rest.
const maxNamed = 5

// warning is one warning in English, as standard error prints it, and in
// Vietnamese, as a Vietnamese report shows it (SPEC §13).
type warning struct{ en, vi string }

// warnings finds what is worth a look in a workspace that scored: nothing
// here stops a run, but each is a likely mistake in the inputs (SPEC §7
// lists warnings on the report's Thông tin sheet). It records each
// warning's Vietnamese text in ws.WarningsVI.
func (ws *Workspace) warnings() []string {
	var found []warning
	if ws.Set != nil {
		for _, r := range ws.Set.Remarks {
			found = append(found, warning{r.Text(criteria.English), r.Text(criteria.Vietnamese)})
		}
	}
	found = append(found, ws.lastYearWarnings()...)
	found = append(found, ws.selfWarnings()...)
	if ws.Metrics != nil {
		found = append(found, fractionWarnings(ws.Set, ws.Paths.Metrics, ws.Metrics)...)
	}
	out := make([]string, len(found))
	if ws.WarningsVI == nil {
		ws.WarningsVI = map[string]string{}
	}
	for i, w := range found {
		out[i] = w.en
		ws.WarningsVI[w.en] = w.vi
	}
	return out
}

// lastYearWarnings checks that previous.json is an earlier year's result
// on the same criteria set, over the same units: otherwise the rank
// changes compare unlike things.
func (ws *Workspace) lastYearWarnings() []warning {
	last, set := ws.Last, ws.Set
	if last == nil || set == nil {
		return nil
	}
	file := ws.Paths.Previous
	var out []warning
	tableOnly := last.Year == 0 // previous.csv names no criteria set or year
	if !tableOnly && last.Year >= set.Year {
		out = append(out, warning{
			fmt.Sprintf("%s: its criteria set is for %d, not a year before %d: is it last year's result?", file, last.Year, set.Year),
			fmt.Sprintf("%s: bộ tiêu chí của tệp là năm %d, không phải một năm trước %d: có đúng là kết quả năm trước?", file, last.Year, set.Year)})
	}
	if !tableOnly && !sameSet(last.CriteriaID, last.Year, set.ID, set.Year) {
		out = append(out, warning{
			fmt.Sprintf("%s: scored on criteria set %q, this year's is %q: rank changes compare different sets", file, last.CriteriaID, set.ID),
			fmt.Sprintf("%s: chấm theo bộ tiêu chí %q, năm nay là %q: thay đổi thứ hạng so sánh hai bộ tiêu chí khác nhau", file, last.CriteriaID, set.ID)})
	}
	var missing []string
	for _, u := range ws.Units {
		if _, ok := last.Units[u.ID]; !ok {
			missing = append(missing, u.Name)
		}
	}
	if len(missing) < len(ws.Units) { // else the ids changed: one warning says so
		out = append(out, ws.goneUnitWarnings()...)
	}
	switch {
	case len(missing) == 0:
	case len(missing) == len(ws.Units):
		out = append(out, warning{
			fmt.Sprintf("%s: none of the %d units is in last year's result: were the unit ids changed?", file, len(ws.Units)),
			fmt.Sprintf("%s: không đơn vị nào trong %d đơn vị có trong kết quả năm trước: mã đơn vị đã bị đổi?", file, len(ws.Units))})
	default:
		out = append(out, warning{
			fmt.Sprintf("%s: %s not in last year's result, shown as new: %s", file, countUnitsAre(len(missing)), nameSome(missing)),
			fmt.Sprintf("%s: %d đơn vị không có trong kết quả năm trước, ghi là mới: %s", file, len(missing), nameSomeVI(missing))})
	}
	return out
}

// goneUnitWarnings names the units of last year's result that are not in
// units.yaml: merged or renamed since (SPEC §12), a warning rather than an
// error, since their rank is of no use this year.
func (ws *Workspace) goneUnitWarnings() []warning {
	gone := ws.lastYearUnknown
	if gone == nil {
		ids := map[string]bool{}
		for _, u := range ws.Units {
			ids[u.ID] = true
		}
		for id := range ws.Last.Units {
			if !ids[id] {
				gone = append(gone, criteria.Quote(id))
			}
		}
		sort.Strings(gone)
	}
	if len(gone) == 0 {
		return nil
	}
	return []warning{{
		fmt.Sprintf("%s: %s in last year's result but not in units.yaml (merged or renamed since?), left out: %s",
			ws.Paths.Previous, countUnitsAre(len(gone)), nameSome(gone)),
		fmt.Sprintf("%s: %d đơn vị có trong kết quả năm trước nhưng không có trong units.yaml (đã sáp nhập hoặc đổi tên?), không tính: %s",
			ws.Paths.Previous, len(gone), nameSomeVI(gone))}}
}

// sameSet reports whether two criteria set ids name the same set in
// different years: ids usually carry their year (qn-district-2018,
// qn-district-2019), which is not a change of set.
func sameSet(lastID string, lastYear int, id string, year int) bool {
	strip := func(id string, year int) string {
		return strings.ReplaceAll(id, strconv.Itoa(year), "")
	}
	return lastID == id || strip(lastID, lastYear) == strip(id, year)
}

// selfWarnings names the units that sent no self-assessment, when there
// is one.
func (ws *Workspace) selfWarnings() []warning {
	if ws.Self == nil {
		return nil
	}
	var missing []string
	for _, u := range ws.Units {
		if _, ok := ws.Self.Values[u.ID]; !ok {
			missing = append(missing, u.Name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return []warning{{
		fmt.Sprintf("%s: %s sent no self-assessment: %s", ws.Paths.Self, countUnits(len(missing)), nameSome(missing)),
		fmt.Sprintf("%s: %d đơn vị không gửi kết quả tự đánh giá: %s", ws.Paths.Self, len(missing), nameSomeVI(missing))}}
}

var one = decimal.NewFromInt(1)

// fractionWarnings finds percent metrics whose every value lies between 0
// and 1, some above 0: most likely fractions (0.85) pasted where
// percentages (85) belong, which would score almost nothing.
func fractionWarnings(set *criteria.Set, file string, t *metrics.Table) []warning {
	if set == nil || t == nil {
		return nil
	}
	var out []warning
	for _, m := range set.Metrics {
		if m.Type != criteria.Percent || m.Ratio != nil {
			continue
		}
		numbers, above0, fraction := 0, false, true
		for _, vs := range t.Values {
			v := vs.Get(m.ID)
			if !v.IsNumber() {
				continue
			}
			numbers++
			if v.Cmp(decimal.Zero) < 0 || v.Cmp(one) > 0 {
				fraction = false
				break
			}
			above0 = above0 || v.Cmp(decimal.Zero) > 0
		}
		if numbers > 0 && fraction && above0 {
			out = append(out, warning{
				fmt.Sprintf("%s: metric %q: every value is between 0 and 1: fractions instead of percentages? (write 85 for 85%%, not 0.85)", file, m.ID),
				fmt.Sprintf("%s: chỉ tiêu %q: mọi giá trị đều từ 0 đến 1: phải chăng đã nhập phân số thay cho tỷ lệ phần trăm? (85%% ghi là 85, không ghi 0.85)", file, m.ID)})
		}
	}
	return out
}

// countUnits says "1 unit" or "3 units".
func countUnits(n int) string {
	if n == 1 {
		return "1 unit"
	}
	return fmt.Sprintf("%d units", n)
}

// countUnitsAre says "1 unit is" or "3 units are".
func countUnitsAre(n int) string {
	if n == 1 {
		return "1 unit is"
	}
	return countUnits(n) + " are"
}

// nameSomeVI lists up to maxNamed names, then how many more, in
// Vietnamese.
func nameSomeVI(names []string) string {
	if len(names) <= maxNamed {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s và %d đơn vị khác", strings.Join(names[:maxNamed], ", "), len(names)-maxNamed)
}

// nameSome lists up to maxNamed names, then how many more.
func nameSome(names []string) string {
	if len(names) <= maxNamed {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:maxNamed], ", "), len(names)-maxNamed)
}
