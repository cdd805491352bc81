package criteria

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// nodeNA reads na:, which children inherit. It may not stand on or inside
// a bonus or penalty field: there an N/A leaf simply does not apply.
func (l *loader) nodeNA(node *Node, m map[string]entry, what string) {
	e, has := m["na"]
	if !has {
		return
	}
	s, ok := l.text(e.val, what+"na: ")
	if !ok {
		return
	}
	p := NAPolicy(-1)
	for i, name := range naPolicyNames {
		if name == s {
			p = NAPolicy(i)
		}
	}
	switch {
	case p < 0:
		l.hintf(e.val.Line, "na is exclude (not scored), full (earns its max) or zero (earns 0)",
			"%sunknown na policy %s", what, Quote(s))
	case node.Kind != Ordinary:
		l.hintf(e.key.Line, "in a bonus or penalty field an N/A criterion simply does not apply",
			"%sna is not allowed in a %s field", what, node.Kind)
	default:
		node.NA = p
	}
}

// nodeRequires reads requires:, a list of node codes (one may be written
// without brackets); they are checked once the whole tree is known.
func (l *loader) nodeRequires(node *Node, m map[string]entry, what string) {
	e, has := m["requires"]
	if !has {
		return
	}
	node.RequiresLine = e.key.Line
	var items []*yaml.Node
	if e.val.Kind == yaml.ScalarNode && !isNull(e.val) {
		items = []*yaml.Node{e.val}
	} else {
		items = l.list(e.val, what+"requires: ")
		if e.val.Kind == yaml.SequenceNode && len(items) == 0 {
			l.addf(e.val.Line, "%srequires: the list is empty", what)
		}
	}
	for _, it := range items {
		code, ok := l.text(it, what+"requires: ")
		if !ok {
			continue
		}
		if contains(node.Requires, code) {
			l.addf(it.Line, "%srequires %s twice", what, Quote(code))
			continue
		}
		node.Requires = append(node.Requires, code)
	}
}

// gates checks every requires: once the tree is known: each code names
// another node, neither an ancestor nor a descendant, not in a bonus or
// penalty field, and no gate waits on itself through others.
func (l *loader) gates() {
	if l.set == nil {
		return
	}
	nodes := l.set.Nodes()
	byCode, parent := indexNodes(nodes)
	good := true
	for _, n := range nodes {
		what := fmt.Sprintf("node %s: ", Quote(n.Code))
		for _, code := range n.Requires {
			r := byCode[code]
			switch {
			case r == nil:
				codes := make([]string, 0, len(byCode))
				for c := range byCode {
					codes = append(codes, c)
				}
				hint := ""
				if near := closest(code, codes); near != "" {
					hint = fmt.Sprintf("did you mean %q?", near)
				}
				l.hintf(n.RequiresLine, hint, "%srequires %s: no such node", what, Quote(code))
			case r == n:
				l.addf(n.RequiresLine, "%srequires itself", what)
			case isAncestor(r, n, parent):
				l.addf(n.RequiresLine, "%srequires %s, which contains it", what, Quote(code))
			case isAncestor(n, r, parent):
				l.addf(n.RequiresLine, "%srequires %s, which it contains", what, Quote(code))
			case r.Kind != Ordinary:
				l.addf(n.RequiresLine, "%srequires %s, a %s criterion; a gate names an ordinary criterion", what, Quote(code), r.Kind)
			default:
				continue
			}
			good = false
		}
	}
	if !good {
		return
	}
	if _, cycle := gateOrder(nodes, byCode, parent); cycle != nil {
		l.hintf(cycle.RequiresLine, "a criterion cannot wait, through others, on its own points",
			"node %s: its requires form a cycle", Quote(cycle.Code))
	}
}

// isAncestor reports whether a is an ancestor of n.
func isAncestor(a, n *Node, parent map[*Node]*Node) bool {
	for p := parent[n]; p != nil; p = parent[p] {
		if p == a {
			return true
		}
	}
	return false
}

// GateOrder returns the nodes that carry requires, ordered so that every
// gate comes after each gate its required nodes' points depend on: those
// on the required node, its ancestors and its descendants. A set that Load
// returned has no cycle; on one that has, GateOrder returns nil.
func (s *Set) GateOrder() []*Node {
	nodes := s.Nodes()
	byCode, parent := indexNodes(nodes)
	order, cycle := gateOrder(nodes, byCode, parent)
	if cycle != nil {
		return nil
	}
	return order
}

// gateOrder sorts the gated nodes depth first; cycle is a node on a cycle,
// or nil.
func gateOrder(nodes []*Node, byCode map[string]*Node, parent map[*Node]*Node) (order []*Node, cycle *Node) {
	const (
		unseen = iota
		open
		done
	)
	state := map[*Node]int{}
	var visit func(g *Node) bool
	visit = func(g *Node) bool {
		switch state[g] {
		case open:
			cycle = g
			return false
		case done:
			return true
		}
		state[g] = open
		for _, code := range g.Requires {
			r := byCode[code]
			if r == nil {
				continue
			}
			for _, d := range gateInputs(r, parent) {
				if len(d.Requires) > 0 && !visit(d) {
					return false
				}
			}
		}
		state[g] = done
		order = append(order, g)
		return true
	}
	for _, n := range nodes {
		if len(n.Requires) > 0 && !visit(n) {
			return nil, cycle
		}
	}
	return order, nil
}

// gateInputs returns the nodes whose gates decide r's points: r, its
// ancestors and its descendants.
func gateInputs(r *Node, parent map[*Node]*Node) []*Node {
	out := []*Node{r}
	for p := parent[r]; p != nil; p = parent[p] {
		out = append(out, p)
	}
	var walk func(*Node)
	walk = func(n *Node) {
		for _, c := range n.Children {
			out = append(out, c)
			walk(c)
		}
	}
	walk(r)
	return out
}

// indexNodes maps each code to its first node, and each node to its
// parent.
func indexNodes(nodes []*Node) (byCode map[string]*Node, parent map[*Node]*Node) {
	byCode = make(map[string]*Node, len(nodes))
	parent = make(map[*Node]*Node, len(nodes))
	for _, n := range nodes {
		if _, dup := byCode[n.Code]; !dup {
			byCode[n.Code] = n
		}
		for _, c := range n.Children {
			parent[c] = n
		}
	}
	return byCode, parent
}
