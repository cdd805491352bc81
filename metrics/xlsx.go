package metrics

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

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

// workbookProblem turns an error opening a workbook into a message. The
// errors of zip, xml and excelize ("EOF", "zip: not a valid zip file",
// "xml: syntax error") mean nothing to the officer who sent the file: each
// says in plain words that the workbook is damaged.
func workbookProblem(file string, err error) criteria.Problem {
	p := criteria.Problem{File: file, Hint: damagedHint}
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword), errors.Is(err, excelize.ErrWorkbookFileFormat):
		p.Msg, p.Hint = "the workbook is password-protected or not an xlsx workbook", ""
	case errors.Is(err, io.EOF):
		// excelize found no workbook part in the zip archive.
		p.Msg = "the file is a zip archive but not a complete xlsx workbook (truncated or damaged)"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, zip.ErrChecksum):
		p.Msg = "the workbook is damaged or cut short (it is not a complete xlsx file)"
	default:
		p.Msg = "the workbook is damaged and cannot be read (it is not a complete xlsx file)"
	}
	return p
}

// scanXLSX reads the first sheet of the workbook in data and calls visit
// with each row, in order, adding problems to probs as it goes. A non-nil
// fatal problem means the workbook could not be read at all. A panic inside
// excelize becomes a problem: no input may crash the program.
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
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: 1 << 30})
	if err != nil {
		p := workbookProblem(file, err)
		return &p
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return &criteria.Problem{File: file, Msg: "the workbook has no sheet"}
	}
	sheet := sheets[0]
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		p := workbookProblem(file, err)
		return &p
	}
	w := &workbook{f: f, sheet: sheet, percent: map[int]bool{}}
	g := &grid{file: file, sheet: sheet, formula: w.formula}
	for i, texts := range rows {
		rw := &row{num: i + 1, cells: make([]cell, len(texts))}
		for j, t := range texts {
			if len(t) > maxCell {
				add(probs, g.at(rw, j), "a cell is longer than %d KiB: this is not a table of metric values", maxCell>>10)
				rw.damaged = true
				continue
			}
			rw.cells[j] = w.cell(t, j, rw.num)
		}
		visit(g, rw)
	}
	return nil
}

// workbook reads the type and format of cells of one sheet.
type workbook struct {
	f       *excelize.File
	sheet   string
	percent map[int]bool // by style id: whether the number format shows a percentage
}

// cell types the cell at col, rowNum whose raw text is t.
func (w *workbook) cell(t string, col, rowNum int) cell {
	c := cell{text: t}
	if t == "" {
		return c
	}
	ref, err := excelize.CoordinatesToCellName(col+1, rowNum)
	if err != nil {
		return c
	}
	typ, err := w.f.GetCellType(w.sheet, ref)
	if err != nil {
		return c
	}
	switch typ {
	case excelize.CellTypeBool:
		c.kind = boolCell
	case excelize.CellTypeError:
		c.kind = errorCell
	case excelize.CellTypeDate:
		c.kind = dateCell
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		c.kind = numberCell
		c.percent = w.isPercent(ref)
	}
	return c
}

// isPercent reports whether the cell's number format shows a percentage:
// the built-in formats 0% and 0.00%, or a custom format with a % sign.
func (w *workbook) isPercent(ref string) bool {
	id, err := w.f.GetCellStyle(w.sheet, ref)
	if err != nil {
		return false
	}
	if p, ok := w.percent[id]; ok {
		return p
	}
	p := false
	if st, err := w.f.GetStyle(id); err == nil && st != nil {
		p = st.NumFmt == 9 || st.NumFmt == 10 ||
			st.CustomNumFmt != nil && formatHasPercent(*st.CustomNumFmt)
	}
	w.percent[id] = p
	return p
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

// formula returns the formula of the cell at col, rowNum, if it has one.
func (w *workbook) formula(col, rowNum int) string {
	ref, err := excelize.CoordinatesToCellName(col+1, rowNum)
	if err != nil {
		return ""
	}
	f, err := w.f.GetCellFormula(w.sheet, ref)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(f, "=")
}
