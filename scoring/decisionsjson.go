package scoring

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// unitDecisions appends a unit's standing before the council's decisions
// (SPEC §9) and before a what-if's changes (SPEC §10), where it has them.
func (j *jsonWriter) unitDecisions(b []byte, u *UnitResult) []byte {
	if s := u.BeforeDecisions; s != nil {
		b = append(b, `,"before_decisions":{`...)
		b = j.pair(b, "points", s.Points)
		b = j.field(b, "index", s.Index)
		b = append(b, `,"rank":`...)
		b = strconv.AppendInt(b, int64(s.Rank), 10)
		b = append(b, '}')
	}
	if s := u.WhatIf; s != nil {
		b = append(b, `,"whatif":{"rank_before":`...)
		b = strconv.AppendInt(b, int64(s.Rank), 10)
		b = j.field(b, "index_before", s.Index)
		b = append(b, '}')
	}
	return b
}

// leafDecision appends the "decision" of a leaf a decision touched.
func (j *jsonWriter) leafDecision(b []byte, d *LeafDecision) []byte {
	if d == nil {
		return b
	}
	b = append(b, `,"decision":{`...)
	b = j.nullable(b, "before", d.Before)
	b = append(b, ',')
	b = j.nullable(b, "after", d.After)
	b = append(b, `,"reason":`...)
	b = appendString(b, d.Reason)
	b = append(b, `,"round":`...)
	b = appendString(b, d.Round)
	return append(b, '}')
}

// nullable appends `"key":"d"`, or `"key":null` when d is not valid.
func (j *jsonWriter) nullable(b []byte, key string, d decimal.NullDecimal) []byte {
	if !d.Valid {
		b = append(b, '"')
		b = append(b, key...)
		return append(b, `":null`...)
	}
	return j.pair(b, key, d.Decimal)
}
