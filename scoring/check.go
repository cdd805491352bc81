package scoring

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/internal/exact"
)

var hundred = decimal.NewFromInt(100)

// Check finds the problems Score would find in values that may be
// incomplete: values a reader could not read (it has reported them). A
// unit absent from in.Values and a missing value are passed over, and a
// ratio with a missing part is not worked out; everything else is checked
// as Score checks it — ratios above 100%, points out of range, negative
// values under relative, units with no applicable criterion — so that
// every problem of a workspace can be listed at once.
func Check(in Input) criteria.Problems {
	p, err := newPlan(in.Set)
	if err != nil {
		var ps criteria.Problems
		if errors.As(err, &ps) {
			return ps
		}
		file := ""
		if in.Set != nil {
			file = in.Set.File
		}
		return criteria.Problems{{File: file, Msg: err.Error()}}
	}
	nm := len(p.metrics)
	out := make([]criteria.Value, nm)
	var ps criteria.Problems
	p.learnColumns(in)
	for u, unit := range in.Units {
		if _, ok := in.Values[unit.ID]; !ok {
			continue
		}
		clear(out)
		ps.Append(p.readUnit(in, u, out, true)...)
	}
	return ps
}

// learnColumns finds, once for all units, where each metric is in the
// rows that share the first unit's columns, as every row of a table does:
// readUnit then reads a value by its place and not by a map lookup.
func (p *plan) learnColumns(in Input) {
	for _, u := range in.Units {
		c := in.Values[u.ID].Columns()
		if c == nil {
			continue
		}
		p.cols, p.colAt = c, make([]int, len(p.metrics))
		for mi, m := range p.metrics {
			p.colAt[mi] = c.Index(m.ID)
		}
		return
	}
}

// valueOf returns metric mi's value in vs: by its column when vs has the
// columns learnColumns learned.
func (p *plan) valueOf(vs criteria.Values, mi int) criteria.Value {
	if c := vs.Columns(); c != nil && c == p.cols {
		if i := p.colAt[mi]; i >= 0 {
			return vs.At(i)
		}
		return criteria.Value{}
	}
	return vs.Get(p.metrics[mi].ID)
}

// values copies unit u's values into out as readUnit does, for a unit
// readUnit has found sound: without checking them again.
func (p *plan) values(in Input, u int, out []criteria.Value) {
	vs := in.Values[in.Units[u].ID]
	for mi, m := range p.metrics {
		if p.read[mi] && m.Ratio == nil {
			out[mi] = p.valueOf(vs, mi)
		}
	}
	for mi, m := range p.metrics {
		if p.read[mi] && m.Ratio != nil {
			out[mi] = p.ratio(mi, out)
		}
	}
}

// readUnit copies the values unit u's rules read into out (derived ratios
// computed from their parts) and returns every problem with them. When
// lenient, missing values are passed over, as Check says.
func (p *plan) readUnit(in Input, u int, out []criteria.Value, lenient bool) criteria.Problems {
	unit := in.Units[u]
	vs, ok := in.Values[unit.ID]
	if !ok {
		return criteria.Problems{in.problem(unit, "", "no metric values given")}
	}
	var ps criteria.Problems
	missing := false
	for mi, m := range p.metrics {
		if !p.read[mi] || m.Ratio != nil {
			continue
		}
		v := p.valueOf(vs, mi)
		switch {
		case v.IsMissing() && lenient:
			missing = true
			continue
		case v.IsMissing():
			ps = append(ps, in.problem(unit, m.ID, "no value given"))
			continue
		case m.Type == criteria.Bool && v.IsNumber():
			ps = append(ps, in.problem(unit, m.ID, "%q is not a yes/no value", v.String()))
			continue
		case m.Type == criteria.Level && !v.IsLevel() && !v.IsNA():
			ps = append(ps, in.problem(unit, m.ID, "%q is not a level", v.String()))
			continue
		case m.Type == criteria.Level && v.Level() >= len(m.Levels):
			ps = append(ps, in.problem(unit, m.ID, "level %d is not one of its %d levels", v.Level()+1, len(m.Levels)))
			continue
		case m.Type != criteria.Level && v.IsLevel():
			ps = append(ps, in.problem(unit, m.ID, "a level is not a value of a %s metric", m.Type))
			continue
		case m.Type != criteria.Bool && v.IsBool():
			ps = append(ps, in.problem(unit, m.ID, "%q is not a number", v.String()))
			continue
		}
		out[mi] = v
	}
	if len(ps) > 0 && !lenient {
		return ps // ratios and ranges need sound parts
	}
	for mi, m := range p.metrics {
		if !p.read[mi] || m.Ratio == nil || lenient && !p.partsPresent(mi, out) {
			continue
		}
		out[mi] = p.ratio(mi, out)
		if m.Type != criteria.Percent || !out[mi].IsNumber() {
			continue
		}
		switch {
		case out[mi].Cmp(hundred) > 0:
			ps = append(ps, in.problem(unit, m.ID,
				"the ratio is %s%%, above 100%% (%s): the counts contradict each other",
				out[mi].Round(p.dec+2), p.partsText(mi, out)))
		case out[mi].Cmp(decimal.Zero) < 0:
			ps = append(ps, in.problem(unit, m.ID,
				"the ratio is %s%%, below 0%% (%s): a percentage cannot be negative",
				out[mi].Round(p.dec+2), p.partsText(mi, out)))
		}
	}
	ps = append(ps, p.checkRanges(in, unit, out)...)
	if len(ps) == 0 && !missing && !p.anyApplicable(out) {
		ps = append(ps, in.problem(unit, "", "no criterion of the ordinary fields applies: every value they read is N/A"))
	}
	return ps
}

// partsPresent reports whether every part of ratio mi has a value.
func (p *plan) partsPresent(mi int, vals []criteria.Value) bool {
	for _, parts := range p.parts[mi] {
		for _, j := range parts {
			if vals[j].IsMissing() {
				return false
			}
		}
	}
	return true
}

// ratio derives metric mi: sum(numerator) ÷ sum(denominator) × 100, an N/A
// part counting 0 and a zero denominator giving N/A.
func (p *plan) ratio(mi int, vals []criteria.Value) criteria.Value {
	// Counts, as nearly every ratio's parts are, in machine words: a
	// ratio a unit at 10,000 units.
	if num, ok := p.intSum(mi, 0, vals); ok {
		if den, ok := p.intSum(mi, 1, vals); ok {
			if den == 0 {
				return criteria.NA()
			}
			if n, ok := exact.Mul(num, 100); ok {
				return criteria.FracInt(n, den)
			}
		}
	}
	num, den := p.partSum(mi, 0, vals), p.partSum(mi, 1, vals)
	if den.IsZero() {
		return criteria.NA()
	}
	return criteria.Frac(num.Mul(hundred), den)
}

// intSum is partSum in machine words: ok is false unless every part that
// is a number is a whole one and the sum fits.
func (p *plan) intSum(mi, k int, vals []criteria.Value) (sum int64, ok bool) {
	for _, j := range p.parts[mi][k] {
		v := vals[j]
		if !v.IsNumber() {
			continue
		}
		n, ok := v.Int()
		if !ok {
			return 0, false
		}
		if sum, ok = exact.Add(sum, n); !ok {
			return 0, false
		}
	}
	return sum, true
}

func (p *plan) partSum(mi, k int, vals []criteria.Value) decimal.Decimal {
	var sum decimal.Decimal
	for i, j := range p.parts[mi][k] {
		v := vals[j]
		if !v.IsNumber() {
			continue
		}
		n, _ := v.Fraction()
		if i == 0 {
			sum = n // one part: share its decimal
			continue
		}
		sum = sum.Add(n)
	}
	return sum
}

// partsText writes a ratio's parts for a message: "late 9 ÷ total 8".
func (p *plan) partsText(mi int, vals []criteria.Value) string {
	s := ""
	for k, sep := range []string{"", " ÷ "} {
		s += sep
		for i, j := range p.parts[mi][k] {
			if i > 0 {
				s += " + "
			}
			s += fmt.Sprintf("%s %s", p.metrics[j].ID, vals[j])
		}
	}
	return s
}

// checkRanges finds the values a leaf's rule refuses: points outside a
// leaf's [0, max], negative values under a relative rule.
func (p *plan) checkRanges(in Input, unit *criteria.Unit, vals []criteria.Value) criteria.Problems {
	var ps criteria.Problems
	for _, l := range p.leaves {
		if msg := l.rule.Check(vals[l.metric]); msg != "" {
			ps = append(ps, in.problem(unit, l.met.ID, "%s", msg))
		}
	}
	return ps
}

// anyApplicable reports whether some leaf of an ordinary field applies: it
// has a value, or an na policy that scores N/A.
func (p *plan) anyApplicable(vals []criteria.Value) bool {
	for _, l := range p.leaves {
		if l.node.Kind == criteria.Ordinary && p.leafApplies(l, vals) {
			return true
		}
	}
	return false
}

// problem builds a problem about a unit's metric, placed where the value
// was read when the caller can say.
func (in Input) problem(unit *criteria.Unit, metricID, format string, args ...any) criteria.Problem {
	var pr criteria.Problem
	if in.Place != nil {
		pr = in.Place(unit.ID, metricID)
		if pr.File == "" && metricID != "" && in.Set != nil {
			// a derived ratio is not a column: point at its first part
			if m := in.Set.Metric(metricID); m != nil && m.Ratio != nil && len(m.Ratio.Numerator) > 0 {
				pr = in.Place(unit.ID, m.Ratio.Numerator[0])
			}
		}
	}
	msg := fmt.Sprintf(format, args...)
	if metricID != "" {
		msg = fmt.Sprintf("metric %q: %s", metricID, msg)
	}
	pr.Msg = fmt.Sprintf("unit %q: %s", unit.Name, msg)
	return pr
}
