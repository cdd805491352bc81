package criteria

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"parindex/internal/exact"
)

// metricLevels reads a level metric's labels (SPEC §8.2): required on a
// level metric, refused on any other; each label unique under the
// matching cells use, and none that reads as N/A.
func (l *loader) metricLevels(m *Metric, mm map[string]entry, it *yaml.Node, what string) {
	e, has := mm["levels"]
	switch {
	case !has && m.Type == Level:
		l.hintf(it.Line, "list the answers, e.g. levels: [đúng hạn, chậm, không ban hành]",
			"%sa level metric needs levels", what)
		return
	case !has:
		return
	case m.Type != Level && m.Type != 0:
		l.addf(e.key.Line, "%slevels apply only to a metric of type level, not %s", what, m.Type)
		return
	}
	items := l.list(e.val, what+"levels: ")
	if e.val.Kind == yaml.SequenceNode && len(items) == 0 {
		l.addf(e.val.Line, "%slevels: the list is empty", what)
	}
	seen := map[string]string{}
	for _, x := range items {
		label, ok := l.text(x, what+"levels: ")
		if !ok {
			continue
		}
		if IsNAText(label) {
			l.hintf(x.Line, "N/A is read as not applicable for every metric; leave it out of the levels",
				"%slevel %s reads as N/A", what, Quote(label))
			continue
		}
		if first, dup := seen[NameKey(label)]; dup {
			l.addf(x.Line, "%slevel %s is the same as %s", what, Quote(label), Quote(first))
			continue
		}
		seen[NameKey(label)] = label
		m.Levels = append(m.Levels, label)
	}
}

// LevelsRule: the points of the unit's label (SPEC §8.2).
const LevelsRule = PointsRule + 1

// levelsKind: the points given to the label of the unit's level.
type levelsKind struct{}

func (levelsKind) name() string            { return "levels" }
func (levelsKind) keys() []string          { return []string{"points"} }
func (levelsKind) reads(t MetricType) bool { return t == Level }
func (levelsKind) needs() string           { return "a level metric" }

func (levelsKind) describe(d describing) string {
	if d.met == nil || len(d.met.Levels) != len(d.r.Levels) {
		return d.name
	}
	parts := make([]string, len(d.met.Levels))
	for i, l := range d.met.Levels {
		parts[i] = l + ": " + d.pts(d.r.Levels[i])
	}
	return d.name + ": " + strings.Join(parts, "; ")
}

func (levelsKind) compile(c *Compiled) error {
	if len(c.Rule.Levels) != len(c.Met.Levels) {
		return fmt.Errorf("%d level points for the %d levels of metric %q", len(c.Rule.Levels), len(c.Met.Levels), c.Met.ID)
	}
	pts := make([]int64, len(c.Rule.Levels))
	for i, d := range c.Rule.Levels {
		p, ok := exact.Scaled(d, c.dec)
		if !ok {
			return fmt.Errorf("level points %s are out of range", d)
		}
		pts[i] = p
	}
	c.data = pts
	return nil
}

func (levelsKind) fast(c *Compiled, v Value) (int64, int, bool) {
	pts := c.data.([]int64)
	if i := v.Level(); i >= 0 && i < len(pts) {
		return pts[i], -1, true
	}
	return 0, -1, true // the scorer refuses such a value before scoring
}

func (levelsKind) exact(c *Compiled, v Value) (*big.Rat, int) {
	if i := v.Level(); i >= 0 && i < len(c.Rule.Levels) {
		return c.Rule.Levels[i].Rat(), -1
	}
	return new(big.Rat), -1
}

func (levelsKind) explain(e explaining, v Value, _ int) string {
	label := v.String()
	if i := v.Level(); i >= 0 && i < len(e.c.Met.Levels) {
		label = e.c.Met.Levels[i]
	}
	return e.say("mức “%s”", "level “%s”", label)
}

// load reads a levels rule's points: a mapping from each label of the
// metric to the points it earns, every label given once.
func (levelsKind) load(l *loader, r *Rule, a ruleArgs) bool {
	m, n, node, what, maxOK := a.m, a.n, a.node, a.what, a.maxOK
	e, has := m["points"]
	if !has {
		l.addf(n.Line, "%smissing required key \"points\"", what)
		return false
	}
	mt := l.set.Metric(r.Metric)
	if mt == nil || mt.Type != Level || len(mt.Levels) == 0 {
		return false // the metric's own problem is reported
	}
	if e.val.Kind != yaml.MappingNode {
		l.addf(e.val.Line, "%spoints: expected a mapping of level: points, not %s", what, describeNode(e.val))
		return false
	}
	r.Levels = make([]decimal.Decimal, len(mt.Levels))
	given := make([]bool, len(mt.Levels))
	good := true
	for i := 0; i+1 < len(e.val.Content); i += 2 {
		k, v := l.resolve(e.val.Content[i]), l.resolve(e.val.Content[i+1])
		if k == nil || v == nil {
			good = false
			continue
		}
		label, ok := l.text(k, what+"points: ")
		if !ok {
			good = false
			continue
		}
		at := mt.LevelIndex(label)
		switch {
		case at < 0:
			l.addf(k.Line, "%spoints: %s is not a level of metric %s (%s)", what, Quote(label), Quote(mt.ID), mt.levelList())
			good = false
			continue
		case given[at]:
			l.addf(k.Line, "%spoints: level %s is given twice", what, Quote(mt.Levels[at]))
			good = false
			continue
		}
		given[at] = true
		p, ok := l.number(v, fmt.Sprintf("%spoints: %s: ", what, label))
		if !ok {
			good = false
			continue
		}
		r.Levels[at] = p
		good = l.checkLevelPoints(p, v.Line, node, what, maxOK) && good
	}
	for i, g := range given {
		if !g {
			l.addf(e.val.Line, "%spoints: level %s is given no points", what, Quote(mt.Levels[i]))
			good = false
		}
	}
	return good
}

// checkLevelPoints reports points outside [0, max] or with too many places.
func (l *loader) checkLevelPoints(p decimal.Decimal, line int, node *Node, what string, maxOK bool) bool {
	switch {
	case p.Sign() < 0:
		l.addf(line, "%spoints %s are below 0", what, p)
		return false
	case maxOK && p.GreaterThan(node.Max):
		l.addf(line, "%spoints %s exceed max %s", what, p, node.Max)
		return false
	}
	return l.checkPlaces(p, line, what+"points")
}
