package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// textDecisions lists the council's decisions about u, in file order,
// each with what it changed: the value or points, the unit's points and
// rank, after the rows above it and then after it too (SPEC §9).
func textDecisions(w io.Writer, res *scoring.Result, u *scoring.UnitResult, lang criteria.Lang) error {
	var mine []scoring.DecisionStep
	for _, st := range res.Decisions {
		if st.Unit.ID == u.Unit.ID {
			mine = append(mine, st)
		}
	}
	if len(mine) == 0 {
		return nil
	}
	c, t, set := councilWords(lang), textFor(lang), res.Set
	fx := func(d decimal.Decimal) string { return textFixed(d, set, lang) }
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s (%d):\n", c.decisions, len(mine))
	if bd := u.BeforeDecisions; bd != nil {
		fmt.Fprintf(&b, "  %s: %s %d, %s %s → %s %d, %s %s\n", c.beforeCol,
			strings.ToLower(t.rank), bd.Rank, strings.ToLower(t.index), textFixed(bd.Index, set, lang),
			strings.ToLower(t.rank), u.Rank, strings.ToLower(t.index), textFixed(u.Index, set, lang))
	}
	for _, st := range mine {
		fmt.Fprintf(&b, "  %s: %s: %s → %s", decisionPlace(st.Decision), DecisionTarget(st.Decision, set),
			DecisionBefore(st, set, lang), DecisionAfter(st, set, lang))
		if st.Stepped {
			fmt.Fprintf(&b, "; %s %s → %s; %s %d → %d", c.unitPoints, fx(st.Before.Points), fx(st.After.Points),
				strings.ToLower(t.rank), st.Before.Rank, st.After.Rank)
		}
		fmt.Fprintf(&b, "\n    %s: %s; %s: %s\n", c.reason, st.Reason, c.round, st.Round)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// decisionPlace names where a decision was read: "decisions.csv:3".
func decisionPlace(d criteria.Decision) string {
	return strings.TrimSuffix(d.Place.Error(), ": ")
}

// DecisionTarget names what a decision changed for people: the
// criterion's code and name, or the metric's id and name.
func DecisionTarget(d criteria.Decision, set *criteria.Set) string {
	if d.Leaf != nil {
		return d.Leaf.Code + " " + d.Leaf.Name
	}
	return d.Metric.ID + " (" + d.Metric.Name + ")"
}

// DecisionBefore writes the value or points a decision replaced, after
// the rows above it; "—" where there was none (a criterion that did not
// apply).
func DecisionBefore(st scoring.DecisionStep, set *criteria.Set, lang criteria.Lang) string {
	if st.Leaf != nil {
		if !st.PointsBefore.Valid {
			return "—"
		}
		return textPoints(st.PointsBefore.Decimal, set, lang)
	}
	return valueText(st.ValueBefore, st.Metric, lang)
}

// DecisionAfter writes the value or points a decision gave.
func DecisionAfter(st scoring.DecisionStep, set *criteria.Set, lang criteria.Lang) string {
	if st.Leaf != nil {
		return textPoints(st.Points, set, lang)
	}
	return valueText(st.Value, st.Metric, lang)
}

// valueText writes a metric's value for people: a number with the
// language's decimal mark, yes/no in words, N/A as "không phát sinh".
func valueText(v criteria.Value, m *criteria.Metric, lang criteria.Lang) string {
	vi := lang != criteria.English
	switch {
	case v.IsMissing():
		return "—"
	case v.IsNA():
		if vi {
			return "không phát sinh"
		}
		return "N/A"
	case v.IsLevel():
		return m.Label(v)
	case v.IsBool():
		switch {
		case v.Bool() && vi:
			return "có"
		case vi:
			return "không"
		case v.Bool():
			return "yes"
		}
		return "no"
	}
	s := criteria.FormatNumber(v.Round(6), lang)
	if m != nil && m.Type == criteria.Percent {
		s += "%"
	}
	return s
}
