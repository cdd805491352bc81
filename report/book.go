package report

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"parindex/criteria"
)

// fontName is the font of every cell: the one Vietnamese official documents
// are set in.
const fontName = "Times New Roman"

// cellKind names a look a cell can have; the book turns each into one
// excelize style, made once.
type cellKind int

const (
	kTitle          cellKind = iota // the criteria set's title, top of every sheet
	kSubtitle                       // the sheet's own heading under it
	kHeader                         // table header: bold, shaded, wrapped
	kText                           // ordinary text, bordered
	kTextWrap                       // long text that wraps
	kName                           // a criterion's name: wraps, centred vertically as the numbers beside it
	kTextBold                       // text of a field row
	kNumber                         // a decimal shown to the set's places
	kNumberBold                     // a field row's decimal
	kLost                           // points lost, highlighted
	kInt                            // a rank or count
	kChange                         // a rank change: ▲ 2, ▼ 3, –
	kDiff                           // a signed difference: +0.50, -1.00
	kValue                          // a metric value as read: General
	kCenter                         // short centred text (KPS, tier)
	kOwnMax                         // a unit's own max under its points, grey italic
	kOwnMaxText                     // the label of a row of kOwnMax
	kPlain                          // text without borders (notes under a table)
	kRow                            // a row's own style: the font, nothing else
	kCentre                         // official header text: centred, no border
	kCentreBold                     // the issuing office, the motto, signing titles and names
	kCentreItalic                   // the place and date, the decision line
	kTitleCentre                    // the title of an official sheet
	kSubtitleCentre                 // its heading
	kValuePercent                   // a percent value as read: 38.46%
	kValueInt                       // a count as read: no decimals
	kSmallNote                      // a note under a table: small, italic, no border
	kLegendLow                      // the colour scale's legend: lowest, red
	kLegendMid                      // its middle, yellow
	kLegendHigh                     // its highest, green
	kLegendTitle                    // the legend's label, right-aligned to run leftwards
	kPercent                        // a share (0.873) shown as a percentage with one place
	kNote                           // a sentence over a table: wraps, no border
)

// styleKey identifies one style: a kind and an indent for tree names.
type styleKey struct {
	kind   cellKind
	indent int
}

// book is one workbook being written, with the styles it has made.
type book struct {
	f      *excelize.File
	set    *criteria.Set
	lang   criteria.Lang
	l      *labels
	places int32
	styles map[styleKey]int
	err    error // the first error met while building cells
	// wide is set while making a sheet too wide to print one page wide
	// (a template's data sheet, Chi tiết of many units): it then prints
	// across several pages at scale percent (100 when 0).
	wide  bool
	scale uint
	now   time.Time     // when the report is made: the default date, and on Thông tin
	names []definedName // print titles and areas, added as the workbook is written
}

func newBook(set *criteria.Set, lang criteria.Lang) *book {
	lang = langOrDefault(lang)
	f := excelize.NewFile()
	f.SetZipWriter(newWorkbookZip)
	_ = f.SetDefaultFont(fontName)
	return &book{f: f, set: set, lang: lang, l: labelsFor(lang), places: set.Decimals, styles: map[styleKey]int{}}
}

// fixedFormat is the number format showing exactly places decimals.
func fixedFormat(places int32) string {
	if places <= 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", int(places))
}

// style returns the style id of k, making it on first use.
func (b *book) style(k styleKey) int {
	if id, ok := b.styles[k]; ok {
		return id
	}
	id, err := b.f.NewStyle(b.styleOf(k))
	if err != nil && b.err == nil {
		b.err = fmt.Errorf("making a cell style: %w", err)
	}
	b.styles[k] = id
	return id
}

func (b *book) styleOf(k styleKey) *excelize.Style {
	thin := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	font := &excelize.Font{Family: fontName, Size: 11}
	st := &excelize.Style{Font: font, Border: thin,
		Alignment: &excelize.Alignment{Vertical: "center", Indent: k.indent}}
	fixed := fixedFormat(b.places)
	custom := func(s string) *string { return &s }
	switch k.kind {
	case kTitle:
		st.Border, font.Bold, font.Size = nil, true, 14
	case kSubtitle:
		st.Border, font.Bold, font.Size = nil, true, 12
	case kPlain:
		st.Border = nil
		st.Alignment.WrapText = false
	case kRow:
		st.Border, st.Alignment = nil, nil
	case kCentre, kCentreBold, kCentreItalic, kTitleCentre, kSubtitleCentre:
		st.Border = nil
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
		font.Bold = k.kind == kCentreBold || k.kind == kTitleCentre || k.kind == kSubtitleCentre
		font.Italic = k.kind == kCentreItalic
		switch k.kind {
		case kTitleCentre:
			font.Size = 14
		case kSubtitleCentre:
			font.Size = 12
		}
	case kLegendLow, kLegendMid, kLegendHigh:
		colour := map[cellKind]string{kLegendLow: "F8696B", kLegendMid: "FFEB84", kLegendHigh: "63BE7B"}[k.kind]
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
		st.Alignment.Horizontal = "center"
		font.Size = 10
	case kSmallNote, kLegendTitle:
		st.Border = nil
		font.Italic, font.Size = true, 10
		if k.kind == kLegendTitle {
			st.Alignment.Horizontal = "right"
		}
	case kValuePercent:
		st.CustomNumFmt = custom(fixed + `"%"`)
		st.Alignment.Horizontal = "right"
	case kValueInt:
		st.NumFmt = 3 // "#,##0"
		st.Alignment.Horizontal = "right"
	case kHeader:
		font.Bold = true
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	case kTextWrap:
		// centred as the numbers beside it are
		st.Alignment.WrapText = true
	case kName:
		st.Alignment.WrapText = true
	case kTextBold:
		font.Bold = true
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
		st.Alignment.WrapText = true
	case kNumber:
		st.CustomNumFmt = custom(fixed)
	case kNumberBold:
		font.Bold = true
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
		st.CustomNumFmt = custom(fixed)
	case kOwnMax, kOwnMaxText:
		font.Italic, font.Color, font.Size = true, "595959", 10
		if k.kind == kOwnMax {
			st.CustomNumFmt = custom(fixed)
		}
	case kLost:
		font.Color = "9C0006"
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}
		st.CustomNumFmt = custom(fixed)
	case kInt:
		st.NumFmt = 1 // "0"
		st.Alignment.Horizontal = "center"
	case kChange:
		st.CustomNumFmt = custom(`[Blue]"▲ "0;[Red]"▼ "0;"–"`)
		st.Alignment.Horizontal = "center"
	case kDiff:
		st.CustomNumFmt = custom("+" + fixed + ";-" + fixed + ";" + fixed)
	case kValue:
		st.NumFmt = 0
		st.Alignment.Horizontal = "right"
	case kCenter:
		st.Alignment.Horizontal = "center"
	case kPercent:
		st.CustomNumFmt = custom("0.0%")
	case kNote:
		st.Border = nil
		st.Alignment.WrapText, st.Alignment.Vertical = true, "top"
	}
	return st
}

// num is a numeric cell holding d exactly, shown with the set's places.
func (b *book) num(d decimal.Decimal, kind cellKind) excelize.Cell {
	return excelize.Cell{StyleID: b.style(styleKey{kind: kind}), Value: b.carrier(d)}
}

// integer is a numeric cell holding a whole number.
func (b *book) integer(n int, kind cellKind) excelize.Cell {
	return excelize.Cell{StyleID: b.style(styleKey{kind: kind}), Value: n}
}

// text is a text cell. The stream writer stores strings as inline text, so
// a name beginning with "=" stays text and never becomes a formula.
func (b *book) text(s string, kind cellKind) excelize.Cell {
	return excelize.Cell{StyleID: b.style(styleKey{kind: kind}), Value: s}
}

// indented is a text cell indented by depth, for names in the tree. A
// name wraps rather than being cut off at the column's edge (a field's
// bold style wraps already).
func (b *book) indented(s string, kind cellKind, depth int) excelize.Cell {
	if kind == kText {
		kind = kName
	}
	return excelize.Cell{StyleID: b.style(styleKey{kind: kind, indent: depth}), Value: s}
}

// blank is an empty bordered cell.
func (b *book) blank() excelize.Cell { return b.text("", kText) }

// carrier returns d as the float64 the stream writer needs to write a
// numeric cell. The stream writer prints a float64 with the fewest digits
// that read back as the same float64, so for a decimal of at most 15
// significant digits, converted to the nearest float64, the cell's XML
// holds exactly d's digits. A longer decimal is refused rather than stored
// as a number that is not the engine's (Excel holds 15 digits anyway).
func (b *book) carrier(d decimal.Decimal) float64 {
	if d.NumDigits() > 15 {
		if b.err == nil {
			b.err = fmt.Errorf("the number %s has more than 15 significant digits: a workbook cell cannot hold it exactly", d)
		}
		return 0
	}
	// coefficient × 10^exponent with both factors exact in a float64: one
	// correctly rounded multiplication or division gives the nearest
	// float64, as strconv's fast path does.
	coef, exp := float64(d.CoefficientInt64()), d.Exponent()
	switch {
	case exp >= 0 && exp <= 22:
		return coef * pow10[exp]
	case exp < 0 && exp >= -22:
		return coef / pow10[-exp]
	}
	return d.InexactFloat64()
}

// pow10 holds the powers of ten a float64 represents exactly.
var pow10 = func() [23]float64 {
	var p [23]float64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// sheet is one worksheet written row by row with excelize's stream writer,
// which keeps memory flat however many units there are.
type sheet struct {
	b      *book
	name   string
	sw     *excelize.StreamWriter
	row    int       // the last row written
	widths []float64 // column widths, set before the first row
	// heights holds each written row's height in points (index row-1), as
	// the reader will lay it out, to find where printed pages end.
	heights []float64
	// While pageCap > 0 the sheet puts its own page breaks, so that where
	// each printed page ends is known: pageY is how far down the current
	// page the last row ends, repeatH the height of the rows every page
	// repeats (all in points at 100%).
	pageCap, pageY, repeatH float64
}

// newSheet adds a worksheet named name (the first call renames Sheet1),
// fits it to one A4 landscape page wide and gives its columns the widths.
func (b *book) newSheet(name string, widths []float64) (*sheet, error) {
	if b.f.SheetCount == 1 && b.f.GetSheetName(0) == "Sheet1" && name != "Sheet1" {
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := b.f.NewSheet(name); err != nil {
		return nil, err
	}
	if err := b.pageSetup(name); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	// Runs of equal widths go in as one range: excelize's cost per
	// column range grows with the number of ranges.
	for i := 0; i < len(widths); {
		j := i
		for j+1 < len(widths) && widths[j+1] == widths[i] {
			j++
		}
		if err := sw.SetColWidth(i+1, j+1, widths[i]); err != nil {
			return nil, err
		}
		i = j + 1
	}
	return &sheet{b: b, name: name, sw: sw, widths: widths}, nil
}

// pageSetup prints the sheet on A4 landscape, one page wide, with page
// numbers in the footer. The fit-to-page flag lives in the sheet's
// properties, which the stream writer writes first, so it is set here.
func (b *book) pageSetup(name string) error {
	fit := !b.wide
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	a4, landscape, one, zero := 9, "landscape", 1, 0
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}
	if fit {
		layout.FitToWidth, layout.FitToHeight = &one, &zero
	} else if b.scale > 0 {
		scale := b.scale
		layout.AdjustTo = &scale
	}
	if err := b.f.SetPageLayout(name, layout); err != nil {
		return err
	}
	m, top := 0.4, 0.5
	if err := b.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &m, Right: &m, Top: &top, Bottom: &top,
	}); err != nil {
		return err
	}
	footer := "&C&\"Times New Roman\"&P/&N"
	return b.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: footer})
}

// add writes the next row; height 0 leaves the row's height to the reader.
func (s *sheet) add(cells []any, height float64) error {
	s.row++
	s.noteHeight(height)
	if err := s.paginate(s.heights[s.row-1]); err != nil {
		return err
	}
	// A row style spares excelize a search of the column styles for
	// every cell; it only sets the font of the row's empty cells.
	opts := excelize.RowOpts{Height: height, StyleID: s.b.style(styleKey{kind: kRow})}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	return s.sw.SetRow(cell, cells, opts)
}

// skip leaves a row empty.
func (s *sheet) skip() {
	// written with its height, so that the reader lays it out as counted
	if err := s.add(nil, defaultRowHeight); err != nil && s.b.err == nil {
		s.b.err = err
	}
}

// defaultRowHeight is the height in points of a row left to the reader.
const defaultRowHeight = 15

// noteHeight records the height of the row just started.
func (s *sheet) noteHeight(height float64) {
	if height == 0 {
		height = defaultRowHeight
	}
	for len(s.heights) < s.row-1 {
		s.heights = append(s.heights, defaultRowHeight)
	}
	s.heights = append(s.heights, height)
}

// titleBlock writes the criteria set's title and year, then the sheet's
// heading, then an empty row.
func (s *sheet) titleBlock(heading string) error {
	b := s.b
	title := b.titleWithYear()
	if err := s.add([]any{b.text(title, kTitle)}, 21); err != nil {
		return err
	}
	if err := s.add([]any{b.text(heading, kSubtitle)}, 18); err != nil {
		return err
	}
	s.skip()
	return nil
}

// titleWithYear is the set's title with its year, unless the title
// already names the year ("… năm 2019").
func (b *book) titleWithYear() string {
	title := b.set.Title
	if b.set.Year != 0 && !strings.Contains(title, fmt.Sprint(b.set.Year)) {
		title = fmt.Sprintf("%s — %s %d", title, b.l.year, b.set.Year)
	}
	return title
}

// header writes a header row whose height fits its wrapped texts.
func (s *sheet) header(texts []string) error {
	cells := make([]any, len(texts))
	for i, t := range texts {
		cells[i] = s.b.text(t, kHeader)
	}
	return s.add(cells, s.heightFor(texts, true))
}

// heightFor estimates the height in points a row needs so that every
// wrapped text shows in full: Excel does not fit row heights on opening.
func (s *sheet) heightFor(texts []string, bold bool) float64 {
	lines := 1
	for i, t := range texts {
		if i >= len(s.widths) || t == "" {
			continue
		}
		// A column's width counts digits of the default font; Times New
		// Roman's letters, diacritics and all, are narrower than its
		// digits, but bold ones, in LibreOffice, a little wider.
		per := (s.widths[i] - 1) * 1.2
		if bold {
			per = (s.widths[i] - 1) * 0.85
		}
		n := 0
		for para := range strings.SplitSeq(t, "\n") {
			n += wrappedLines(para, math.Max(per, 1))
		}
		lines = max(lines, n)
	}
	return float64(lines)*14.5 + 3
}

// wrappedLines counts the lines para takes when wrapped at word breaks
// into lines of per characters, as a spreadsheet wraps it: a name that
// fits in two lines by its length may need three when its words do not
// break evenly. Leading spaces (an indent) count on the first line.
func wrappedLines(para string, per float64) int {
	indent := utf8.RuneCountInString(para) - utf8.RuneCountInString(strings.TrimLeft(para, " "))
	lines, cur := 1, float64(indent)
	for w := range strings.FieldsSeq(para) {
		n := float64(utf8.RuneCountInString(w))
		switch {
		case cur == 0:
			cur = n
		case cur+1+n <= per:
			cur += 1 + n
		default:
			lines++
			cur = n
		}
		for cur > per { // a word longer than a line breaks inside
			lines++
			cur -= per
		}
	}
	return lines
}

// freeze keeps the first rows and columns in view when scrolling; it must
// come before the first row.
func (s *sheet) freeze(cols, rows int) error {
	cell, _ := excelize.CoordinatesToCellName(cols+1, rows+1)
	return s.sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: cell, ActivePane: paneFor(cols, rows),
		Selection: []excelize.Selection{{SQRef: cell, ActiveCell: cell, Pane: paneFor(cols, rows)}},
	})
}

func paneFor(cols, rows int) string {
	switch {
	case cols > 0 && rows > 0:
		return "bottomRight"
	case rows > 0:
		return "bottomLeft"
	}
	return "topRight"
}

// printTitles repeats rows first..last at the top of every printed page,
// and the first cols columns at the left of every page when the sheet
// prints across several pages.
func (s *sheet) printTitles(first, last int, cols ...int) error {
	ref := fmt.Sprintf("%s!$%d:$%d", quoteSheet(s.name), first, last)
	if len(cols) > 0 && cols[0] > 0 {
		col, _ := excelize.ColumnNumberToName(cols[0])
		ref = fmt.Sprintf("%s!$A:$%s,%s", quoteSheet(s.name), col, ref)
	}
	return s.b.define("_xlnm.Print_Titles", ref, s.name)
}

// printableWidth is the width of an A4 landscape page inside the margins,
// in pixels at 100%: 297 mm less 2 × 0.4 in, at 96 dpi.
const printableWidth = 1040

// printableHeight is its height inside the margins, in pixels at 100%.
const printableHeight = 690

// colPixels estimates the printed width of columns of the given widths
// (in characters), as Excel turns a width into pixels.
func colPixels(widths []float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += w*7 + 5
	}
	return px
}

// wideScale is the print scale of a sheet printed across several pages:
// readable, and its repeated first columns leave room for others.
const wideScale = 80

// tooWide reports whether widths fitted to one page wide would print
// below readableScale percent.
func tooWide(widths []float64) bool {
	return colPixels(widths)*readableScale/100 > printableWidth
}

// readableScale is the smallest scale a sheet is fitted to one page wide
// at; a wider sheet prints across pages with its first columns repeated.
const readableScale = 65

// colourScale colours the cells of ref red (low) – yellow – green (high).
func (s *sheet) colourScale(ref string) error {
	return s.b.f.SetConditionalFormat(s.name, ref, []excelize.ConditionalFormatOptions{{
		Type: "3_color_scale", Criteria: "=",
		MinType: "min", MidType: "percentile", MidValue: "50", MaxType: "max",
		MinColor: "#F8696B", MidColor: "#FFEB84", MaxColor: "#63BE7B",
	}})
}

// flush ends the sheet.
func (s *sheet) flush() error {
	if err := s.sw.Flush(); err != nil {
		return err
	}
	return s.b.err
}

// quoteSheet quotes a sheet name for a formula or defined name.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// fit returns a column width that shows the longest of texts on one line,
// held within [lo, hi]; longer texts wrap. excelize cannot fit widths, so
// the width is counted from the text: runes, not bytes, for Vietnamese.
func fit(lo, hi float64, texts ...string) float64 {
	longest := 0
	for _, t := range texts {
		for _, line := range strings.Split(t, "\n") {
			longest = max(longest, utf8.RuneCountInString(line))
		}
	}
	return math.Min(hi, math.Max(lo, float64(longest)*1.1+2))
}

// cellRef names the cell at col, row (both 1-based).
func cellRef(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// colRange names col from row first to row last, as A5:A22.
func colRange(col, first, last int) string {
	return cellRef(col, first) + ":" + cellRef(col, last)
}
