package web

import (
	"strconv"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/report"
	"parindex/scoring"
)

// unitPage is one unit's page: its standing, every criterion, and the
// what-if form with its result when one was run.
type unitPage struct {
	ID, Name, Group                   string
	Rank, GroupRank                   int
	Points, Max, Index, Tier          string
	Appraisal, Survey, Bonus, Penalty string
	HasBonus, HasPenalty, Grouped     bool
	HasPrev                           bool
	PrevRank, Change, ChangeClass     string
	HasSelf                           bool
	SelfPoints, SelfIndex             string
	Rows                              []nodeRow
	Targets                           []target
	Changes                           []*Change // the what-if's changes, to fill the form again
	HasEvidence                       bool
	WhatIf                            *whatifView
	Council                           bool // the council's decisions were given
	RankBeforeCouncil                 int
	IndexBeforeCouncil                string
	Decisions                         []decisionRow
}

// nodeRow is one criterion on a unit's page.
type nodeRow struct {
	Code, Name                    string
	Depth                         int
	Field, Leaf, Applicable       bool
	Max, Value, Points, Lost      string
	LostSome                      bool
	Self, Diff, Evidence, Explain string
	Decided                       bool // a decision of the council touched it
	DecidedText                   string
}

// target is what a what-if may change: a metric's value (ID metric:…)
// or a leaf's points (ID code:…).
type target struct {
	ID, Name string
	Leaf     bool
}

// changeRow is one row of the what-if form: the targets to choose from,
// and the change posted, if any.
type changeRow struct {
	Targets                   []target
	Change                    *Change
	MetricsLabel, LeavesLabel string
}

func (s *Server) unitView(st *state, u *scoring.UnitResult) *unitPage {
	set := st.res.Set
	v := &unitPage{
		ID: u.Unit.ID, Name: u.Unit.Name, Group: u.Unit.Group, Rank: u.Rank, GroupRank: u.GroupRank,
		Grouped: st.res.Grouped, Points: s.num(set, u.Points), Max: s.num(set, u.Max),
		Index: s.num(set, u.Index), Tier: u.Tier, Appraisal: s.num(set, u.Appraisal),
		Survey: s.num(set, u.Survey), Bonus: s.num(set, u.Bonus), Penalty: s.num(set, u.Penalty.Neg()),
	}
	for _, f := range set.Fields {
		v.HasBonus = v.HasBonus || f.Kind == criteria.Bonus
		v.HasPenalty = v.HasPenalty || f.Kind == criteria.Penalty
	}
	for _, o := range st.res.Units {
		v.HasPrev = v.HasPrev || o.Previous != nil
	}
	if v.HasPrev {
		v.Change, v.ChangeClass = s.change(u.Previous)
		v.PrevRank = s.words["newUnit"]
		if u.Previous != nil {
			v.PrevRank = itoa(u.Previous.Rank)
		}
	}
	if u.Self != nil {
		v.HasSelf, v.SelfPoints, v.SelfIndex = true, s.num(set, u.Self.Points), s.num(set, u.Self.Index)
	}
	var notes map[string]string
	if st.ws.Metrics != nil {
		notes = st.ws.Metrics.Notes[u.Unit.ID]
	}
	for i, nr := range u.Nodes {
		row := s.nodeRow(set, u, i, nr, notes)
		v.HasEvidence = v.HasEvidence || row.Evidence != ""
		v.Rows = append(v.Rows, row)
	}
	for _, m := range set.Metrics {
		if m.Ratio == nil {
			v.Targets = append(v.Targets, target{ID: "metric:" + m.ID, Name: m.Name + " (" + m.ID + ")"})
		}
	}
	for _, n := range set.Nodes() {
		if n.IsLeaf() {
			v.Targets = append(v.Targets, target{ID: "code:" + n.Code, Name: n.Code + " " + n.Name, Leaf: true})
		}
	}
	s.addDecisions(st, u, v)
	return v
}

// decisionRow is one decision of the council about a unit, with what it
// changed: the value or points, then the unit's points and rank, after
// the decisions above it and after it too.
type decisionRow struct {
	Place, Target, Before, After, Reason, Round string
	Stepped                                     bool
	PointsBefore, PointsAfter                   string
	RankBefore, RankAfter                       int
}

// addDecisions puts on the unit's page its standing before the council
// and every decision about it, in file order.
func (s *Server) addDecisions(st *state, u *scoring.UnitResult, v *unitPage) {
	set := st.res.Set
	if bd := u.BeforeDecisions; bd != nil {
		v.Council = true
		v.RankBeforeCouncil, v.IndexBeforeCouncil = bd.Rank, s.num(set, bd.Index)
	}
	for _, d := range st.res.Decisions {
		if d.Unit.ID != u.Unit.ID {
			continue
		}
		row := decisionRow{Place: s.placeOf(d.Place), Target: report.DecisionTarget(d.Decision, set),
			Before: report.DecisionBefore(d, set, s.opts.Lang), After: report.DecisionAfter(d, set, s.opts.Lang),
			Reason: d.Reason, Round: d.Round, Stepped: d.Stepped}
		if d.Stepped {
			row.PointsBefore, row.PointsAfter = s.num(set, d.Before.Points), s.num(set, d.After.Points)
			row.RankBefore, row.RankAfter = d.Before.Rank, d.After.Rank
		}
		v.Decisions = append(v.Decisions, row)
	}
}

// nodeRow is node i of u as the unit's sheet shows it: max, value,
// points, points lost, self-assessed points and their difference, the
// evidence kept and why.
func (s *Server) nodeRow(set *criteria.Set, u *scoring.UnitResult, i int, nr *scoring.NodeResult, notes map[string]string) nodeRow {
	n := nr.Node
	row := nodeRow{Code: n.Code, Name: n.Name, Depth: min(n.Depth, 5), Field: n.Depth == 0,
		Leaf: n.IsLeaf(), Applicable: nr.Applicable, Explain: nr.Explain(s.opts.Lang)}
	if d := nr.Decision; d != nil {
		pts := func(p decimal.NullDecimal) string {
			if !p.Valid {
				return s.words["notApplicable"]
			}
			return s.num(set, p.Decimal)
		}
		row.Decided = true
		row.DecidedText = s.words["decMark"] + ": " + pts(d.Before) + " → " + pts(d.After) + "; " +
			d.Reason + " (" + s.words["decRound"] + " " + d.Round + ")"
	}
	if n.IsLeaf() {
		row.Value = s.valueText(set, set.Metric(n.Rule.Metric), nr.Value)
		if notes != nil {
			row.Evidence = notes[n.Rule.Metric]
		}
	}
	if !nr.Applicable {
		row.Max, row.Points = s.words["notApplicable"], s.words["notApplicable"]
		return row
	}
	row.Max, row.Points = s.num(set, nr.Max()), s.num(set, nr.Points())
	var lost decimal.Decimal
	switch n.Kind {
	case criteria.Bonus:
	case criteria.Penalty:
		lost = nr.Points()
	default:
		lost = nr.Max().Sub(nr.Points())
	}
	if n.Kind != criteria.Bonus {
		row.Lost, row.LostSome = s.num(set, lost), lost.Sign() > 0
	}
	if u.Self != nil && i < len(u.Self.Nodes) && u.Self.Nodes[i].Applicable {
		sp := u.Self.Nodes[i].Points()
		row.Self = s.num(set, sp)
		d := sp.Sub(nr.Points())
		row.Diff = s.num(set, d)
		if d.Sign() > 0 {
			row.Diff = "+" + row.Diff
		}
	}
	return row
}

// valueText is the value a leaf's rule read, as the unit's sheet shows
// it: có/không, KPS, or the number (a ratio to two more places than the
// points).
func (s *Server) valueText(set *criteria.Set, m *criteria.Metric, v criteria.Value) string {
	switch {
	case v.IsMissing():
		return ""
	case v.IsLevel():
		return m.Label(v)
	case v.IsNA():
		return s.words["notApplicable"]
	case v.IsBool():
		if v.Bool() {
			return s.words["yes"]
		}
		return s.words["no"]
	}
	num, den := v.Fraction()
	if !den.Equal(decimal.NewFromInt(1)) {
		num = v.Round(set.Decimals + 2)
	}
	return criteria.FormatNumber(num, s.opts.Lang)
}

func itoa(n int) string { return strconv.Itoa(n) }
