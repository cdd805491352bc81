package metrics

import (
	"fmt"
	"strings"

	"parindex/criteria"
)

// wideTable reads a wide table row by row: a header of "unit" then metric
// ids, then one row a unit.
type wideTable struct {
	set    *criteria.Set
	match  *Matcher
	opts   Options
	inputs []*criteria.Metric
	t      *Table
	probs  criteria.Problems

	headerSeen bool
	stop       bool               // the header is unusable: rows are not read
	width      int                // header cells, trailing blank ones dropped
	cells      int                // header cells, all of them
	cols       []*criteria.Metric // by column; nil where no metric is read
	colOf      map[string]int     // metric id → column
	blankCols  map[int]bool       // blank header cells inside the width
	seen       map[string]string  // unit id → its row, named for messages
}

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
		if u, err := w.match.Match(r.text(0)); err == nil && w.headerSeen && len(r.cells) > 1 {
			if _, dup := w.seen[u.ID]; !dup {
				w.seen[u.ID] = g.rowName(r)
			}
		}
	case !w.headerSeen:
		w.header(g, r)
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

func (w *wideTable) header(g *grid, r *row) {
	w.headerSeen = true
	if first := key(r.text(0)); !isUnitKey(first) {
		add(&w.probs, g.at(r, 0), `the first row must be the header: "unit", then one metric id a column (found %s)`, quote(first))
		w.stop = true
		return
	}
	w.width, w.cells = len(r.cells), len(r.cells)
	for w.width > 1 && r.cells[w.width-1].blank() {
		w.width--
	}
	w.cols = make([]*criteria.Metric, w.width)
	w.colOf = map[string]int{}
	for col := 1; col < w.width; col++ {
		k := key(r.cells[col].text)
		if k == "" {
			w.blankCols[col] = true
			continue
		}
		m, msg := lookupMetric(w.set, k)
		if m == nil {
			add(&w.probs, g.at(r, col), "%s", msg)
			continue
		}
		if prev, dup := w.colOf[m.ID]; dup {
			add(&w.probs, g.at(r, col), "metric %q has two columns: %s and %s", m.ID, g.colName(prev), g.colName(col))
			continue
		}
		w.colOf[m.ID] = col
		w.cols[col] = m
	}
	for _, m := range w.inputs {
		if _, ok := w.colOf[m.ID]; !ok && m.Default == nil {
			add(&w.probs, g.at(r, -1), "no column for metric %q (%s)", m.ID, m.Name)
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
	fraction := func(col int) bool {
		return col < len(w.cols) && w.cols[col] != nil && w.cols[col].Type != criteria.Bool && w.cols[col].Type != criteria.Count
	}
	if g.overflow(r, w.width, w.cells, 1, headed, fraction, &w.probs) {
		ragged = true
	}
	name := strings.TrimSpace(r.text(0))
	if name == "" {
		add(&w.probs, g.at(r, 0), "the row has values but no unit")
		return
	}
	u, err := w.match.Match(name)
	if err != nil {
		add(&w.probs, g.at(r, 0), "%s", err)
		return
	}
	if prev, dup := w.seen[u.ID]; dup {
		add(&w.probs, g.at(r, 0), "unit %q appears twice: %s and %s", u.Name, prev, g.rowName(r))
		return
	}
	w.seen[u.ID] = g.rowName(r)
	w.t.places[u.ID] = &unitPlace{file: g.file, sheet: g.sheet, line: r.line, num: r.num, cols: w.colOf}
	if ragged {
		return
	}
	vals := make(criteria.Values, len(w.inputs))
	for col, m := range w.cols {
		if m == nil {
			continue
		}
		v, msg, hint := g.value(m, r, col)
		if msg != "" {
			p := g.at(r, col)
			p.Hint = hint
			add(&w.probs, p, "unit %q: metric %q: %s", u.Name, m.ID, msg)
			continue
		}
		vals[m.ID] = v
	}
	for _, m := range w.inputs {
		if _, ok := w.colOf[m.ID]; !ok && m.Default != nil {
			vals[m.ID] = *m.Default
		}
	}
	w.t.Values[u.ID] = vals
}

// finish adds what can only be known at the end: the units with no row.
func (w *wideTable) finish(file string, units []*criteria.Unit) criteria.Problems {
	if w.stop {
		return w.probs
	}
	if !w.headerSeen {
		return append(w.probs, criteria.Problem{File: file, Msg: `the table is empty: it needs a header row ("unit", then metric ids) and one row a unit`})
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
