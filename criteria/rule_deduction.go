package criteria

import (
	"math/big"

	"github.com/shopspring/decimal"

	"parindex/internal/exact"
)

// deductionKind: max(M − per × v, 0).
type deductionKind struct{}

func (deductionKind) name() string                             { return "deduction" }
func (deductionKind) keys() []string                           { return []string{"per"} }
func (deductionKind) reads(t MetricType) bool                  { return numeric(t) }
func (deductionKind) needs() string                            { return numericNeeds }
func (deductionKind) load(l *loader, r *Rule, a ruleArgs) bool { return l.per(r, a) }
func (deductionKind) compile(c *Compiled) error                { return compilePer(c) }

func (deductionKind) describe(d describing) string {
	return d.say("Tối đa %s; mỗi %s trừ %s, thấp nhất 0 điểm", "At most %s; %[3]s off for each %[2]s, at least 0 points",
		d.pts(d.n.Max), eachOf(d.name, d.lang), d.pts(d.r.Per))
}

func (deductionKind) fast(c *Compiled, v Value) (int64, int, bool) {
	x := v.Q()
	if !x.OK {
		return 0, -1, false
	}
	a, ok1 := exact.Mul(c.max, x.D)
	b, ok2 := exact.Mul(c.data.(int64), x.N)
	n, ok3 := exact.Sub(a, b)
	if !ok1 || !ok2 || !ok3 {
		return 0, -1, false
	}
	return exact.ClampDiv(n, x.D, c.max), -1, true
}

func (deductionKind) exact(c *Compiled, v Value) (*big.Rat, int) {
	pts := new(big.Rat).Mul(c.Rule.Per.Rat(), v.Rat())
	return pts.Sub(c.Node.Max.Rat(), pts), -1
}

func (deductionKind) explain(e explaining, v Value, _ int) string {
	return e.say("%s, mỗi lần trừ %s", "%s, less %s each", e.labelled(v), e.points(e.c.Rule.Per))
}

// compilePer scales per, for deduction and count.
func compilePer(c *Compiled) error {
	per, ok := exact.Scaled(c.Rule.Per, c.dec)
	c.data = per
	c.slow = !ok || !decimal.New(per, -c.dec).Equal(c.Rule.Per)
	return nil
}
