package criteria

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// booleanKind: M if v == expect, else 0.
type booleanKind struct{}

func (booleanKind) name() string            { return "boolean" }
func (booleanKind) keys() []string          { return []string{"expect"} }
func (booleanKind) reads(t MetricType) bool { return t == Bool }
func (booleanKind) needs() string           { return "a bool metric" }

func (booleanKind) load(l *loader, r *Rule, a ruleArgs) bool {
	if x, has := a.m["expect"]; has {
		var ok bool
		r.Expect, ok = l.boolean(x.val, a.what+"expect: ")
		return ok
	}
	return true
}

func (booleanKind) describe(d describing) string {
	full, zero := d.pts(d.n.Max), d.pts(decimal.Zero)
	if d.n.Kind == Penalty {
		full = d.say("trừ %s", "less %s", full)
	}
	if d.r.Expect {
		return d.say("%s: có %s, không %s", "%s: yes %s, no %s", d.name, full, zero)
	}
	return d.say("%s: không %s, có %s", "%s: no %s, yes %s", d.name, full, zero)
}

func (booleanKind) compile(*Compiled) error { return nil }

func (booleanKind) fast(c *Compiled, v Value) (int64, int, bool) {
	if v.Bool() == c.Rule.Expect {
		return c.max, -1, true
	}
	return 0, -1, true
}

func (booleanKind) exact(c *Compiled, v Value) (*big.Rat, int) {
	if v.Bool() == c.Rule.Expect {
		return c.Node.Max.Rat(), -1
	}
	return new(big.Rat), -1
}

func (booleanKind) explain(e explaining, v Value, _ int) string {
	// "Bộ phận một cửa … đạt chuẩn — không", never "không Bộ phận …":
	// a name is not a verb to negate.
	if v.Bool() {
		return e.say("%s — có", "%s — yes", e.c.Met.Name)
	}
	return e.say("%s — không", "%s — no", e.c.Met.Name)
}
