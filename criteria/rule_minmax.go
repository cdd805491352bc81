package criteria

import (
	"math/big"

	"parindex/internal/exact"
)

// minmaxKind: M × (v − worst) / (best − worst) over the units scored; M
// for every unit when best = worst.
type minmaxKind struct{}

func (minmaxKind) name() string                   { return "minmax" }
func (minmaxKind) keys() []string                 { return []string{"better"} }
func (minmaxKind) reads(t MetricType) bool        { return numeric(t) }
func (minmaxKind) needs() string                  { return numericNeeds }
func (minmaxKind) compile(*Compiled) error        { return nil }
func (minmaxKind) lowerIsBetter(c *Compiled) bool { return c.Rule.Lower }

func (minmaxKind) load(l *loader, r *Rule, a ruleArgs) bool {
	e, has := a.m["better"]
	if !has {
		return true
	}
	s, ok := l.text(e.val, a.what+"better: ")
	if !ok {
		return false
	}
	switch s {
	case "higher":
	case "lower":
		r.Lower = true
	default:
		l.addf(e.val.Line, "%sbetter: %s is not higher or lower", a.what, Quote(s))
		return false
	}
	return true
}

func (minmaxKind) describe(d describing) string {
	if d.r.Lower {
		return d.say("Càng thấp càng tốt: Điểm = %s × (mức cao nhất − %s) ÷ (mức cao nhất − mức thấp nhất) trong các đơn vị",
			"Lower is better: Points = %s × (highest − %s) ÷ (highest − lowest) among the units", d.num(d.n.Max), d.name)
	}
	return d.say("Điểm = %s × (%s − mức thấp nhất) ÷ (mức cao nhất − mức thấp nhất) trong các đơn vị",
		"Points = %s × (%s − lowest) ÷ (highest − lowest) among the units", d.num(d.n.Max), d.name)
}

func (minmaxKind) fast(c *Compiled, v Value) (int64, int, bool) {
	x := v.Q()
	if !x.OK {
		return 0, -1, false
	}
	if !c.hasBest || exact.Cmp(c.bestQ, c.worstQ) == 0 {
		return c.max, -1, true
	}
	r, ok := exact.Linear(c.max, x, c.worstQ, c.bestQ)
	return r, -1, ok
}

func (minmaxKind) exact(c *Compiled, v Value) (*big.Rat, int) {
	M := c.Node.Max.Rat()
	if !c.hasBest {
		return M, -1
	}
	best, worst := c.best.Rat(), c.worst.Rat()
	if best.Cmp(worst) == 0 {
		return M, -1
	}
	return exact.LinearRat(M, v.Rat(), worst, best), -1
}

func (minmaxKind) explain(e explaining, v Value, _ int) string {
	if !e.c.hasBest || e.words().same {
		return e.say("mọi đơn vị cùng %s", "every unit has %s", e.value(v))
	}
	w := e.words()
	return e.say("%s so với mức tốt nhất %s và kém nhất %s", "%s against the best %s and the worst %s",
		e.labelled(v), w.best, w.worst)
}
