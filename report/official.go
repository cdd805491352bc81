package report

import (
	"fmt"
	"time"

	"parindex/criteria"
)

// The national motto every administrative document carries at its top
// right (Nghị định 30/2020/NĐ-CP), and its usual English rendering.
const (
	mottoCountry   = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	mottoWords     = "Độc lập – Tự do – Hạnh phúc"
	mottoCountryEN = "SOCIALIST REPUBLIC OF VIETNAM"
	mottoWordsEN   = "Independence – Freedom – Happiness"
)

// official reports whether the sheets carry the official header and
// footer of the set's report: block.
func (b *book) official() bool { return b.set.Report.HasHeader() }

// titleRows is how many rows the title block takes above a table: the
// set's title, the sheet's heading and an empty row; with the official
// header, the issuer and motto, the place and date, the decision line.
func (b *book) titleRows() int {
	if !b.official() {
		return 3
	}
	r := b.set.Report
	n := max(len(r.Issuer), 2) + 1 + 1 + 1 + 1 + 1
	if r.Decision != "" {
		n++
	}
	return n
}

// officialTitle writes the title block of Tổng hợp and Theo lĩnh vực: the
// plain one, or with the official header when the set has one. span is
// how many columns the first printed page shows: the issuer takes about
// two fifths of them, the motto the rest.
func (s *sheet) officialTitle(heading string, span int) error {
	b := s.b
	if !b.official() {
		return s.titleBlock(heading)
	}
	r := b.set.Report
	span = max(1, min(span, len(s.widths)))
	split := splitAt(s.widths[:span], 0.4)
	left := func(row int) error { return s.sw.MergeCell(cellRef(1, row), cellRef(split, row)) }
	right := func(row int) error {
		return s.sw.MergeCell(cellRef(split+1, row), cellRef(max(span, split+1), row))
	}
	whole := func(row int) error { return s.sw.MergeCell(cellRef(1, row), cellRef(span, row)) }
	lines := max(len(r.Issuer), 2)
	motto := []string{mottoCountry, mottoWords}
	if b.lang == criteria.English {
		motto = []string{mottoCountryEN, mottoWordsEN}
	}
	for i := range lines {
		cells := make([]any, split+1)
		if i < len(r.Issuer) {
			kind := kCentre
			if i == len(r.Issuer)-1 {
				kind = kCentreBold
			}
			cells[0] = b.text(r.Issuer[i], kind)
		}
		if i < len(motto) {
			cells[split] = b.text(motto[i], kCentreBold)
		}
		if err := s.add(cells, 17); err != nil {
			return err
		}
		if err := left(s.row); err != nil {
			return err
		}
		if err := right(s.row); err != nil {
			return err
		}
	}
	cells := make([]any, split+1)
	cells[split] = b.text(b.placeDate(), kCentreItalic)
	if err := s.add(cells, 17); err != nil {
		return err
	}
	if err := right(s.row); err != nil {
		return err
	}
	s.skip()
	rows := []struct {
		text   string
		kind   cellKind
		height float64
	}{{b.titleWithYear(), kTitleCentre, 21}, {r.Decision, kCentreItalic, 17}, {heading, kSubtitleCentre, 18}}
	for _, t := range rows {
		if t.text == "" {
			continue
		}
		h := max(t.height, heightForWidths([]string{t.text}, []float64{sum(s.widths[:span])}))
		if err := s.add([]any{b.text(t.text, t.kind)}, h); err != nil {
			return err
		}
		if err := whole(s.row); err != nil {
			return err
		}
	}
	s.skip()
	return nil
}

// placeDate is "Quảng Nam, ngày 15 tháng 02 năm 2020", on the block's date
// or, without one, the day the report was made.
func (b *book) placeDate() string {
	r := b.set.Report
	d := r.Date
	if d.IsZero() {
		d = b.now
	}
	if b.lang == criteria.English {
		s := d.Format("2 January 2006")
		if r.Place != "" {
			s = r.Place + ", " + s
		}
		return s
	}
	s := fmt.Sprintf("ngày %02d tháng %02d năm %d", d.Day(), int(d.Month()), d.Year())
	if r.Place != "" {
		return r.Place + ", " + s
	}
	return "Ngày" + s[len("ngày"):]
}

// signatureRows is how many rows the signature block takes, with the
// empty row above it.
const signatureRows = 1 + 1 + 4 + 1

// signatureHeight is the signature block's height in points.
const signatureHeight = 15 + 17 + 4*18 + 17

// signatures writes the signature block under a table: each signing title
// over its name, side by side across columns first+1..last, those of the
// last printed page of a sheet printed across pages. keepEnd, called
// before the notes under the table, keeps it on the page of the table's
// end.
func (s *sheet) signatures(first, last int) error {
	b := s.b
	if !b.official() || len(b.set.Report.Signatures) == 0 {
		return nil
	}
	sigs := b.set.Report.Signatures
	last = min(last, len(s.widths))
	first = max(0, min(first, last-len(sigs)))
	bounds := make([]int, 0, len(sigs)+1)
	bounds = append(bounds, first)
	for i := 1; i < len(sigs); i++ {
		at := first + splitAt(s.widths[first:last], float64(i)/float64(len(sigs)))
		bounds = append(bounds, max(bounds[i-1]+1, at))
	}
	bounds = append(bounds, last)
	row := func(text func(criteria.Signature) string, height float64) error {
		cells := make([]any, last)
		for i, sig := range sigs {
			if t := text(sig); t != "" {
				cells[bounds[i]] = b.text(t, kCentreBold)
			}
		}
		if err := s.add(cells, height); err != nil {
			return err
		}
		for i := range sigs {
			if bounds[i+1]-1 > bounds[i] {
				if err := s.sw.MergeCell(cellRef(bounds[i]+1, s.row), cellRef(bounds[i+1], s.row)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	s.skip()
	if err := row(func(g criteria.Signature) string { return g.Title }, 17); err != nil {
		return err
	}
	for range 4 {
		if err := s.add(nil, 18); err != nil { // room to sign
			return err
		}
	}
	return row(func(g criteria.Signature) string { return g.Name }, 17)
}

// endHeight is the height of what follows a table: notes of the given
// height, then the signatures, when there are any.
func (b *book) endHeight(notes float64) float64 {
	if b.official() && len(b.set.Report.Signatures) > 0 {
		return notes + signatureHeight
	}
	return notes
}

// pageBy makes the sheet put its own page breaks from the next row on,
// each page holding at most capacity points, rows first..last (already
// written) repeated at the top of every page after the first.
func (s *sheet) pageBy(capacity float64, first, last int) {
	s.repeatH = 0
	for r := first; r <= last && r <= len(s.heights); r++ {
		s.repeatH += s.heights[r-1]
	}
	s.pageCap, s.pageY = capacity, 0
	for _, h := range s.heights {
		s.pageY += h
	}
}

// paginate accounts for a row of height h about to be written, starting a
// new page before it when it would not fit.
func (s *sheet) paginate(h float64) error {
	if s.pageCap == 0 {
		return nil
	}
	if s.pageY+h > s.pageCap && s.pageY > s.repeatH {
		s.pageY = s.repeatH
		if err := s.sw.InsertPageBreak(cellRef(1, s.row)); err != nil {
			return err
		}
	}
	s.pageY += h
	return nil
}

// keepRoom starts a new page before the next row unless height points
// still fit on the current one: a group's heading stays with its rows.
func (s *sheet) keepRoom(height float64) error {
	if s.pageCap == 0 || s.pageY+height <= s.pageCap || s.pageY <= s.repeatH {
		return nil
	}
	s.pageY = s.repeatH
	return s.sw.InsertPageBreak(cellRef(1, s.row+1))
}

// keepEnd moves the table's last rows to a new page when what follows
// (height points) would not fit on the page where the table ends, so that
// the signatures never stand alone on a page.
func (s *sheet) keepEnd(height float64) error {
	const keep = 3 // table rows that go with the signatures
	if s.pageCap == 0 || s.pageY+height <= s.pageCap || s.row-keep < 1 {
		return nil
	}
	moved := 0.0
	for r := s.row - keep + 1; r <= s.row; r++ {
		moved += s.heights[r-1]
	}
	if s.pageY-moved <= s.repeatH {
		return nil // the table's end already starts its page
	}
	s.pageY = s.repeatH + moved
	return s.sw.InsertPageBreak(cellRef(1, s.row-keep+1))
}

// pageHeightAt is the height in points at 100% that a printed page holds
// at scale percent: A4 landscape less the margins and the page-number
// footer, with some room to spare, since the reader lays rows out a little
// differently.
func pageHeightAt(scale uint) float64 {
	if scale == 0 {
		scale = 100
	}
	return 500 * 100 / float64(scale)
}

// splitAt is the number of leading columns of widths that make up about
// share of their total width, at least one.
func splitAt(widths []float64, share float64) int {
	total := sum(widths)
	acc := 0.0
	for i, w := range widths {
		acc += w
		if acc >= total*share {
			return max(1, i+1)
		}
	}
	return len(widths)
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// madeAt is the time a report is stamped with: opts.Now, or the clock.
func madeAt(now time.Time) time.Time {
	if now.IsZero() {
		return time.Now()
	}
	return now
}
