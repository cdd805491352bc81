package report

import (
	"fmt"
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
// points, index and rank, the indices coloured on a scale.
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
	s, err := b.newSheet(l.byField, widths)
	if err != nil {
		return err
	}
	const headRow = 4
	if err := s.freeze(2, headRow+1); err != nil {
		return err
	}
	if err := s.titleBlock(l.byField); err != nil {
		return err
	}
	if err := b.byFieldHeader(s, fields, widths); err != nil {
		return err
	}
	for _, u := range res.Units {
		cells := []any{b.integer(u.Rank, kInt), b.text(u.Unit.Name, kText)}
		for _, f := range fields {
			nr := u.Nodes[idx[f]]
			if !nr.Applicable {
				na := b.text(l.notApplicable, kCenter)
				cells = append(cells, na, na, na)
				continue
			}
			cells = append(cells, b.num(nr.Points, kNumber), b.num(nr.Index, kNumberBold), b.integer(nr.Rank, kInt))
		}
		if err := s.add(cells, 0); err != nil {
			return err
		}
	}
	if n := len(res.Units); n > 0 {
		for i := range fields {
			if err := s.colourScale(colRange(3+3*i+1, headRow+2, headRow+1+n)); err != nil {
				return err
			}
		}
	}
	if err := s.printTitles(headRow, headRow+1); err != nil {
		return err
	}
	return s.flush()
}

// byFieldHeader writes two header rows: each field's title over its three
// columns, then points, index, rank under it.
func (b *book) byFieldHeader(s *sheet, fields []*criteria.Node, widths []float64) error {
	l := b.l
	top := []any{b.text(l.rank, kHeader), b.text(l.unit, kHeader)}
	sub := []any{b.text("", kHeader), b.text("", kHeader)}
	topTexts := []string{l.rank, l.unit}
	topWidths := widths[:2:2]
	for i, f := range fields {
		title := fmt.Sprintf("%s (%s %s)", nodeTitle(f), l.maxShort, criteria.FormatFixed(f.MaxPoints(), b.places, b.lang))
		top = append(top, b.text(title, kHeader), b.text("", kHeader), b.text("", kHeader))
		sub = append(sub, b.text(l.points, kHeader), b.text(l.index, kHeader), b.text(l.rank, kHeader))
		topTexts = append(topTexts, title)
		topWidths = append(topWidths, widths[2+3*i]+widths[3+3*i]+widths[4+3*i])
	}
	if err := s.add(top, heightForWidths(topTexts, topWidths)); err != nil {
		return err
	}
	if err := s.add(sub, s.heightFor([]string{"", "", l.points, l.index, l.rank}, true)); err != nil {
		return err
	}
	first := s.row - 1
	for col := 1; col <= 2; col++ {
		if err := s.sw.MergeCell(cellRef(col, first), cellRef(col, first+1)); err != nil {
			return err
		}
	}
	for i := range fields {
		if err := s.sw.MergeCell(cellRef(3+3*i, first), cellRef(5+3*i, first)); err != nil {
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
