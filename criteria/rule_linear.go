package criteria

import (
	"math/big"

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

func (linearKind) describe(d describing) string {
	return d.say("Điểm = %s × (%s − %s) ÷ (%s − %s), trong khoảng 0–%s", "Points = %s × (%s − %s) ÷ (%s − %s), between 0 and %s",
		d.num(d.n.Max), d.name, d.num(d.r.From), d.num(d.r.To), d.num(d.r.From), d.num(d.n.Max))
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
