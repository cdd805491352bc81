package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// xaDir is the 2025 commune demo, which has the official header, groups
// and a unit whose total is held to its max.
var xaDir = filepath.Join("..", "fixtures", "xa-2025")

// checkOfficial checks the official header, the adjustment column, the
// group tables and the signatures of Tổng hợp in f.
func checkOfficial(t *testing.T, f *excelize.File, c *checker) {
	t.Helper()
	_, res := demoResult(t, xaDir)
	l := &vietnamese
	sh := l.summary
	rows, _ := f.GetRows(sh)
	all := fmt.Sprint(rows)
	r := res.Set.Report
	for _, want := range []string{r.Issuer[0], r.Issuer[1], mottoCountry, mottoWords, r.Decision,
		"Tỉnh minh hoạ, ngày 15 tháng 02 năm 2026", r.Signatures[0].Title, r.Signatures[1].Name, l.adjustNote} {
		if !strings.Contains(all, want) {
			t.Errorf("%s lacks %q", sh, want)
		}
	}
	if title := fmt.Sprint(rows[4]); strings.Count(title, "2025") != 1 {
		t.Errorf("%s: title row %s names the year other than once", sh, title)
	}
	head := c.rowOf(sh, 1, l.rank)
	col := c.columns(sh, head)
	for _, h := range []string{l.adjust, l.penalty, l.bonus} {
		if col[h] == 0 {
			t.Fatalf("%s: no column %q", sh, h)
		}
	}
	held := 0
	for i, u := range res.Units {
		row := head + 1 + i
		parts := c.number(sh, cellRef(col[l.appraisal], row), false)
		for _, h := range []string{l.survey, l.bonus, l.penalty, l.adjust} {
			parts = parts.Add(c.number(sh, cellRef(col[h], row), false))
		}
		if !parts.Equal(u.Points) {
			t.Errorf("%s row %d: the parts add up to %s, the total is %s", sh, row, parts, u.Points)
		}
		if !adjustment(u).IsZero() {
			held++
		}
	}
	if held == 0 {
		t.Error("no unit of the demo is held to its max: the adjustment column is not tested")
	}
	for _, g := range groupsOf(res) {
		title := fmt.Sprintf(l.groupTable, g.name, len(g.units))
		at := c.rowOf(sh, 1, title)
		for k, u := range g.units {
			c.eqText(sh, cellRef(col[l.unit], at+1+k), u.Unit.Name)
			c.eqInt(sh, cellRef(col[l.groupRank], at+1+k), u.GroupRank)
		}
	}
	names := c.rowOf(sh, 1, l.rank) // the signatures come after every table
	if sig := c.rowOf(sh, 1, r.Signatures[0].Title); sig <= names+len(res.Units) {
		t.Errorf("signatures at row %d, inside the ranking", sig)
	}
	by, _ := f.GetRows(l.byField)
	if s := fmt.Sprint(by); !strings.Contains(s, mottoCountry) || !strings.Contains(s, r.Signatures[1].Title) {
		t.Errorf("%s lacks the official header or the signatures", l.byField)
	}
}

func TestReportOfficial(t *testing.T) {
	_, res := demoResult(t, xaDir)
	f, _ := writeReport(t, res, Options{Now: time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC), UnitSheets: 2})
	c := &checker{t: t, f: f, places: res.Set.Decimals}
	checkOfficial(t, f, c)
	checkSummary(c, res, &vietnamese)
	checkByField(c, res, &vietnamese)
	if n := len(f.GetSheetList()); n != 4+2+2 {
		t.Errorf("%d sheets, want 8 with two unit sheets", n)
	}
	info, _ := f.GetRows(vietnamese.info)
	if s := fmt.Sprint(info); !strings.Contains(s, "09:30 ngày 01/03/2026") {
		t.Errorf("Thông tin does not say when the report was made: %v", s)
	}
}

// TestReportPlainHeader checks that a set without a report: block has no
// empty header rows: its title is the first row.
func TestReportPlainHeader(t *testing.T) {
	_, res := demoResult(t, demoDir)
	f, _ := writeReport(t, res, Options{})
	title, _ := f.GetCellValue(vietnamese.summary, "A1")
	if title != res.Set.Title {
		t.Errorf("Tổng hợp!A1 = %q, want the title %q, once, with its year once", title, res.Set.Title)
	}
}

func TestUnitReport(t *testing.T) {
	_, res := demoResult(t, xaDir)
	u := res.Units[len(res.Units)/2]
	var buf bytes.Buffer
	if err := WriteUnitReport(&buf, res, u.Unit.ID, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l := &vietnamese
	c := &checker{t: t, f: f, places: res.Set.Decimals}
	sheets := f.GetSheetList()
	if len(sheets) != 2 {
		t.Fatalf("sheets %q, want the result and each criterion", sheets)
	}
	checkUnitSheet(c, res, u, sheets[1], l)
	sh := sheets[0]
	head := c.rowOf(sh, 1, l.field)
	col := c.columns(sh, head)
	idx := nodeIndex(res.Set)
	for i, fld := range ordinaryFields(res.Set) {
		best, avg := fieldBenchmarks(res, idx[fld])
		c.eqText(sh, cellRef(1, head+1+i), nodeTitle(fld))
		c.eqNum(sh, cellRef(col[l.index], head+1+i), u.Nodes[idx[fld]].Index())
		c.eqNum(sh, cellRef(col[l.bestIndex], head+1+i), best)
		c.eqNum(sh, cellRef(col[l.avgIndex], head+1+i), avg)
	}
	if err := WriteUnitReport(&buf, res, "no-such-unit", Options{}); err == nil {
		t.Error("a unit report of an unknown unit was written")
	}
}

// TestReportOfficialInLibreOffice opens the 2025 demo's report in
// LibreOffice, saves it again and reads the official header, the
// signatures, the adjustment column and the group tables back.
func TestReportOfficialInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("opening the report in LibreOffice is slow")
	}
	_, res := demoResult(t, xaDir)
	_, data := writeReport(t, res, Options{UnitSheets: 1})
	f := resaved(t, data)
	c := &checker{t: t, f: f, places: res.Set.Decimals, lenient: true}
	checkOfficial(t, f, c)
}

// TestReportWarningsInLanguage checks that Thông tin shows a warning in
// the report's language when its text in Vietnamese is known.
func TestReportWarningsInLanguage(t *testing.T) {
	_, res := demoResult(t, demoDir)
	en := "previous.json: 1 unit is not in last year's result, shown as new: X"
	vi := "previous.json: 1 đơn vị không có trong kết quả năm trước, ghi là mới: X"
	res.Warnings = append(res.Warnings, en)
	opts := Options{WarningsVI: map[string]string{en: vi}}
	f, _ := writeReport(t, res, opts)
	rows, _ := f.GetRows(vietnamese.info)
	if s := fmt.Sprint(rows); !strings.Contains(s, vi) || strings.Contains(s, en) {
		t.Errorf("Thông tin shows %q, want the warning in Vietnamese, %q", s, vi)
	}
	opts.Lang = "en"
	f, _ = writeReport(t, res, opts)
	rows, _ = f.GetRows(english.info)
	if s := fmt.Sprint(rows); !strings.Contains(s, en) {
		t.Errorf("an English report lacks the warning %q", en)
	}
}

// TestReportOfficialEnglish checks the official header of an English
// report: the motto and the date in English.
func TestReportOfficialEnglish(t *testing.T) {
	_, res := demoResult(t, xaDir)
	f, _ := writeReport(t, res, Options{Lang: "en", UnitSheets: -1})
	rows, _ := f.GetRows(english.summary)
	s := fmt.Sprint(rows)
	for _, want := range []string{mottoCountryEN, mottoWordsEN, "Tỉnh minh hoạ, 15 February 2026", english.adjust} {
		if !strings.Contains(s, want) {
			t.Errorf("%s lacks %q", english.summary, want)
		}
	}
	if strings.Contains(s, mottoCountry) {
		t.Errorf("an English report carries the Vietnamese motto")
	}
}

// TestSignaturesPrintWithTable prints the 2025 demo's report to PDF with
// LibreOffice and checks that on Tổng hợp and Theo lĩnh vực the signatures
// are on the same printed page as the last row of the table above them.
func TestSignaturesPrintWithTable(t *testing.T) {
	if testing.Short() {
		t.Skip("printing the report with LibreOffice is slow")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found: install poppler-utils to read the printed pages")
	}
	_, res := demoResult(t, xaDir)
	_, data := writeReport(t, res, Options{UnitSheets: -1})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "report.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	soffice(t, dir, "--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, "report.xlsx"))
	out, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, "report.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(norm.NFC.String(string(out)), "\f")
	groups := groupsOf(res)
	lastGroup := groups[len(groups)-1].units
	// Tổng hợp ends with the last group's table, Theo lĩnh vực with the
	// last unit by rank; each is followed by the signatures.
	ends := []string{lastGroup[len(lastGroup)-1].Unit.Name, res.Units[len(res.Units)-1].Unit.Name}
	signer := res.Set.Report.Signatures[1].Name
	found := 0
	for i, p := range pages {
		if !strings.Contains(p, signer) {
			continue
		}
		if found >= len(ends) {
			break
		}
		if !strings.Contains(p, ends[found]) {
			t.Errorf("page %d has the signatures but not %q, the table's last row", i+1, ends[found])
		}
		found++
	}
	if found < len(ends) {
		t.Errorf("signatures printed on %d pages, want %d", found, len(ends))
	}
}

// TestUnitSheetNote checks that a unit's row notes from the wide table
// show on its sheet, above its table, in both workbooks.
func TestUnitSheetNote(t *testing.T) {
	_, res := demoResult(t, demoDir)
	u := res.Units[0]
	note := "Ghi chú: số liệu đã đối chiếu với phần mềm một cửa"
	opts := Options{UnitNotes: map[string]string{u.Unit.ID: note}, UnitSheets: 1}
	f, _ := writeReport(t, res, opts)
	c := &checker{t: t, f: f, places: res.Set.Decimals}
	sh := f.GetSheetList()[4]
	if at := c.rowOf(sh, 2, note); at >= c.rowOf(sh, 1, vietnamese.code) {
		t.Errorf("%s: the note at row %d is not above the table", sh, at)
	}
	checkUnitSheet(c, res, u, sh, &vietnamese)
	var buf bytes.Buffer
	if err := WriteUnitReport(&buf, res, u.Unit.ID, opts); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	c = &checker{t: t, f: g, places: res.Set.Decimals}
	c.rowOf(vietnamese.criteriaDetail, 2, note)
}
