package analysis

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// Side is one side of a diff (SPEC §10): an assessment scored from its
// workspace folder, or a JSON result read back, which holds no names of
// criteria and no rules.
type Side struct {
	Name  string        // as given: the folder or the file
	Set   *criteria.Set // nil for a JSON result
	ID    string        // the criteria set's id
	Title string
	Year  int
	// Decimals is the set's places for points and indices.
	Decimals int32
	Nodes    []SideNode // every node of the tree, depth first
	Units    []SideUnit // in rank order
	// Members are the units as units.yaml has them (ids and names only
	// from a JSON result), for matching names.
	Members []*criteria.Unit
}

// SideNode is one node of a side's tree.
type SideNode struct {
	Code string
	Node *criteria.Node // nil for a JSON result
}

// SideUnit is one unit's standing on a side.
type SideUnit struct {
	ID, Name string
	Rank     int
	Index    decimal.Decimal
	// Fields holds the index of each ranked top-level field that applies
	// to the unit, by code.
	Fields map[string]decimal.Decimal
}

// SideOfResult makes a side of a scored workspace.
func SideOfResult(name string, res *scoring.Result) *Side {
	s := &Side{Name: name, Set: res.Set, ID: res.Set.ID, Title: res.Set.Title, Year: res.Set.Year, Decimals: res.Set.Decimals}
	for _, n := range res.Set.Nodes() {
		s.Nodes = append(s.Nodes, SideNode{Code: n.Code, Node: n})
	}
	for _, u := range res.Units {
		su := SideUnit{ID: u.Unit.ID, Name: u.Unit.Name, Rank: u.Rank, Index: u.Index, Fields: map[string]decimal.Decimal{}}
		for _, n := range u.Nodes {
			if n.Node.Depth == 0 && n.Node.Kind == criteria.Ordinary && n.Applicable {
				su.Fields[n.Node.Code] = n.Index()
			}
		}
		s.Units = append(s.Units, su)
		s.Members = append(s.Members, u.Unit)
	}
	return s
}

// Diff is what changed between two assessments.
type Diff struct {
	Old, New *Side
	// Nodes lists the changes of the criteria set, matched by node code,
	// in the order of the new tree, then the nodes removed in the order of
	// the old. Where a side is a JSON result only nodes added and removed
	// are compared.
	Nodes []NodeChange
	// RulesCompared is whether both sides had their criteria set.
	RulesCompared bool
	UnitsAdded    []SideUnit // in the new ranking's order
	UnitsRemoved  []SideUnit // in the old ranking's order
	Units         []UnitChange
}

// The kinds of change of a node.
const (
	NodeAdded   = "added"
	NodeRemoved = "removed"
	NodeRenamed = "renamed"
	MaxChanged  = "max"
	RuleChanged = "rule"
)

// NodeChange is one change of one node. Old and New are the names, maxima
// or rules in words on each side, as Kind says; empty where a side has no
// such thing.
type NodeChange struct {
	Code     string
	Kind     string
	Old, New string
}

// UnitChange is one unit present on both sides.
type UnitChange struct {
	Old, New SideUnit
	// Up is the old rank less the new: > 0 means the unit moved up.
	Up          int
	IndexChange decimal.Decimal
	// Fields are the (at most three) fields present on both sides whose
	// index moved most, largest move first.
	Fields []FieldChange
}

// FieldChange is a field's index on each side.
type FieldChange struct {
	Code     string
	Old, New decimal.Decimal
	Change   decimal.Decimal
}

// MatchUnit finds the unit of the new side that an old side's unit is,
// by id, name or alias as units are matched in inputs (SPEC §3).
type MatchUnit func(old SideUnit) (newID string, ok bool)

// Compare works out what changed from old to new. match pairs the units
// of the two sides.
func Compare(old, new *Side, match MatchUnit) *Diff {
	d := &Diff{Old: old, New: new, RulesCompared: old.Set != nil && new.Set != nil}
	// A result written without its nodes tells nothing of its tree.
	if len(old.Nodes) > 0 && len(new.Nodes) > 0 {
		d.compareNodes(lang0)
	}
	newAt := map[string]int{}
	for i, u := range new.Units {
		newAt[u.ID] = i
	}
	paired := map[string]bool{}
	for _, ou := range old.Units {
		id, ok := match(ou)
		i, found := newAt[id]
		if !ok || !found || paired[id] {
			d.UnitsRemoved = append(d.UnitsRemoved, ou)
			continue
		}
		paired[id] = true
		d.Units = append(d.Units, unitChange(ou, new.Units[i]))
	}
	for _, nu := range new.Units {
		if !paired[nu.ID] {
			d.UnitsAdded = append(d.UnitsAdded, nu)
		}
	}
	slices.SortStableFunc(d.Units, func(a, b UnitChange) int { return cmp.Compare(a.New.Rank, b.New.Rank) })
	return d
}

// lang0 is the language rules are compared in: the words are shown, the
// comparison is of the rule itself.
const lang0 = criteria.Vietnamese

func unitChange(o, n SideUnit) UnitChange {
	uc := UnitChange{Old: o, New: n, Up: o.Rank - n.Rank, IndexChange: n.Index.Sub(o.Index)}
	for code, ni := range n.Fields {
		if oi, ok := o.Fields[code]; ok {
			uc.Fields = append(uc.Fields, FieldChange{Code: code, Old: oi, New: ni, Change: ni.Sub(oi)})
		}
	}
	slices.SortFunc(uc.Fields, func(a, b FieldChange) int {
		if c := b.Change.Abs().Cmp(a.Change.Abs()); c != 0 {
			return c
		}
		return cmp.Compare(a.Code, b.Code)
	})
	uc.Fields = uc.Fields[:min(3, len(uc.Fields))]
	return uc
}

// compareNodes lists the nodes added, removed and changed, by code.
func (d *Diff) compareNodes(lang criteria.Lang) {
	oldAt := map[string]SideNode{}
	for _, n := range d.Old.Nodes {
		oldAt[n.Code] = n
	}
	newAt := map[string]bool{}
	for _, n := range d.New.Nodes {
		newAt[n.Code] = true
		o, ok := oldAt[n.Code]
		if !ok {
			d.Nodes = append(d.Nodes, NodeChange{Code: n.Code, Kind: NodeAdded, New: nodeName(n)})
			continue
		}
		if d.RulesCompared {
			d.Nodes = append(d.Nodes, changes(o.Node, n.Node, d.Old.Set, d.New.Set, lang)...)
		}
	}
	for _, o := range d.Old.Nodes {
		if !newAt[o.Code] {
			d.Nodes = append(d.Nodes, NodeChange{Code: o.Code, Kind: NodeRemoved, Old: nodeName(o)})
		}
	}
}

func nodeName(n SideNode) string {
	if n.Node == nil {
		return ""
	}
	return n.Node.Name
}

// changes lists how node o of the old set became n of the new.
func changes(o, n *criteria.Node, os, ns *criteria.Set, lang criteria.Lang) []NodeChange {
	var out []NodeChange
	if o.Name != n.Name {
		out = append(out, NodeChange{Code: n.Code, Kind: NodeRenamed, Old: o.Name, New: n.Name})
	}
	if om, nm := o.MaxPoints(), n.MaxPoints(); !om.Equal(nm) {
		out = append(out, NodeChange{Code: n.Code, Kind: MaxChanged, Old: om.String(), New: nm.String()})
	}
	if ruleKey(o, os) != ruleKey(n, ns) {
		out = append(out, NodeChange{Code: n.Code, Kind: RuleChanged, Old: o.Describe(os, lang), New: n.Describe(ns, lang)})
	}
	return out
}

// ruleKey writes what a node's rule computes, so that two rules compare
// equal exactly when they score alike: its kind, the metric it reads (a
// ratio by its parts), and every parameter. A parent's is its cap.
func ruleKey(n *criteria.Node, s *criteria.Set) string {
	r := n.Rule
	if r == nil {
		if n.Capped() {
			return "sum capped at " + n.Max.String()
		}
		return "sum"
	}
	metric := r.Metric
	if m := s.Metric(r.Metric); m != nil {
		metric = fmt.Sprintf("%s %s %v", m.ID, m.Type, m.Ratio)
	}
	key := fmt.Sprintf("%s|%s|%t|%s|%s|%t|%s", r.Type, metric, r.Expect, r.From, r.To, r.Lower, r.Per)
	for _, b := range r.Bands {
		key += fmt.Sprintf("|%v %v %v %v %s", b.GTE, b.GT, b.LTE, b.LT, b.Points)
	}
	return key
}
