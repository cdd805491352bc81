package criteria

import (
	"math/big"

	"parindex/internal/exact"
)

// countKind: min(per × v, M).
type countKind struct{}

func (countKind) name() string                             { return "count" }
func (countKind) keys() []string                           { return []string{"per"} }
func (countKind) reads(t MetricType) bool                  { return numeric(t) }
func (countKind) needs() string                            { return numericNeeds }
func (countKind) load(l *loader, r *Rule, a ruleArgs) bool { return l.per(r, a) }
func (countKind) compile(c *Compiled) error                { return compilePer(c) }

func (countKind) describe(d describing) string {
	each := eachOf(d.name, d.lang)
	if d.n.Kind == Penalty {
		return d.say("Mỗi %s trừ %s, trừ tối đa %s", "%[2]s off for each %[1]s, at most %[3]s off", each, d.pts(d.r.Per), d.pts(d.n.Max))
	}
	return d.say("Mỗi %s: %s, tối đa %s", "%[2]s for each %[1]s, at most %[3]s", each, d.pts(d.r.Per), d.pts(d.n.Max))
}

func (countKind) fast(c *Compiled, v Value) (int64, int, bool) {
	x := v.Q()
	if !x.OK {
		return 0, -1, false
	}
	n, ok := exact.Mul(c.data.(int64), x.N)
	return exact.ClampDiv(n, x.D, c.max), -1, ok
}

func (countKind) exact(c *Compiled, v Value) (*big.Rat, int) {
	return new(big.Rat).Mul(c.Rule.Per.Rat(), v.Rat()), -1
}

func (countKind) explain(e explaining, v Value, _ int) string {
	if e.c.Node.Kind == Penalty {
		return e.say("%s, mỗi lần trừ %s, trừ tối đa %s", "%s, less %s each, at most %s off",
			e.labelled(v), e.points(e.c.Rule.Per), e.points(e.c.Node.Max))
	}
	return e.say("%s, mỗi lần %s, tối đa %s", "%s at %s each, at most %s",
		e.labelled(v), e.points(e.c.Rule.Per), e.points(e.c.Node.Max))
}
