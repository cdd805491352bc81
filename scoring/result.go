package scoring

import (
	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/internal/exact"
)

// Result is a scored assessment: every unit's points and ranks.
type Result struct {
	Set      *criteria.Set
	Units    []*UnitResult // in rank order; ties in units.yaml order
	Grouped  bool          // whether units have groups (then GroupRank is set)
	Warnings []string      // things worth a look that do not stop scoring
	// Decisions holds the council's decisions in file order with the
	// standing before and after each; nil when there are none.
	Decisions []DecisionStep

	byID map[string]*UnitResult
	// ranges holds, by leaf, the highest and lowest value its rule was
	// scored against (relative, minmax), for Rescore.
	ranges [][2]criteria.Value
}

// UnitResult is one unit's scores.
type UnitResult struct {
	Unit      *criteria.Unit
	Points    decimal.Decimal // total after bonus, penalty and clamping
	Max       decimal.Decimal // sum of the applicable ordinary fields' max
	Index     decimal.Decimal // Points ÷ Max × 100, rounded
	Rank      int
	GroupRank int                // rank within the unit's group; 0 when ungrouped
	Tier      string             // empty when the set has no tiers
	Appraisal decimal.Decimal    // points of ordinary fields from appraisal, before clamping
	Survey    decimal.Decimal    // points of ordinary fields from the survey, before clamping
	Bonus     decimal.Decimal    // sum of bonus fields
	Penalty   decimal.Decimal    // sum of penalty fields, as a positive amount
	Nodes     []*NodeResult      // parallel to Set.Nodes(): depth first, file order
	Self      *SelfResult        // nil unless self-assessed values were scored
	Previous  *criteria.Previous // nil unless last year's result was given
	// BeforeDecisions is the unit's standing scored without the council's
	// decisions; nil when there are none.
	BeforeDecisions *Standing
	// WhatIf is the unit's standing before a what-if's changes; nil
	// outside a what-if (SPEC §10).
	WhatIf *Standing

	// fields holds, when the unit was scored for its standing only
	// (Input.Standings), the results of the set's top-level nodes in
	// order, and Nodes is nil.
	fields []NodeResult
}

// field returns the result of the k-th top-level node, p.top[k].
func (p *plan) field(u *UnitResult, k int) *NodeResult {
	if u.Nodes == nil {
		return &u.fields[k]
	}
	return u.Nodes[p.top[k]]
}

// NodeResult is one node's score for one unit. A result holds one for
// every node of every unit — a million at 10,000 units × 100 criteria —
// so its points are kept as counts of 10^-decimals, 80 bytes in all, and
// made decimals when asked for.
type NodeResult struct {
	Node  *criteria.Node
	Value criteria.Value // leaves: the value the rule read

	pts, max   int64 // counts of 10^-dec; zero when not applicable
	Rank       int32 // on ranked top-level fields only; 0 otherwise
	band       int16 // the band that held in a bands rule, or -1
	Applicable bool
	flags      nodeFlags

	// gate is the required node that closed this node's gate or an
	// ancestor's (SPEC §8.3); nil when open. A pointer, not the code, as a
	// million nodes carry it.
	gate *criteria.Node

	// Decision is set on a leaf a council decision touched (SPEC §9).
	Decision *LeafDecision

	leaf *leafPlan // the rule as scored, for Explain; nil for a parent
}

// nodeFlags packs what a node result records besides its points, in a
// byte: the set's decimals (0 to 9) and two marks.
type nodeFlags uint8

const (
	ownGate  nodeFlags = 1 << iota // the gate closed this node's own requires, not an ancestor's
	decided                        // the points are a decision's, not the rule's
	decShift = 4                   // the decimals are the high four bits
)

func (f nodeFlags) dec() int8 { return int8(f >> decShift) }

// Points returns the node's points; zero when it does not apply.
func (n *NodeResult) Points() decimal.Decimal { return fixed(n.pts, n.flags.dec()) }

// Max returns the most points the node could earn; zero when it does not
// apply.
func (n *NodeResult) Max() decimal.Decimal { return fixed(n.max, n.flags.dec()) }

// Index returns Points ÷ Max × 100, rounded half away from zero to the
// set's decimals; zero when the node does not apply.
func (n *NodeResult) Index() decimal.Decimal { return fixed(n.index(), n.flags.dec()) }

// index is Index as a count of 10^-dec.
func (n *NodeResult) index() int64 { return indexOf(n.pts, n.max, exact.Pow10[n.flags.dec()]) }

// GatedBy returns the code of the required node that closed this node's
// own gate (SPEC §8.3: the first, in the listed order, that applies and
// earned 0), or "" when its gate is open or it has none. A node under a
// closed parent earns 0 too but does not repeat the code.
func (n *NodeResult) GatedBy() string {
	if n.gate == nil || n.flags&ownGate == 0 {
		return ""
	}
	return n.gate.Code
}

// SelfResult is a unit's self-assessed score (tự đánh giá), computed by
// the same rules from its own values.
type SelfResult struct {
	Points decimal.Decimal
	Index  decimal.Decimal
	Nodes  []*NodeResult // parallel to the unit's Nodes
}
