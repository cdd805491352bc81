package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"parindex/criteria"
	"parindex/scoring"
)

// checker reads a written workbook back and compares it with the result.
type checker struct {
	t       *testing.T
	f       *excelize.File
	places  int32
	lenient bool // the workbook was saved again by another program: skip number formats
}

// number returns the number in sheet!cell, failing unless the cell is
// numeric and shows exactly the set's places.
func (c *checker) number(sheet, cell string, fixed bool) decimal.Decimal {
	c.t.Helper()
	typ, err := c.f.GetCellType(sheet, cell)
	if err != nil || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
		c.t.Errorf("%s!%s: cell type %v, want a number", sheet, cell, typ)
	}
	raw, _ := c.f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	d, err := decimal.NewFromString(raw)
	if err != nil {
		c.t.Errorf("%s!%s: %q is not a number", sheet, cell, raw)
		return decimal.Zero
	}
	if fixed && !c.lenient {
		// The number format, not excelize's rendering of it, decides
		// what Excel and LibreOffice show.
		id, _ := c.f.GetCellStyle(sheet, cell)
		st, _ := c.f.GetStyle(id)
		if st == nil || st.CustomNumFmt == nil || !strings.HasPrefix(strings.TrimPrefix(*st.CustomNumFmt, "+"), fixedFormat(c.places)) {
			c.t.Errorf("%s!%s: number format %v, want %s", sheet, cell, st.CustomNumFmt, fixedFormat(c.places))
		}
	}
	return d
}

// eqNum checks that sheet!cell holds want exactly.
func (c *checker) eqNum(sheet, cell string, want decimal.Decimal) {
	c.t.Helper()
	if got := c.number(sheet, cell, true); !got.Equal(want) {
		c.t.Errorf("%s!%s = %s, want %s", sheet, cell, got, want)
	}
}

// eqInt checks that sheet!cell holds the whole number want.
func (c *checker) eqInt(sheet, cell string, want int) {
	c.t.Helper()
	if got := c.number(sheet, cell, false); !got.Equal(decimal.NewFromInt(int64(want))) {
		c.t.Errorf("%s!%s = %s, want %d", sheet, cell, got, want)
	}
}

// eqText checks that sheet!cell holds the text want, as text.
func (c *checker) eqText(sheet, cell, want string) {
	c.t.Helper()
	got, _ := c.f.GetCellValue(sheet, cell)
	if got != want {
		c.t.Errorf("%s!%s = %q, want %q", sheet, cell, got, want)
	}
	if want == "" {
		return
	}
	if typ, _ := c.f.GetCellType(sheet, cell); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		c.t.Errorf("%s!%s: cell type %v, want text", sheet, cell, typ)
	}
	if fm, _ := c.f.GetCellFormula(sheet, cell); fm != "" {
		c.t.Errorf("%s!%s has the formula %q", sheet, cell, fm)
	}
}

// rowOf returns the first row whose cell in column col holds text, failing
// when none does.
func (c *checker) rowOf(sheet string, col int, text string) int {
	c.t.Helper()
	rows, _ := c.f.GetRows(sheet)
	for i, r := range rows {
		if len(r) >= col && r[col-1] == text {
			return i + 1
		}
	}
	c.t.Fatalf("%s: no row with %q in column %d", sheet, text, col)
	return 0
}

// columns maps the header texts of row to their column numbers.
func (c *checker) columns(sheet string, row int) map[string]int {
	c.t.Helper()
	rows, err := c.f.GetRows(sheet)
	if err != nil || len(rows) < row {
		c.t.Fatalf("%s: no row %d", sheet, row)
	}
	out := map[string]int{}
	for i, h := range rows[row-1] {
		if h != "" {
			out[h] = i + 1
		}
	}
	return out
}

func TestReportDemoNumbers(t *testing.T) {
	_, res := demoResult(t, demoDir)
	f, _ := writeReport(t, res, Options{Version: "1.2.3"})
	c := &checker{t: t, f: f, places: res.Set.Decimals}
	checkSummary(c, res, &vietnamese)
	checkByField(c, res, &vietnamese)
	checkDetails(c, res, &vietnamese)
	for i, u := range res.Units {
		sheets := f.GetSheetList()
		checkUnitSheet(c, res, u, sheets[4+i], &vietnamese)
	}
	checkCriteriaSheet(c, res, &vietnamese)
}

func checkSummary(c *checker, res *scoring.Result, l *labels) {
	sh := l.summary
	head := c.rowOf(sh, 1, l.rank)
	col := c.columns(sh, head)
	heads := []string{l.rank, l.unit, l.appraisal, l.survey, l.total, l.index, l.tier}
	optional := map[string]bool{l.bonus: hasKind(res.Set, criteria.Bonus), l.penalty: hasKind(res.Set, criteria.Penalty), l.group: res.Grouped, l.groupRank: res.Grouped, l.prevRank: hasPrevious(res), l.change: hasPrevious(res)}
	for h, want := range optional {
		if want {
			heads = append(heads, h)
		} else if col[h] != 0 {
			c.t.Errorf("%s: column %q, though the result has none", sh, h)
		}
	}
	for _, h := range heads {
		if col[h] == 0 {
			c.t.Errorf("%s: no column %q", sh, h)
		}
	}
	for i, u := range res.Units {
		r := head + 1 + i
		at := func(h string) string { return cellRef(col[h], r) }
		c.eqInt(sh, at(l.rank), u.Rank)
		c.eqText(sh, at(l.unit), u.Unit.Name)
		if res.Grouped {
			c.eqText(sh, at(l.group), u.Unit.Group)
			c.eqInt(sh, at(l.groupRank), u.GroupRank)
		}
		c.eqNum(sh, at(l.appraisal), u.Appraisal)
		c.eqNum(sh, at(l.survey), u.Survey)
		if hasKind(res.Set, criteria.Bonus) {
			c.eqNum(sh, at(l.bonus), u.Bonus)
		}
		if hasKind(res.Set, criteria.Penalty) {
			c.eqNum(sh, at(l.penalty), u.Penalty.Neg())
		}
		c.eqNum(sh, at(l.total), u.Points)
		c.eqNum(sh, at(l.max), u.Max)
		c.eqNum(sh, at(l.index), u.Index)
		c.eqText(sh, at(l.tier), u.Tier)
		if u.Previous != nil {
			c.eqInt(sh, at(l.prevRank), u.Previous.Rank)
			c.eqInt(sh, at(l.change), u.Previous.RankChange)
			shown, _ := c.f.GetCellValue(sh, at(l.change))
			if ch := u.Previous.RankChange; ch > 0 && !strings.Contains(shown, "▲") || ch < 0 && !strings.Contains(shown, "▼") {
				c.t.Errorf("%s!%s: change %d shows %q", sh, at(l.change), ch, shown)
			}
		}
	}
}

func checkByField(c *checker, res *scoring.Result, l *labels) {
	sh := l.byField
	idx := nodeIndex(res.Set)
	head := c.rowOf(sh, 1, l.rank)
	for i, u := range res.Units {
		r := head + 3 + i
		c.eqInt(sh, cellRef(1, r), u.Rank)
		c.eqText(sh, cellRef(2, r), u.Unit.Name)
		for j, fld := range ordinaryFields(res.Set) {
			nr := u.Nodes[idx[fld]]
			if !nr.Applicable {
				c.eqText(sh, cellRef(3+3*j, r), l.notApplicable)
				continue
			}
			c.eqNum(sh, cellRef(3+3*j, r), nr.Points())
			c.eqNum(sh, cellRef(4+3*j, r), nr.Index())
			c.eqInt(sh, cellRef(5+3*j, r), int(nr.Rank))
		}
	}
}

func checkDetails(c *checker, res *scoring.Result, l *labels) {
	sh := l.details
	nodes := res.Set.Nodes()
	for k, u := range res.Units {
		c.eqText(sh, cellRef(4+k, 4), u.Unit.Name)
	}
	r := 4
	for i, n := range nodes {
		r++
		c.eqText(sh, cellRef(1, r), n.Code)
		c.eqText(sh, cellRef(2, r), n.Name)
		c.eqNum(sh, cellRef(3, r), n.MaxPoints())
		reduced := false
		for k, u := range res.Units {
			nr := u.Nodes[i]
			cell := cellRef(4+k, r)
			if !nr.Applicable {
				c.eqText(sh, cell, l.notApplicable)
				continue
			}
			c.eqNum(sh, cell, nr.Points())
			reduced = reduced || !nr.Max().Equal(n.MaxPoints())
		}
		if !reduced {
			continue
		}
		// the units' own max, on the row under, where it is smaller
		r++
		c.eqText(sh, cellRef(2, r), l.ownMax)
		for k, u := range res.Units {
			if nr := u.Nodes[i]; nr.Applicable && !nr.Max().Equal(n.MaxPoints()) {
				c.eqNum(sh, cellRef(4+k, r), nr.Max())
			} else {
				c.eqText(sh, cellRef(4+k, r), "")
			}
		}
	}
	last := r + 1
	for k, u := range res.Units {
		c.eqNum(sh, cellRef(4+k, last), u.Points)
		c.eqNum(sh, cellRef(4+k, last+1), u.Max)
		c.eqNum(sh, cellRef(4+k, last+2), u.Index)
		c.eqInt(sh, cellRef(4+k, last+3), u.Rank)
	}
}

func checkUnitSheet(c *checker, res *scoring.Result, u *scoring.UnitResult, sh string, l *labels) {
	c.eqText(sh, "A2", u.Unit.Name)
	c.eqNum(sh, "C5", u.Points)
	c.eqNum(sh, "D5", u.Max)
	c.eqNum(sh, "E5", u.Index)
	c.eqInt(sh, "F5", u.Rank)
	head := c.rowOf(sh, 1, l.code)
	col := c.columns(sh, head)
	for i, n := range res.Set.Nodes() {
		r := head + 1 + i
		nr := u.Nodes[i]
		at := func(h string) string { return cellRef(col[h], r) }
		c.eqText(sh, at(l.code), n.Code)
		if n.IsLeaf() {
			c.eqText(sh, at(l.explain), nr.Explain(langOf(l)))
		}
		if !nr.Applicable {
			c.eqText(sh, at(l.points), l.notApplicable)
			continue
		}
		c.eqNum(sh, at(l.max), nr.Max())
		c.eqNum(sh, at(l.points), nr.Points())
		if n.Kind == criteria.Ordinary {
			c.eqNum(sh, at(l.lost), nr.Max().Sub(nr.Points()))
			if nr.Max().GreaterThan(nr.Points()) {
				id, _ := c.f.GetCellStyle(sh, at(l.lost))
				if st, _ := c.f.GetStyle(id); len(st.Fill.Color) == 0 {
					c.t.Errorf("%s!%s: points lost are not highlighted", sh, at(l.lost))
				}
			}
		}
		if u.Self != nil && u.Self.Nodes[i].Applicable {
			c.eqNum(sh, at(l.self), u.Self.Nodes[i].Points())
			c.eqNum(sh, at(l.selfDiff), u.Self.Nodes[i].Points().Sub(nr.Points()))
		}
		if n.IsLeaf() && nr.Value.IsNumber() {
			if got := c.number(sh, at(l.value), false); !got.Equal(nr.Value.Round(c.places + 2)) {
				c.t.Errorf("%s!%s value %s, want %s", sh, at(l.value), got, nr.Value)
			}
		}
	}
}

func checkCriteriaSheet(c *checker, res *scoring.Result, l *labels) {
	sh := l.criteriaSheet
	for i, n := range res.Set.Nodes() {
		r := 5 + i
		c.eqText(sh, cellRef(1, r), n.Code)
		c.eqNum(sh, cellRef(3, r), n.MaxPoints())
		if !n.IsLeaf() {
			continue
		}
		// The rule in words, then what N/A earns and the gate, where the set says.
		want := n.Describe(res.Set, langOf(l))
		if n.NA != criteria.NAExclude {
			want += "; " + criteria.NAText(n.NA, langOf(l))
		}
		if len(n.Requires) > 0 {
			want += "; " + criteria.GateText(n.Requires, langOf(l))
		}
		c.eqText(sh, cellRef(5, r), want)
	}
}

func langOf(l *labels) criteria.Lang {
	if l == &english {
		return criteria.English
	}
	return criteria.Vietnamese
}

func TestReportLayout(t *testing.T) {
	_, res := demoResult(t, demoDir)
	f, data := writeReport(t, res, Options{})
	l := &vietnamese
	want := []string{l.summary, l.chartSheet, l.byField, l.details}
	for range res.Units {
		want = append(want, "")
	}
	want = append(want, l.criteriaSheet, l.info)
	sheets := f.GetSheetList()
	if len(sheets) != len(want) {
		t.Fatalf("sheets %q, want %d", sheets, len(want))
	}
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	// Printed across pages at a fixed scale: Tổng hợp (its chart on a
	// page right of the table), Theo lĩnh vực, its 9 fields too many for
	// one page wide, and, with 18 units, Chi tiết: their first columns
	// repeat on every page.
	across := map[string]string{l.summary: "", l.byField: "$A:$B,", l.details: "$A:$C,"}
	for i, sh := range sheets {
		if want[i] != "" && sh != want[i] {
			t.Errorf("sheet %d is %q, want %q", i, sh, want[i])
		}
		pl, err := f.GetPageLayout(sh)
		props, _ := f.GetSheetProps(sh)
		fitted := props.FitToPage != nil && *props.FitToPage
		if cols, ok := across[sh]; ok {
			if err != nil || *pl.Size != 9 || *pl.Orientation != "landscape" || fitted || pl.AdjustTo == nil || *pl.AdjustTo < 50 {
				t.Errorf("%s: page layout %+v, fitted %v, want A4 landscape at a readable scale", sh, pl, fitted)
			}
			if cols != "" && !strings.Contains(titles[sh], cols) {
				t.Errorf("%s: print titles %q, want columns %s repeated", sh, titles[sh], cols)
			}
		} else {
			if err != nil || *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
				t.Errorf("%s: page layout %+v, want A4 landscape one page wide", sh, pl)
			}
			if !fitted {
				t.Errorf("%s: not fitted to the page", sh)
			}
		}
		if sh == l.chartSheet {
			continue // a chart and its title only
		}
		if sh != l.info && titles[sh] == "" {
			t.Errorf("%s: no print titles", sh)
		}
		if sh == l.info || sh == l.criteriaSheet {
			continue
		}
		panes, _ := f.GetPanes(sh)
		if !panes.Freeze || panes.YSplit < 4 || panes.XSplit < 2 {
			t.Errorf("%s: panes %+v, want header rows and unit column frozen", sh, panes)
		}
	}
	for _, sh := range []string{l.summary, l.byField} {
		cfs, _ := f.GetConditionalFormats(sh)
		found := false
		for _, list := range cfs {
			for _, o := range list {
				found = found || o.Type == "3_color_scale"
			}
		}
		if !found {
			t.Errorf("%s: no colour scale", sh)
		}
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	chart := false
	for _, zf := range zr.File {
		chart = chart || strings.HasPrefix(zf.Name, "xl/charts/chart")
	}
	if !chart {
		t.Error("no chart in the workbook")
	}
	id, _ := f.GetCellStyle(l.summary, "B5")
	if st, _ := f.GetStyle(id); st.Font == nil || st.Font.Family != fontName {
		t.Errorf("unit names not in %s", fontName)
	}
	id, _ = f.GetCellStyle(l.summary, "B4")
	if st, _ := f.GetStyle(id); st.Font == nil || !st.Font.Bold || !st.Alignment.WrapText || len(st.Fill.Color) == 0 {
		t.Errorf("header not bold, wrapped and shaded: %+v", st)
	}
	if title, _ := f.GetCellValue(l.details, "A1"); !strings.Contains(title, res.Set.Title) || !strings.Contains(title, "2019") {
		t.Errorf("title block %q does not name the set and year", title)
	}
}

func TestReportEnglish(t *testing.T) {
	_, res := demoResult(t, demoDir)
	f, _ := writeReport(t, res, Options{Lang: criteria.English})
	sheets := f.GetSheetList()
	for _, want := range []string{"Summary", "By field", "Details", "Criteria", "Information"} {
		if !slices.Contains(sheets, want) {
			t.Errorf("no sheet %q in %q", want, sheets)
		}
	}
	c := &checker{t: t, f: f, places: res.Set.Decimals}
	checkSummary(c, res, &english)
	checkByField(c, res, &english)
	checkDetails(c, res, &english)
	checkUnitSheet(c, res, res.Units[0], sheets[4], &english)
	checkCriteriaSheet(c, res, &english)
	c.eqText("Information", "A4", "Criteria set id")
}

func TestReportTricky(t *testing.T) {
	_, res := demoResult(t, "testdata/tricky")
	opts := Options{
		Version:  "9.9",
		Inputs:   []InputFile{{"criteria.yaml", strings.Repeat("ab", 32)}, {"metrics.csv", strings.Repeat("cd", 32)}},
		Evidence: map[string]map[string]string{"formula": {"plan": "tài liệu kiểm chứng: QĐ 12/QĐ-UBND", "done": "BC 3", "total": "Tai lieu kiem chung: KH 1; ghi chú: nộp muộn"}},
	}
	res.Warnings = []string{"a warning"}
	f, _ := writeReport(t, res, opts)
	c := &checker{t: t, f: f, places: res.Set.Decimals}
	checkSummary(c, res, &vietnamese)
	checkByField(c, res, &vietnamese)
	checkDetails(c, res, &vietnamese)
	checkCriteriaSheet(c, res, &vietnamese)
	sheets := f.GetSheetList()
	seen := map[string]bool{}
	for _, sh := range sheets {
		if n := len([]rune(sh)); n > 31 || strings.ContainsAny(sh, `[]:*?/\`) {
			t.Errorf("sheet name %q is not valid", sh)
		}
		if seen[strings.ToLower(sh)] {
			t.Errorf("sheet name %q twice", sh)
		}
		seen[strings.ToLower(sh)] = true
	}
	for i, u := range res.Units {
		sh := sheets[4+i]
		checkUnitSheet(c, res, u, sh, &vietnamese)
		if u.Unit.ID == "formula" {
			head := c.rowOf(sh, 1, vietnamese.code)
			col := c.columns(sh, head)
			nodes := res.Set.Nodes()
			for j, n := range nodes {
				switch n.Code {
				case "1.1":
					c.eqText(sh, cellRef(col[vietnamese.evidence], head+1+j), "QĐ 12/QĐ-UBND")
				case "1.2":
					c.eqText(sh, cellRef(col[vietnamese.evidence], head+1+j), "Số nhiệm vụ hoàn thành: BC 3\nTổng số nhiệm vụ: KH 1; ghi chú: nộp muộn")
				}
			}
		}
	}
	rows, _ := f.GetRows(vietnamese.info)
	all := fmt.Sprint(rows)
	for _, want := range []string{"tricky-2020", "9.9", "criteria.yaml", strings.Repeat("ab", 32), "metrics.csv", "a warning", res.Set.Title} {
		if !strings.Contains(all, want) {
			t.Errorf("Thông tin lacks %q", want)
		}
	}
}

func TestSheetNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Huyện Quế Sơn", "Huyện Quế Sơn"},
		{"A/B: [x]*?", "A-B- (x)-"},
		{"Tổng hợp", "Tổng hợp (2)"},
		{"tổng hợp", "tổng hợp (3)"},
		{strings.Repeat("Đ", 40), strings.Repeat("Đ", 31)},
		{strings.Repeat("Đ", 40), strings.Repeat("Đ", 27) + " (2)"},
		{"'quoted'", "quoted"},
		{"", "_"},
		{"History", "_History"},
	}
	names := newSheetNames("Tổng hợp")
	for _, tt := range tests {
		if got := names.name(tt.in); got != tt.want {
			t.Errorf("name(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzSheetName checks that every name handed out is one Excel accepts and
// that no two are equal.
func FuzzSheetName(f *testing.F) {
	f.Add("Huyện Quế Sơn", "Huyện Quế Sơn")
	f.Add("A/B: [x]*?", "'")
	f.Fuzz(func(t *testing.T, a, b string) {
		names := newSheetNames("Tổng hợp")
		x, y := names.name(a), names.name(b)
		for _, n := range []string{x, y} {
			if n == "" || len([]rune(n)) > 31 || strings.ContainsAny(n, `[]:*?/\`) || strings.HasPrefix(n, "'") || strings.HasSuffix(n, "'") {
				t.Errorf("invalid sheet name %q", n)
			}
		}
		if strings.EqualFold(x, y) || strings.EqualFold(x, "Tổng hợp") {
			t.Errorf("names %q and %q clash", x, y)
		}
	})
}

// TestReportDetailsOfInfoAndPrevious checks that a unit absent from last
// year's result shows "mới", that warnings of the result are shown without
// being passed again, and that "no warnings" is not numbered.
func TestReportDetailsOfInfoAndPrevious(t *testing.T) {
	_, res := demoResult(t, demoDir)
	if !hasPrevious(res) {
		t.Fatal("the demo has no previous.json")
	}
	gone := res.Units[2]
	gone.Previous = nil
	res.Warnings = []string{"twice", "from the result", "twice"}
	f, _ := writeReport(t, res, Options{})
	c := &checker{t: t, f: f, places: res.Set.Decimals}
	l := &vietnamese
	col := c.columns(l.summary, 4)
	c.eqText(l.summary, cellRef(col[l.prevRank], 7), l.newUnit)
	c.eqText(l.summary, cellRef(col[l.change], 7), l.newUnit)
	rows, _ := f.GetRows(l.info)
	var warnings []string
	for _, r := range rows {
		if len(r) == 2 && r[0] != "" && strings.Trim(r[0], "0123456789") == "" {
			warnings = append(warnings, r[1])
		}
	}
	if want := []string{"twice", "from the result"}; !slices.Equal(warnings, want) {
		t.Errorf("Thông tin warnings %q, want %q", warnings, want)
	}

	res.Warnings = nil
	f, _ = writeReport(t, res, Options{})
	rows, _ = f.GetRows(l.info)
	last := rows[len(rows)-1]
	if len(last) != 2 || last[0] != "" || last[1] != l.noWarnings {
		t.Errorf("Thông tin's last row %q, want an unnumbered %q", last, l.noWarnings)
	}
}

func TestEvidenceText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tài liệu kiểm chứng: QĐ 12", "QĐ 12"},
		{"Evidence: QĐ 12; note: late", "QĐ 12; note: late"},
		{"TÀI LIỆU KIỂM CHỨNG: a; ghi chú: b", "a; ghi chú: b"},
		{"ghi chú: nộp muộn", "ghi chú: nộp muộn"},
		{"QĐ 12: điều 3", "QĐ 12: điều 3"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := evidenceText(tt.in); got != tt.want {
			t.Errorf("evidenceText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCriterionNamesWrap checks that Chi tiết's names wrap and that a long
// name's row is tall enough for its lines.
func TestCriterionNamesWrap(t *testing.T) {
	_, res := demoResult(t, demoDir)
	f, _ := writeReport(t, res, Options{})
	sh := vietnamese.details
	tall := false
	rows, _ := f.GetRows(sh)
	for i, row := range rows {
		if i < 4 || len(row) < 3 || row[0] == "" {
			continue
		}
		cell := cellRef(2, 1+i)
		id, _ := f.GetCellStyle(sh, cell)
		st, _ := f.GetStyle(id)
		if st == nil || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("%s!%s (%s): name does not wrap", sh, cell, row[0])
		}
		if h, _ := f.GetRowHeight(sh, 1+i); h > 20 {
			tall = true
		}
	}
	if !tall {
		t.Error("no row of Chi tiết is taller than one line: long names are cut off")
	}
}

func TestWrappedLines(t *testing.T) {
	tests := []struct {
		text string
		per  float64
		want int
	}{
		{"Huyện Nam Trà My", 20, 1},
		{"Huyện Nam Trà My", 10, 2},
		{"Thành phố Hội An", 8, 3}, // 16 letters in two lines of 8, but the words break into three
		{"Ban hành kế hoạch", 17, 1},
		{"    Ban hành kế hoạch", 17, 2}, // the indent takes room
		{"", 10, 1},
		{"abcdefghijklmnopqrstuvwxy", 10, 3},
	}
	for _, tt := range tests {
		if got := wrappedLines(tt.text, tt.per); got != tt.want {
			t.Errorf("wrappedLines(%q, %v) = %d, want %d", tt.text, tt.per, got, tt.want)
		}
	}
}
