package metrics

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"parindex/criteria"
)

// maxCell is the longest cell read, in bytes. Excel itself holds at most
// 32,767 characters in a cell; anything longer is not a metric value.
const maxCell = 32 << 10

// maxValueText is the longest text read as a value: longer text is not
// a number or a yes/no, and is refused without parsing it.
const maxValueText = 60

type cellKind uint8

const (
	textCell   cellKind = iota // text: every CSV cell, string cells in a workbook
	numberCell                 // a numeric workbook cell; text is its stored value
	boolCell                   // a TRUE/FALSE workbook cell; text is "1" or "0"
	errorCell                  // a workbook cell holding an error such as #DIV/0!
	dateCell                   // a workbook cell holding an ISO 8601 date
)

// cell is one cell of a row, as read.
type cell struct {
	text    string
	kind    cellKind
	percent bool // a number shown as a percentage: 0.875 shows as 87.5%
	line    int  // CSV: the physical line the cell starts on
}

func (c cell) blank() bool { return strings.TrimSpace(c.text) == "" }

// row is one row of a CSV file or of a workbook's sheet.
type row struct {
	cells   []cell
	line    int  // CSV: the physical line the row starts on
	num     int  // workbook: 1-based row number
	damaged bool // already reported while reading (an oversized cell)
}

func (r *row) blank() bool {
	for _, c := range r.cells {
		if !c.blank() {
			return false
		}
	}
	return true
}

// text returns the text of cell col, "" past the end of the row.
func (r *row) text(col int) string {
	if col < len(r.cells) {
		return r.cells[col].text
	}
	return ""
}

// grid says where a row and its cells are, for messages.
type grid struct {
	file    string                       // as shown in messages
	sheet   string                       // workbook: the sheet read; "" for CSV
	sep     byte                         // CSV: the separator; 0 for a workbook
	formula func(col, rowNum int) string // workbook: the formula of a cell, if any
}

// at returns the place of cell col of r (col -1: the row itself).
func (g *grid) at(r *row, col int) criteria.Problem {
	if g.sheet == "" {
		line := r.line
		if col >= 0 && col < len(r.cells) && r.cells[col].line > 0 {
			line = r.cells[col].line
		}
		return criteria.Problem{File: g.file, Line: line}
	}
	return criteria.Problem{File: g.file, Cell: cellRef(g.sheet, max(col, 0), r.num)}
}

// overflow checks data row r against a header of width cells (trailing
// blank ones dropped) and cells cells in all, whose column col is headed
// when headed(col). A value in a column with no header is an error: with
// "," as the separator it is most often a number whose decimal comma split
// its cell (x,12,5 under metric,value), which would otherwise read as 12.
// A row one cell longer than the header whose last cell is blank is the
// same mistake in a row whose last value is empty, when the split can be
// located; other trailing blank cells are fine. Cells before column from
// are not values; fits(col, text) says whether text could be the value of
// column col. It adds the problem and reports whether there was one.
func (g *grid) overflow(r *row, width, cells, from int, headed func(col int) bool, fits func(col int, text string) bool, probs *criteria.Problems) bool {
	for col := from; col < len(r.cells); col++ {
		if (col >= width || !headed(col)) && !r.cells[col].blank() {
			p := g.at(r, col)
			p.Hint = g.splitHint(r, from, fits)
			add(probs, p, "a value in %s, which has no header", g.colName(col))
			return true
		}
	}
	if len(r.cells) == cells+1 && r.cells[cells].blank() {
		if hint := g.splitHint(r, from, fits); hint != "" {
			p := g.at(r, -1)
			p.Hint = hint
			add(probs, p, "the row has %d cells, the header has %d", len(r.cells), cells)
			return true
		}
	}
	return false
}

// splitHint says which two cells of r, one cell too wide, hold the halves
// of a number its decimal comma split: "" when the separator is not ",",
// or when no two cells can be such halves. A suggested edit that is wrong
// does harm, so a pair is named only when it is the one pair whose joining
// makes every cell of the row fit its column: the cells before it their
// own columns, the joined number its column, and each cell after it the
// column to its left. When several pairs could be, the hint names none.
// Cells before column from are not values.
func (g *grid) splitHint(r *row, from int, fits func(col int, text string) bool) string {
	if g.sep != ',' {
		return ""
	}
	from = max(from, 0)
	n := len(r.cells)
	// shiftedOK[j]: every cell from j on fits the column to its left.
	shiftedOK := make([]bool, n+1)
	shiftedOK[n] = true
	for j := n - 1; j > from; j-- {
		shiftedOK[j] = shiftedOK[j+1] && fits(j-1, r.cells[j].text)
	}
	found, prefixOK := -1, true
	for k := from; k+1 < n && prefixOK; k++ {
		a, b := strings.TrimSpace(r.cells[k].text), strings.TrimSpace(r.cells[k+1].text)
		if allDigits(strings.TrimPrefix(a, "-")) && allDigits(b) && len(b) <= 15 &&
			shiftedOK[k+2] && fits(k, a+"."+b) {
			if found >= 0 {
				return ambiguousSplitHint
			}
			found = k
		}
		prefixOK = fits(k, r.cells[k].text)
	}
	if found < 0 {
		return ""
	}
	a, b := strings.TrimSpace(r.cells[found].text), strings.TrimSpace(r.cells[found+1].text)
	return pairHint(a, b)
}

// ambiguousSplitHint is the hint for a row that a decimal comma could have
// split in more than one place: naming one pair could suggest a harmful
// edit.
const ambiguousSplitHint = "a decimal comma may have split a number of this row into two cells: write each number with . as the decimal mark (12.5, not 12,5)"

// pairHint is the hint for a number a,b split at its decimal comma.
func pairHint(a, b string) string {
	return fmt.Sprintf("if %q is one number, a decimal comma split it into two cells: write %s.%s", a+","+b, a, b)
}

// fitsValue reports whether text could be a value of metric m: blank, or
// text that reads as one.
func fitsValue(m *criteria.Metric, text string) bool {
	if strings.TrimSpace(text) == "" {
		return true
	}
	if _, ok := fastValue(m, text); ok {
		return true
	}
	if len(text) > maxValueText {
		return false
	}
	_, err := m.Parse(text)
	return err == nil
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// rowName names r in a message: "line 4" or "row 4".
func (g *grid) rowName(r *row) string {
	if g.sheet == "" {
		return fmt.Sprintf("line %d", r.line)
	}
	return fmt.Sprintf("row %d", r.num)
}

// colName names column col in a message: "column 3" or "column C".
func (g *grid) colName(col int) string {
	if g.sheet == "" {
		return fmt.Sprintf("column %d", col+1)
	}
	name, err := excelize.ColumnNumberToName(col + 1)
	if err != nil {
		return fmt.Sprintf("column %d", col+1)
	}
	return "column " + name
}

// cellRef writes a cell reference as Excel does: Sheet1!C5, 'Số liệu'!C5.
func cellRef(sheet string, col, rowNum int) string {
	ref, err := excelize.CoordinatesToCellName(col+1, rowNum)
	if err != nil {
		ref = fmt.Sprintf("R%dC%d", rowNum, col+1)
	}
	if strings.ContainsFunc(sheet, func(r rune) bool {
		return !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		sheet = "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	}
	return sheet + "!" + ref
}

// add appends a problem at place p.
func add(ps *criteria.Problems, p criteria.Problem, format string, args ...any) {
	p.Msg = fmt.Sprintf(format, args...)
	ps.Append(p)
}

// key returns a header or metric cell's key: its text up to the first line
// break, trimmed. The data-collection template writes the metric's id, then
// its name on a second line of the same cell.
func key(text string) string {
	k, _, _ := strings.Cut(text, "\n")
	return strings.TrimSpace(k)
}

// quote writes text for a message, quoted and shortened if long.
func quote(text string) string { return criteria.Quote(text) }

// short shortens text for a message.
func short(text string) string { return criteria.Short(text) }

const missingHint = "an empty cell is not 0: write 0, or N/A (KPS) if the metric does not apply"

// value reads metric m from cell col of r. It returns the value, or a
// message (and maybe a hint) saying what is wrong with the cell.
func (g *grid) value(m *criteria.Metric, r *row, col int) (v criteria.Value, msg, hint string) {
	var c cell
	if col < len(r.cells) {
		c = r.cells[col]
	}
	switch c.kind {
	case numberCell:
		return numberValue(m, c)
	case boolCell:
		if m.Type == criteria.Bool {
			return criteria.BoolValue(c.text == "1"), "", ""
		}
		word := "FALSE"
		if c.text == "1" {
			word = "TRUE"
		}
		return v, fmt.Sprintf("%s is a yes/no cell, not a %s", word, m.Type), ""
	case errorCell:
		return v, fmt.Sprintf("the cell holds the error %s", quote(c.text)), ""
	case dateCell:
		return v, fmt.Sprintf("%s is a date, not a %s", quote(c.text), m.Type), ""
	}
	if v, ok := fastValue(m, c.text); ok {
		return v, "", ""
	}
	if g.decimalComma() && m.Type != criteria.Bool && strings.Contains(c.text, ",") {
		return decimalCommaValue(m, c.text)
	}
	if c.blank() && g.formula != nil {
		if f := g.formula(col, r.num); f != "" {
			return v, fmt.Sprintf("the formula =%s has no saved value", short(f)),
				"open the workbook in Excel and save it again, so that formulas keep their values"
		}
	}
	if len(strings.TrimSpace(c.text)) > maxValueText {
		return v, fmt.Sprintf("%s is not a %s value", quote(strings.TrimSpace(c.text)), m.Type), ""
	}
	v, err := m.Parse(norm.NFC.String(c.text)) // "có" typed on a Mac may come decomposed
	if err != nil {
		if m.Type != criteria.Bool && strings.Contains(c.text, ",") {
			return v, err.Error(), commaHint
		}
		return v, err.Error(), ""
	}
	if v.IsMissing() {
		return v, "missing value", missingHint
	}
	return v, "", ""
}

// commaHint is the hint, given once however many cells it concerns, for
// numbers with a comma in a file where a comma is not the decimal mark.
const commaHint = "where cells are separated by commas, or in a workbook's text cells, write numbers with . as the decimal mark (88.4); " +
	"a CSV file separated by ; or tabs may keep the decimal comma (88,4)"

// decimalComma reports whether a comma in a number is its decimal mark:
// in a CSV file separated by ; or tabs, where it can be nothing else
// (SPEC §12).
func (g *grid) decimalComma() bool { return g.sep == ';' || g.sep == '\t' }

// decimalCommaValue reads text holding a comma as a number whose decimal
// mark is the comma: 88,4 is 88.4. A number with both marks is refused,
// since 1.234,5 and 1,234.5 mean one thing in one locale and another in
// the next.
func decimalCommaValue(m *criteria.Metric, text string) (v criteria.Value, msg, hint string) {
	t := strings.TrimSpace(text)
	if len(t) > maxValueText {
		return checked(m.Parse(text))
	}
	if n := strings.Count(t, ","); n > 1 {
		// The advice of a comma-separated file ("use . as the decimal
		// mark") would be wrong here, where the comma is the mark.
		return v, fmt.Sprintf("%s is not a number: it has %d commas (in a file separated by ; or tabs the comma is the decimal mark, and a number has one at most)",
			quote(t), n), ""
	} else if n == 0 {
		return checked(m.Parse(text))
	}
	if strings.Contains(t, ".") {
		return v, fmt.Sprintf("%s is not a number: it has both . and , (in a file separated by ; or tabs the comma is the decimal mark: write %s)",
			quote(t), short(strings.ReplaceAll(t, ".", ""))), ""
	}
	v, err := m.Parse(strings.Replace(t, ",", ".", 1))
	if err != nil {
		return v, strings.Replace(err.Error(), quote(strings.Replace(t, ",", ".", 1)), quote(t), 1), ""
	}
	return v, "", ""
}

// numberValue reads a numeric workbook cell. Excel stores binary doubles
// and writes them with up to 17 digits (12.300000000000001); 15
// significant digits are all a double holds exactly, so the stored text is
// rounded to 15 first.
func numberValue(m *criteria.Metric, c cell) (v criteria.Value, msg, hint string) {
	// Most cells hold a short plain number, which needs no rounding:
	// read it as a CSV cell is read, without the work below.
	if len(c.text) <= 15 && !c.percent {
		if m.Type == criteria.Bool {
			switch c.text {
			case "1":
				return criteria.BoolValue(true), "", ""
			case "0":
				return criteria.BoolValue(false), "", ""
			}
		} else if v, ok := fastValue(m, c.text); ok {
			return v, "", ""
		}
	}
	if len(c.text) > maxValueText {
		return v, fmt.Sprintf("%s is not a number", quote(c.text)), ""
	}
	d, err := decimal.NewFromString(c.text)
	if err != nil || strings.ContainsAny(c.text, "_") {
		return v, fmt.Sprintf("%s is not a number", quote(c.text)), ""
	}
	// A double holds at most 309 digits before its point and 324 after;
	// 1E+999999999 is no number a spreadsheet wrote, and rounding it would
	// work out a billion digits.
	if lead := int64(d.NumDigits()) + int64(d.Exponent()); lead > maxDoubleDigits || lead < -maxDoubleDigits {
		return v, fmt.Sprintf("%s is not a number a spreadsheet cell can hold", quote(c.text)), ""
	}
	d = significant(d, 15)
	shown := d.String()
	if c.percent && m.Type != criteria.Bool {
		d = d.Shift(2)
		shown = d.String() + "%"
	}
	v, err = m.CheckNumber(d, shown)
	if err != nil {
		return v, err.Error(), ""
	}
	return v, "", ""
}

// maxDoubleDigits bounds the digits before (or zeros after) the point of
// a number a workbook cell can hold: a double's range is about 1e±308.
const maxDoubleDigits = 330

// significant rounds d to n significant digits.
func significant(d decimal.Decimal, n int) decimal.Decimal {
	if d.IsZero() {
		return d
	}
	digits := len(d.Coefficient().String())
	if d.Sign() < 0 {
		digits-- // the minus sign
	}
	if digits <= n {
		return d
	}
	lead := digits + int(d.Exponent()) // digits before the decimal point
	return d.Round(int32(n - lead))
}

// fastValue reads the text most cells of a large table hold (a plain
// number, a common yes/no) without the general work of Metric.Parse; it
// gives the value Parse would. ok is false for any other text, and for
// any value Parse would reject: Parse then says what is wrong.
func fastValue(m *criteria.Metric, text string) (v criteria.Value, ok bool) {
	if m.Type == criteria.Bool {
		switch text {
		case "có", "Có", "x", "X", "1", "true", "TRUE", "True", "yes", "Yes":
			return criteria.BoolValue(true), true
		case "không", "Không", "0", "false", "FALSE", "False", "no", "No":
			return criteria.BoolValue(false), true
		}
		return v, false
	}
	n, exp, ok := plainNumber(text)
	if !ok {
		return v, false
	}
	scale := int64(1) // 10^-exp: the value is n / scale
	for range -exp {
		scale *= 10
	}
	switch m.Type {
	case criteria.Count:
		// A count with a dot (5.0, or 1.200 with a thousands dot) is left
		// to Parse, which tells the two apart.
		ok = n >= 0 && exp == 0
	case criteria.Percent:
		ok = n >= 0 && -exp <= 15 && n <= 100*scale
	case criteria.Number, criteria.Points:
	default:
		ok = false
	}
	if !ok {
		return v, false
	}
	return criteria.Scaled(n, exp), true
}

// plainNumber reads text of the form [-]digits[.digits], at most 18
// characters (so that it fits an int64), as n × 10^exp.
func plainNumber(s string) (n int64, exp int32, ok bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, 0, false
	}
	i, neg := 0, s[0] == '-'
	if neg {
		i = 1
	}
	digits, dot := 0, -1
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			digits++
			if dot >= 0 {
				exp--
			}
		case c == '.' && dot < 0 && digits > 0:
			dot = i
		default:
			return 0, 0, false
		}
	}
	if digits == 0 || dot == len(s)-1 {
		return 0, 0, false
	}
	if neg {
		n = -n
	}
	return n, exp, true
}

// checked turns a value and its error into value's results.
func checked(v criteria.Value, err error) (criteria.Value, string, string) {
	if err != nil {
		return v, err.Error(), ""
	}
	return v, "", ""
}
