package criteria

import "fmt"

// ratios checks every ratio metric once all metrics are known: its parts
// must be declared, plain (not ratios themselves) and numeric, and the
// ratio itself a percent or a number.
func (l *loader) ratios() {
	for _, m := range l.set.Metrics {
		if m.Ratio == nil {
			continue
		}
		what := fmt.Sprintf("metric %s: ratio: ", Quote(m.ID))
		if m.Type != 0 && m.Type != Percent && m.Type != Number {
			l.hintf(m.Line, "a ratio is a percent (at most 100) or a number (may exceed 100)",
				"metric %s: a ratio must be of type percent or number, not %s", Quote(m.ID), m.Type)
		}
		for _, part := range [][]string{m.Ratio.Numerator, m.Ratio.Denominator} {
			for _, id := range part {
				l.ratioPart(m, id, what)
			}
		}
	}
}

// ratioPart checks one metric a ratio sums.
func (l *loader) ratioPart(m *Metric, id, what string) {
	p := l.set.Metric(id)
	switch {
	case id == m.ID:
		l.addf(m.Line, "%s%s names the ratio itself", what, Quote(id))
	case p == nil:
		ids := make([]string, 0, len(l.set.Metrics))
		for _, x := range l.set.Metrics {
			ids = append(ids, x.ID)
		}
		hint := "declare it under metrics:"
		if near := closest(id, ids); near != "" {
			hint = fmt.Sprintf("did you mean %q?", near)
		}
		l.hintf(m.Line, hint, "%smetric %s is not declared", what, Quote(id))
	case p.Ratio != nil:
		l.hintf(m.Line, "name the ratio's counts instead", "%smetric %s is itself a ratio", what, Quote(id))
	case p.Type == Bool || p.Type == Level:
		l.addf(m.Line, "%smetric %s is a %s; a ratio sums numbers", what, Quote(id), p.Type)
	}
}
