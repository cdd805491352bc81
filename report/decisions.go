package report

import (
	"strings"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// decisionLabels is the fixed text of the Điều chỉnh sheet and of the
// marks on the unit sheets, in one language.
type decisionLabels struct {
	sheet, heading, row, unit, target, before, after, pointsBefore, pointsAfter,
	change, rankBefore, rankAfter, reason, round, mark string
}

var decisionVietnamese = decisionLabels{
	sheet: "Điều chỉnh", heading: "Điều chỉnh của Hội đồng thẩm định",
	row: "STT", unit: "Đơn vị", target: "Tiêu chí hoặc chỉ số",
	before: "Trước", after: "Sau", pointsBefore: "Tổng điểm trước", pointsAfter: "Tổng điểm sau",
	change: "Điểm thay đổi", rankBefore: "Hạng trước", rankAfter: "Hạng sau",
	reason: "Lý do", round: "Vòng", mark: "Hội đồng thẩm định điều chỉnh",
}

var decisionEnglish = decisionLabels{
	sheet: "Decisions", heading: "Decisions of the appraisal council",
	row: "No.", unit: "Unit", target: "Criterion or metric",
	before: "Before", after: "After", pointsBefore: "Points before", pointsAfter: "Points after",
	change: "Points change", rankBefore: "Rank before", rankAfter: "Rank after",
	reason: "Reason", round: "Round", mark: "changed by the appraisal council",
}

func decisionLabelsFor(lang criteria.Lang) *decisionLabels {
	if lang == criteria.English {
		return &decisionEnglish
	}
	return &decisionVietnamese
}

// writeDecisions writes Điều chỉnh: every decision of the council in file
// order — unit, criterion or metric, value or points before and after,
// the unit's points before and after and their change, its rank before
// and after, reason and round. The figures of a row are cumulative: the
// state after the rows above it, then after it too (SPEC §9).
func (b *book) writeDecisions(res *scoring.Result) error {
	dl := decisionLabelsFor(b.lang)
	heads := []string{dl.row, dl.unit, dl.target, dl.before, dl.after, dl.pointsBefore, dl.pointsAfter,
		dl.change, dl.rankBefore, dl.rankAfter, dl.reason, dl.round}
	units, targets, reasons := []string{}, []string{}, []string{}
	for _, st := range res.Decisions {
		units = append(units, st.Unit.Name)
		targets = append(targets, DecisionTarget(st.Decision, b.set))
		reasons = append(reasons, st.Reason)
	}
	numW := fit(9, 12, "100.00")
	widths := []float64{5, fit(16, 30, units...), fit(24, 45, targets...), 11, 11, numW, numW, numW, 9, 9,
		fit(24, 50, reasons...), 12}
	s, err := b.newSheet(dl.sheet, widths)
	if err != nil {
		return err
	}
	const headRow = 4
	if err := s.freeze(2, headRow); err != nil {
		return err
	}
	if err := s.titleBlock(dl.heading); err != nil {
		return err
	}
	if err := s.header(heads); err != nil {
		return err
	}
	for i, st := range res.Decisions {
		cells := []any{b.integer(i+1, kInt), b.text(st.Unit.Name, kText), b.text(targets[i], kTextWrap),
			b.decisionValue(st, true), b.decisionValue(st, false)}
		if st.Stepped {
			cells = append(cells, b.num(st.Before.Points, kNumber), b.num(st.After.Points, kNumber),
				b.num(st.After.Points.Sub(st.Before.Points), kDiff),
				b.integer(st.Before.Rank, kInt), b.integer(st.After.Rank, kInt))
		} else {
			cells = append(cells, b.blank(), b.blank(), b.blank(), b.blank(), b.blank())
		}
		cells = append(cells, b.text(st.Reason, kTextWrap), b.text(st.Round, kCenter))
		texts := make([]string, len(heads))
		texts[2], texts[10] = targets[i], st.Reason
		if err := s.add(cells, s.heightFor(texts, false)); err != nil {
			return err
		}
	}
	if err := s.printTitles(headRow, headRow); err != nil {
		return err
	}
	return s.flush()
}

// decisionValue is a decision's value or points, before it or after: a
// number as a number, có/không and KPS as on the unit sheets.
func (b *book) decisionValue(st scoring.DecisionStep, before bool) any {
	if st.Leaf != nil {
		p := decimal.NewNullDecimal(st.Points)
		if before {
			p = st.PointsBefore
		}
		if !p.Valid {
			return b.text(b.l.notApplicable, kCenter)
		}
		return b.num(p.Decimal, kNumber)
	}
	v := st.Value
	if before {
		v = st.ValueBefore
	}
	switch {
	case v.IsMissing():
		return b.blank()
	case v.IsNA():
		return b.text(b.l.notApplicable, kCenter)
	case v.IsBool() && v.Bool():
		return b.text(b.l.yes, kCenter)
	case v.IsBool():
		return b.text(b.l.no, kCenter)
	case v.IsLevel():
		return b.text(st.Metric.Label(v), kCenter)
	}
	num, _ := v.Fraction()
	return b.num(num, kValue)
}

// decisionMark is what a unit sheet adds to the explanation of a
// criterion a decision changed: the points before and after, the reason
// and the round.
func (b *book) decisionMark(d *scoring.LeafDecision) string {
	if d == nil {
		return ""
	}
	dl := decisionLabelsFor(b.lang)
	pts := func(p decimal.NullDecimal) string {
		if !p.Valid {
			return b.l.notApplicable
		}
		return criteria.FormatFixed(p.Decimal, b.set.Decimals, b.lang)
	}
	return "[" + dl.mark + ": " + pts(d.Before) + " → " + pts(d.After) + "; " + d.Reason + "; " +
		strings.ToLower(dl.round) + " " + d.Round + "] "
}
