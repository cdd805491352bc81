package metrics

import (
	"fmt"
	"strings"

	"parindex/criteria"
)

// wideTable reads a wide table row by row: a header of "unit" then metric
// ids, then one row a unit.
type wideTable struct {
	set      *criteria.Set
	match    *Matcher
	opts     Options
	inputs   []*criteria.Metric
	ids      *criteria.Columns // the metric ids of every unit's Values
	at       []int             // column → its place in a row of ids; made by learnColumns
	defaults []int             // the places in a row of ids that take their metric's default
	rows     rowArena
	t        *Table
	probs    criteria.Problems

	headerSeen bool
	stop       bool // the header is unusable: rows are not read
	first      *row // the first row that is not blank, named when no header is found
	firstGrid  *grid
	unitCol    int                // the unit's column: after an STT column, if any
	noteCols   []int              // columns kept as notes
	head       *row               // the header row
	width      int                // header cells, trailing blank ones dropped
	cells      int                // header cells, all of them
	cols       []*criteria.Metric // by column; nil where no metric is read
	colOf      map[string]int     // metric id → column
	blankCols  map[int]bool       // blank header cells inside the width
	seen       map[string]string  // unit id → its row, named for messages

	// pending holds the data rows read before the units are known, each
	// with all but its unit: the rows are read while units.yaml is still
	// being read (ReadAwaiting), and their units matched, in order, as
	// soon as the units come. awaiting is where they come from; nil when
	// match was known from the start.
	pending  []pendingRow
	awaiting <-chan []*criteria.Unit
	units    []*criteria.Unit
	dropped  bool // the units could not be read: the table is not wanted
}

// pendingRow is a data row read but for its unit, which finish matches.
type pendingRow struct {
	name    string           // the unit cell as written
	unitAt  criteria.Problem // the unit cell's place
	rowName string           // the row, named for messages
	damaged bool             // reported already: its unit is only marked as seen
	ragged  bool             // its values are not read
	place   *unitPlace
	notes   string
	vals    criteria.Values
	probs   []valueProblem // said with the unit's name once it is known
}

// valueProblem is a cell a pending row could not read.
type valueProblem struct {
	at     criteria.Problem // the cell's place, with its hint
	metric string
	msg    string
}

// newWide returns a reader of a wide table; match may be nil, and is then
// made from the units finish is given.
func newWide(set *criteria.Set, match *Matcher, opts Options) *wideTable {
	return &wideTable{set: set, match: match, opts: opts, inputs: set.Inputs(), t: newTable(),
		blankCols: map[int]bool{}, seen: map[string]string{}}
}

// row takes the next row of the table.
func (w *wideTable) row(g *grid, r *row) {
	switch {
	case w.stop, r.blank():
	case r.damaged:
		// Already reported; a unit named in it is not also missing.
		if w.headerSeen && len(r.cells) > w.unitCol+1 {
			w.pending = append(w.pending, pendingRow{name: r.text(w.unitCol), rowName: g.rowName(r), damaged: true})
			w.poll()
		}
	case !w.headerSeen:
		if col, ok := headerStart(r, isUnitKey); ok {
			w.header(g, r, col)
		} else if w.first == nil {
			w.first, w.firstGrid = r, g
		}
	default:
		w.data(g, r)
	}
}

// isUnitKey reports whether a header or metric cell says "unit".
func isUnitKey(k string) bool {
	switch criteria.LooseKey(k) {
	case "unit", "don vi", "ten don vi", "ma don vi":
		return true
	}
	return false
}

// isSTTKey reports whether a header cell heads a row-number column.
func isSTTKey(k string) bool {
	switch criteria.LooseKey(k) {
	case "stt", "tt", "so tt", "so thu tu", "no", "no.", "#":
		return true
	}
	return false
}

// isNoteKey reports whether a header cell heads a column of notes, which
// are kept rather than read as values: "ghi chú", "note", or "#kiểm tra"
// (a "#" alone heads row numbers, as STT does).
func isNoteKey(k string) bool {
	switch criteria.LooseKey(k) {
	case "ghi chu", "note", "notes":
		return true
	}
	return strings.HasPrefix(k, "#") && k != "#"
}

// isHeaderWord reports whether k can be the first cell of the header of a
// table parindex reads: a wide table, a per-unit file, decisions or last
// year's ranks.
func isHeaderWord(k string) bool {
	return isUnitKey(k) || isSTTKey(k) || isMetricKey(k)
}

// headerStart reports whether r is a header by SPEC §12: its first cell
// that is not blank — after an optional STT column — is what starts(key)
// accepts. col is that cell's column.
func headerStart(r *row, starts func(string) bool) (col int, ok bool) {
	col = 0
	for col < len(r.cells) && r.cells[col].blank() {
		col++
	}
	if col < len(r.cells) && isSTTKey(key(r.cells[col].text)) {
		col++
		for col < len(r.cells) && r.cells[col].blank() {
			col++
		}
	}
	if col >= len(r.cells) || !starts(key(r.cells[col].text)) {
		return 0, false
	}
	return col, true
}

func (w *wideTable) header(g *grid, r *row, unitCol int) {
	w.headerSeen = true
	w.unitCol = unitCol
	w.width, w.cells = len(r.cells), len(r.cells)
	for w.width > unitCol+1 && r.cells[w.width-1].blank() {
		w.width--
	}
	w.cols = make([]*criteria.Metric, w.width)
	w.colOf = map[string]int{}
	w.at = nil
	for col := unitCol + 1; col < w.width; col++ {
		k := key(r.cells[col].text)
		if k == "" {
			w.blankCols[col] = true
			continue
		}
		if isNoteKey(k) {
			w.noteCols = append(w.noteCols, col)
			continue
		}
		m, msg := lookupMetric(w.set, k)
		if m == nil {
			p := g.at(r, col)
			p.Hint = mojibakeHint(k)
			add(&w.probs, p, "%s", msg)
			continue
		}
		if prev, dup := w.colOf[m.ID]; dup {
			add(&w.probs, g.at(r, col), "metric %q has two columns: %s and %s", m.ID, g.colName(prev), g.colName(col))
			continue
		}
		w.colOf[m.ID] = col
		w.cols[col] = m
	}
	w.head = r
	for _, m := range w.inputs {
		if _, ok := w.colOf[m.ID]; !ok && m.Default == nil && !w.opts.optional(m) {
			p := g.at(r, -1)
			if m.ByDepartment {
				p.Hint = "metrics filled_by: department may come from the Department's own table, department.csv or department.xlsx, instead of a column here"
			}
			add(&w.probs, p, "no column for metric %q (%s)", m.ID, m.Name)
		}
	}
}

// lookupMetric finds the input metric a header or row names by its id, or
// says why it cannot.
func lookupMetric(set *criteria.Set, k string) (*criteria.Metric, string) {
	m := set.Metric(k)
	if m == nil {
		m = set.Metric(strings.ToLower(k))
	}
	if m == nil {
		return nil, fmt.Sprintf("unknown metric %s: it is not declared in the criteria set%s", quote(k), suggestMetric(set, k))
	}
	if m.Ratio != nil {
		parts := append(append([]string{}, m.Ratio.Numerator...), m.Ratio.Denominator...)
		return nil, fmt.Sprintf("metric %q is a ratio worked out from other metrics: give its parts (%s) instead",
			m.ID, strings.Join(parts, ", "))
	}
	return m, ""
}

// suggestMetric says which metric a mistyped id probably means, if any.
func suggestMetric(set *criteria.Set, k string) string {
	lk := criteria.LooseKey(k)
	best, bestD := "", -1
	for _, m := range set.Metrics {
		if lk == criteria.LooseKey(m.Name) {
			return fmt.Sprintf(" (that is the name of %q: write its id)", m.ID)
		}
		if d := criteria.EditDistance(strings.ToLower(k), m.ID, typoLimit(m.ID)); d >= 0 && (bestD < 0 || d < bestD) {
			best, bestD = m.ID, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

func (w *wideTable) data(g *grid, r *row) {
	ragged := false
	if g.sheet == "" && len(r.cells) < w.width {
		add(&w.probs, g.at(r, -1), "the row has %d cells, the header has %d", len(r.cells), w.width)
		ragged = true
	}
	headed := func(col int) bool { return !w.blankCols[col] }
	fits := func(col int, text string) bool {
		switch {
		case strings.TrimSpace(text) == "":
			return true
		case col >= w.width || w.blankCols[col]:
			return false
		case w.cols[col] == nil: // an unknown metric, reported already
			return true
		}
		return fitsValue(w.cols[col], text)
	}
	if g.overflow(r, w.width, w.cells, w.unitCol+1, headed, fits, &w.probs) {
		ragged = true
	}
	uc := w.unitCol
	name := strings.TrimSpace(r.text(uc))
	if name == "" {
		add(&w.probs, g.at(r, uc), "the row has values but no unit")
		return
	}
	pr := pendingRow{name: name, unitAt: g.at(r, uc), rowName: g.rowName(r), ragged: ragged,
		place: &unitPlace{file: g.file, sheet: g.sheet, line: r.line, num: r.num, cols: w.colOf, unitCol: uc},
		notes: w.notes(r)}
	if !ragged {
		pr.vals, pr.probs = w.values(g, r)
	}
	w.pending = append(w.pending, pr)
	w.poll()
}

// poll matches the pending rows' units when they are known: at once when
// they were known from the start, else as soon as they come.
func (w *wideTable) poll() {
	if w.match == nil && w.awaiting != nil {
		select {
		case us := <-w.awaiting:
			w.arrive(us)
		default:
			return
		}
	}
	if w.match != nil {
		w.matchPending(w.units)
	}
}

// arrive takes the units, nil when they could not be read: the rows are
// then no longer read.
func (w *wideTable) arrive(us []*criteria.Unit) {
	w.awaiting = nil
	if us == nil {
		w.dropped, w.stop, w.pending = true, true, nil
		return
	}
	w.units, w.match = us, NewMatcher(us)
}

// values reads a data row's values into a row of w.ids, and the cells it
// could not read.
func (w *wideTable) values(g *grid, r *row) (criteria.Values, []valueProblem) {
	if w.ids == nil {
		w.ids = inputColumns(w.inputs)
	}
	if w.at == nil {
		w.learnColumns()
	}
	row := w.rows.next(len(w.inputs))
	var probs []valueProblem
	for col, m := range w.cols {
		if m == nil {
			continue
		}
		v, msg, hint := g.value(m, r, col)
		if msg != "" {
			p := g.at(r, col)
			p.Hint = hint
			if h := mojibakeHint(r.text(col)); h != "" {
				p.Hint = h
			}
			probs = append(probs, valueProblem{p, m.ID, msg})
			continue
		}
		if i := w.at[col]; i >= 0 {
			row[i] = v
		}
	}
	for _, i := range w.defaults {
		row[i] = *w.inputs[i].Default
	}
	return w.ids.Row(row), probs
}

// matchPending matches the units of the rows read, in order: a unit no
// unit of units names, or one named twice, is a problem, and the values
// of the others are the table's.
func (w *wideTable) matchPending(units []*criteria.Unit) {
	if len(w.pending) == 0 {
		return
	}
	if w.match == nil {
		w.match = NewMatcher(units)
	}
	for _, pr := range w.pending {
		u, err := w.match.Match(pr.name)
		switch {
		case pr.damaged:
			if err == nil {
				if _, dup := w.seen[u.ID]; !dup {
					w.seen[u.ID] = pr.rowName
				}
			}
			continue
		case err != nil:
			p := pr.unitAt
			p.Hint = mojibakeHint(pr.name)
			add(&w.probs, p, "%s", err)
			continue
		}
		if prev, dup := w.seen[u.ID]; dup {
			add(&w.probs, pr.unitAt, "unit %q appears twice: %s and %s", u.Name, prev, pr.rowName)
			continue
		}
		w.seen[u.ID] = pr.rowName
		w.t.places[u.ID] = pr.place
		if pr.notes != "" {
			if w.t.UnitNotes == nil {
				w.t.UnitNotes = map[string]string{}
			}
			w.t.UnitNotes[u.ID] = pr.notes
		}
		if pr.ragged {
			continue
		}
		for _, vp := range pr.probs {
			add(&w.probs, vp.at, "unit %q: metric %q: %s", u.Name, vp.metric, vp.msg)
		}
		w.t.Values[u.ID] = pr.vals
	}
	clear(w.pending)
	w.pending = w.pending[:0]
}

// learnColumns works out, once the header is read, where each column's
// value goes in a unit's row, and which metrics without a column take
// their default.
func (w *wideTable) learnColumns() {
	w.at = make([]int, len(w.cols))
	for col, m := range w.cols {
		w.at[col] = -1
		if m != nil {
			w.at[col] = w.ids.Index(m.ID) // every metric with a column is an input: lookupMetric says so
		}
	}
	w.defaults = nil
	for i, m := range w.inputs {
		if _, ok := w.colOf[m.ID]; !ok && m.Default != nil && !w.opts.optional(m) {
			w.defaults = append(w.defaults, i)
		}
	}
}

// notes joins the note cells of a unit's row: "ghi chú: nộp bổ sung; #kiểm tra: đã đối chiếu".
func (w *wideTable) notes(r *row) string {
	var parts []string
	for _, col := range w.noteCols {
		if text := strings.TrimSpace(r.text(col)); text != "" {
			parts = append(parts, key(w.head.text(col))+": "+text)
		}
	}
	return strings.Join(parts, "; ")
}

// finish adds what can only be known at the end: the units with no row.
func (w *wideTable) finish(file string, units []*criteria.Unit) criteria.Problems {
	if w.stop {
		return w.probs
	}
	w.matchPending(units)
	if !w.headerSeen && w.first != nil {
		first := strings.TrimSpace(w.first.text(0))
		for _, c := range w.first.cells {
			if !c.blank() {
				first = strings.TrimSpace(c.text)
				break
			}
		}
		p := w.firstGrid.at(w.first, -1)
		p.Hint = mojibakeHint(first)
		add(&w.probs, p, `no header row: the header is the first row that starts with "unit" (or "đơn vị"), then one metric id a column (the first row starts with %s)`, quote(first))
		return w.probs
	}
	if !w.headerSeen {
		add(&w.probs, criteria.Problem{File: file}, `the table is empty: it needs a header row ("unit", then metric ids) and one row a unit`)
		return w.probs
	}
	if !w.opts.Partial {
		var missing []string
		for _, u := range units {
			if _, ok := w.seen[u.ID]; !ok {
				missing = append(missing, fmt.Sprintf("%q", u.Name))
			}
		}
		if len(missing) > 0 {
			add(&w.probs, criteria.Problem{File: file}, "no row for %s %s", plural(len(missing), "unit", "units"), strings.Join(missing, ", "))
		}
	}
	return w.probs
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf("%d %s:", n, many)
}
