package criteria

import "github.com/shopspring/decimal"

// Values is one unit's metric values, by metric id, as the readers of
// metric files give them and the scorer reads them. Derived ratio metrics
// are not given: the scorer computes them from their parts.
type Values map[string]Value

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
