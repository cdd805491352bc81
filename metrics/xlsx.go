package metrics

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"parindex/criteria"
)

// encryptedPackage is the stream name, in UTF-16, that an encrypted .xlsx
// holds inside its OLE2 container.
var encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")

// sniffWorkbook rejects what cannot be an xlsx workbook with a message that
// says what it is.
func sniffWorkbook(data []byte, file string) *criteria.Problem {
	bad := func(msg, hint string) *criteria.Problem {
		return &criteria.Problem{File: file, Msg: msg, Hint: hint}
	}
	switch {
	case len(data) == 0:
		return bad("the file is empty", "")
	case bytes.HasPrefix(data, oleSignature) && bytes.Contains(data, encryptedPackage):
		return bad("the workbook is password-protected", "remove the password (Excel: File › Info › Protect Workbook › Encrypt with Password) and save it again")
	case bytes.HasPrefix(data, oleSignature):
		return bad("the file is an Excel 97–2003 .xls workbook: save it as .xlsx", "Excel: File › Save As › Excel Workbook (*.xlsx)")
	case !bytes.HasPrefix(data, []byte("PK")) && (bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data)):
		return bad("the file is not a spreadsheet: it holds binary data, not an xlsx workbook or CSV text",
			"metric values are read from an .xlsx workbook or a .csv file: check that this is the right file")
	case !bytes.HasPrefix(data, []byte("PK")):
		return bad("the file is not an xlsx workbook", "it holds text: a CSV file must be named .csv")
	}
	return nil
}

const damagedHint = "copy the file again, or open it in Excel and save it again"

// workbookProblem turns an error opening a workbook's zip archive into a
// message: "zip: not a valid zip file" means nothing to the officer who
// sent the file.
func workbookProblem(file string, err error) criteria.Problem {
	p := criteria.Problem{File: file, Hint: damagedHint}
	switch {
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, zip.ErrChecksum), errors.Is(err, io.EOF):
		p.Msg = "the workbook is damaged or cut short (it is not a complete xlsx file)"
	default:
		p.Msg = "the workbook is damaged and cannot be read (it is not a complete xlsx file)"
	}
	return p
}

// scanXLSX reads the first sheet of the workbook in data and calls visit
// with each row that holds a cell, in order, adding problems to probs as it
// goes. Every part of the workbook is checked whole first, and the sheet
// must be whole XML to its end: a non-nil fatal problem means the workbook
// could not be read, and then the rows visited count for nothing. A panic
// becomes a problem: no input may crash the program.
func scanXLSX(data []byte, file string, probs *criteria.Problems, visit func(*grid, *row)) (fatal *criteria.Problem) {
	defer func() {
		if r := recover(); r != nil {
			fatal = &criteria.Problem{File: file, Hint: damagedHint,
				Msg: "the workbook is damaged and cannot be read (it is not a complete xlsx file)"}
		}
	}()
	if p := sniffWorkbook(data, file); p != nil {
		return p
	}
	b, p := openBook(data, file)
	if p != nil {
		return p
	}
	name, part, rels, p := b.firstSheet()
	if p != nil {
		return p
	}
	s := &sheetReader{book: b, file: file, probs: probs, visit: visit, formulas: map[[2]int]string{}}
	if s.strings, p = b.sharedStrings(byType(rels, "/sharedStrings", "xl/sharedStrings.xml")); p != nil {
		return p
	}
	if s.percent, p = b.percentStyles(byType(rels, "/styles", "xl/styles.xml")); p != nil {
		return p
	}
	s.g = &grid{file: file, sheet: name, formula: func(col, rowNum int) string { return s.formulas[[2]int{rowNum, col}] }}
	return s.read(part)
}

// sheetReader reads the rows of one sheet's XML as they come.
type sheetReader struct {
	*book
	file     string
	g        *grid
	strings  []string
	percent  []bool // by cell format index
	formulas map[[2]int]string
	probs    *criteria.Problems
	visit    func(*grid, *row)

	row    *row
	col    int // the last cell's column in the row, -1 before the first
	cells  int // cells kept in the whole sheet
	c      sheetCell
	inText int // inside <v>, <f> or the <t> of an inline string: 1, 2, 3
}

// sheetCell is the cell being read.
type sheetCell struct {
	col        int
	typ, style string
	v, f, is   []byte
	hasF, long bool
}

func (s *sheetReader) damaged(format string, args ...any) error {
	return &criteria.Problem{File: s.file, Hint: damagedHint,
		Msg: "the workbook is damaged: " + fmt.Sprintf(format, args...)}
}

// read reads the sheet in part.
func (s *sheetReader) read(part string) *criteria.Problem {
	rc, err := s.parts[part].Open()
	if err != nil {
		return s.partError(part, err)
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	rowNum, seenSheet := 0, false
	for {
		kind, err := x.next()
		if err != nil {
			var p *criteria.Problem
			if errors.As(err, &p) {
				return p
			}
			return s.partError(part, err)
		}
		switch kind {
		case xmlEOF:
			if !seenSheet {
				return s.partError(part, errors.New("not a worksheet"))
			}
			return nil
		case xmlStart:
			err = s.start(x, &rowNum, &seenSheet)
		case xmlEnd:
			err = s.end(x)
		case xmlText:
			s.text(x.text, x.long)
		}
		if err != nil {
			var p *criteria.Problem
			if errors.As(err, &p) {
				return p
			}
			return s.partError(part, err)
		}
	}
}

// start takes a start tag of the sheet.
func (s *sheetReader) start(x *xmlScanner, rowNum *int, seenSheet *bool) error {
	switch string(x.local()) {
	case "worksheet":
		if x.depth() == 1 {
			*seenSheet = true
		}
	case "row":
		n := *rowNum + 1
		if r := x.attr("r"); r != nil {
			var ok bool
			if n, ok = atoi(r); !ok || n <= *rowNum || n > 1<<20 {
				return s.damaged("its rows are out of order or misnumbered (row %s after row %d)", criteria.Quote(string(r)), *rowNum)
			}
		}
		*rowNum = n
		s.row, s.col = &row{num: n}, -1
	case "c":
		return s.startCell(x)
	case "v":
		s.inText = 1
	case "f":
		s.inText, s.c.hasF = 2, true
	case "t":
		if s.inText == 0 {
			s.inText = 3 // an inline string's text; rPh is skipped
		}
	case "rPh":
		s.inText = -1
	}
	return nil
}

// end takes an end tag of the sheet.
func (s *sheetReader) end(x *xmlScanner) error {
	switch string(x.local()) {
	case "v", "f", "t":
		if s.inText > 0 {
			s.inText = 0
		}
	case "rPh":
		s.inText = 0
	case "c":
		return s.endCell()
	case "row":
		if s.row != nil && len(s.row.cells) > 0 {
			s.visit(s.g, s.row)
		}
		s.row = nil
	}
	return nil
}

// atoi reads a positive decimal number of at most 9 digits.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// startCell begins a cell of the current row.
func (s *sheetReader) startCell(x *xmlScanner) error {
	if s.row == nil {
		return s.damaged("a cell lies outside any row")
	}
	col := s.col + 1
	if r := x.attr("r"); r != nil {
		c, ok := cellRefCol(r)
		if !ok || c <= s.col {
			return s.damaged("its cells are out of order or misnamed (cell %s in row %d)", criteria.Quote(string(r)), s.row.num)
		}
		col = c
	}
	if col >= maxColumns {
		return s.damaged("row %d has more than %d cells, Excel's limit", s.row.num, maxColumns)
	}
	s.col = col
	s.c = sheetCell{col: col, typ: string(x.attr("t")), style: string(x.attr("s")), v: s.c.v[:0], f: s.c.f[:0], is: s.c.is[:0]}
	s.inText = 0
	return nil
}

// text keeps the text of a cell's value, formula or inline string, up to
// maxCell bytes: longer is noted, not kept.
func (s *sheetReader) text(t []byte, long bool) {
	var dst *[]byte
	switch s.inText {
	case 1:
		dst = &s.c.v
	case 2:
		dst = &s.c.f
	case 3:
		dst = &s.c.is
	default:
		return
	}
	if long || len(*dst)+len(t) > maxCell {
		s.c.long = true
		return
	}
	*dst = append(*dst, t...)
}

// endCell types the cell just read and adds it to the row, as Excel would
// show it: the text of a shared string, a number's stored digits.
func (s *sheetReader) endCell() error {
	c := &s.c
	text, kind := string(c.v), textCell
	switch c.typ {
	case "s":
		if len(c.v) > 0 {
			i, err := strconv.Atoi(strings.TrimSpace(string(c.v)))
			if err != nil || i < 0 || i >= len(s.strings) {
				return s.damaged("cell %s refers to a shared string the workbook does not have", cellRef(s.g.sheet, c.col, s.row.num))
			}
			text = s.strings[i]
		}
	case "inlineStr":
		text = string(c.is)
	case "b":
		kind = boolCell
	case "e":
		kind = errorCell
	case "d":
		kind = dateCell
	case "", "n":
		kind = numberCell
	}
	if text == "" && !c.hasF && !c.long {
		return nil
	}
	if s.cells++; s.cells > maxCells {
		return tooManyCells(s.file)
	}
	cl := cell{text: text}
	if text != "" {
		cl.kind = kind
	}
	if kind == numberCell && c.style != "" {
		if i, err := strconv.Atoi(c.style); err == nil && i >= 0 && i < len(s.percent) {
			cl.percent = s.percent[i]
		}
	}
	if c.hasF && text == "" {
		s.formulas[[2]int{s.row.num, c.col}] = string(c.f)
	}
	if c.long || len(text) > maxCell {
		add(s.probs, s.g.at(&row{num: s.row.num}, c.col), "a cell is longer than %d KiB: this is not a table of metric values", maxCell>>10)
		s.row.damaged = true
		cl = cell{}
	}
	for len(s.row.cells) < c.col {
		s.row.cells = append(s.row.cells, cell{})
	}
	s.row.cells = append(s.row.cells, cl)
	return nil
}

// formatHasPercent reports whether a number format code has a % sign that
// is not quoted text or an escaped character.
func formatHasPercent(code string) bool {
	quoted := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\':
			i++
		case c == '%':
			return true
		}
	}
	return false
}
