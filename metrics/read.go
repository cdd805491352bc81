package metrics

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parindex/criteria"
)

// maxWorkbook is the largest workbook read: a province's metrics are a few
// megabytes at most.
const maxWorkbook = 256 << 20

// Options for Read.
type Options struct {
	// Partial lets units be absent, as in a self-assessment some units did
	// not send. By default every unit must appear exactly once.
	Partial bool
}

// Table is the metric values read from one source.
type Table struct {
	// Values holds each unit's values by unit id, then metric id, defaults
	// applied. Derived ratios are not included: the scorer computes them.
	Values map[string]criteria.Values
	// Notes holds the evidence and note columns of per-unit files by unit
	// id, then metric id: "evidence: QĐ 12/QĐ-UBND; note: …". Nil for a
	// wide table.
	Notes map[string]map[string]string
	// Files lists every file read, in order, as named in problems.
	Files []string

	places map[string]*unitPlace
}

// unitPlace says where one unit's values were read.
type unitPlace struct {
	file, sheet string
	line, num   int                         // the unit's row in a wide table
	cols        map[string]int              // wide table: metric id → column
	cells       map[string]criteria.Problem // per-unit file: metric id → place
}

// Place returns where the value of metricID for unitID was read: File and
// Line for CSV, File and Cell for a workbook. A metric that was not read
// from a cell (a default, a derived ratio) gives the unit's row or file.
// The zero Problem means the unit was not read.
func (t *Table) Place(unitID, metricID string) criteria.Problem {
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
	col := up.cols[metricID] // 0, the unit's own cell, when not a column
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
	fi, err := os.Stat(path)
	if err != nil {
		return nil, criteria.Problems{{File: path, Msg: "cannot read: " + describeOSError(err)}}
	}
	var t *Table
	var probs criteria.Problems
	if fi.IsDir() {
		t, probs = readFolder(path, set, units, opts)
	} else {
		w := newWide(set, NewMatcher(units), opts)
		t = w.t
		t.Files = append(t.Files, path)
		if fatal := scanFile(path, path, &w.probs, w.row); fatal != nil {
			return nil, criteria.Problems{*fatal}
		}
		probs = w.finish(path, units)
	}
	if len(probs) > 0 {
		return t, probs
	}
	return t, nil
}

// scanFile reads the rows of a .csv or .xlsx file (by its extension),
// calling visit with each and adding problems to probs. display names the
// file in problems. A non-nil fatal problem means the file could not be
// read at all.
func scanFile(path, display string, probs *criteria.Problems, visit func(*grid, *row)) (fatal *criteria.Problem) {
	bad := func(msg, hint string) *criteria.Problem {
		return &criteria.Problem{File: display, Msg: msg, Hint: hint}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		f, err := os.Open(path)
		if err != nil {
			return bad("cannot read: "+describeOSError(err), "")
		}
		defer f.Close()
		return scanCSV(f, display, probs, visit)
	case ".xlsx", ".xlsm":
		data, err := readLimited(path, maxWorkbook)
		if err != nil {
			return bad(err.Error(), "")
		}
		return scanXLSX(data, display, probs, visit)
	case ".xls":
		data, _ := readLimited(path, 8)
		if bytes.HasPrefix(data, oleSignature) || len(data) == 0 {
			return bad("the file is an Excel 97–2003 .xls workbook: save it as .xlsx", "Excel: File › Save As › Excel Workbook (*.xlsx)")
		}
		return bad("the file is named .xls: name an xlsx workbook .xlsx and a CSV file .csv", "")
	}
	return bad("not a .csv or .xlsx file", "metric values are read from a .csv file, an .xlsx workbook, or a folder of them")
}

// readLimited reads a whole file of at most limit bytes; a longer one is
// an error, read no further.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", describeOSError(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", describeOSError(err))
	}
	if int64(len(data)) > limit && limit >= maxWorkbook {
		return nil, fmt.Errorf("the file is larger than %d MiB: this is not a table of metric values", limit>>20)
	}
	if int64(len(data)) > limit {
		data = data[:limit]
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
