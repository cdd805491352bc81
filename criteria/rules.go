package criteria

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

var (
	ruleKeys = []string{"type", "metric", "expect", "bands", "from", "to", "better", "per", "points"}
	bandKeys = []string{"gte", "gt", "lte", "lt", "points"}

	// ruleOwnKeys are the keys beyond type and metric each rule type takes.
	ruleOwnKeys = map[RuleType][]string{
		BooleanRule:   {"expect"},
		BandsRule:     {"bands"},
		LinearRule:    {"from", "to"},
		MinMaxRule:    {"better"},
		DeductionRule: {"per"},
		CountRule:     {"per"},
		LevelsRule:    {"points"},
	}
)

// ruleType returns the rule type named s, or 0.
func ruleType(s string) RuleType {
	for t := BooleanRule; t <= LevelsRule; t++ {
		if t.String() == s {
			return t
		}
	}
	return 0
}

// reads reports whether a rule of type t can read a metric of type mt.
func (t RuleType) reads(mt MetricType) bool {
	switch t {
	case BooleanRule:
		return mt == Bool
	case PointsRule:
		return mt == Points
	case LevelsRule:
		return mt == Level
	}
	return mt != Bool && mt != Level
}

// needs names the metric types a rule type reads, for messages.
func (t RuleType) needs() string {
	switch t {
	case BooleanRule:
		return "a bool metric"
	case PointsRule:
		return "a points metric"
	case LevelsRule:
		return "a level metric"
	}
	return "a count, percent, number or points metric"
}

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
		names := ruleTypeNames[1:]
		hint := "a rule type is one of " + strings.Join(names, ", ")
		if near := closest(name, names); near != "" {
			hint = fmt.Sprintf("did you mean %q?", near)
		}
		l.hintf(e.val.Line, hint, "%sunknown rule type %q", what, name)
		return nil
	}
	what = strings.TrimSuffix(what, "rule: ") + name + ": "
	for _, k := range ruleKeys[2:] {
		if x, has := m[k]; has && !contains(ruleOwnKeys[r.Type], k) {
			l.addf(x.key.Line, "%skey %q does not apply to a %s rule", what, k, name)
		}
	}
	l.ruleMetric(r, m, n, what)
	good := true
	switch r.Type {
	case BooleanRule:
		if x, has := m["expect"]; has {
			r.Expect, good = l.boolean(x.val, what+"expect: ")
		}
	case BandsRule:
		good = l.bands(r, m, n, node, what, maxOK)
	case LinearRule:
		good = l.linear(r, m, what)
	case MinMaxRule:
		good = l.better(r, m, what)
	case DeductionRule, CountRule:
		good = l.per(r, m, n, what)
	case LevelsRule:
		good = l.levels(r, m, n, node, what, maxOK)
	}
	if !good {
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
		l.hintf(e.val.Line, hint, "%smetric %q is not declared", what, id)
		return
	}
	if mt.Type != 0 && !r.Type.reads(mt.Type) {
		l.addf(e.val.Line, "%smetric %q is of type %s; a %s rule needs %s",
			what, id, mt.Type, r.Type, r.Type.needs())
	}
}

// bands reads a bands rule's bands.
func (l *loader) bands(r *Rule, m map[string]entry, n *yaml.Node, node *Node, what string, maxOK bool) bool {
	e, has := m["bands"]
	if !has {
		l.addf(n.Line, "%smissing required key \"bands\"", what)
		return false
	}
	items := l.list(e.val, what+"bands: ")
	if len(items) == 0 {
		if e.val.Kind == yaml.SequenceNode {
			l.addf(e.val.Line, "%sbands: the list is empty", what)
		}
		return false
	}
	good := true
	for i, it := range items {
		b, ok := l.band(it, node, fmt.Sprintf("%sband %d: ", what, i+1), strings.TrimSuffix(what, " "), maxOK)
		good = good && ok
		r.Bands = append(r.Bands, b)
	}
	return good
}

// band reads one band: its bounds and its points.
func (l *loader) band(n *yaml.Node, node *Node, what, bandsWhat string, maxOK bool) (Band, bool) {
	var b Band
	m := l.mapping(n, what, bandKeys...)
	if m == nil {
		return b, false
	}
	good := true
	bounds := map[string]*decimal.NullDecimal{"gte": &b.GTE, "gt": &b.GT, "lte": &b.LTE, "lt": &b.LT}
	for _, k := range bandKeys[:4] {
		if e, has := m[k]; has {
			d, ok := l.number(e.val, what+k+": ")
			*bounds[k] = decimal.NullDecimal{Decimal: d, Valid: ok}
			good = good && ok
		}
	}
	e, has := m["points"]
	if !has {
		l.addf(n.Line, "%smissing required key \"points\"", what)
		return b, false
	}
	p, ok := l.number(e.val, what+"points: ")
	if !ok {
		return b, false
	}
	b.Points = p
	switch {
	case p.Sign() < 0:
		l.addf(e.val.Line, "%s points %s are below 0", bandsWhat, p)
		good = false
	case maxOK && p.GreaterThan(node.Max):
		l.addf(e.val.Line, "%s points %s exceed max %s", bandsWhat, p, node.Max)
		good = false
	default:
		good = l.checkPlaces(p, e.val.Line, bandsWhat+" points") && good
	}
	if good {
		good = l.checkBounds(b, m, n, what)
	}
	return b, good
}

// checkBounds reports a band with two lower or two upper bounds, or bounds
// no value can satisfy.
func (l *loader) checkBounds(b Band, m map[string]entry, n *yaml.Node, what string) bool {
	if b.GTE.Valid && b.GT.Valid {
		l.addf(m["gt"].key.Line, "%sgive one lower bound, gte or gt, not both", what)
		return false
	}
	if b.LTE.Valid && b.LT.Valid {
		l.addf(m["lt"].key.Line, "%sgive one upper bound, lte or lt, not both", what)
		return false
	}
	lo, loKey, strictLo := b.GTE, "gte", false
	if b.GT.Valid {
		lo, loKey, strictLo = b.GT, "gt", true
	}
	hi, hiKey, strictHi := b.LTE, "lte", false
	if b.LT.Valid {
		hi, hiKey, strictHi = b.LT, "lt", true
	}
	if !lo.Valid || !hi.Valid {
		return true
	}
	c := lo.Decimal.Cmp(hi.Decimal)
	if c > 0 || c == 0 && (strictLo || strictHi) {
		l.addf(n.Line, "%sno value is %s %s and %s %s", what, loKey, lo.Decimal, hiKey, hi.Decimal)
		return false
	}
	return true
}

// linear reads a linear rule's from and to.
func (l *loader) linear(r *Rule, m map[string]entry, what string) bool {
	good := true
	if e, has := m["from"]; has {
		r.From, good = l.number(e.val, what+"from: ")
	}
	if e, has := m["to"]; has {
		var ok bool
		r.To, ok = l.number(e.val, what+"to: ")
		good = good && ok
	}
	if good && r.From.Equal(r.To) {
		line := 0
		for _, k := range []string{"to", "from"} {
			if e, has := m[k]; has {
				line = e.val.Line
				break
			}
		}
		l.addf(line, "%sfrom and to are both %s; they must differ", what, r.From)
		return false
	}
	return good
}

// better reads a minmax rule's direction.
func (l *loader) better(r *Rule, m map[string]entry, what string) bool {
	e, has := m["better"]
	if !has {
		return true
	}
	s, ok := l.text(e.val, what+"better: ")
	if !ok {
		return false
	}
	switch s {
	case "higher":
	case "lower":
		r.Lower = true
	default:
		l.addf(e.val.Line, "%sbetter: %q is not higher or lower", what, s)
		return false
	}
	return true
}

// per reads a deduction or count rule's points per unit of the metric.
func (l *loader) per(r *Rule, m map[string]entry, n *yaml.Node, what string) bool {
	e, has := m["per"]
	if !has {
		l.addf(n.Line, "%smissing required key \"per\"", what)
		return false
	}
	d, ok := l.number(e.val, what+"per: ")
	if !ok {
		return false
	}
	r.Per = d
	if d.Sign() <= 0 {
		l.addf(e.val.Line, "%sper %s must be more than 0", what, d)
		return false
	}
	return l.checkPlaces(d, e.val.Line, what+"per")
}
