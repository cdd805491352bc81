package metrics

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"parindex/criteria"
)

const utf8Hint = `save it as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8 (Comma delimited))`

// csvScanner splits CSV text into rows, keeping the physical line of every
// cell. It reads a byte at a time from a buffer, so a huge cell costs no
// more memory than maxCell.
type csvScanner struct {
	br     *bufio.Reader
	file   string
	sep    byte
	line   int
	buf    []byte // the text of the current row's cells
	bounds []int  // where each cell's text starts in buf, and where the last ends
	probs  *criteria.Problems
	width  int               // cells in the last row: the next is likely as wide
	fatal  *criteria.Problem // a problem that makes the rest of the file unreadable
}

// scanCSV reads CSV text from r and calls visit with each row, in order,
// adding problems of the text itself to probs as it goes. A non-nil fatal
// problem means the file could not be read as CSV at all: it is then the
// only problem worth showing for the file.
func scanCSV(r io.Reader, file string, probs *criteria.Problems, visit func(*grid, *row)) (fatal *criteria.Problem) {
	cr := &cappedReader{r: r, limit: maxFile}
	tr := newTextReader(cr, file)
	if head, err := tr.src.Peek(8); err == nil || len(head) > 0 {
		if p := sniffBinary(head, file); p != nil {
			return p
		}
	}
	tr.start()
	s := &csvScanner{br: bufio.NewReaderSize(tr, 64<<10), file: file, line: 1, probs: probs}
	if p := s.sniff(); p != nil {
		return tr.fatal(p)
	}
	g := &grid{file: file, sep: s.sep}
	// The text is split into rows on a goroutine of its own while the rows
	// before are read (a table of 10,000 rows takes a tenth of a second
	// each way). A row goes across with the problems found in its text, in
	// batches, at most a few batches ahead: memory stays bounded.
	type scanned struct {
		rw    *row // nil when the row is not to be visited
		probs criteria.Problems
	}
	const batch = 64
	batches := make(chan []scanned, 4)
	var tooMany bool
	go func() {
		defer close(batches)
		cells := 0
		var out []scanned
		for s.fatal == nil && tr.bad == nil {
			var found criteria.Problems
			s.probs = &found
			rw, ok := s.record()
			if !ok || tr.bad != nil {
				out = append(out, scanned{probs: found})
				break
			}
			if cells += len(rw.cells); cells > maxCells {
				tooMany = true
				break
			}
			if s.fatal != nil {
				rw = nil
			}
			if out = append(out, scanned{rw, found}); len(out) == batch {
				batches <- out
				out = nil
			}
		}
		batches <- out
	}()
	for b := range batches {
		for _, sc := range b {
			probs.Append(sc.probs...)
			if sc.rw != nil {
				visit(g, sc.rw)
			}
		}
	}
	if tooMany {
		return tooManyCells(file)
	}
	if cr.over {
		return tooLarge(file)
	}
	if tr.bad != nil {
		return tr.bad
	}
	return s.fatal
}

// fatal prefers the problem of a file that is no text parindex reads to
// what its decoding, cut short there, looked like.
func (t *textReader) fatal(p *criteria.Problem) *criteria.Problem {
	if t.bad != nil {
		return t.bad
	}
	return p
}

// sniffBinary rejects, by their first bytes, files that are workbooks
// rather than CSV text.
func sniffBinary(head []byte, file string) *criteria.Problem {
	bad := func(msg, hint string) *criteria.Problem {
		return &criteria.Problem{File: file, Msg: msg, Hint: hint}
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return bad("the file is an Excel workbook (.xlsx), not CSV text", "rename it to end in .xlsx")
	case bytes.HasPrefix(head, oleSignature):
		return bad("the file is an Excel 97–2003 .xls workbook, not CSV text", `save it as "CSV UTF-8" or as .xlsx`)
	}
	return nil
}

// sniff rejects what is not CSV text and picks the separator.
func (s *csvScanner) sniff() *criteria.Problem {
	head, err := s.br.Peek(64 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return &criteria.Problem{File: s.file, Msg: "cannot read: " + describeOSError(err)}
	}
	bad := func(msg, hint string) *criteria.Problem {
		return &criteria.Problem{File: s.file, Msg: msg, Hint: hint}
	}
	switch {
	case len(bytes.TrimSpace(head)) == 0:
		return bad("the file is empty", "")
	case utf16NoMark(head):
		return bad("the file is UTF-16 text without a byte-order mark, which cannot be told from binary data",
			`save it as "CSV UTF-8", or as "Unicode Text" from Excel, which writes the mark`)
	case bytes.IndexByte(head, 0) >= 0:
		return bad("the file is binary, not CSV text", utf8Hint)
	}
	s.sep = detectSeparator(head)
	return nil
}

// utf16NoMark reports whether head looks like ASCII text in UTF-16 with no
// byte-order mark: a zero byte beside every other byte.
func utf16NoMark(head []byte) bool {
	n := min(len(head), 200) &^ 1
	if n < 8 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if head[i] == 0 && head[i+1] != 0 {
			even++
		}
		if head[i+1] == 0 && head[i] != 0 {
			odd++
		}
	}
	return even == n/2 || odd == n/2
}

// detectSeparator finds the separator as SPEC §12 says: the character
// (, ; or tab) that follows the first cell of the header, the first
// record whose first cell is a header word ("unit", "đơn vị", "STT",
// "metric"…), so that title rows above the header do not count. Without
// such a record it counts , ; and tabs outside quotes in the first record
// that is not blank: Excel in a Vietnamese locale separates with ;.
func detectSeparator(head []byte) byte {
	first := byte(0)
	for rec := range records(head) {
		cell, sep := firstCell(rec)
		if sep != 0 && isHeaderWord(key(cell)) {
			return sep
		}
		if first == 0 {
			first = countSeparators(rec)
		}
	}
	if first == 0 {
		return ','
	}
	return first
}

// records yields the records of head that are not blank, a line break
// inside quotes kept in its record.
func records(head []byte) func(yield func([]byte) bool) {
	return func(yield func([]byte) bool) {
		quoted, start := false, 0
		for i, b := range head {
			switch {
			case b == '"':
				quoted = !quoted
			case !quoted && (b == '\n' || b == '\r'):
				if rec := head[start:i]; len(bytes.TrimSpace(rec)) > 0 && !yield(rec) {
					return
				}
				start = i + 1
			}
		}
		// The last record may be cut short by the end of head: still
		// worth reading, its first cell is whole when a separator follows.
		if rec := head[start:]; len(bytes.TrimSpace(rec)) > 0 {
			yield(rec)
		}
	}
}

// firstCell returns the text of rec's first cell, unquoted, and the
// separator after it (0 when none does).
func firstCell(rec []byte) (string, byte) {
	quoted := false
	var cell []byte
	for i, b := range rec {
		switch {
		case b == '"':
			if quoted && i+1 < len(rec) && rec[i+1] == '"' {
				continue
			}
			quoted = !quoted
		case quoted:
			cell = append(cell, b)
		case b == ',' || b == ';' || b == '\t':
			return string(cell), b
		default:
			cell = append(cell, b)
		}
	}
	return string(cell), 0
}

// countSeparators picks the separator of a record by counting.
func countSeparators(rec []byte) byte {
	var comma, semi, tab int
	quoted := false
	for _, b := range rec {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == ',':
			comma++
		case b == ';':
			semi++
		case b == '\t':
			tab++
		}
	}
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// record reads the next row; ok is false at the end of the text. The
// text of all its cells is one string, sliced: one allocation a row
// rather than one a cell.
func (s *csvScanner) record() (rw *row, ok bool) {
	if _, err := s.br.Peek(1); err != nil {
		return nil, false
	}
	rw = &row{line: s.line, cells: make([]cell, 0, max(s.width, 1))}
	s.buf, s.bounds = s.buf[:0], append(s.bounds[:0], 0)
	for {
		c, end, damaged := s.field()
		if s.fatal != nil {
			return rw, true
		}
		rw.damaged = rw.damaged || damaged
		if len(rw.cells) == maxColumns {
			s.fatal = &criteria.Problem{File: s.file, Line: rw.line,
				Msg: fmt.Sprintf("the row has more than %d cells, Excel's limit: this is not a table of metric values", maxColumns)}
			return rw, true
		}
		rw.cells = append(rw.cells, c)
		s.bounds = append(s.bounds, len(s.buf))
		if end {
			break
		}
	}
	text := string(s.buf)
	for i := range rw.cells {
		rw.cells[i].text = text[s.bounds[i]:s.bounds[i+1]]
	}
	s.width = len(rw.cells)
	return rw, true
}

// field reads one field onto s.buf and what ends it: end is true at the
// end of the record. A quoted field may span lines; "" in it is one quote.
// damaged is true when the field was reported as unreadable.
func (s *csvScanner) field() (c cell, end, damaged bool) {
	tooLong := false
	c.line = s.line
	start := len(s.buf)
	put := func(b byte) {
		if len(s.buf)-start < maxCell {
			s.buf = append(s.buf, b)
		} else {
			tooLong = true
		}
	}
	// A quote after spaces still opens a quoted cell: people write
	// `a, "b"` by hand.
	quoted := false
	ahead, _ := s.br.Peek(64)
	if i := bytes.IndexFunc(ahead, func(r rune) bool { return r != ' ' }); i >= 0 && ahead[i] == '"' {
		s.br.Discard(i + 1)
		quoted = true
	}
	if !quoted {
		tooLong = s.plainRun(start)
	}
	for {
		b, err := s.br.ReadByte()
		if err != nil {
			if quoted {
				add(s.probs, criteria.Problem{File: s.file, Line: c.line}, "a quoted cell is never closed: a \" is missing")
				damaged = true
			}
			end = true
			break
		}
		if b == 0 {
			s.fatal = &criteria.Problem{File: s.file, Line: s.line, Msg: "the file is binary, not CSV text", Hint: utf8Hint}
			return c, true, false
		}
		if quoted {
			quoted = s.quoted(b, put)
			continue
		}
		if b == s.sep {
			break
		}
		if b == '\n' || b == '\r' {
			if next, _ := s.br.Peek(1); b == '\r' && len(next) == 1 && next[0] == '\n' {
				s.br.ReadByte()
			}
			s.line++
			end = true
			break
		}
		put(b)
	}
	if tooLong {
		add(s.probs, criteria.Problem{File: s.file, Line: c.line},
			"a cell is longer than %d KiB: this is not a table of metric values", maxCell>>10)
		s.buf = s.buf[:start]
		return c, end, true
	}
	if !utf8.Valid(s.buf[start:]) {
		s.fatal = &criteria.Problem{File: s.file, Line: c.line,
			Msg:  "the line is not UTF-8 text though the text above it is: the file mixes two encodings",
			Hint: utf8Hint}
		return c, true, false
	}
	return c, end, damaged
}

// plainRun copies onto s.buf, from what is buffered, the bytes of an
// unquoted cell up to the first that ends it or needs a look (the
// separator, a line break, a NUL), a run at a time: a table of 10,000
// rows has a million cells. It reports whether the cell passed maxCell;
// field reads the rest a byte at a time.
func (s *csvScanner) plainRun(start int) (tooLong bool) {
	for {
		chunk, _ := s.br.Peek(max(s.br.Buffered(), 1))
		i := 0
		for i < len(chunk) {
			if b := chunk[i]; b == s.sep || b == '\n' || b == '\r' || b == 0 {
				break
			}
			i++
		}
		keep := min(i, max(maxCell-(len(s.buf)-start), 0))
		s.buf = append(s.buf, chunk[:keep]...)
		tooLong = tooLong || keep < i
		s.br.Discard(i)
		if i < len(chunk) || len(chunk) == 0 {
			return tooLong
		}
	}
}

// quoted takes byte b of a quoted cell and reports whether the cell is
// still quoted after it. A line break in the cell is kept as "\n".
func (s *csvScanner) quoted(b byte, put func(byte)) bool {
	switch b {
	case '"':
		if next, _ := s.br.Peek(1); len(next) == 1 && next[0] == '"' {
			s.br.ReadByte()
			put('"')
			return true
		}
		return false // text after the closing quote is kept as it is
	case '\r':
		if next, _ := s.br.Peek(1); len(next) == 1 && next[0] == '\n' {
			s.br.ReadByte()
		}
		s.line++
		put('\n')
	case '\n':
		s.line++
		put(b)
	default:
		put(b)
	}
	return true
}

// oleSignature opens an OLE2 compound file: a legacy .xls workbook, or an
// encrypted .xlsx.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
