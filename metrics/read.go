package metrics

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parindex/criteria"
)

// Options for Read.
type Options struct {
	// Partial lets units be absent, as in a self-assessment some units did
	// not send. By default every unit must appear exactly once.
	Partial bool
	// Optional names metrics whose column may be absent: their values
	// then come from elsewhere (the Department's own table, SPEC §12),
	// and no default is filled in for them.
	Optional map[string]bool
}

func (o Options) optional(m *criteria.Metric) bool { return o.Optional[m.ID] }

// Table is the metric values read from one source.
type Table struct {
	// Values holds each unit's values by unit id, then metric id, defaults
	// applied. Derived ratios are not included: the scorer computes them.
	Values map[string]criteria.Values
	// Notes holds the evidence and note columns of per-unit files by unit
	// id, then metric id: "evidence: QĐ 12/QĐ-UBND; note: …". Nil for a
	// wide table.
	Notes map[string]map[string]string
	// UnitNotes holds the note columns of a wide table (headed "ghi chú",
	// "note" or starting with "#") by unit id, joined as
	// "ghi chú: …; #kiểm tra: …". Nil when the table has none.
	UnitNotes map[string]string
	// Files lists every file read, in order, as named in problems.
	Files []string
	// Sums holds the SHA-256 of each file of Files, in lowercase hex, taken
	// from the bytes read: a file is never opened twice. "" for a file
	// that could not be read whole.
	Sums []string

	places map[string]*unitPlace
	// dept is the Department's table merged in, and fromDept the metrics
	// of each unit taken from it, so that Place points there.
	dept     *Table
	fromDept map[string]map[string]bool
}

// unitPlace says where one unit's values were read.
type unitPlace struct {
	file, sheet string
	line, num   int                         // the unit's row in a wide table
	cols        map[string]int              // wide table: metric id → column
	unitCol     int                         // wide table: the column naming the unit
	cells       map[string]criteria.Problem // per-unit file: metric id → place
}

// Place returns where the value of metricID for unitID was read: File and
// Line for CSV, File and Cell for a workbook. A metric that was not read
// from a cell (a default, a derived ratio) gives the unit's row or file.
// The zero Problem means the unit was not read.
func (t *Table) Place(unitID, metricID string) criteria.Problem {
	if t.fromDept[unitID][metricID] {
		return t.dept.Place(unitID, metricID)
	}
	up := t.places[unitID]
	if up == nil {
		return criteria.Problem{}
	}
	if up.cells != nil {
		if p, ok := up.cells[metricID]; ok {
			return p
		}
		return criteria.Problem{File: up.file}
	}
	col, ok := up.cols[metricID]
	if !ok {
		col = up.unitCol // the unit's own cell
	}
	if up.sheet == "" {
		return criteria.Problem{File: up.file, Line: up.line}
	}
	return criteria.Problem{File: up.file, Cell: cellRef(up.sheet, col, up.num)}
}

func newTable() *Table {
	return &Table{Values: map[string]criteria.Values{}, places: map[string]*unitPlace{}}
}

// Read reads the metric values at path: a .csv file or a .xlsx workbook
// holding a wide table, or a folder of per-unit .csv/.xlsx files. Every
// problem found is returned at once as criteria.Problems. Files are named
// in problems as path names them, or path joined with the file's name for
// a folder.
//
// With problems, Read still returns the table of what it could read, so
// that the caller can check those values too and list every problem at
// once: a value that could not be read is absent (the zero, missing
// criteria.Value), and a unit whose row could not be read is absent from
// Values. The table must not be scored while problems remain. The table
// is nil only when path could not be read at all (no such file, a file
// that is not a table).
func Read(path string, set *criteria.Set, units []*criteria.Unit, opts Options) (*Table, error) {
	known := make(chan []*criteria.Unit, 1)
	known <- units
	return read(path, set, known, opts)
}

// ReadAwaiting is Read for a caller still reading the units, which it
// sends on units once read, or nil when they could not be: a wide table's
// rows are then read while the units are, and their units matched, in
// order, once they come. With nil, the table is not wanted: ReadAwaiting
// returns nil and no problem. A folder of per-unit files is read once the
// units have come. units must be able to take one send without a reader.
func ReadAwaiting(path string, set *criteria.Set, units <-chan []*criteria.Unit, opts Options) (*Table, error) {
	return read(path, set, units, opts)
}

func read(path string, set *criteria.Set, units <-chan []*criteria.Unit, opts Options) (*Table, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, criteria.Problems{{File: path, Msg: "cannot read: " + describeOSError(err)}}
	}
	var t *Table
	var probs criteria.Problems
	if fi.IsDir() {
		us := <-units
		if us == nil {
			return nil, nil
		}
		t, probs = readFolder(path, set, us, opts)
	} else {
		w := newWide(set, nil, opts)
		w.awaiting = units
		w.poll() // units known at once are matched row by row, as read
		t = w.t
		sum, fatal := scanFile(path, path, &w.probs, w.row)
		if w.awaiting != nil {
			w.arrive(<-w.awaiting)
		}
		if w.dropped {
			return nil, nil
		}
		if fatal != nil {
			return nil, criteria.Problems{*fatal}
		}
		t.Files = append(t.Files, path)
		t.Sums = append(t.Sums, sum)
		probs = w.finish(path, w.units)
	}
	if len(probs) > 0 {
		return t, probs
	}
	return t, nil
}

// scanFile reads the rows of a .csv or .xlsx file (by its extension),
// calling visit with each and adding problems to probs. display names the
// file in problems. It returns the SHA-256 of the bytes it read, so that
// the file is opened once: a named pipe can be read only once. A non-nil
// fatal problem means the file could not be read at all.
func scanFile(path, display string, probs *criteria.Problems, visit func(*grid, *row)) (sum string, fatal *criteria.Problem) {
	bad := func(msg, hint string) *criteria.Problem {
		return &criteria.Problem{File: display, Msg: msg, Hint: hint}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		f, err := os.Open(path)
		if err != nil {
			return "", bad("cannot read: "+describeOSError(err), "")
		}
		defer f.Close()
		if statTooLarge(f, maxFile) {
			return "", tooLarge(display)
		}
		h := sha256.New()
		if fatal := scanCSV(io.TeeReader(f, h), display, probs, visit); fatal != nil {
			return "", fatal
		}
		return hex.EncodeToString(h.Sum(nil)), nil
	case ".xlsx", ".xlsm":
		data, fatal := readWorkbook(path, display)
		if fatal != nil {
			return "", fatal
		}
		sha := sha256.Sum256(data)
		return hex.EncodeToString(sha[:]), scanXLSX(data, display, probs, visit)
	case ".xls":
		f, err := os.Open(path)
		if err == nil {
			defer f.Close()
			head := make([]byte, len(oleSignature))
			n, _ := io.ReadFull(f, head)
			if n == 0 || bytes.HasPrefix(head[:n], oleSignature) {
				return "", bad("the file is an Excel 97–2003 .xls workbook: save it as .xlsx", "Excel: File › Save As › Excel Workbook (*.xlsx)")
			}
		}
		return "", bad("the file is named .xls: name an xlsx workbook .xlsx and a CSV file .csv", "")
	}
	return "", bad("not a .csv or .xlsx file", "metric values are read from a .csv file, an .xlsx workbook, or a folder of them")
}

// readWorkbook reads a whole workbook file of at most maxFile bytes; a
// longer one is refused, read no further.
func readWorkbook(path, display string) ([]byte, *criteria.Problem) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &criteria.Problem{File: display, Msg: "cannot read: " + describeOSError(err)}
	}
	defer f.Close()
	if statTooLarge(f, maxFile) {
		return nil, tooLarge(display)
	}
	cr := &cappedReader{r: f, limit: maxFile}
	data, err := io.ReadAll(cr)
	if err != nil {
		return nil, &criteria.Problem{File: display, Msg: "cannot read: " + describeOSError(err)}
	}
	if cr.over {
		return nil, tooLarge(display)
	}
	return data, nil
}

// describeOSError drops the path that os errors repeat: the problem
// already names the file.
func describeOSError(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// inputColumns returns the columns of the values of the metrics given.
func inputColumns(inputs []*criteria.Metric) *criteria.Columns {
	ids := make([]string, len(inputs))
	for i, m := range inputs {
		ids[i] = m.ID
	}
	return criteria.NewColumns(ids)
}

// rowArena hands out the rows of a table from blocks of many rows: one
// allocation for a block, not one a unit.
type rowArena struct{ block []criteria.Value }

// next returns n zero values of their own.
func (a *rowArena) next(n int) []criteria.Value {
	const rows = 64
	if len(a.block) < n {
		a.block = make([]criteria.Value, n*rows)
	}
	r := a.block[:n:n]
	a.block = a.block[n:]
	return r
}
