package metrics

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"parindex/criteria"
)

// readFolder reads a folder of per-unit files, one unit a file. The table
// is nil when the folder cannot be listed.
func readFolder(dir string, set *criteria.Set, units []*criteria.Unit, opts Options) (*Table, criteria.Problems) {
	t := newTable()
	t.Notes = map[string]map[string]string{}
	var probs criteria.Problems
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, criteria.Problems{{File: dir, Msg: "cannot read the folder: " + describeOSError(err)}}
	}
	f := &folder{set: set, match: NewMatcher(units), inputs: set.Inputs(), t: t, fileOf: map[string]string{}, opts: opts}
	for _, e := range entries {
		name := e.Name()
		if skipFile(name) {
			continue
		}
		path := filepath.Join(dir, name)
		if e.IsDir() {
			add(&probs, criteria.Problem{File: path}, "a folder among the per-unit files: each unit's file must sit directly in %s", dir)
			continue
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".csv", ".xlsx", ".xlsm", ".xls":
		default:
			add(&probs, criteria.Problem{File: path}, "not a .csv or .xlsx file: the folder must hold only per-unit metric files")
			continue
		}
		sum, ps := f.read(path)
		t.Files = append(t.Files, path)
		t.Sums = append(t.Sums, sum)
		probs.Append(ps...)
	}
	if len(t.Files) == 0 && len(probs) == 0 {
		add(&probs, criteria.Problem{File: dir}, "the folder holds no .csv or .xlsx file")
	} else if !opts.Partial {
		var missing []string
		for _, u := range units {
			if _, ok := f.fileOf[u.ID]; !ok {
				missing = append(missing, fmt.Sprintf("%q", u.Name))
			}
		}
		if len(missing) > 0 {
			add(&probs, criteria.Problem{File: dir}, "no file for %s %s", plural(len(missing), "unit", "units"), strings.Join(missing, ", "))
		}
	}
	return t, probs
}

// skipFile reports whether a folder entry is not the user's: hidden files,
// Office lock files, and what Windows and macOS leave behind.
func skipFile(name string) bool {
	switch strings.ToLower(name) {
	case "thumbs.db", "desktop.ini", "__macosx":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

// folder reads the per-unit files of one folder.
type folder struct {
	set    *criteria.Set
	match  *Matcher
	inputs []*criteria.Metric
	cols   *criteria.Columns // the metric ids of every unit's Values
	t      *Table
	fileOf map[string]string // unit id → the file read for it
	opts   Options
}

// unitFile is one per-unit file as read: its rows and the roles of its
// columns.
type unitFile struct {
	g                 *grid
	rows              []*row
	header            *row
	metricCol, valCol int
	notes             []int // columns kept as notes
}

func newUnitFile() *unitFile { return &unitFile{metricCol: -1, valCol: -1} }

// add keeps a row as the file is scanned.
func (uf *unitFile) add(g *grid, r *row) {
	uf.g = g
	if !r.damaged && !r.blank() {
		uf.rows = append(uf.rows, r)
	}
}

// read reads one per-unit file and returns its SHA-256 and problems.
func (f *folder) read(path string) (string, criteria.Problems) {
	var probs criteria.Problems
	uf := newUnitFile()
	sum, fatal := scanFile(path, path, &probs, uf.add)
	if fatal != nil {
		return "", criteria.Problems{*fatal}
	}
	return sum, f.interpret(uf, path, probs)
}

// interpret reads the unit, the values and the notes from the rows of one
// file, adding to the problems the scan found.
func (f *folder) interpret(uf *unitFile, path string, probs criteria.Problems) criteria.Problems {
	if len(uf.rows) == 0 {
		if len(probs) == 0 {
			add(&probs, criteria.Problem{File: path}, `the file is empty: it needs a header row ("metric", "value") and one row a metric`)
		}
		return probs
	}
	if p := uf.columns(); p != nil {
		probs.Append(*p)
		return probs
	}
	u, label, ok := f.unit(uf, path, &probs)
	if ok {
		if prev, dup := f.fileOf[u.ID]; dup {
			add(&probs, criteria.Problem{File: path}, "unit %q has two files: %s and %s", u.Name, prev, path)
			return probs
		}
		f.fileOf[u.ID] = path
	}
	f.values(uf, u, label, &probs)
	return probs
}

// isMetricKey reports whether a header cell heads the metric column of a
// per-unit file.
func isMetricKey(k string) bool {
	switch criteria.LooseKey(k) {
	case "metric", "chi so", "ma chi so", "chi tieu", "ma chi tieu", "id", "ma":
		return true
	}
	return false
}

// isValueKey reports whether a header cell heads the value column of a
// per-unit file.
func isValueKey(k string) bool {
	switch criteria.LooseKey(k) {
	case "value", "gia tri", "so lieu":
		return true
	}
	return false
}

// isDescriptionKey reports whether a header cell heads a column the
// template writes to describe a metric: read neither as a value nor kept.
func isDescriptionKey(k string) bool {
	switch criteria.LooseKey(k) {
	case "name", "ten", "ten chi so", "ten chi tieu", "type", "loai", "kieu", "kieu du lieu", "don vi tinh", "dvt",
		"stt", "tt", "no", "#", "gia tri cho phep", "allowed values", "allowed":
		return true
	}
	return false
}

// columns finds the header — the first row with a metric and a value
// column, title rows above it skipped (SPEC §12) — and from it the
// metric, value and note columns.
func (uf *unitFile) columns() *criteria.Problem {
	at := -1
	for i, r := range uf.rows {
		m, v := false, false
		for _, c := range r.cells {
			k := key(c.text)
			m, v = m || isMetricKey(k), v || isValueKey(k)
		}
		if m && v {
			at = i
			break
		}
	}
	if at < 0 {
		p := uf.g.at(uf.rows[0], -1)
		p.Msg = `no header row: a per-unit file needs a header with a "metric" (mã chỉ số) and a "value" (giá trị) column`
		p.Hint = mojibakeHint(uf.rows[0].text(0))
		return &p
	}
	uf.header, uf.rows = uf.rows[at], uf.rows[at+1:]
	for col, c := range uf.header.cells {
		k := key(c.text)
		switch {
		case k == "":
		case isMetricKey(k) && uf.metricCol < 0:
			uf.metricCol = col
		case isValueKey(k) && uf.valCol < 0:
			uf.valCol = col
		case isDescriptionKey(k):
		default:
			uf.notes = append(uf.notes, col)
		}
	}
	return nil
}

// unit finds the unit a file is for: a "unit" row, else the file's name.
// label names it in messages even when it is not found.
func (f *folder) unit(uf *unitFile, path string, probs *criteria.Problems) (u *criteria.Unit, label string, ok bool) {
	var unitRow *row
	rest := uf.rows[:0:0]
	for _, r := range uf.rows {
		if !isUnitKey(key(r.text(uf.metricCol))) {
			rest = append(rest, r)
			continue
		}
		if unitRow != nil {
			add(probs, uf.g.at(r, uf.metricCol), "the unit is named twice: %s and %s", uf.g.rowName(unitRow), uf.g.rowName(r))
			continue
		}
		unitRow = r
	}
	uf.rows = rest
	if unitRow != nil {
		label = strings.TrimSpace(unitRow.text(uf.valCol))
		u, err := f.match.Match(label)
		if err != nil {
			p := uf.g.at(unitRow, uf.valCol)
			p.Hint = mojibakeHint(label)
			add(probs, p, "%s", err)
			return nil, short(label), false
		}
		return u, u.Name, true
	}
	label = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	u, err := f.match.Match(label)
	if err != nil {
		add(probs, criteria.Problem{File: path}, `cannot tell which unit the file is for: it has no "unit" row, and its name names no single unit (%s)`, err)
		return nil, short(label), false
	}
	return u, u.Name, true
}

// values reads the metric rows of a file. u is nil when the unit is not
// known: the rows are still checked.
func (f *folder) values(uf *unitFile, u *criteria.Unit, label string, probs *criteria.Problems) {
	g := uf.g
	if f.cols == nil {
		f.cols = inputColumns(f.inputs)
	}
	vals := f.cols.Row(make([]criteria.Value, len(f.inputs)))
	places := map[string]criteria.Problem{}
	notes := map[string]string{}
	seen := map[string]*row{}
	width := len(uf.header.cells)
	for width > 0 && uf.header.cells[width-1].blank() {
		width--
	}
	headed := func(col int) bool { return !uf.header.cells[col].blank() }
	for _, r := range uf.rows {
		// A row too long is not read: its value is likely split in two.
		k := key(r.text(uf.metricCol))
		rowMetric, _ := lookupMetric(f.set, k)
		if g.overflow(r, width, len(uf.header.cells), 0, headed, uf.fits(rowMetric, width), probs) {
			if rowMetric != nil {
				seen[rowMetric.ID] = r // the problem is reported; not also missing
			}
			continue
		}
		if k == "" {
			add(probs, g.at(r, uf.metricCol), "the row has a value but no metric")
			continue
		}
		m, msg := lookupMetric(f.set, k)
		if m == nil {
			p := g.at(r, uf.metricCol)
			p.Hint = mojibakeHint(k)
			add(probs, p, "unit %q: %s", label, msg)
			continue
		}
		if prev, dup := seen[m.ID]; dup {
			add(probs, g.at(r, uf.metricCol), "unit %q: metric %q appears twice: %s and %s", label, m.ID, g.rowName(prev), g.rowName(r))
			continue
		}
		seen[m.ID] = r
		places[m.ID] = g.at(r, uf.valCol)
		// x,12,5,QĐ 12 under metric,value,evidence,note fits the header,
		// yet 5 is most likely the decimals of 12,5 split by the comma.
		if hint := g.evidenceSplit(m, r, uf.valCol); hint != "" {
			p := g.at(r, uf.valCol+1)
			p.Hint = hint
			add(probs, p, "unit %q: metric %q: %s beside the value %s looks like its decimals", label, m.ID,
				quote(strings.TrimSpace(r.text(uf.valCol+1))), quote(strings.TrimSpace(r.text(uf.valCol))))
			continue
		}
		if n := uf.note(r); n != "" {
			notes[m.ID] = n
		}
		v, msg, hint := g.value(m, r, uf.valCol)
		if msg != "" {
			p := g.at(r, uf.valCol)
			p.Hint = hint
			if h := mojibakeHint(r.text(uf.valCol)); h != "" {
				p.Hint = h
			}
			add(probs, p, "unit %q: metric %q: %s", label, m.ID, msg)
			continue
		}
		vals.Set(m.ID, v)
	}
	if u == nil {
		return // the unit's problem is reported; missing rows would be noise
	}
	for _, m := range f.inputs {
		if _, ok := seen[m.ID]; ok || f.opts.optional(m) {
			continue
		}
		if m.Default != nil {
			vals.Set(m.ID, *m.Default)
			continue
		}
		p := criteria.Problem{File: g.file, Hint: missingHint}
		add(probs, p, "unit %q: metric %q: missing (the file has no row for it)", label, m.ID)
	}
	f.t.Values[u.ID] = vals
	f.t.places[u.ID] = &unitPlace{file: g.file, cells: places}
	if len(notes) > 0 {
		f.t.Notes[u.ID] = notes
	}
}

// fits says whether text could be in column col of a row of metric m
// (nil when the row names none), for a header of width cells: any text in
// the metric, note and evidence columns, a value of m in the value column.
func (uf *unitFile) fits(m *criteria.Metric, width int) func(col int, text string) bool {
	return func(col int, text string) bool {
		switch {
		case strings.TrimSpace(text) == "":
			return true
		case col >= width || uf.header.cells[col].blank():
			return false
		case col != uf.valCol:
			return true
		case m != nil:
			return fitsValue(m, text)
		}
		_, _, ok := plainNumber(strings.TrimSpace(text))
		return ok
	}
}

// evidenceSplit says, for a row that fits its header, whether the value
// in column col and the 1 to 3 digits in the cell after it look like a
// number of metric m split at its decimal comma, and gives the hint.
func (g *grid) evidenceSplit(m *criteria.Metric, r *row, col int) string {
	if g.sep != ',' || col+1 >= len(r.cells) {
		return ""
	}
	a, b := strings.TrimSpace(r.cells[col].text), strings.TrimSpace(r.cells[col+1].text)
	if !allDigits(strings.TrimPrefix(a, "-")) || !allDigits(b) || len(b) > 3 || !fitsValue(m, a+"."+b) {
		return ""
	}
	return pairHint(a, b)
}

// note joins a row's note cells: "evidence: QĐ 12; note: nộp muộn".
func (uf *unitFile) note(r *row) string {
	var parts []string
	for _, col := range uf.notes {
		text := strings.TrimSpace(r.text(col))
		if text == "" {
			continue
		}
		h := key(uf.header.text(col))
		if h == "" {
			parts = append(parts, text)
			continue
		}
		parts = append(parts, h+": "+text)
	}
	return strings.Join(parts, "; ")
}
