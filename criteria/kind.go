package criteria

import (
	"fmt"
	"math/big"
	"sync"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"parindex/internal/exact"
)

// A rule type is a kind: one file, rule_<name>.go, holds everything about
// it side by side — the keys it reads from criteria.yaml, its words in the
// criteria listing, its compile step, its score in machine words and in
// math/big, its input checks and its explanation — and one line of the
// kinds table below registers it. The scorer walks the tree and totals;
// what a leaf's rule makes of a value is asked of its kind.

// kind is one rule type.
type kind interface {
	// name is the rule type as written in criteria.yaml.
	name() string
	// keys are the keys of rule: the kind reads beyond type and metric.
	keys() []string
	// reads reports whether the kind can read a metric of type t; needs
	// names those types for messages.
	reads(t MetricType) bool
	needs() string
	// load reads the kind's own keys into r; false when they are wrong
	// (each problem reported).
	load(l *loader, r *Rule, a ruleArgs) bool
	// describe says in words how a leaf scores, for the criteria listing.
	describe(d describing) string
	// compile works out what scoring needs once, before any unit; false
	// for a parameter that does not fit machine words (then every unit
	// is scored in math/big).
	compile(c *Compiled) error
	// fast scores v in machine words as a count of 10^-decimals, rounded
	// once and held in [0, max]; ok is false when a step would overflow.
	fast(c *Compiled, v Value) (pts int64, band int, ok bool)
	// exact scores v in math/big, before Score clamps and rounds it.
	exact(c *Compiled, v Value) (pts *big.Rat, band int)
	// explain says why v earned what it did, without the points.
	explain(e explaining, v Value, band int) string
}

// kinds registers each rule type's kind.
var kinds = [...]kind{
	BooleanRule:   booleanKind{},
	BandsRule:     bandsKind{},
	LinearRule:    linearKind{},
	RelativeRule:  relativeKind{},
	MinMaxRule:    minmaxKind{},
	DeductionRule: deductionKind{},
	CountRule:     countKind{},
	PointsRule:    pointsKind{},
	LevelsRule:    levelsKind{},
}

// kindOf returns t's kind, or nil.
func kindOf(t RuleType) kind {
	if t > 0 && int(t) < len(kinds) {
		return kinds[t]
	}
	return nil
}

// ruleArgs is what a kind's load reads from.
type ruleArgs struct {
	m     map[string]entry // the rule's keys
	n     *yaml.Node       // the rule mapping, for its line
	node  *Node            // the leaf
	what  string           // `node "1.1": bands: `, for messages
	maxOK bool             // whether node.Max is known, to check points against it
}

// describing is what a kind's describe reads.
type describing struct {
	n    *Node
	r    *Rule
	met  *Metric // nil when the set was not given
	name string  // the metric's name, or its id
	unit string  // "%" for a percent, "" otherwise
	lang Lang
}

func (d describing) num(x decimal.Decimal) string { return FormatNumber(x, d.lang) }

func (d describing) pts(x decimal.Decimal) string { return PointsText(x, d.lang) }

func (d describing) say(vi, en string, args ...string) string { return Say(d.lang, vi, en, args...) }

// Compiled is a leaf's rule made ready to score many units: its
// parameters in machine words, and, for rules that compare units, the best
// and worst value among them.
type Compiled struct {
	Node *Node
	Rule *Rule
	Met  *Metric
	k    kind
	chk  checker // the kind's input checks; nil when it has none
	dec  int32
	max  int64 // the leaf's max, scaled
	slow bool  // a parameter does not fit machine words
	data any   // the kind's own compiled parameters

	// relative and minmax: over every unit scored
	hasBest     bool
	best, worst Value
	bestQ       exact.Q
	worstQ      exact.Q

	// the leaf's fixed phrases, made once per language on first use
	wordsOnce [2]sync.Once
	words     [2]leafWords
}

// leafWords are the parts of a leaf's explanation that are the same for
// every unit: written once, not a million times.
type leafWords struct {
	bands       []string // each band's bounds in words
	best, worst string   // relative, minmax
	same        bool     // minmax: best = worst
}

// Compile readies n's rule for scoring at dec places, met being the metric
// it reads. It fails on a parameter out of range.
func Compile(n *Node, met *Metric, dec int32) (*Compiled, error) {
	r := n.Rule
	k := kindOf(r.Type)
	if k == nil {
		return nil, fmt.Errorf("criterion %s: unknown rule type %d", n.Code, r.Type)
	}
	m, ok := exact.Scaled(n.Max, dec)
	if !ok || m < 0 {
		return nil, fmt.Errorf("criterion %s: max %s is out of range", n.Code, n.Max)
	}
	c := &Compiled{Node: n, Rule: r, Met: met, k: k, dec: dec, max: m}
	c.chk, _ = k.(checker) // asked once here, not for each of a million values
	if err := k.compile(c); err != nil {
		return nil, fmt.Errorf("criterion %s: %w", n.Code, err)
	}
	return c, nil
}

// Max returns the leaf's max as a count of 10^-decimals.
func (c *Compiled) Max() int64 { return c.max }

// Score returns the points value v earns, as a count of 10^-decimals
// rounded once, and the band that held (-1 when none, or not a bands
// rule). v is the metric's value, never N/A. exactOnly makes it skip the
// machine words, for tests that compare both paths.
func (c *Compiled) Score(v Value, exactOnly bool) (int64, int) {
	if !c.slow && !exactOnly {
		if pts, band, ok := c.k.fast(c, v); ok {
			return pts, band
		}
	}
	pts, band := c.k.exact(c, v)
	M := c.Node.Max.Rat()
	switch {
	case pts.Sign() < 0:
		pts = new(big.Rat)
	case pts.Cmp(M) > 0:
		pts = M
	}
	return exact.RoundRat(pts, c.dec).Int64(), band
}

// ranged is a kind that scores a unit against the others.
type ranged interface {
	lowerIsBetter(c *Compiled) bool
}

// Ranged reports whether the rule scores a unit against the best and worst
// of all units: then SetRange must be called before Score.
func (c *Compiled) Ranged() bool {
	_, ok := c.k.(ranged)
	return ok
}

// SetRange gives a ranged rule the highest and lowest value among the
// units scored (N/A left out).
func (c *Compiled) SetRange(hi, lo Value) {
	c.hasBest = true
	c.best, c.worst = hi, lo
	if r, ok := c.k.(ranged); ok && r.lowerIsBetter(c) {
		c.best, c.worst = lo, hi
	}
	c.bestQ, c.worstQ = c.best.Q(), c.worst.Q()
	c.slow = c.slow || !c.bestQ.OK || !c.worstQ.OK
}

// checker is a kind that refuses some values as input errors.
type checker interface {
	check(c *Compiled, v Value) string
}

// Check returns what is wrong with v for this rule, as SPEC calls an input
// error (points outside the leaf's range, a negative value compared with
// the best), or "".
func (c *Compiled) Check(v Value) string {
	if c.chk != nil && v.IsNumber() {
		return c.chk.check(c, v)
	}
	return ""
}
