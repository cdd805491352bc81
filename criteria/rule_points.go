package criteria

import (
	"math/big"

	"github.com/shopspring/decimal"

	"parindex/internal/exact"
)

// pointsKind: v itself, a score entered directly; a value outside [0, M]
// is an input error.
type pointsKind struct{}

func (pointsKind) name() string                       { return "points" }
func (pointsKind) keys() []string                     { return nil }
func (pointsKind) reads(t MetricType) bool            { return t == Points }
func (pointsKind) needs() string                      { return "a points metric" }
func (pointsKind) load(*loader, *Rule, ruleArgs) bool { return true }
func (pointsKind) compile(*Compiled) error            { return nil }

func (pointsKind) describe(d describing) string {
	return d.say("%s, chấm trực tiếp, tối đa %s", "%s, given directly, at most %s", d.name, d.pts(d.n.Max))
}

func (pointsKind) fast(c *Compiled, v Value) (int64, int, bool) {
	x := v.Q()
	if !x.OK {
		return 0, -1, false
	}
	n, ok := exact.Mul(x.N, exact.Pow10[c.dec])
	return exact.ClampDiv(n, x.D, c.max), -1, ok
}

func (pointsKind) exact(_ *Compiled, v Value) (*big.Rat, int) { return v.Rat(), -1 }

func (pointsKind) check(c *Compiled, v Value) string {
	if v.Cmp(decimal.Zero) < 0 || v.Cmp(c.Node.Max) > 0 {
		return v.String() + " points is outside 0 to " + c.Node.Max.String() + ", the range of criterion " + c.Node.Code
	}
	return ""
}

func (pointsKind) explain(e explaining, v Value, _ int) string {
	if v.Round(e.c.dec).Equal(v.Round(e.c.dec + 2)) {
		return e.say("chấm trực tiếp", "given directly") // the points that follow say it all
	}
	return e.say("chấm trực tiếp %s", "given directly as %s", e.value(v))
}
