package report

import (
	"strings"

	"parindex/criteria"
	"parindex/scoring"
)

// maxDetailUnits is how many unit columns Chi tiết can hold: a worksheet
// has 16,384 columns and three go to the criteria.
const maxDetailUnits = 16384 - 3

// writeDetails writes Chi tiết: a row per node, a column per unit, each
// cell the unit's points. A node whose max is smaller for a unit than in
// full (a sub-criterion did not apply) shows "points/max"; a node that
// does not apply shows KPS (N/A).
func (b *book) writeDetails(res *scoring.Result) error {
	l := b.l
	units := res.Units
	if len(units) > maxDetailUnits {
		units = units[:maxDetailUnits]
	}
	nodes := b.set.Nodes()
	nodeNames := make([]string, len(nodes))
	codes := make([]string, len(nodes))
	for i, n := range nodes {
		nodeNames[i] = n.Name
		codes[i] = n.Code
	}
	widths := []float64{fit(5, 9, codes...), fit(30, 55, nodeNames...), fit(8, 10, "100.00")}
	heads := []string{l.code, l.name, l.max}
	unitWidth := fit(11, 14, "10.00/12.00")
	for _, u := range units {
		unitWidth = max(unitWidth, fit(11, 14, longestWord(u.Unit.Name)))
		heads = append(heads, u.Unit.Name)
	}
	for range units {
		widths = append(widths, unitWidth)
	}
	s, err := b.newSheet(l.details, widths)
	if err != nil {
		return err
	}
	const headRow = 4
	if err := s.freeze(3, headRow); err != nil {
		return err
	}
	if err := s.titleBlock(l.details); err != nil {
		return err
	}
	if err := s.header(heads); err != nil {
		return err
	}
	for i, n := range nodes {
		if err := b.detailRow(s, units, i, n); err != nil {
			return err
		}
	}
	if err := b.detailTotals(s, units); err != nil {
		return err
	}
	if err := s.printTitles(headRow, headRow); err != nil {
		return err
	}
	return s.flush()
}

// detailRow writes node n's row: its points for every unit.
func (b *book) detailRow(s *sheet, units []*scoring.UnitResult, i int, n *criteria.Node) error {
	textKind, numKind := kText, kNumber
	if n.Depth == 0 {
		textKind, numKind = kTextBold, kNumberBold
	}
	full := fullMax(n)
	// at the result's exponent, so that comparing with each unit's max
	// needs no rescaling: Chi tiết has a cell for every node and unit
	fullAt := full.Round(b.set.Decimals)
	cells := make([]any, 0, 3+len(units))
	cells = append(cells, b.text(n.Code, textKind), b.indented(n.Name, textKind, n.Depth), b.num(full, numKind))
	for _, u := range units {
		nr := u.Nodes[i]
		switch {
		case !nr.Applicable:
			cells = append(cells, b.text(b.l.notApplicable, kCenter))
		case !nr.Max.Equal(fullAt):
			cells = append(cells, b.numAgainst(nr.Points, nr.Max, numKind))
		default:
			cells = append(cells, b.num(nr.Points, numKind))
		}
	}
	return s.add(cells, s.heightFor([]string{n.Code, strings.Repeat(" ", 2*n.Depth) + n.Name}, n.Depth == 0))
}

// detailTotals ends Chi tiết with each unit's total, index and rank.
func (b *book) detailTotals(s *sheet, units []*scoring.UnitResult) error {
	l := b.l
	rows := []struct {
		label string
		cell  func(u *scoring.UnitResult) any
	}{
		{l.total, func(u *scoring.UnitResult) any { return b.num(u.Points, kNumberBold) }},
		{l.max, func(u *scoring.UnitResult) any { return b.num(u.Max, kNumberBold) }},
		{l.index, func(u *scoring.UnitResult) any { return b.num(u.Index, kNumberBold) }},
		{l.rank, func(u *scoring.UnitResult) any { return b.integer(u.Rank, kInt) }},
	}
	for _, r := range rows {
		cells := make([]any, 0, 3+len(units))
		cells = append(cells, b.text("", kTextBold), b.text(r.label, kTextBold), b.text("", kTextBold))
		for _, u := range units {
			cells = append(cells, r.cell(u))
		}
		if err := s.add(cells, 0); err != nil {
			return err
		}
	}
	return nil
}
