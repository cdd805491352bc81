package criteria

import (
	"iter"
	"slices"

	"github.com/shopspring/decimal"
)

// Values is one unit's metric values, by metric id, as the readers of
// metric files give them and the scorer reads them. Derived ratio metrics
// are not given: the scorer computes them from their parts.
//
// The rows of one table share a Columns, the index of their metric ids,
// so that a table of 10,000 units is 10,000 slices and not 10,000 maps
// (a map of a hundred values takes four times the room). A missing
// Value and an absent one are the same: Get returns the zero Value for
// both. The zero Values holds nothing.
type Values struct {
	cols *Columns
	row  []Value // parallel to cols.ids
}

// Columns is the index of metric ids that the rows of a table share.
type Columns struct {
	ids []string
	at  map[string]int
}

// NewColumns returns the index of ids, which must not repeat.
func NewColumns(ids []string) *Columns {
	c := &Columns{ids: slices.Clip(ids), at: make(map[string]int, len(ids))}
	for i, id := range ids {
		c.at[id] = i
	}
	return c
}

// Row returns the values of row, one for each of c's ids in order; the
// Values holds row itself.
func (c *Columns) Row(row []Value) Values {
	if len(row) != len(c.ids) {
		panic("criteria.Columns.Row: the row does not have one value per column")
	}
	return Values{cols: c, row: row}
}

// ValuesOf returns the values of m, each unit's with columns of its own:
// for values given one unit at a time, as tests and small tables do.
func ValuesOf(m map[string]Value) Values {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	c := NewColumns(ids)
	row := make([]Value, len(ids))
	for i, id := range ids {
		row[i] = m[id]
	}
	return Values{cols: c, row: row}
}

// Get returns the value of the metric id; the zero Value when none is given.
func (vs Values) Get(id string) Value {
	if vs.cols == nil {
		return Value{}
	}
	if i, ok := vs.cols.at[id]; ok {
		return vs.row[i]
	}
	return Value{}
}

// Columns returns the index vs's row follows; nil for the zero Values.
func (vs Values) Columns() *Columns { return vs.cols }

// At returns the value in column i of vs's Columns.
func (vs Values) At(i int) Value { return vs.row[i] }

// Index returns the column of the metric id, or -1.
func (c *Columns) Index(id string) int {
	if i, ok := c.at[id]; ok {
		return i
	}
	return -1
}

// Has reports whether a value is given for the metric id.
func (vs Values) Has(id string) bool { return !vs.Get(id).IsMissing() }

// Set gives the metric id the value v. The row is changed in place when
// its columns include id; otherwise vs gets columns of its own.
func (vs *Values) Set(id string, v Value) {
	if vs.cols != nil {
		if i, ok := vs.cols.at[id]; ok {
			vs.row[i] = v
			return
		}
	}
	var ids []string
	var row []Value
	if vs.cols != nil {
		ids, row = slices.Clone(vs.cols.ids), slices.Clone(vs.row)
	}
	*vs = Values{cols: NewColumns(append(ids, id)), row: append(row, v)}
}

// Clone returns a copy of vs whose Set does not change vs.
func (vs Values) Clone() Values {
	return Values{cols: vs.cols, row: slices.Clone(vs.row)}
}

// All yields every metric id that has a value, with its value, in the
// order of the columns.
func (vs Values) All() iter.Seq2[string, Value] {
	return func(yield func(string, Value) bool) {
		for i, v := range vs.row {
			if !v.IsMissing() && !yield(vs.cols.ids[i], v) {
				return
			}
		}
	}
}

// Decision is one row of the appraisal council's decisions (Hội đồng thẩm
// định, SPEC §9): a unit's metric value, or a leaf's points, replaced, with
// the reason. Exactly one of Metric and Leaf is set. It is read by the
// metric readers and applied by the scorer, so it lives here, below both.
type Decision struct {
	Unit   *Unit
	Metric *Metric         // the metric whose appraised value is replaced
	Leaf   *Node           // the leaf whose points are replaced
	Value  Value           // Metric: the new value
	Points decimal.Decimal // Leaf: the new points, final whatever the rule says
	Text   string          // the value as written
	Reason string
	Round  string
	Place  Problem // where the row was read (File with Line or Cell), Msg empty
}

// Target names what d changes: the metric's id or the leaf's code.
func (d *Decision) Target() string {
	if d.Leaf != nil {
		return d.Leaf.Code
	}
	if d.Metric != nil {
		return d.Metric.ID
	}
	return ""
}

// Previous is a unit's standing in last year's result (previous.json, or
// a ranking table), as the readers give it; the scorer fills RankChange.
type Previous struct {
	Rank       int
	Index      decimal.Decimal
	RankChange int  // > 0: the unit moved up
	NoIndex    bool // last year's ranking gave the rank only (previous.csv without an index)
}
