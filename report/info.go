package report

import (
	"fmt"

	"parindex/criteria"

	"parindex/scoring"
)

// writeInfo writes Thông tin: what was scored, by which version, from
// which files (with their SHA-256, so a result can be traced to its
// inputs), and every warning.
func (b *book) writeInfo(res *scoring.Result, opts Options) error {
	l := b.l
	set := b.set
	warnings := dedupe(append([]string{}, res.Warnings...))
	if b.lang == criteria.Vietnamese {
		for i, w := range warnings {
			if vi := opts.WarningsVI[w]; vi != "" {
				warnings[i] = vi
			}
		}
	}
	notes := []string{}
	switch sheets := unitSheetCount(opts.UnitSheets, len(res.Units)); {
	case sheets == 0 && len(res.Units) > 0:
		notes = append(notes, l.unitSheetsNone)
	case sheets < len(res.Units):
		notes = append(notes, fmt.Sprintf(l.unitSheetsLeftOut, sheets, len(res.Units)))
	}
	if len(res.Units) > maxDetailUnits {
		notes = append(notes, fmt.Sprintf(l.detailsCut, maxDetailUnits, len(res.Units)))
	}
	labelsCol := []string{l.criteriaID, l.criteriaTitle, l.year, l.decimals, l.engineVersion, l.unitsCount, l.madeAt, l.inputs, l.warnings}
	files, sums := []string{}, []string{}
	for _, in := range opts.Inputs {
		files, sums = append(files, in.Name), append(sums, in.SHA256)
	}
	widths := []float64{fit(18, 40, append(labelsCol, files...)...),
		fit(20, 80, append(append([]string{set.Title}, sums...), warnings...)...)}
	s, err := b.newSheet(l.info, widths)
	if err != nil {
		return err
	}
	if err := s.titleBlock(l.info); err != nil {
		return err
	}
	pair := func(label string, val any) error {
		return s.add([]any{b.text(label, kTextBold), val}, s.heightFor([]string{label, fmt.Sprint(val)}, false))
	}
	rows := []struct {
		label string
		val   any
	}{
		{l.criteriaID, b.text(set.ID, kText)},
		{l.criteriaTitle, b.text(set.Title, kTextWrap)},
		{l.year, b.integer(set.Year, kInt)},
		{l.decimals, b.integer(int(set.Decimals), kInt)},
		{l.engineVersion, b.text(opts.Version, kText)},
		{l.unitsCount, b.integer(len(res.Units), kInt)},
		{l.madeAt, b.text(b.madeAtText(), kText)},
	}
	if s := opts.Sensitivity; s != nil {
		rows = append(rows, sensInfo(b, s))
	}
	for _, r := range rows {
		if err := pair(r.label, r.val); err != nil {
			return err
		}
	}
	for _, n := range notes {
		if err := s.add([]any{nil, b.text(n, kPlain)}, 0); err != nil {
			return err
		}
	}
	s.skip()
	if err := s.add([]any{b.text(l.file, kHeader), b.text(l.sha256, kHeader)}, 0); err != nil {
		return err
	}
	for _, in := range opts.Inputs {
		if err := s.add([]any{b.text(in.Name, kText), b.text(in.SHA256, kText)}, 0); err != nil {
			return err
		}
	}
	s.skip()
	if err := s.add([]any{b.text(l.warnings, kHeader), b.text("", kHeader)}, 0); err != nil {
		return err
	}
	if len(warnings) == 0 {
		// a statement, not warning number 1
		return s.addFlush([]any{b.blank(), b.text(l.noWarnings, kText)})
	}
	for i, w := range warnings {
		cell := b.text(w, kTextWrap)
		if err := s.add([]any{b.integer(i+1, kInt), cell}, s.heightFor([]string{"", w}, false)); err != nil {
			return err
		}
	}
	return s.flush()
}

// addFlush writes a last row and ends the sheet.
func (s *sheet) addFlush(cells []any) error {
	if err := s.add(cells, 0); err != nil {
		return err
	}
	return s.flush()
}

// dedupe drops repeated strings, keeping the first of each.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(ss)) // a new slice: ss is the result's own
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// madeAtText is when the report was made, as the report's language writes
// a date and time.
func (b *book) madeAtText() string {
	if b.lang == criteria.English {
		return b.now.Format("2 January 2006, 15:04 MST")
	}
	return fmt.Sprintf("%s ngày %02d/%02d/%d (%s)", b.now.Format("15:04"), b.now.Day(), int(b.now.Month()), b.now.Year(), b.now.Format("MST"))
}
