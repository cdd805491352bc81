package report

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/scoring"
)

// sensChartSeries are the stacked segments that draw one unit's bar in the
// chart of Độ nhạy, left to right along the rank axis: an invisible base
// up to where the drawing starts, the band before the published rank, an
// invisible gap (when the rank lies right of the band), the rank's dark
// mark, an invisible gap (when it lies left of the band), and the band
// after the rank. Excel has no chart of a band with a mark on it; stacked
// bars with invisible segments draw one.
const sensChartSeries = 6

// writeSensitivity writes Độ nhạy: what the band means, the table of each
// unit's ranks over the runs, and a chart of each unit's published rank on
// its 5–95% band to the right, on a printed page of its own.
func (b *book) writeSensitivity(res *scoring.Result, s *analysis.Sensitivity) error {
	w := sensFor(b.lang)
	names, fields := []string{}, []string{w.field}
	for _, u := range s.Units {
		names = append(names, u.Unit.Name)
		if u.WorstField != nil {
			fields = append(fields, nodeTitle(u.WorstField))
		}
	}
	heads := []string{w.rank, w.unit, w.median, w.low, w.high, w.share, w.worst, w.field}
	visible := []float64{fit(7, 9, longestWord(w.rank)), fit(14, 40, names...), 11, 11, 11, 12, 14, fit(14, 36, fields...)}
	widths := append(append([]float64{}, visible...), make([]float64, sensChartSeries)...)
	for i := len(visible); i < len(widths); i++ {
		widths[i] = 8
	}
	b.wide, b.scale = true, summaryScale(visible)
	sh, err := b.newSheet(w.sheet, widths)
	b.wide, b.scale = false, 0
	if err != nil {
		return err
	}
	// The chart's segments are worked out in columns hidden right of the
	// table; charts read hidden cells (excelize writes plotVisOnly off).
	if err := sh.sw.SetColVisible(len(visible)+1, len(widths), false); err != nil {
		return err
	}
	// What the band means goes above the table; the rest under it, so
	// that the chart beside the table has room on its page.
	const headRow = 6
	if err := sh.freeze(2, headRow); err != nil {
		return err
	}
	if err := sh.titleBlock(w.heading); err != nil {
		return err
	}
	total := 0.0
	for _, v := range visible {
		total += v
	}
	meaningH := heightForWidths([]string{sensMeaning(s, b.lang)}, []float64{total})
	if err := sh.note(sensMeaning(s, b.lang), meaningH, len(visible)); err != nil {
		return err
	}
	sh.skip()
	headH := sh.heightFor(heads, true)
	if err := sh.header(heads); err != nil { // headH high
		return err
	}
	for _, u := range s.Units {
		field := b.text("—", kCenter)
		if u.WorstField != nil {
			field = b.text(nodeTitle(u.WorstField), kText)
		}
		cells := []any{b.integer(u.Rank, kInt), b.text(u.Unit.Name, kText), b.integer(u.Median, kInt),
			b.integer(u.Low, kInt), b.integer(u.High, kInt), b.share(u.Kept, s.Runs),
			b.integer(u.WorstDropped, kInt), field}
		for _, v := range sensSegments(u) {
			cells = append(cells, excelize.Cell{Value: b.carrier(v)})
		}
		if err := sh.add(cells, 0); err != nil {
			return err
		}
	}
	sh.skip()
	for _, n := range []string{w.dropped, sensSummary(s, b.lang)} {
		if err := sh.note(n, heightForWidths([]string{n}, []float64{total}), len(visible)); err != nil {
			return err
		}
	}
	// Points above the first unit: the title block, the note, a blank
	// row and the header, at 96 pixels to 72 points.
	above := int((21+18+15+meaningH+15+headH)*96/72) + 10
	if len(s.Units) > 0 {
		if err := b.bandChart(sh, s, len(visible), headRow+1, above); err != nil {
			return err
		}
	}
	if err := sh.printTitles(headRow, headRow); err != nil {
		return err
	}
	return sh.flush()
}

// share is a cell holding kept ÷ runs exactly (to 4 places, as the JSON
// has it), shown as a percentage.
func (b *book) share(kept, runs int) excelize.Cell {
	d := decimal.NewFromInt(int64(kept)).DivRound(decimal.NewFromInt(int64(runs)), 4)
	return excelize.Cell{StyleID: b.style(styleKey{kind: kPercent}), Value: b.carrier(d)}
}

// sensSegments returns the lengths of u's chart segments along the rank
// axis, in the order of sensChartSeries: the band spans ranks Low to High
// (0.4 either side of each), the mark 0.1 either side of the rank.
func sensSegments(u *analysis.UnitSensitivity) [sensChartSeries]decimal.Decimal {
	tenths := func(n int) decimal.Decimal { return decimal.New(int64(n), -1) }
	lo, hi := 10*u.Low-4, 10*u.High+4    // the band, in tenths of a rank
	mlo, mhi := 10*u.Rank-1, 10*u.Rank+1 // the mark
	var seg [sensChartSeries]int
	switch {
	case mhi <= lo: // the rank is better than the whole band
		seg = [sensChartSeries]int{mlo, 0, 0, mhi - mlo, lo - mhi, hi - lo}
	case mlo >= hi: // worse than the whole band
		seg = [sensChartSeries]int{lo, hi - lo, mlo - hi, mhi - mlo, 0, 0}
	default: // on the band
		seg = [sensChartSeries]int{lo, mlo - lo, 0, mhi - mlo, 0, hi - mhi}
	}
	var out [sensChartSeries]decimal.Decimal
	for i, v := range seg {
		out[i] = tenths(v)
	}
	return out
}

// bandChart draws each unit's band and published rank as horizontal
// stacked bars, first rank at the top, to the right of the table after a
// page break, sized to print on one page: the leading units only when
// there are more than fit.
func (b *book) bandChart(sh *sheet, s *analysis.Sensitivity, visible, first, above int) error {
	w := sensFor(b.lang)
	perPage := func(px int) uint { return uint(px * 100 / int(max(summaryScale(sh.widths[:visible]), 10))) }
	// The chart shares its page with the rows above the table, so it
	// shows as many units as leave each bar and name 14 pixels.
	height := perPage(printableHeight - chartSlack - above)
	shown := min(len(s.Units), chartUnits, max(5, (int(height)-90)/14))
	title := w.chartTitle
	if shown < len(s.Units) {
		title = fmt.Sprintf(w.chartTopTitle, shown)
	}
	last := first + shown - 1
	abs := func(col int) string {
		name, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sh.name), name, first, name, last)
	}
	worst := 1
	for _, u := range s.Units[:shown] {
		worst = max(worst, u.High, u.Rank)
	}
	band := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"9DC3E6"}}
	mark := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3864"}}
	// A fill with no colour makes excelize fail on bar charts; a fully
	// transparent white draws nothing as well.
	none := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFFFF"}, Transparency: 100}
	fills := [sensChartSeries]excelize.Fill{none, band, none, mark, none, band}
	var series []excelize.ChartSeries
	for i, f := range fills {
		series = append(series, excelize.ChartSeries{Name: "", Categories: abs(2), Values: abs(visible + 1 + i), Fill: f})
	}
	zero, top := 0.0, float64(worst+1)
	step := 1.0 // 1, 2, 5, 10, 20, 50…: at most 20 gridlines
	for i := 0; top/step > 20; i++ {
		step *= []float64{2, 2.5, 2}[i%3]
	}
	gap, overlap := uint(40), 100
	chart := &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Title:     []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: fontName, Size: 12, Bold: true}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: min(perPage(printableWidth-60), 900), Height: min(height, uint(90+20*shown))},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Family: fontName, Size: 9, Color: "000000"}},
		YAxis: excelize.ChartAxis{Minimum: &zero, Maximum: &top, MajorUnit: step, MajorGridLines: true,
			Font: excelize.Font{Family: fontName, Size: 9, Color: "000000"}},
		GapWidth: &gap,
		Overlap:  &overlap,
		Format:   excelize.GraphicOptions{AltText: title},
	}
	right := len(sh.widths) + 1
	if err := sh.sw.InsertPageBreak(cellRef(right, 1)); err != nil {
		return err
	}
	return b.f.AddChart(sh.name, cellRef(right+1, first), chart)
}

// note writes a sentence over the first cols columns, wrapped.
func (s *sheet) note(text string, height float64, cols int) error {
	if err := s.add([]any{s.b.text(text, kNote)}, height); err != nil {
		return err
	}
	return s.sw.MergeCell(cellRef(1, s.row), cellRef(cols, s.row))
}

// sensInfo is the line of Thông tin that records the analysis: runs, P
// and the seed that gives its figures again.
func sensInfo(b *book, s *analysis.Sensitivity) struct {
	label string
	val   any
} {
	w := sensFor(b.lang)
	return struct {
		label string
		val   any
	}{w.infoLabel, b.text(fmt.Sprintf(w.info, sensCount(s.Runs, b.lang), criteria.FormatNumber(s.Spread.Shift(2), b.lang), s.Seed), kText)}
}
