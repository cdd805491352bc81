package report

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/scoring"
)

// demoSensitivity analyses the demo result.
func demoSensitivity(t testing.TB, res *scoring.Result, spread string) *analysis.Sensitivity {
	t.Helper()
	s, err := analysis.RankSensitivity(res, analysis.SensitivityOptions{Runs: 300, Spread: decimal.RequireFromString(spread), Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkSensitivity checks Độ nhạy against s: every unit's figures in rank
// order, the sentence saying what the band means above the table, and the
// chart's segments in the hidden columns adding up to the band's end.
func checkSensitivity(c *checker, s *analysis.Sensitivity, w *sensWords, lang criteria.Lang) {
	sh := w.sheet
	meaning, _ := c.f.GetCellValue(sh, "A4")
	if meaning != sensMeaning(s, lang) || !strings.Contains(meaning, "90%") {
		c.t.Errorf("%s!A4 = %q, want the meaning of the band", sh, meaning)
	}
	col := c.columns(sh, 6)
	for _, h := range []string{w.rank, w.unit, w.median, w.low, w.high, w.share, w.worst, w.field} {
		if col[h] == 0 {
			c.t.Fatalf("%s: no column %q in row 6", sh, h)
		}
	}
	for i, u := range s.Units {
		row := 7 + i
		at := func(h string) string { return cellRef(col[h], row) }
		c.eqInt(sh, at(w.rank), u.Rank)
		c.eqText(sh, at(w.unit), u.Unit.Name)
		c.eqInt(sh, at(w.median), u.Median)
		c.eqInt(sh, at(w.low), u.Low)
		c.eqInt(sh, at(w.high), u.High)
		c.eqInt(sh, at(w.worst), u.WorstDropped)
		if got := c.number(sh, at(w.share), false); !got.Equal(u.Share) {
			c.t.Errorf("%s!%s = %s, want %s", sh, at(w.share), got, u.Share)
		}
		field := "—"
		if u.WorstField != nil {
			field = nodeTitle(u.WorstField)
		}
		c.eqText(sh, at(w.field), field)
		end := decimal.Zero
		for k := range sensChartSeries {
			end = end.Add(c.number(sh, cellRef(len(col)+1+k, row), false))
		}
		want := decimal.New(int64(10*max(u.High, u.Rank)+4), -1)
		if u.Rank > u.High {
			want = decimal.New(int64(10*u.Rank+1), -1)
		}
		if !end.Equal(want) {
			c.t.Errorf("%s row %d: the chart's segments end at %s, want %s", sh, row, end, want)
		}
	}
}

func TestSensitivitySheet(t *testing.T) {
	_, res := demoResult(t, demoDir)
	s := demoSensitivity(t, res, "0.2")
	for _, lang := range []criteria.Lang{criteria.Vietnamese, criteria.English} {
		f, data := writeReport(t, res, Options{Version: "test", Lang: lang, Sensitivity: s})
		w := sensFor(lang)
		if got := f.GetSheetList(); slices.Index(got, w.sheet) != slices.Index(got, labelsFor(lang).byField)+1 {
			t.Errorf("%s: sheets %v, want %s right after %s", lang, got[:5], w.sheet, labelsFor(lang).byField)
		}
		c := &checker{t: t, f: f, places: res.Set.Decimals}
		checkSensitivity(c, s, w, lang)
		info := labelsFor(lang).info
		rows, _ := f.GetRows(info)
		found := false
		for _, r := range rows {
			found = found || len(r) > 1 && r[0] == w.infoLabel && strings.Contains(r[1], "seed 5")
		}
		if !found {
			t.Errorf("%s: %s does not record the seed: %q", lang, info, rows)
		}
		if !bytes.Contains(data, []byte("xl/charts/chart2.xml")) {
			t.Errorf("%s: the workbook has no second chart", lang)
		}
	}
	// Without the analysis there is no such sheet.
	f, _ := writeReport(t, res, Options{Version: "test"})
	if slices.Contains(f.GetSheetList(), sensVietnamese.sheet) {
		t.Errorf("sheets %v: Độ nhạy without --sensitivity", f.GetSheetList())
	}
}

// Beyond 40 units the chart shows the leaders and says so; the table has
// every unit.
func TestSensitivitySheetManyUnits(t *testing.T) {
	res := synthetic(t, 4, 2, 300)
	s, err := analysis.RankSensitivity(res, analysis.SensitivityOptions{Runs: 50, Spread: decimal.RequireFromString("0.2"), Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := writeReport(t, res, Options{Sensitivity: s, Lang: criteria.English})
	c := &checker{t: t, f: f, places: res.Set.Decimals}
	checkSensitivity(c, s, &sensEnglish, criteria.English)
	x, ok := f.Pkg.Load("xl/charts/chart2.xml")
	if !ok {
		t.Fatal("no second chart")
	}
	m := regexp.MustCompile(`top (\d+) units`).FindStringSubmatch(string(x.([]byte)))
	if m == nil {
		t.Fatalf("the chart does not say it shows the leading units only")
	}
	n, _ := strconv.Atoi(m[1])
	if n < 5 || n > chartUnits {
		t.Errorf("the chart shows the top %d units, want 5 to %d", n, chartUnits)
	}
	// and its series read that many rows
	if want := fmt.Sprintf("$B$7:$B$%d", 6+n); !strings.Contains(string(x.([]byte)), want) {
		t.Errorf("the chart's categories are not %s", want)
	}
}

// Hand-worked segments, in tenths of a rank: the band of ranks 3–5 spans
// 2.6–5.4 and the mark of rank 4 spans 3.9–4.1; a rank of 1 lies left of
// the band, a rank of 7 right of it.
func TestSensitivitySegments(t *testing.T) {
	for _, c := range []struct {
		rank int
		want [sensChartSeries]string
	}{
		{4, [sensChartSeries]string{"2.6", "1.3", "0", "0.2", "0", "1.3"}},
		{1, [sensChartSeries]string{"0.9", "0", "0", "0.2", "1.5", "2.8"}},
		{7, [sensChartSeries]string{"2.6", "2.8", "1.5", "0.2", "0", "0"}},
		{3, [sensChartSeries]string{"2.6", "0.3", "0", "0.2", "0", "2.3"}},
	} {
		got := sensSegments(&analysis.UnitSensitivity{Rank: c.rank, Low: 3, High: 5})
		for i := range got {
			if got[i].String() != c.want[i] {
				t.Errorf("rank %d on 3–5: segments %v, want %v", c.rank, got, c.want)
				break
			}
		}
	}
}

// TestSensitivityInLibreOffice opens a report with Độ nhạy in LibreOffice,
// saves it again and checks every figure LibreOffice read.
func TestSensitivityInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("opening the report in LibreOffice is slow")
	}
	_, res := demoResult(t, demoDir)
	s := demoSensitivity(t, res, "0.25")
	_, data := writeReport(t, res, Options{Version: "test", Sensitivity: s})
	f, _, _, _ := savedByLibreOffice(t, data)
	c := &checker{t: t, f: f, places: res.Set.Decimals, lenient: true}
	checkSensitivity(c, s, &sensVietnamese, criteria.Vietnamese)
}

// The terminal table and explain's line for the demo, against golden
// files (go test -update rewrites them).
func TestSensitivityText(t *testing.T) {
	_, res := demoResult(t, demoDir)
	s := demoSensitivity(t, res, "0.2")
	for _, lang := range []criteria.Lang{criteria.Vietnamese, criteria.English} {
		var b bytes.Buffer
		if err := WriteSensitivity(&b, res, s, lang); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"dien-ban", "hoi-an"} {
			if err := WriteUnitSensitivity(&b, s, id, lang); err != nil {
				t.Fatal(err)
			}
		}
		textGolden(t, "sensitivity."+string(lang)+".golden", b.Bytes())
	}
	if err := WriteUnitSensitivity(&bytes.Buffer{}, s, "no-such-unit", criteria.English); err == nil {
		t.Error("no error for a unit not analysed")
	}
}
