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
// cell the unit's points; under a node whose max is smaller for some unit
// than in full (a sub-criterion did not apply), a row of those maxima. A
// node that does not apply shows KPS (N/A).
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
	unitWidth := fit(11, 14, "100.00")
	for _, u := range units {
		unitWidth = max(unitWidth, fit(11, 14, longestWord(u.Unit.Name)))
		heads = append(heads, u.Unit.Name)
	}
	for range units {
		widths = append(widths, unitWidth)
	}
	// Many units do not fit one page wide at a readable size: the sheet
	// then prints across pages, code, name and max repeated on each.
	wide := tooWide(widths)
	b.wide, b.scale = wide, wideScale
	s, err := b.newSheet(l.details, widths)
	b.wide, b.scale = false, 0
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
	grid := gatherNodes(units, len(nodes))
	for i, n := range nodes {
		if err := b.detailRow(s, units, grid.row(i), n); err != nil {
			return err
		}
	}
	if err := b.detailTotals(s, units); err != nil {
		return err
	}
	repeat := 0
	if wide {
		repeat = 3
	}
	if err := s.printTitles(headRow, headRow, repeat); err != nil {
		return err
	}
	return s.flush()
}

// detailRow writes node n's row: its points for every unit. When a
// sub-criterion did not apply to some unit, so that the node's max is
// smaller for it, a second row under it gives those units' own max: a
// number, shown with the reader's decimal mark like the points (a max
// written into a number format would keep the report's mark).
func (b *book) detailRow(s *sheet, units []*scoring.UnitResult, row []*scoring.NodeResult, n *criteria.Node) error {
	textKind, numKind := kText, kNumber
	if n.Depth == 0 {
		textKind, numKind = kTextBold, kNumberBold
	}
	full := n.MaxPoints()
	// at the result's exponent, so that comparing with each unit's max
	// needs no rescaling: Chi tiết has a cell for every node and unit
	fullAt := full.Round(b.set.Decimals)
	cells := make([]any, 0, 3+len(units))
	cells = append(cells, b.text(n.Code, textKind), b.indented(n.Name, textKind, n.Depth), b.num(full, numKind))
	var own []any // the units' own max, when smaller than in full
	for k, nr := range row {
		switch {
		case !nr.Applicable:
			cells = append(cells, b.text(b.l.notApplicable, kCenter))
		default:
			cells = append(cells, b.num(nr.Points(), numKind))
			if max := nr.Max(); !max.Equal(fullAt) {
				if own == nil {
					own = make([]any, 3+len(units))
					own[0], own[1], own[2] = b.blank(), b.indented(b.l.ownMax, kOwnMaxText, n.Depth+1), b.blank()
					for j := range units {
						own[3+j] = b.blank()
					}
				}
				own[3+k] = b.num(max, kOwnMax)
			}
		}
	}
	if err := s.add(cells, s.heightFor([]string{n.Code, strings.Repeat(" ", 2*n.Depth) + n.Name}, n.Depth == 0)); err != nil {
		return err
	}
	if own == nil {
		return nil
	}
	return s.add(own, 0)
}

// nodeGrid holds every unit's node results node by node: Chi tiết is
// written a node at a time across all units, while each unit's results lie
// together in memory, so reading them in place would jump from unit to
// unit for each of its million cells.
type nodeGrid struct {
	units int
	cells []*scoring.NodeResult // node i of unit k at i*units+k
}

// gatherNodes fills a nodeGrid a block of units at a time, so that both
// the units' results read and the rows written stay in the cache.
func gatherNodes(units []*scoring.UnitResult, nodes int) nodeGrid {
	g := nodeGrid{units: len(units), cells: make([]*scoring.NodeResult, nodes*len(units))}
	const block = 64
	for lo := 0; lo < len(units); lo += block {
		hi := min(lo+block, len(units))
		for i := range nodes {
			for k := lo; k < hi; k++ {
				g.cells[i*g.units+k] = units[k].Nodes[i]
			}
		}
	}
	return g
}

// row returns node i's results for every unit, in the units' order.
func (g nodeGrid) row(i int) []*scoring.NodeResult {
	return g.cells[i*g.units : (i+1)*g.units]
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
