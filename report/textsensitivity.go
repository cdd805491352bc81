package report

import (
	"fmt"
	"io"
	"strings"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/scoring"
)

// WriteSensitivity writes the sensitivity of the ranks as an aligned
// table in rank order — rank, unit, median rank, 5–95% band, share of runs
// at the rank, worst rank with a field dropped and that field — under a
// heading with the runs, P and seed, and over what the band means.
func WriteSensitivity(w io.Writer, res *scoring.Result, s *analysis.Sensitivity, lang criteria.Lang) error {
	sw := sensFor(lang)
	tab := &textTable{right: []bool{true, false, true, true, true, true, false}}
	tab.add(textFor(lang).rank, sw.unit, sw.tMedian, sw.tBand, sw.tShare, sw.tWorst, sw.tField)
	for _, u := range s.Units {
		field := "—"
		if u.WorstField != nil {
			field = nodeTitle(u.WorstField)
		}
		tab.add(fmt.Sprint(u.Rank), u.Unit.Name, fmt.Sprint(u.Median), sensBand(u),
			criteria.FormatFixed(sensPercent(u, s.Runs), 1, lang)+"%", fmt.Sprint(u.WorstDropped), field)
	}
	title := res.Set.Title
	if title == "" {
		title = res.Set.ID
	}
	t := textFor(lang)
	head := fmt.Sprintf("%s — %d %s — %s\n\n", title, len(s.Units), t.units, sw.heading)
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	if err := tab.write(w); err != nil {
		return err
	}
	notes := []string{sensMeaning(s, lang), sw.dropped, sensSummary(s, lang)}
	for i, n := range notes {
		notes[i] = textWrap(n, 100)
	}
	_, err := fmt.Fprintf(w, "\n%s\n", strings.Join(notes, "\n"))
	return err
}

// textWrap breaks s into lines of at most width columns, between words.
func textWrap(s string, width int) string {
	var b strings.Builder
	col := 0
	for _, word := range strings.Fields(s) {
		n := textWidth(word)
		if col > 0 && col+1+n > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}

// WriteUnitSensitivity writes one line on how firmly a unit holds its
// rank, for explain: its band, median, share of runs at its rank and its
// worst rank with a field dropped.
func WriteUnitSensitivity(w io.Writer, s *analysis.Sensitivity, unitID string, lang criteria.Lang) error {
	u := s.Unit(unitID)
	if u == nil {
		return fmt.Errorf("no unit %q in the sensitivity analysis", unitID)
	}
	sw := sensFor(lang)
	line := fmt.Sprintf(sw.explainBand, sensCount(s.Runs, lang), criteria.FormatNumber(s.Spread.Shift(2), lang),
		s.Seed, sensBand(u), u.Median)
	line += "; " + fmt.Sprintf(sw.explainKept, u.Rank, criteria.FormatFixed(sensPercent(u, s.Runs), 1, lang))
	if u.WorstField != nil {
		line += "; " + fmt.Sprintf(sw.explainWorst, u.WorstDropped, nodeTitle(u.WorstField))
	} else {
		line += "; " + sw.explainNoWorse
	}
	_, err := fmt.Fprintf(w, "\n%s.\n", line)
	return err
}
