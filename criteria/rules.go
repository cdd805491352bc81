package criteria

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// ruleKeys are every key a rule may have: type, metric and each kind's own.
var ruleKeys = func() []string {
	keys := []string{"type", "metric"}
	for _, k := range kinds {
		if k == nil {
			continue
		}
		for _, key := range k.keys() {
			if !contains(keys, key) {
				keys = append(keys, key)
			}
		}
	}
	return keys
}()

// ruleType returns the rule type named s, or 0.
func ruleType(s string) RuleType {
	for t := range kinds {
		if RuleType(t).String() == s && kinds[t] != nil {
			return RuleType(t)
		}
	}
	return 0
}

// numeric reports whether a metric of type mt holds a number a rule can
// compare, scale or count.
func numeric(mt MetricType) bool { return mt != Bool && mt != Level }

// numericNeeds names the numeric metric types, for messages.
const numericNeeds = "a count, percent, number or points metric"

// rule reads a leaf's rule. maxOK says whether node.Max is known, to check
// band points against it.
func (l *loader) rule(n *yaml.Node, node *Node, what string, maxOK bool) *Rule {
	what += "rule: "
	m := l.mapping(n, what, ruleKeys...)
	if m == nil {
		return nil
	}
	r := &Rule{Expect: true, To: decimal.NewFromInt(100)}
	e, has := m["type"]
	if !has {
		l.addf(n.Line, "%smissing required key \"type\"", what)
		return nil
	}
	name, ok := l.text(e.val, what+"type: ")
	if !ok {
		return nil
	}
	if r.Type = ruleType(name); r.Type == 0 {
		var names []string
		for t, k := range kinds {
			if k != nil {
				names = append(names, RuleType(t).String())
			}
		}
		hint := "a rule type is one of " + strings.Join(names, ", ")
		if near := closest(name, names); near != "" {
			hint = fmt.Sprintf("did you mean %q?", near)
		}
		l.hintf(e.val.Line, hint, "%sunknown rule type %s", what, Quote(name))
		return nil
	}
	what = strings.TrimSuffix(what, "rule: ") + name + ": "
	k := kindOf(r.Type)
	for _, key := range ruleKeys[2:] {
		if x, has := m[key]; has && !contains(k.keys(), key) {
			l.addf(x.key.Line, "%skey %q does not apply to a %s rule", what, key, name)
		}
	}
	l.ruleMetric(r, m, n, what)
	if !k.load(l, r, ruleArgs{m: m, n: n, node: node, what: what, maxOK: maxOK}) {
		return nil
	}
	return r
}

// ruleMetric reads the metric a rule names and checks that the rule can
// read its type.
func (l *loader) ruleMetric(r *Rule, m map[string]entry, n *yaml.Node, what string) {
	e, has := m["metric"]
	if !has {
		l.addf(n.Line, "%smissing required key \"metric\"", what)
		return
	}
	id, ok := l.text(e.val, what+"metric: ")
	if !ok {
		return
	}
	r.Metric = id
	mt := l.set.Metric(id)
	if mt == nil {
		ids := make([]string, len(l.set.Metrics))
		for i, x := range l.set.Metrics {
			ids[i] = x.ID
		}
		hint := "declare it under metrics:"
		if near := closest(id, ids); near != "" {
			hint = fmt.Sprintf("did you mean %q?", near)
		}
		l.hintf(e.val.Line, hint, "%smetric %s is not declared", what, Quote(id))
		return
	}
	if k := kindOf(r.Type); mt.Type != 0 && !k.reads(mt.Type) {
		l.addf(e.val.Line, "%smetric %s is of type %s; a %s rule needs %s",
			what, Quote(id), mt.Type, r.Type, k.needs())
	}
}

// per reads a deduction or count rule's points per unit of the metric.
func (l *loader) per(r *Rule, a ruleArgs) bool {
	e, has := a.m["per"]
	if !has {
		l.addf(a.n.Line, "%smissing required key \"per\"", a.what)
		return false
	}
	d, ok := l.number(e.val, a.what+"per: ")
	if !ok {
		return false
	}
	r.Per = d
	if d.Sign() <= 0 {
		l.addf(e.val.Line, "%sper %s must be more than 0", a.what, d)
		return false
	}
	return l.checkPlaces(d, e.val.Line, a.what+"per")
}
