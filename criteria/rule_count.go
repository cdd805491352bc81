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
	return d.say("%s cho mỗi %s, tối đa %s", "%s for each %s, at most %s", d.pts(d.r.Per), d.name, d.pts(d.n.Max))
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
	return e.say("%s, mỗi lần %s, tối đa %s", "%s at %s each, at most %s",
		e.labelled(v), e.points(e.c.Rule.Per), e.points(e.c.Node.Max))
}
