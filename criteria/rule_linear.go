package criteria

import (
	"math/big"

	"github.com/shopspring/decimal"

	"parindex/internal/exact"
)

// linearKind: M × clamp((v − from) / (to − from), 0, 1).
type linearKind struct{}

func (linearKind) name() string            { return "linear" }
func (linearKind) keys() []string          { return []string{"from", "to"} }
func (linearKind) reads(t MetricType) bool { return numeric(t) }
func (linearKind) needs() string           { return numericNeeds }

func (linearKind) load(l *loader, r *Rule, a ruleArgs) bool {
	good := true
	if e, has := a.m["from"]; has {
		r.From, good = l.number(e.val, a.what+"from: ")
	}
	if e, has := a.m["to"]; has {
		var ok bool
		r.To, ok = l.number(e.val, a.what+"to: ")
		good = good && ok
	}
	if good && r.From.Equal(r.To) {
		line := 0
		for _, k := range []string{"to", "from"} {
			if e, has := a.m[k]; has {
				line = e.val.Line
				break
			}
		}
		l.addf(line, "%sfrom and to are both %s; they must differ", a.what, r.From)
		return false
	}
	return good
}

// describe writes the formula as a scoring guide does, in the metric's
// unit and without terms that change nothing: "Điểm = 1 × Tỷ lệ … ÷ 30%,
// tối đa 1 điểm"; "Điểm = 1 × (Tỷ lệ … − 70%) ÷ 30%"; lower is better
// when from > to: "Điểm = 1 × (20 − Số …) ÷ 15".
func (linearKind) describe(d describing) string {
	from, to, max := d.r.From, d.r.To, d.n.Max
	u := func(x decimal.Decimal) string { return d.num(x) + d.unit }
	var f string
	switch {
	case from.IsZero() && to.Equal(hundred) && d.unit == "%":
		f = d.num(max) + " × " + d.name // a rate of 100% earns the max
	case from.IsZero():
		f = d.num(max) + " × " + d.name + " ÷ " + u(to)
	case from.LessThan(to):
		f = d.num(max) + " × (" + d.name + " − " + u(from) + ") ÷ " + u(to.Sub(from))
	default:
		f = d.num(max) + " × (" + u(from) + " − " + d.name + ") ÷ " + u(from.Sub(to))
	}
	return d.say("Điểm = %s, thấp nhất 0, tối đa %s", "Points = %s, at least 0, at most %s", f, d.pts(max))
}

// linearData is a linear rule's ends in machine words.
type linearData struct{ from, to exact.Q }

func (linearKind) compile(c *Compiled) error {
	ld := linearData{exact.Dec(c.Rule.From), exact.Dec(c.Rule.To)}
	c.data = ld
	c.slow = !ld.from.OK || !ld.to.OK
	return nil
}

func (linearKind) fast(c *Compiled, v Value) (int64, int, bool) {
	x := v.Q()
	if !x.OK {
		return 0, -1, false
	}
	ld := c.data.(linearData)
	r, ok := exact.Linear(c.max, x, ld.from, ld.to)
	return r, -1, ok
}

func (linearKind) exact(c *Compiled, v Value) (*big.Rat, int) {
	return exact.LinearRat(c.Node.Max.Rat(), v.Rat(), c.Rule.From.Rat(), c.Rule.To.Rat()), -1
}

func (linearKind) explain(e explaining, v Value, _ int) string {
	return e.say("%s trên thang từ %s (0 điểm) đến %s (điểm tối đa)", "%s on a scale from %s (0 points) to %s (full points)",
		e.labelled(v), e.num(e.c.Rule.From), e.num(e.c.Rule.To))
}
