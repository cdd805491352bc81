package report

import (
	"fmt"
	"math"
	"sort"

	"github.com/shopspring/decimal"

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
		// taken off, so that the parts add up to the total with SUM
		cols = append(cols, column{l.penalty, numW, func(u *scoring.UnitResult) any { return b.num(u.Penalty.Neg(), kNumber) }})
	}
	if hasAdjustment(res) {
		cols = append(cols, column{l.adjust, fit(10, 12, longestWord(l.adjust)), func(u *scoring.UnitResult) any { return b.num(adjustment(u), kNumber) }})
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

// writeSummary writes Tổng hợp: the ranking (and, when the set asks, one
// table per group after it), the legend of the colour scale, the
// signatures; then the sheet Biểu đồ, a bar chart of the index.
func (b *book) writeSummary(res *scoring.Result) error {
	cols, unitCol, indexCol := b.summaryColumns(res)
	widths := make([]float64, len(cols))
	heads := make([]string, len(cols))
	for i, c := range cols {
		widths[i], heads[i] = c.width, c.head
	}
	// The table prints one page wide at a scale of its own, so that where
	// its pages end is known and the signatures stay with its end.
	scale := summaryScale(widths)
	b.wide, b.scale = true, scale
	s, err := b.newSheet(b.l.summary, widths)
	b.wide, b.scale = false, 0
	if err != nil {
		return err
	}
	headRow := b.titleRows() + 1
	if err := s.freeze(unitCol, headRow); err != nil {
		return err
	}
	if err := s.officialTitle(b.l.summary, len(cols)); err != nil {
		return err
	}
	if err := s.header(heads); err != nil {
		return err
	}
	s.pageBy(pageHeightAt(scale), headRow, headRow)
	if err := b.rankingRows(s, cols, indexCol, res.Units); err != nil {
		return err
	}
	if err := b.groupTables(s, res, cols, indexCol); err != nil {
		return err
	}
	notes := 2.0 * defaultRowHeight
	if hasAdjustment(res) {
		notes += defaultRowHeight
	}
	if err := s.keepEnd(b.endHeight(notes)); err != nil {
		return err
	}
	if err := b.summaryNotes(s, res, indexCol); err != nil {
		return err
	}
	if err := s.signatures(0, len(cols)); err != nil {
		return err
	}
	if err := s.printTitles(headRow, headRow); err != nil {
		return err
	}
	if err := s.flush(); err != nil {
		return err
	}
	if len(res.Units) == 0 {
		return nil
	}
	return b.indexChart(s.name, unitCol, indexCol, headRow+1, len(res.Units))
}

// rankingRows writes a row per unit, the index coloured on a scale.
func (b *book) rankingRows(s *sheet, cols []column, indexCol int, units []*scoring.UnitResult) error {
	first := s.row + 1
	for _, u := range units {
		cells := make([]any, len(cols))
		for i, c := range cols {
			cells[i] = c.cell(u)
		}
		if err := s.add(cells, tableRowHeight); err != nil {
			return err
		}
	}
	if len(units) == 0 {
		return nil
	}
	return s.colourScale(colRange(indexCol, first, s.row))
}

// tableRowHeight is the height of a table's rows on Tổng hợp and Theo
// lĩnh vực, set so that where pages end can be known.
const tableRowHeight = 16

// summaryNotes writes, under the ranking, the legend of the index's
// colours and what the adjustment column is.
func (b *book) summaryNotes(s *sheet, res *scoring.Result, indexCol int) error {
	if err := b.legend(s, max(1, indexCol-5), max(1, indexCol-3), max(2, indexCol-2)); err != nil {
		return err
	}
	if !hasAdjustment(res) {
		return nil
	}
	return s.add([]any{b.text(b.l.adjustNote, kSmallNote)}, 0)
}

// legend writes a row naming the colours of the scale: its label right
// of column labelTo's left neighbours (1-based columns from..labelTo,
// merged: LibreOffice does not always let right-aligned text run into
// empty cells), then lowest, median and highest from each of starts on.
func (b *book) legend(s *sheet, from, labelTo int, starts ...int) error {
	l := b.l
	width := labelTo
	for _, c := range starts {
		width = max(width, c+2)
	}
	cells := make([]any, width)
	cells[from-1] = b.text(l.legendTitle, kLegendTitle)
	for _, c := range starts {
		cells[c-1] = b.text(l.legendLow, kLegendLow)
		cells[c] = b.text(l.legendMid, kLegendMid)
		cells[c+1] = b.text(l.legendHigh, kLegendHigh)
	}
	s.skip()
	if err := s.add(cells, 0); err != nil {
		return err
	}
	if from == labelTo {
		return nil
	}
	return s.sw.MergeCell(cellRef(from, s.row), cellRef(labelTo, s.row))
}

// groupTables writes, when the set asks for it, one ranking per group
// under the whole ranking, groups in the order of units.yaml, each unit by
// its group rank. Each starts with a heading row across the table and
// shares its columns, whose header repeats on every printed page; a
// heading is never left alone at the foot of a page.
func (b *book) groupTables(s *sheet, res *scoring.Result, cols []column, indexCol int) error {
	if !res.Grouped || b.set.Report == nil || !b.set.Report.GroupTables {
		return nil
	}
	for _, g := range groupsOf(res) {
		if err := s.keepRoom(defaultRowHeight + 22 + 3*tableRowHeight); err != nil {
			return err
		}
		s.skip()
		title := fmt.Sprintf(b.l.groupTable, g.name, len(g.units))
		cells := make([]any, len(cols))
		cells[0] = b.text(title, kTextBold)
		for i := 1; i < len(cols); i++ {
			cells[i] = b.text("", kTextBold)
		}
		if err := s.add(cells, 22); err != nil {
			return err
		}
		if err := s.sw.MergeCell(cellRef(1, s.row), cellRef(len(cols), s.row)); err != nil {
			return err
		}
		if err := b.rankingRows(s, cols, indexCol, g.units); err != nil {
			return err
		}
	}
	return nil
}

// group is the units of one group, by group rank.
type group struct {
	name  string
	units []*scoring.UnitResult
}

// groupsOf splits the ranking by group, the groups in the order their
// first unit comes in units.yaml.
func groupsOf(res *scoring.Result) []group {
	at := map[string]int{}
	var out []group
	firstLine := map[string]int{}
	for _, u := range res.Units {
		g := u.Unit.Group
		if _, ok := at[g]; !ok {
			at[g] = len(out)
			out = append(out, group{name: g})
			firstLine[g] = u.Unit.Line
		}
		out[at[g]].units = append(out[at[g]].units, u)
		firstLine[g] = min(firstLine[g], u.Unit.Line)
	}
	sort.SliceStable(out, func(i, j int) bool { return firstLine[out[i].name] < firstLine[out[j].name] })
	return out
}

// hasAdjustment reports whether some unit's total was held to its max or
// to zero, so that its parts do not add up to it by themselves.
func hasAdjustment(res *scoring.Result) bool {
	for _, u := range res.Units {
		if adjustment(u).Sign() != 0 {
			return true
		}
	}
	return false
}

// adjustment is what holding the total within [0, max] added or took off.
func adjustment(u *scoring.UnitResult) decimal.Decimal {
	return u.Points.Sub(u.Appraisal.Add(u.Survey).Add(u.Bonus).Sub(u.Penalty))
}

// summaryScale is the print scale that fits Tổng hợp's table to the page
// width, at most 100%.
func summaryScale(widths []float64) uint {
	return uint(min(100, math.Floor(printableWidth*97/colPixels(widths))))
}

// chartSlack is the part of a printed page's height a chart leaves free:
// LibreOffice sets the page-number footer inside the margins, and row
// heights are rounded; without it a chart of 30 units or more ran onto the
// next page.
const chartSlack = 110

// indexChart adds the sheet Biểu đồ: a horizontal bar chart of the
// index, first rank at the top, under the set's title and year. A sheet of
// its own prints as one page, whatever the length of the ranking beside
// which a chart would otherwise be cut by page breaks. (A chart sheet
// proper would do, but LibreOffice prints one as an empty page.)
func (b *book) indexChart(sheetName string, unitCol, indexCol, first, n int) error {
	shown := min(n, chartUnits)
	title := b.l.chartTitle
	if shown < n {
		title = fmt.Sprintf(b.l.chartTopTitle, shown)
	}
	last := first + shown - 1
	abs := func(col int) string {
		name, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sheetName), name, first, name, last)
	}
	zero, hundred := 0.0, 100.0
	gap := uint(40)
	axisFont := excelize.Font{Family: fontName, Size: 9, Color: "000000"}
	chart := &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name: b.l.index, Categories: abs(unitCol), Values: abs(indexCol),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2E75B6"}},
			DataLabel: excelize.ChartDataLabel{Font: axisFont},
		}},
		Title:     []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: fontName, Size: 12, Bold: true}}},
		Dimension: excelize.ChartDimension{Width: printableWidth - 140, Height: printableHeight - 170},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:     excelize.ChartAxis{Minimum: &zero, Maximum: &hundred, MajorGridLines: true, Font: axisFont},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: fixedFormat(b.places)}},
		GapWidth:  &gap,
		Format:    excelize.GraphicOptions{AltText: title},
	}
	s, err := b.newSheet(b.l.chartSheet, []float64{12})
	if err != nil {
		return err
	}
	if err := s.titleBlock(title); err != nil {
		return err
	}
	if err := b.f.AddChart(s.name, "A4", chart); err != nil {
		return err
	}
	if err := s.flush(); err != nil {
		return err
	}
	// LibreOffice prints only the cells in use unless told the area the
	// chart covers
	area := fmt.Sprintf("%s!$A$1:$N$%d", quoteSheet(s.name), 3+int(printableHeight-170)/18+2)
	return b.define("_xlnm.Print_Area", area, s.name)
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
