package report

import (
	"math"
	"strings"
	"unicode/utf8"

	"parindex/criteria"
	"parindex/scoring"
)

// nodeIndex maps each node to its place in Set.Nodes(), which is also its
// place in every UnitResult.Nodes.
func nodeIndex(set *criteria.Set) map[*criteria.Node]int {
	idx := map[*criteria.Node]int{}
	for i, n := range set.Nodes() {
		idx[n] = i
	}
	return idx
}

// ordinaryFields returns the ranked top-level fields: not bonus, not
// penalty.
func ordinaryFields(set *criteria.Set) []*criteria.Node {
	var out []*criteria.Node
	for _, f := range set.Fields {
		if f.Kind == criteria.Ordinary {
			out = append(out, f)
		}
	}
	return out
}

// nodeTitle is "code. name", as fields are named in headers.
func nodeTitle(n *criteria.Node) string {
	if n.Code == "" {
		return n.Name
	}
	return strings.TrimSuffix(n.Code, ".") + ". " + n.Name
}

// writeByField writes Theo lĩnh vực: for each unit, each ordinary field's
// points, index and rank, the indices coloured on a scale. A sheet too
// wide to read one page wide prints across pages, a field never split,
// rank and unit repeated on each.
func (b *book) writeByField(res *scoring.Result) error {
	l := b.l
	fields := ordinaryFields(b.set)
	idx := nodeIndex(b.set)
	names := make([]string, len(res.Units))
	for i, u := range res.Units {
		names[i] = u.Unit.Name
	}
	numW := fit(9, 11, "100.00", l.notApplicable)
	rankW := fit(7, 8, longestWord(l.rank))
	widths := []float64{fit(7, 9, longestWord(l.rank)), fit(14, 40, names...)}
	for range fields {
		widths = append(widths, numW, numW, rankW)
	}
	wide := tooWide(widths)
	scale := uint(100)
	if wide {
		scale = wideScale
	} else {
		scale = min(100, uint(math.Floor(printableWidth*100/colPixels(widths))))
	}
	b.wide, b.scale = wide, wideScale
	s, err := b.newSheet(l.byField, widths)
	b.wide, b.scale = false, 0
	if err != nil {
		return err
	}
	headRow := b.titleRows() + 1
	if err := s.freeze(2, headRow+2); err != nil {
		return err
	}
	span, lastBlock := len(widths), 0
	if wide {
		span, lastBlock = b.fieldPageBreaks(s, widths, len(fields))
	}
	if err := s.officialTitle(l.byField, span); err != nil {
		return err
	}
	if err := b.byFieldHeader(s, fields, widths); err != nil {
		return err
	}
	s.pageBy(pageHeightAt(scale), headRow, headRow+2)
	for _, u := range res.Units {
		cells := []any{b.integer(u.Rank, kInt), b.text(u.Unit.Name, kText)}
		for _, f := range fields {
			nr := u.Nodes[idx[f]]
			if !nr.Applicable {
				na := b.text(l.notApplicable, kCenter)
				cells = append(cells, na, na, na)
				continue
			}
			cells = append(cells, b.num(nr.Points(), kNumber), b.num(nr.Index(), kNumberBold), b.integer(int(nr.Rank), kInt))
		}
		if err := s.add(cells, tableRowHeight); err != nil {
			return err
		}
	}
	if n := len(res.Units); n > 0 {
		for i := range fields {
			if err := s.colourScale(colRange(3+3*i+1, headRow+3, headRow+2+n)); err != nil {
				return err
			}
		}
	}
	if err := s.keepEnd(b.endHeight(2 * defaultRowHeight)); err != nil {
		return err
	}
	if len(fields) > 0 {
		starts := []int{3}
		if lastBlock > 0 {
			starts = append(starts, lastBlock+1)
		}
		// the label in the unit column, which every printed page repeats
		if err := b.legend(s, 2, 2, starts...); err != nil {
			return err
		}
	}
	if err := s.signatures(lastBlock, len(widths)); err != nil {
		return err
	}
	repeat := 0
	if wide {
		repeat = 2
	}
	if err := s.printTitles(headRow, headRow+2, repeat); err != nil {
		return err
	}
	return s.flush()
}

// fieldPageBreaks puts a column page break before each field that would
// not fit whole on the printed page, rank and unit repeated on every page,
// and returns how many columns the first page shows and how many come
// before those the last page shows.
func (b *book) fieldPageBreaks(s *sheet, widths []float64, fields int) (first, last int) {
	room := float64(printableWidth) * 100 / wideScale
	fixed := colPixels(widths[:2])
	used := fixed
	for i := range fields {
		w := colPixels(widths[2+3*i : 5+3*i])
		if used+w > room && used > fixed {
			if first == 0 {
				first = 2 + 3*i
			}
			if err := s.sw.InsertPageBreak(cellRef(2+3*i+1, 1)); err != nil && b.err == nil {
				b.err = err
			}
			last = 2 + 3*i
			used = fixed
		}
		used += w
	}
	if first == 0 {
		first = len(widths)
	}
	return first, last
}

// byFieldHeader writes three header rows: each field's title over its
// three columns, then points, index, rank under it, then each field's
// max as a number, shown with the reader's decimal mark as the cells are.
func (b *book) byFieldHeader(s *sheet, fields []*criteria.Node, widths []float64) error {
	l := b.l
	top := []any{b.text(l.rank, kHeader), b.text(l.unit, kHeader)}
	sub := []any{b.text("", kHeader), b.text("", kHeader)}
	maxRow := []any{b.text("", kHeader), b.text(l.max, kHeader)}
	topTexts := []string{l.rank, l.unit}
	topWidths := widths[:2:2]
	for i, f := range fields {
		title := nodeTitle(f)
		top = append(top, b.text(title, kHeader), b.text("", kHeader), b.text("", kHeader))
		sub = append(sub, b.text(l.points, kHeader), b.text(l.index, kHeader), b.text(l.rank, kHeader))
		maxRow = append(maxRow, b.num(f.MaxPoints(), kNumberBold), b.text("", kHeader), b.text("", kHeader))
		topTexts = append(topTexts, title)
		topWidths = append(topWidths, widths[2+3*i]+widths[3+3*i]+widths[4+3*i])
	}
	if err := s.add(top, heightForWidths(topTexts, topWidths)); err != nil {
		return err
	}
	if err := s.add(sub, s.heightFor([]string{"", "", l.points, l.index, l.rank}, true)); err != nil {
		return err
	}
	if err := s.add(maxRow, tableRowHeight); err != nil {
		return err
	}
	first := s.row - 2
	if err := s.sw.MergeCell(cellRef(1, first), cellRef(1, first+2)); err != nil {
		return err
	}
	if err := s.sw.MergeCell(cellRef(2, first), cellRef(2, first+1)); err != nil {
		return err
	}
	for i := range fields {
		if err := s.sw.MergeCell(cellRef(3+3*i, first), cellRef(5+3*i, first)); err != nil {
			return err
		}
		if err := s.sw.MergeCell(cellRef(4+3*i, first+2), cellRef(5+3*i, first+2)); err != nil {
			return err
		}
	}
	return nil
}

// heightForWidths estimates a wrapped bold row's height when its cells
// have the given widths (merged cells span several columns).
func heightForWidths(texts []string, widths []float64) float64 {
	s := &sheet{widths: widths}
	return s.heightFor(texts, true)
}

// longestWord returns the longest word of s, the narrowest a wrapped
// header can be.
func longestWord(s string) string {
	best := ""
	for _, w := range strings.Fields(s) {
		if utf8.RuneCountInString(w) > utf8.RuneCountInString(best) {
			best = w
		}
	}
	return best
}
