package criteria

import (
	"math/big"

	"github.com/shopspring/decimal"

	"parindex/internal/exact"
)

// relativeKind: M × v / best, best the largest v among the units scored;
// 0 for every unit when best ≤ 0.
type relativeKind struct{}

func (relativeKind) name() string                       { return "relative" }
func (relativeKind) keys() []string                     { return nil }
func (relativeKind) reads(t MetricType) bool            { return numeric(t) }
func (relativeKind) needs() string                      { return numericNeeds }
func (relativeKind) load(*loader, *Rule, ruleArgs) bool { return true }
func (relativeKind) compile(*Compiled) error            { return nil }
func (relativeKind) lowerIsBetter(*Compiled) bool       { return false }

func (relativeKind) describe(d describing) string {
	return d.say("Điểm = %s × %s ÷ mức cao nhất trong các đơn vị", "Points = %s × %s ÷ the highest among the units",
		d.num(d.n.Max), d.name)
}

func (relativeKind) fast(c *Compiled, v Value) (int64, int, bool) {
	x := v.Q()
	if !x.OK {
		return 0, -1, false
	}
	if !c.hasBest || c.bestQ.N <= 0 {
		return 0, -1, true
	}
	n, ok1 := exact.Mul(c.max, x.N)
	n, ok2 := exact.Mul(n, c.bestQ.D)
	d, ok3 := exact.Mul(x.D, c.bestQ.N)
	if !ok1 || !ok2 || !ok3 {
		return 0, -1, false
	}
	return exact.ClampDiv(n, d, c.max), -1, true
}

func (relativeKind) exact(c *Compiled, v Value) (*big.Rat, int) {
	pts := new(big.Rat)
	if c.hasBest {
		if best := c.best.Rat(); best.Sign() > 0 {
			pts.Mul(c.Node.Max.Rat(), v.Rat()).Quo(pts, best)
		}
	}
	return pts, -1
}

func (relativeKind) check(c *Compiled, v Value) string {
	if v.Cmp(decimal.Zero) < 0 {
		return v.String() + " is negative, but criterion " + c.Node.Code + " scores it against the best unit"
	}
	return ""
}

func (relativeKind) explain(e explaining, v Value, _ int) string {
	if !e.c.hasBest || e.c.best.Cmp(decimal.Zero) <= 0 {
		return e.say("%s, mức cao nhất không lớn hơn 0", "%s, the highest is not above 0", e.labelled(v))
	}
	return e.say("%s so với mức cao nhất %s", "%s against the highest %s", e.labelled(v), e.words().best)
}
