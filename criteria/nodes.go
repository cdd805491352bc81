package criteria

import (
	"fmt"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

var nodeKeys = []string{"code", "name", "source", "kind", "na", "requires", "max", "rule", "children"}

// maxDepth bounds the nesting of the tree; real sets have three or four
// levels.
const maxDepth = 20

// MaxPoints returns the most points n gives when every leaf under it
// applies: a leaf's max; for a parent the sum of its children's, or its
// declared max when that is smaller.
func (n *Node) MaxPoints() decimal.Decimal {
	if n.IsLeaf() || len(n.Children) == 0 {
		return n.Max
	}
	sum := n.childrenMax()
	if n.HasMax && n.Max.LessThan(sum) {
		return n.Max
	}
	return sum
}

// Capped reports whether n is a parent whose declared max is below the sum
// of its children's: its points are then held to that max.
func (n *Node) Capped() bool {
	return !n.IsLeaf() && len(n.Children) > 0 && n.HasMax && n.Max.LessThan(n.childrenMax())
}

func (n *Node) childrenMax() decimal.Decimal {
	sum := decimal.Zero
	for _, c := range n.Children {
		sum = sum.Add(c.MaxPoints())
	}
	return sum
}

// fields reads the top-level fields.
func (l *loader) fields(n *yaml.Node) {
	items := l.list(n, "fields: ")
	if n.Kind == yaml.SequenceNode && len(items) == 0 {
		l.addf(n.Line, "fields: the list is empty")
		return
	}
	complete := true
	for _, it := range items {
		c, ok := l.node(it, nil, 0)
		complete = complete && ok
		if c != nil {
			l.set.Fields = append(l.set.Fields, c)
		}
	}
	if !complete {
		return
	}
	for _, f := range l.set.Fields {
		if f.Kind == Ordinary {
			return
		}
	}
	if len(items) > 0 {
		l.addf(n.Line, "fields: every field is a bonus or penalty; a set needs at least one ordinary field")
	}
}

// node reads one node and its children. ok is false when its max could not
// be worked out, so that the parent's sum is not checked against a guess.
func (l *loader) node(n *yaml.Node, parent *Node, depth int) (*Node, bool) {
	if l.path[n] {
		l.addf(n.Line, "an alias makes the tree contain itself")
		return nil, false
	}
	l.path[n] = true
	defer delete(l.path, n)
	if depth >= maxDepth {
		l.addf(n.Line, "the tree is nested more than %d levels deep", maxDepth)
		return nil, false
	}
	what := "node: "
	if code := peek(n, "code"); code != "" {
		what = fmt.Sprintf("node %s: ", Quote(code))
	}
	m := l.mapping(n, what, nodeKeys...)
	if m == nil {
		return nil, false
	}
	node := &Node{Depth: depth, Line: n.Line}
	if parent != nil {
		node.Source, node.Kind, node.NA = parent.Source, parent.Kind, parent.NA
	}
	if e, has := m["code"]; has {
		if code, ok := l.text(e.val, what+"code: "); ok {
			node.Code = code
			if line, dup := l.codes[code]; dup {
				l.addf(e.val.Line, "%sduplicate code (first at line %d)", what, line)
			} else {
				l.codes[code] = e.val.Line
			}
		}
	} else {
		l.addf(n.Line, "%smissing required key \"code\"", what)
	}
	if e, has := m["name"]; has {
		node.Name, _ = l.text(e.val, what+"name: ")
	} else {
		l.addf(n.Line, "%smissing required key \"name\"", what)
	}
	l.nodeSource(node, m, what)
	l.nodeKind(node, m, what, depth)
	l.nodeNA(node, m, what)
	l.nodeRequires(node, m, what)
	maxOK := true
	if e, has := m["max"]; has {
		node.Max, maxOK = l.number(e.val, what+"max: ")
		node.HasMax = maxOK
		if maxOK {
			maxOK = l.checkMax(node.Max, e.val.Line, what)
		}
	}
	rule, hasRule := m["rule"]
	kids, hasKids := m["children"]
	switch {
	case hasRule && hasKids:
		l.hintf(kids.key.Line, "a leaf has max and rule; a parent has children",
			"%shas both rule and children", what)
		return node, false
	case hasRule:
		if !node.HasMax {
			if _, has := m["max"]; !has {
				l.addf(n.Line, "%sa leaf needs max", what)
			}
			maxOK = false
		}
		node.Rule = l.rule(rule.val, node, what, maxOK)
		return node, maxOK
	case hasKids:
		return node, l.children(node, kids.val, what, maxOK) && maxOK
	}
	l.hintf(n.Line, "a leaf has max and rule; a parent has children",
		"%shas neither rule nor children", what)
	return node, false
}

// checkMax reports a max that is not above 0 or has too many places.
func (l *loader) checkMax(d decimal.Decimal, line int, what string) bool {
	if d.Sign() <= 0 {
		l.addf(line, "%smax %s must be more than 0", what, d)
		return false
	}
	return l.checkPlaces(d, line, what+"max")
}

// checkPlaces reports a number with more places than the set's decimals.
func (l *loader) checkPlaces(d decimal.Decimal, line int, what string) bool {
	places := l.set.Decimals
	if !d.Equal(d.Round(places)) {
		l.hintf(line, fmt.Sprintf("the set has decimals: %d; raise it or round the number", places),
			"%s %s has more than %d decimal places", what, d, places)
		return false
	}
	return true
}

// nodeSource reads source:, which children inherit.
func (l *loader) nodeSource(node *Node, m map[string]entry, what string) {
	e, has := m["source"]
	if !has {
		return
	}
	s, ok := l.text(e.val, what+"source: ")
	if !ok {
		return
	}
	switch s {
	case "appraisal":
		node.Source = Appraisal
	case "survey":
		node.Source = Survey
	default:
		l.hintf(e.val.Line, "source is appraisal or survey", "%sunknown source %s", what, Quote(s))
	}
}

// nodeKind reads kind:, allowed on top-level fields only.
func (l *loader) nodeKind(node *Node, m map[string]entry, what string, depth int) {
	e, has := m["kind"]
	if !has {
		return
	}
	s, ok := l.text(e.val, what+"kind: ")
	if !ok {
		return
	}
	if depth > 0 {
		l.hintf(e.key.Line, "only a top-level field may be a bonus or penalty; its children follow it",
			"%skind %s is allowed only on a top-level field", what, Quote(s))
		return
	}
	switch s {
	case "bonus":
		node.Kind = Bonus
	case "penalty":
		node.Kind = Penalty
	default:
		l.hintf(e.val.Line, "kind is bonus or penalty; leave it out for an ordinary field",
			"%sunknown kind %s", what, Quote(s))
	}
}

// children reads a parent's children and checks its declared max against
// their sum. It reports whether every child's max was worked out.
func (l *loader) children(node *Node, n *yaml.Node, what string, maxOK bool) bool {
	items := l.list(n, what+"children: ")
	if len(items) == 0 {
		if n.Kind == yaml.SequenceNode {
			l.addf(n.Line, "%schildren: the list is empty", what)
		}
		return false
	}
	complete := true
	for _, it := range items {
		c, ok := l.node(it, node, node.Depth+1)
		complete = complete && ok
		if c != nil {
			node.Children = append(node.Children, c)
		}
	}
	if !complete || !node.HasMax || !maxOK {
		return complete
	}
	sum := node.childrenMax()
	if node.Max.GreaterThan(sum) {
		l.hintf(node.Line, "a parent's max is the sum of its children's, or less to cap them",
			"%smax %s exceeds the sum %s of its children's max", what, node.Max, sum)
		return false
	}
	if node.Max.LessThan(sum) {
		l.checkCapSources(node, what)
	}
	return true
}

// checkCapSources reports a capped parent whose leaves mix appraisal and
// survey points: the cap could not say which source loses the excess.
func (l *loader) checkCapSources(node *Node, what string) {
	var first *Node
	var walk func(*Node) bool
	walk = func(n *Node) bool {
		if len(n.Children) == 0 {
			if first == nil {
				first = n
			} else if n.Source != first.Source {
				l.hintf(node.Line, "give the capped criteria one source, or move the others out from under the cap",
					"%smax %s caps its children, which must then all have the same source: %s is %s, %s is %s",
					what, node.Max, Quote(first.Code), first.Source, Quote(n.Code), n.Source)
				return false
			}
			return true
		}
		for _, c := range n.Children {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	for _, c := range node.Children {
		if !walk(c) {
			return
		}
	}
}
