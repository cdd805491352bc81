package report

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"parindex/criteria"
	"parindex/scoring"
)

// chartUnits is how many units the bar chart shows at most: beyond that
// the bars are too thin to read, so it shows the leaders.
const chartUnits = 40

// column is one column of a table with a row per unit.
type column struct {
	head  string
	width float64
	cell  func(u *scoring.UnitResult) any
}

// summaryColumns picks the columns of Tổng hợp: group, bonus, penalty,
// tier and last year's columns only when the assessment has them.
func (b *book) summaryColumns(res *scoring.Result) (cols []column, unitCol, indexCol int) {
	l := b.l
	names := make([]string, 0, len(res.Units))
	groups := []string{}
	tiers := []string{}
	for _, u := range res.Units {
		names = append(names, u.Unit.Name)
		groups = append(groups, u.Unit.Group)
		tiers = append(tiers, u.Tier)
	}
	numW := fit(9, 12, l.notApplicable, "100.00")
	cols = []column{
		{l.rank, fit(7, 9, longestWord(l.rank)), func(u *scoring.UnitResult) any { return b.integer(u.Rank, kInt) }},
		{l.unit, fit(14, 40, names...), func(u *scoring.UnitResult) any { return b.text(u.Unit.Name, kText) }},
	}
	unitCol = 2
	if res.Grouped {
		cols = append(cols,
			column{l.group, fit(8, 24, groups...), func(u *scoring.UnitResult) any { return b.text(u.Unit.Group, kText) }},
			column{l.groupRank, fit(8, 10, longestWord(l.groupRank)), func(u *scoring.UnitResult) any { return b.integer(u.GroupRank, kInt) }})
	}
	cols = append(cols,
		column{l.appraisal, numW, func(u *scoring.UnitResult) any { return b.num(u.Appraisal, kNumber) }},
		column{l.survey, numW, func(u *scoring.UnitResult) any { return b.num(u.Survey, kNumber) }})
	if hasKind(b.set, criteria.Bonus) {
		cols = append(cols, column{l.bonus, numW, func(u *scoring.UnitResult) any { return b.num(u.Bonus, kNumber) }})
	}
	if hasKind(b.set, criteria.Penalty) {
		cols = append(cols, column{l.penalty, numW, func(u *scoring.UnitResult) any { return b.num(u.Penalty, kNumber) }})
	}
	cols = append(cols,
		column{l.total, numW, func(u *scoring.UnitResult) any { return b.num(u.Points, kNumberBold) }},
		column{l.max, numW, func(u *scoring.UnitResult) any { return b.num(u.Max, kNumber) }},
		column{l.index, numW, func(u *scoring.UnitResult) any { return b.num(u.Index, kNumberBold) }})
	indexCol = len(cols)
	if len(b.set.Tiers) > 0 {
		cols = append(cols, column{l.tier, fit(9, 16, tiers...), func(u *scoring.UnitResult) any { return b.text(u.Tier, kCenter) }})
	}
	if hasPrevious(res) {
		cols = append(cols,
			column{l.prevRank, fit(9, 10, longestWord(l.prevRank)), func(u *scoring.UnitResult) any {
				if u.Previous == nil {
					return b.text(l.newUnit, kCenter) // absent from last year's result
				}
				return b.integer(u.Previous.Rank, kInt)
			}},
			column{l.change, fit(9, 10, longestWord(l.change)), func(u *scoring.UnitResult) any {
				if u.Previous == nil {
					return b.text(l.newUnit, kCenter)
				}
				return b.integer(u.Previous.RankChange, kChange)
			}})
	}
	return cols, unitCol, indexCol
}

// writeSummary writes Tổng hợp: the ranking, and a bar chart of the index
// under it.
func (b *book) writeSummary(res *scoring.Result) error {
	cols, unitCol, indexCol := b.summaryColumns(res)
	widths := make([]float64, len(cols))
	heads := make([]string, len(cols))
	for i, c := range cols {
		widths[i], heads[i] = c.width, c.head
	}
	// The table prints one page wide at a scale of its own, and the chart,
	// to its right, on a page of its own after the table's: fitting the
	// sheet to one page wide would shrink the table to make room for the
	// chart, and a chart under the table would print under the repeated
	// header row.
	b.wide, b.scale = true, summaryScale(widths)
	s, err := b.newSheet(b.l.summary, widths)
	b.wide, b.scale = false, 0
	if err != nil {
		return err
	}
	const headRow = 4
	if err := s.freeze(unitCol, headRow); err != nil {
		return err
	}
	heading := b.l.summary
	if b.set.Year != 0 {
		heading = fmt.Sprintf("%s — %s %d", heading, b.l.year, b.set.Year)
	}
	if err := s.titleBlock(heading); err != nil {
		return err
	}
	if err := s.header(heads); err != nil {
		return err
	}
	for _, u := range res.Units {
		cells := make([]any, len(cols))
		for i, c := range cols {
			cells[i] = c.cell(u)
		}
		if err := s.add(cells, 0); err != nil {
			return err
		}
	}
	if n := len(res.Units); n > 0 {
		last := headRow + n
		if err := s.colourScale(colRange(indexCol, headRow+1, last)); err != nil {
			return err
		}
		if err := b.indexChart(s, unitCol, indexCol, headRow+1, n, summaryScale(widths)); err != nil {
			return err
		}
	}
	if err := s.printTitles(headRow, headRow); err != nil {
		return err
	}
	return s.flush()
}

// summaryScale is the print scale that fits Tổng hợp's table to the page
// width, at most 100%.
func summaryScale(widths []float64) uint {
	return uint(min(100, math.Floor(printableWidth*97/colPixels(widths))))
}

// chartSlack is the part of a printed page's height the chart leaves free:
// LibreOffice sets the page-number footer inside the margins, and row
// heights are rounded; without it a chart of 30 units or more ran onto the
// next page.
const chartSlack = 110

// aboveTable is the height of the title block and header row above the
// chart, in pixels at 100%.
const aboveTable = 150

// indexChart puts a horizontal bar chart of the index to the right of the
// table, first rank at the top, after a page break, sized to print on one
// page at the sheet's scale.
func (b *book) indexChart(s *sheet, unitCol, indexCol, first, n int, scale uint) error {
	shown := min(n, chartUnits)
	title := b.l.chartTitle
	if shown < n {
		title = fmt.Sprintf(b.l.chartTopTitle, shown)
	}
	last := first + shown - 1
	abs := func(col int) string {
		name, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(s.name), name, first, name, last)
	}
	perPage := func(px int) uint { return uint(px * 100 / int(max(scale, 10))) }
	zero, hundred := 0.0, 100.0
	gap := uint(40)
	chart := &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name: b.l.index, Categories: abs(unitCol), Values: abs(indexCol),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2E75B6"}},
		}},
		Title:     []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: fontName, Size: 12, Bold: true}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: min(perPage(printableWidth-60), 900), Height: min(perPage(printableHeight-chartSlack-aboveTable), uint(90+20*shown))},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Family: fontName, Size: 9, Color: "000000"}},
		YAxis: excelize.ChartAxis{Minimum: &zero, Maximum: &hundred, MajorGridLines: true,
			Font: excelize.Font{Family: fontName, Size: 9, Color: "000000"}},
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: fixedFormat(b.places)}},
		GapWidth: &gap,
		Format:   excelize.GraphicOptions{AltText: title},
	}
	// The chart starts a printed page of its own, right of the table, level
	// with the first unit: above it are the rows every page repeats, and a
	// chart over them would be printed again, in slices, on every page.
	right := len(s.widths) + 1
	if err := s.sw.InsertPageBreak(cellRef(right, 1)); err != nil {
		return err
	}
	return b.f.AddChart(s.name, cellRef(right+1, first), chart)
}

// hasKind reports whether the set has a top-level field of kind k.
func hasKind(set *criteria.Set, k criteria.Kind) bool {
	for _, f := range set.Fields {
		if f.Kind == k {
			return true
		}
	}
	return false
}

// hasPrevious reports whether last year's result was given.
func hasPrevious(res *scoring.Result) bool {
	for _, u := range res.Units {
		if u.Previous != nil {
			return true
		}
	}
	return false
}
