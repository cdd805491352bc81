package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"parindex/criteria"
)

// WriteTemplate writes the data-collection workbook for units: a data
// sheet the metrics reader takes back as a wide table as it is filled in
// — the set's title and year, then a header of STT, the unit and each
// metric the units fill in, one row a unit, and a note column — with
// drop-down lists and checks on the cells, then a sheet of instructions
// and of every metric, those the Department fills in marked as such.
func WriteTemplate(w io.Writer, set *criteria.Set, units []*criteria.Unit, lang criteria.Lang) error {
	if set == nil {
		return fmt.Errorf("template: no criteria set")
	}
	b := newBook(set, lang)
	defer b.f.Close()
	if err := b.writeDataSheet(units); err != nil {
		return fmt.Errorf("writing the template: %w", err)
	}
	if err := b.writeInstructions(false); err != nil {
		return fmt.Errorf("writing the template: %w", err)
	}
	return b.write(w)
}

// WriteUnitTemplate writes one unit's data-collection workbook in the
// per-unit layout the metrics reader takes: the title, a header "STT |
// mã chỉ số | tên chỉ số | loại | giá trị cho phép | giá trị | tài liệu
// kiểm chứng | ghi chú", a row naming the unit, then a row per metric the
// units fill in. The evidence and note columns are carried into the
// report.
func WriteUnitTemplate(w io.Writer, set *criteria.Set, unit *criteria.Unit, lang criteria.Lang) error {
	if set == nil || unit == nil {
		return fmt.Errorf("template: no criteria set or unit")
	}
	b := newBook(set, lang)
	defer b.f.Close()
	if err := b.writeUnitDataSheet(unit); err != nil {
		return fmt.Errorf("writing the template: %w", err)
	}
	if err := b.writeInstructions(true); err != nil {
		return fmt.Errorf("writing the template: %w", err)
	}
	return b.write(w)
}

// templateWords are the texts of the data sheets, by language. The first
// line of each header is what the reader looks for (SPEC §12).
var templateWords = map[criteria.Lang]struct {
	heading, unitHeading                        string
	stt, unit, note                             string
	metric, name, typ, allowed, value, evidence string
	points, anyNumber, naWord, byDept, byUnit   string
}{
	criteria.Vietnamese: {
		heading: "Biểu thu thập số liệu", unitHeading: "Biểu thu thập số liệu của %s",
		stt: "STT", unit: "Đơn vị", note: "Ghi chú",
		metric: "Mã chỉ số", name: "Tên chỉ số", typ: "Loại", allowed: "Giá trị cho phép", value: "Giá trị",
		evidence: "Tài liệu kiểm chứng",
		points:   "từ 0 đến %s điểm", anyNumber: "một số", naWord: "KPS nếu không phát sinh",
		byDept: "Sở Nội vụ", byUnit: "Đơn vị",
	},
	criteria.English: {
		heading: "Data collection form", unitHeading: "Data collection form of %s",
		stt: "No.", unit: "Unit", note: "Note",
		metric: "Metric", name: "Name", typ: "Type", allowed: "Allowed values", value: "Value",
		evidence: "Evidence",
		points:   "0 to %s points", anyNumber: "a number", naWord: "N/A if it did not occur",
		byDept: "Department", byUnit: "Unit",
	},
}

// unitInputs returns the metrics the units fill in: every input but those
// the Department fills in itself.
func unitInputs(set *criteria.Set) []*criteria.Metric {
	var out []*criteria.Metric
	for _, m := range set.Inputs() {
		if !m.ByDepartment {
			out = append(out, m)
		}
	}
	return out
}

// pointsMax returns, for each points metric, the max of the leaves that
// take it as their points: the most a unit may enter.
func pointsMax(set *criteria.Set) map[string]decimal.Decimal {
	out := map[string]decimal.Decimal{}
	for _, n := range set.Leaves() {
		if n.Rule.Type != criteria.PointsRule {
			continue
		}
		if d, ok := out[n.Rule.Metric]; !ok || n.Max.LessThan(d) {
			out[n.Rule.Metric] = n.Max
		}
	}
	return out
}

// allowedWords says what a cell of m may hold: "từ 0 đến 2 điểm" for a
// points metric, its type's range otherwise.
func (b *book) allowedWords(m *criteria.Metric) string {
	tw := templateWords[b.lang]
	if m.Type == criteria.Points {
		if d, ok := pointsMax(b.set)[m.ID]; ok {
			return fmt.Sprintf(tw.points, criteria.FormatNumber(d, b.lang))
		}
	}
	if m.Type == criteria.Bool {
		return b.l.yes + ", " + b.l.no + ", " + b.l.notApplicable
	}
	if m.Type == criteria.Level {
		return strings.Join(m.Levels, ", ") + ", " + b.l.notApplicable
	}
	if m.Type == criteria.Number {
		return tw.anyNumber
	}
	return metricTypeWords(m.Type, b.lang)
}

// shortTypeWords names a metric type in a word or two, for the narrow
// type column of a unit's workbook; the allowed values say the rest.
func shortTypeWords(t criteria.MetricType, lang criteria.Lang) string {
	words := map[criteria.MetricType][2]string{
		criteria.Bool: {"có/không", "yes/no"}, criteria.Count: {"số đếm", "count"},
		criteria.Percent: {"tỷ lệ %", "percent"}, criteria.Number: {"số", "number"},
		criteria.Points: {"điểm", "points"}, criteria.Level: {"mức", "level"},
	}[t]
	if lang == criteria.English {
		return words[1]
	}
	return words[0]
}

// metricHeader is a data column's header: the id on the first line (the
// reader's key), then the name, then what the cell may hold.
func (b *book) metricHeader(m *criteria.Metric) string {
	return fmt.Sprintf("%s\n%s\n(%s)", m.ID, m.Name, b.allowedWords(m))
}

// writeDataSheet writes the wide data sheet: the title block, the header
// (STT, unit, the metrics, a note column), a row per unit.
func (b *book) writeDataSheet(units []*criteria.Unit) error {
	tw := templateWords[b.lang]
	inputs := unitInputs(b.set)
	names := []string{tw.unit}
	for _, u := range units {
		names = append(names, u.Name)
	}
	widths := []float64{6, fit(14, 40, names...)}
	heads := []string{tw.stt, tw.unit}
	for _, m := range inputs {
		widths = append(widths, fit(12, 22, m.ID, longestWord(m.Name)))
		heads = append(heads, b.metricHeader(m))
	}
	widths = append(widths, 30)
	heads = append(heads, tw.note)
	b.wide = len(inputs) > 12
	s, err := b.newSheet(b.l.data, widths)
	b.wide = false
	if err != nil {
		return err
	}
	const headRow = 4 // after the title, the heading and a blank row
	if err := s.freeze(2, headRow); err != nil {
		return err
	}
	if err := s.titleBlock(tw.heading); err != nil {
		return err
	}
	if err := s.header(heads); err != nil {
		return err
	}
	for i, u := range units {
		cells := []any{b.integer(i+1, kInt), b.text(u.Name, kText)}
		for range inputs {
			cells = append(cells, b.text("", kText))
		}
		cells = append(cells, b.text("", kTextWrap))
		if err := s.add(cells, 0); err != nil {
			return err
		}
	}
	if len(units) > 0 {
		for i, m := range inputs {
			if err := b.validate(s.name, colRange(i+3, headRow+1, headRow+len(units)), m); err != nil {
				return err
			}
		}
	}
	// Printed across several pages, each page repeats the header row and
	// the unit names.
	if err := s.printTitles(headRow, headRow, 2); err != nil {
		return err
	}
	return s.flush()
}

// writeUnitDataSheet writes one unit's data sheet in the per-unit layout.
func (b *book) writeUnitDataSheet(unit *criteria.Unit) error {
	tw := templateWords[b.lang]
	inputs := unitInputs(b.set)
	ids, names, allowed := []string{tw.metric, "đơn vị"}, []string{}, []string{}
	for _, m := range inputs {
		ids, names = append(ids, m.ID), append(names, m.Name)
		allowed = append(allowed, b.allowedWords(m))
	}
	heads := []string{tw.stt, tw.metric, tw.name, tw.typ, tw.allowed, tw.value, tw.evidence, tw.note}
	unitKey := "đơn vị"
	if b.lang == criteria.English {
		unitKey = "unit"
	}
	widths := []float64{6, fit(12, 30, ids...), fit(30, 60, names...), 10, fit(12, 24, allowed...),
		fit(14, 40, unit.Name), 36, 30}
	s, err := b.newSheet(b.l.data, widths)
	if err != nil {
		return err
	}
	const headRow = 4
	if err := s.freeze(0, headRow+1); err != nil {
		return err
	}
	if err := s.titleBlock(fmt.Sprintf(tw.unitHeading, unit.Name)); err != nil {
		return err
	}
	if err := s.header(heads); err != nil {
		return err
	}
	bold := b.text(unitKey, kTextBold)
	if err := s.add([]any{b.blank(), bold, b.blank(), b.blank(), b.blank(), b.text(unit.Name, kTextBold)}, 0); err != nil {
		return err
	}
	for i, m := range inputs {
		cells := []any{b.integer(i+1, kInt), b.text(m.ID, kText), b.text(m.Name, kTextWrap),
			b.text(shortTypeWords(m.Type, b.lang), kText), b.text(allowed[i], kTextWrap), b.text("", kText),
			b.text("", kTextWrap), b.text("", kTextWrap)}
		if err := s.add(cells, s.heightFor([]string{"", "", m.Name, "", allowed[i]}, false)); err != nil {
			return err
		}
		if err := b.validate(s.name, cellRef(6, s.row), m); err != nil {
			return err
		}
	}
	if err := s.printTitles(headRow, headRow); err != nil {
		return err
	}
	return s.flush()
}

// validate puts a check on the cells of ref for metric m: a drop-down list
// for yes/no, whole numbers ≥ 0 for counts, 0–100 for percents. KPS, N/A
// and "-" pass every check, and a failed check only warns, so that the
// other spellings the reader takes (x, 1/0, true/false…) stay possible.
func (b *book) validate(sheetName, ref string, m *criteria.Metric) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	first, _, _ := strings.Cut(ref, ":")
	naTest := fmt.Sprintf(`OR(UPPER(TRIM(%[1]s))="KPS",UPPER(TRIM(%[1]s))="N/A",TRIM(%[1]s)="-")`, first)
	var formula string
	switch m.Type {
	case criteria.Bool:
		na := "KPS"
		if b.lang == criteria.English {
			na = "N/A"
		}
		if err := dv.SetDropList([]string{b.l.yes, b.l.no, na}); err != nil {
			return err
		}
	case criteria.Level:
		na := "KPS"
		if b.lang == criteria.English {
			na = "N/A"
		}
		// Excel holds at most 255 characters of list; past that the
		// cell's message still names every label.
		_ = dv.SetDropList(append(append([]string{}, m.Levels...), na))
	case criteria.Count:
		formula = fmt.Sprintf(`OR(AND(ISNUMBER(%[1]s),%[1]s>=0,INT(%[1]s)=%[1]s),%[2]s)`, first, naTest)
	case criteria.Percent:
		formula = fmt.Sprintf(`OR(AND(ISNUMBER(%[1]s),%[1]s>=0,%[1]s<=100),%[2]s)`, first, naTest)
	case criteria.Points:
		formula = fmt.Sprintf(`OR(ISNUMBER(%[1]s),%[2]s)`, first, naTest)
		if d, ok := pointsMax(b.set)[m.ID]; ok {
			formula = fmt.Sprintf(`OR(AND(ISNUMBER(%[1]s),%[1]s>=0,%[1]s<=%[3]s),%[2]s)`, first, naTest, d.String())
		}
	default:
		formula = fmt.Sprintf(`OR(ISNUMBER(%[1]s),%[2]s)`, first, naTest)
	}
	if formula != "" {
		var esc strings.Builder
		_ = xml.EscapeText(&esc, []byte(formula))
		dv.Type, dv.Formula1 = "custom", esc.String()
	}
	title, msg := b.validationTexts(m)
	dv.SetInput(truncateRunes(m.ID, 32), truncateRunes(msg, 250))
	dv.SetError(excelize.DataValidationErrorStyleWarning, truncateRunes(title, 32), truncateRunes(msg, 250))
	return b.f.AddDataValidation(sheetName, dv)
}

// validationTexts are the title of a failed check and the message shown on
// a cell: the metric's name, what to enter, and how to say "không phát
// sinh".
func (b *book) validationTexts(m *criteria.Metric) (title, msg string) {
	var what string
	if b.lang == criteria.English {
		title = "Check the value"
		what = map[criteria.MetricType]string{
			criteria.Bool: "choose yes or no", criteria.Count: "a whole number, 0 or more",
			criteria.Percent: "a number from 0 to 100, without %", criteria.Number: "a number",
			criteria.Points: "points, a number",
		}[m.Type]
		switch m.Type {
		case criteria.Level:
			what = "one of " + strings.Join(m.Levels, "; ")
		case criteria.Points:
			what = b.allowedWords(m)
		}
		return title, fmt.Sprintf("%s: %s. N/A if it did not occur this year.", m.Name, what)
	}
	title = "Kiểm tra giá trị"
	what = map[criteria.MetricType]string{
		criteria.Bool: "chọn có hoặc không", criteria.Count: "số nguyên từ 0 trở lên",
		criteria.Percent: "số từ 0 đến 100, không kèm dấu %", criteria.Number: "một số",
		criteria.Points: "số điểm",
	}[m.Type]
	switch m.Type {
	case criteria.Level:
		what = "chọn một trong: " + strings.Join(m.Levels, "; ")
	case criteria.Points:
		what = b.allowedWords(m)
	}
	return title, fmt.Sprintf("%s: %s. Nhập KPS nếu không phát sinh trong năm.", m.Name, what)
}
