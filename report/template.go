package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"parindex/criteria"
)

// WriteTemplate writes the data-collection workbook for units: a data
// sheet the metrics reader takes as a wide table as it is (a header of
// "unit" then each input metric, one row a unit, the unit's name in
// column A), with drop-down lists and checks on the cells, then a sheet of
// instructions and of the metrics asked for.
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
	return b.f.Write(w)
}

// WriteUnitTemplate writes one unit's data-collection workbook in the
// per-unit layout the metrics reader takes: a header "metric | value |
// name | type | evidence | note", a row naming the unit, then a row per
// input metric. The evidence and note columns are carried into the
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
	return b.f.Write(w)
}

// metricHeader is a data column's header: the id on the first line (the
// reader's key), then the name and type.
func (b *book) metricHeader(m *criteria.Metric) string {
	return fmt.Sprintf("%s\n%s (%s)", m.ID, m.Name, metricTypeWords(m.Type, b.lang))
}

// writeDataSheet writes the wide data sheet: row 1 the header, a row per
// unit. No title block: the reader wants the header in row 1.
func (b *book) writeDataSheet(units []*criteria.Unit) error {
	inputs := b.set.Inputs()
	names := []string{"unit"}
	for _, u := range units {
		names = append(names, u.Name)
	}
	widths := []float64{fit(14, 40, names...)}
	heads := []string{"unit"}
	for _, m := range inputs {
		widths = append(widths, fit(12, 22, m.ID, longestWord(m.Name)))
		heads = append(heads, b.metricHeader(m))
	}
	b.wide = len(inputs) > 12
	s, err := b.newSheet(b.l.data, widths)
	b.wide = false
	if err != nil {
		return err
	}
	if err := s.freeze(1, 1); err != nil {
		return err
	}
	if err := s.header(heads); err != nil {
		return err
	}
	for _, u := range units {
		cells := []any{b.text(u.Name, kText)}
		for range inputs {
			cells = append(cells, b.text("", kText))
		}
		if err := s.add(cells, 0); err != nil {
			return err
		}
	}
	if len(units) > 0 {
		for i, m := range inputs {
			if err := b.validate(s.name, colRange(i+2, 2, len(units)+1), m); err != nil {
				return err
			}
		}
	}
	// Printed across several pages, each page repeats the header row and
	// the unit names.
	if err := b.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: s.name,
		RefersTo: fmt.Sprintf("%[1]s!$A:$A,%[1]s!$1:$1", quoteSheet(s.name)),
	}); err != nil {
		return err
	}
	return s.flush()
}

// writeUnitDataSheet writes one unit's data sheet in the per-unit layout.
func (b *book) writeUnitDataSheet(unit *criteria.Unit) error {
	inputs := b.set.Inputs()
	ids, names := []string{"metric", unit.Name}, []string{}
	for _, m := range inputs {
		ids, names = append(ids, m.ID), append(names, m.Name)
	}
	heads := []string{"metric", "value", "tên chỉ số", "loại", "tài liệu kiểm chứng", "ghi chú"}
	unitKey := "đơn vị"
	if b.lang == criteria.English {
		heads = []string{"metric", "value", "name", "type", "evidence", "note"}
		unitKey = "unit"
	}
	widths := []float64{fit(12, 30, ids...), fit(14, 40, unit.Name), fit(30, 60, names...), fit(12, 24, b.l.yes), 36, 30}
	s, err := b.newSheet(b.l.data, widths)
	if err != nil {
		return err
	}
	if err := s.freeze(1, 2); err != nil {
		return err
	}
	if err := s.header(heads); err != nil {
		return err
	}
	bold := b.text(unitKey, kTextBold)
	if err := s.add([]any{bold, b.text(unit.Name, kTextBold)}, 0); err != nil {
		return err
	}
	for _, m := range inputs {
		cells := []any{b.text(m.ID, kText), b.text("", kText), b.text(m.Name, kTextWrap),
			b.text(metricTypeWords(m.Type, b.lang), kText), b.text("", kTextWrap), b.text("", kTextWrap)}
		if err := s.add(cells, s.heightFor([]string{"", "", m.Name}, false)); err != nil {
			return err
		}
		if err := b.validate(s.name, cellRef(2, s.row), m); err != nil {
			return err
		}
	}
	if err := s.printTitles(1, 1); err != nil {
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
		if m.Type == criteria.Level {
			what = "one of " + strings.Join(m.Levels, "; ")
		}
		return title, fmt.Sprintf("%s: %s. N/A if it did not occur this year.", m.Name, what)
	}
	title = "Kiểm tra giá trị"
	what = map[criteria.MetricType]string{
		criteria.Bool: "chọn có hoặc không", criteria.Count: "số nguyên từ 0 trở lên",
		criteria.Percent: "số từ 0 đến 100, không kèm dấu %", criteria.Number: "một số",
		criteria.Points: "số điểm",
	}[m.Type]
	if m.Type == criteria.Level {
		what = "chọn một trong: " + strings.Join(m.Levels, "; ")
	}
	return title, fmt.Sprintf("%s: %s. Nhập KPS nếu không phát sinh trong năm.", m.Name, what)
}
