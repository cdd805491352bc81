package report

import (
	"strings"

	"parindex/criteria"
)

// The columns of the ranking, by what they hold.
const (
	colRank = iota
	colBefore
	colUnit
	colGroup
	colGroupRank
	colPoints
	colMax
	colIndex
	colTier
	colChange
)

// shortHead is the short header of a column whose header is wider than
// its cells, used when the ranking must fit a narrow terminal.
func shortHead(lang criteria.Lang, col int) string {
	vi := map[int]string{colBefore: "Trước HĐ", colGroupRank: "H.nhóm", colTier: "Loại", colChange: "Năm trước"}
	en := map[int]string{colBefore: "Pre-council", colGroupRank: "In grp", colTier: "Tier", colChange: "Last yr"}
	if lang == criteria.English {
		return en[col]
	}
	return vi[col]
}

// textColumn is one column of a table for the terminal: its header, a
// shorter header, and its cells.
type textColumn struct {
	id          int
	head, short string
	right       bool
	cells       []string
}

func (c *textColumn) put(s string) { c.cells = append(c.cells, s) }

// width is the column's width on screen.
func (c *textColumn) width() int {
	w := textWidth(c.head)
	for _, s := range c.cells {
		w = max(w, textWidth(s))
	}
	return w
}

// textColumns is a table built by columns, so that it can be made to fit
// a width before it is written.
type textColumns []*textColumn

func (cs *textColumns) add(id int, head, short string, right bool) *textColumn {
	c := &textColumn{id: id, head: head, short: short, right: right}
	*cs = append(*cs, c)
	return c
}

// width is the table's width on screen: its columns two spaces apart.
func (cs textColumns) width() int {
	w := 0
	for i, c := range cs {
		if i > 0 {
			w += 2
		}
		w += c.width()
	}
	return w
}

// minName is the narrowest a unit name is cut to.
const minName = 12

// fit makes the table at most width columns wide, by a fixed rule, each
// step taken only while the table is still too wide: (1) short headers
// ("Năm trước" for "So với năm trước"); (2) unit names without the word
// for their kind ("Tam Kỳ" for "Thành phố Tam Kỳ"), when they stay
// distinct; (3) drop the unit's maximum, (4) the group's name (its rank
// in the group stays), (5) the tier; (6) cut unit names short, with "…",
// to no fewer than 12 characters. Rank, unit, points and index always
// stay, and the table may still be wider than width after step 6.
func (cs *textColumns) fit(width int) {
	if cs.width() <= width {
		return
	}
	for _, c := range *cs {
		if c.short != "" {
			c.head = c.short
		}
	}
	if cs.width() <= width {
		return
	}
	unit := cs.find(colUnit)
	if short, ok := shortNames(unit.cells); ok {
		unit.cells = short
	}
	for _, id := range []int{colMax, colGroup, colTier} {
		if cs.width() <= width {
			return
		}
		cs.drop(id)
	}
	if over := cs.width() - width; over > 0 {
		limit := max(minName, unit.width()-over)
		for i, s := range unit.cells {
			unit.cells[i] = cutText(s, limit)
		}
	}
}

func (cs textColumns) find(id int) *textColumn {
	for _, c := range cs {
		if c.id == id {
			return c
		}
	}
	return nil
}

func (cs *textColumns) drop(id int) {
	out := (*cs)[:0]
	for _, c := range *cs {
		if c.id != id {
			out = append(out, c)
		}
	}
	*cs = out
}

// shortNames returns names without their kind, when that leaves them
// distinct.
func shortNames(names []string) ([]string, bool) {
	out := make([]string, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		out[i] = criteria.ShortUnitName(n)
		k := criteria.NameKey(out[i])
		if seen[k] {
			return nil, false
		}
		seen[k] = true
	}
	return out, true
}

// cutText cuts s to at most n screen columns, the last one "…".
func cutText(s string, n int) string {
	if textWidth(s) <= n {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := textWidth(string(r))
		if w+rw > n-1 {
			break
		}
		b.WriteRune(r)
		w += rw
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

// table lays the columns out as rows for writing.
func (cs textColumns) table() *textTable {
	t := &textTable{}
	head := make([]string, len(cs))
	for i, c := range cs {
		head[i] = c.head
		t.right = append(t.right, c.right)
	}
	t.add(head...)
	if len(cs) == 0 {
		return t
	}
	for r := range cs[0].cells {
		row := make([]string, len(cs))
		for i, c := range cs {
			row[i] = c.cells[r]
		}
		t.add(row...)
	}
	return t
}
