package criteria

import "github.com/shopspring/decimal"

// Set is one criteria set (bộ tiêu chí): the metrics it reads and the tree
// of fields, criteria and sub-criteria it scores.
type Set struct {
	ID       string
	Title    string
	Year     int
	Decimals int32 // places for points and indices
	Tiers    []Tier
	Metrics  []*Metric
	Fields   []*Node      // top-level nodes, in file order
	Report   *ReportBlock // the official header and footer; nil when not given

	File string // the file it was loaded from, for messages

	// Remarks are what the loader found worth a look but not wrong
	// (SPEC §8.4): a band no value reaches, percent bounds that look like
	// fractions. check and score show them as warnings.
	Remarks []Remark

	metrics map[string]*Metric
}

// Tier is a class of result (Tốt, Khá, …). Tiers are listed highest first;
// a unit takes the first whose Min is at most its index.
type Tier struct {
	Name string
	Min  decimal.Decimal
}

// Metric returns the metric with the given id, or nil. It is safe for
// concurrent use: a set built by Load has its index already.
func (s *Set) Metric(id string) *Metric {
	if s.metrics != nil {
		return s.metrics[id]
	}
	for _, m := range s.Metrics {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// IndexMetrics builds the index Metric uses; Load calls it. Call it again
// after changing Metrics by hand.
func (s *Set) IndexMetrics() {
	s.metrics = make(map[string]*Metric, len(s.Metrics))
	for _, m := range s.Metrics {
		s.metrics[m.ID] = m
	}
}

// Nodes returns every node of the tree, depth first, in file order: the
// order of the JSON result's nodes.
func (s *Set) Nodes() []*Node {
	var out []*Node
	var walk func([]*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			out = append(out, n)
			walk(n.Children)
		}
	}
	walk(s.Fields)
	return out
}

// Leaves returns the leaves of the tree, depth first, in file order.
func (s *Set) Leaves() []*Node {
	var out []*Node
	for _, n := range s.Nodes() {
		if n.IsLeaf() {
			out = append(out, n)
		}
	}
	return out
}

// Inputs returns the metrics a unit must supply: every declared metric but
// the derived ratios, whose parts are supplied instead.
func (s *Set) Inputs() []*Metric {
	var out []*Metric
	for _, m := range s.Metrics {
		if m.Ratio == nil {
			out = append(out, m)
		}
	}
	return out
}

// MetricType is what kind of value a metric holds.
type MetricType int

// The metric types of SPEC §2.
const (
	Bool    MetricType = iota + 1 // yes/no
	Count                         // integer ≥ 0
	Percent                       // 0–100
	Number                        // any decimal
	Points                        // a score entered directly
	Level                         // one of the metric's labels (SPEC §8.2)
)

var metricTypeNames = [...]string{Bool: "bool", Count: "count", Percent: "percent", Number: "number", Points: "points",
	Level: "level"}

// String returns the type's name as written in criteria.yaml.
func (t MetricType) String() string {
	if t > 0 && int(t) < len(metricTypeNames) {
		return metricTypeNames[t]
	}
	return "unknown"
}

// Metric is one input the rules read.
type Metric struct {
	ID      string
	Name    string
	Type    MetricType
	Default *Value   // the value an empty cell takes; nil: an empty cell is an error
	Ratio   *Ratio   // non-nil for a derived ratio metric
	Levels  []string // a level metric's labels, in file order
	Line    int      // line in criteria.yaml
	// ByDepartment marks a metric the Department fills in itself
	// (filled_by: department), such as survey or SIPAS points: the
	// template does not ask units for it, and its values may come from
	// the Department's own table (SPEC §12).
	ByDepartment bool
}

// Ratio derives a metric: sum(Numerator) ÷ sum(Denominator) × 100.
type Ratio struct {
	Numerator   []string
	Denominator []string
}

// Source is where a node's points come from; they are totalled apart.
type Source int

// The sources of points.
const (
	Appraisal Source = iota // điểm thẩm định
	Survey                  // điểm điều tra xã hội học
)

// String returns the source's name as written in criteria.yaml.
func (s Source) String() string {
	if s == Survey {
		return "survey"
	}
	return "appraisal"
}

// Kind says how a top-level field counts in the unit's total.
type Kind int

// The kinds of top-level field.
const (
	Ordinary Kind = iota
	Bonus         // điểm thưởng: adds, its max a cap, not in the unit's max
	Penalty       // điểm trừ: subtracts, its max a cap, not in the unit's max
)

// String returns the kind's name as written in criteria.yaml.
func (k Kind) String() string {
	switch k {
	case Bonus:
		return "bonus"
	case Penalty:
		return "penalty"
	}
	return "ordinary"
}

// Node is a field, criterion or sub-criterion. A leaf has a Rule; a parent
// has Children.
type Node struct {
	Code     string
	Name     string
	Max      decimal.Decimal // a leaf's maximum, or a parent's declared cap
	HasMax   bool            // whether Max was declared (always true for a leaf)
	Rule     *Rule           // nil for a parent
	Children []*Node
	Source   Source   // inherited from the parent unless declared
	Kind     Kind     // Bonus or Penalty only on top-level fields; children inherit it
	NA       NAPolicy // what a leaf earns when its value is N/A; inherited
	Requires []string // codes of the nodes that gate this one (SPEC §8.3)
	Depth    int      // 0 for a top-level field
	Line     int      // line in criteria.yaml

	RequiresLine int // line of requires:, for messages; 0 when none
}

// NAPolicy says what a leaf earns when its value is N/A (SPEC §8.1).
type NAPolicy int

// The policies of na:.
const (
	NAExclude NAPolicy = iota // the leaf does not apply
	NAFull                    // the leaf applies and earns its max
	NAZero                    // the leaf applies and earns 0
)

var naPolicyNames = [...]string{NAExclude: "exclude", NAFull: "full", NAZero: "zero"}

// String returns the policy's name as written in criteria.yaml.
func (p NAPolicy) String() string {
	if p >= 0 && int(p) < len(naPolicyNames) {
		return naPolicyNames[p]
	}
	return "unknown"
}

// IsLeaf reports whether n is scored by a rule.
func (n *Node) IsLeaf() bool { return n.Rule != nil }

// RuleType is one of the rule shapes of SPEC §2 and §8.2; each has its
// kind, in rule_<name>.go.
type RuleType int

// The rule types.
const (
	BooleanRule   RuleType = iota + 1 // M if v == expect
	BandsRule                         // points of the first band that holds
	LinearRule                        // M × clamp((v−from)/(to−from), 0, 1)
	RelativeRule                      // M × v / best
	MinMaxRule                        // M × (v−worst)/(best−worst)
	DeductionRule                     // max(M − per×v, 0)
	CountRule                         // min(per×v, M)
	PointsRule                        // v itself
)

// String returns the rule type's name as written in criteria.yaml.
func (t RuleType) String() string {
	if k := kindOf(t); k != nil {
		return k.name()
	}
	return "unknown"
}

// Rule says how a leaf turns its metric's value into points.
type Rule struct {
	Type   RuleType
	Metric string
	Expect bool              // boolean: the value that earns the points (default true)
	Bands  []Band            // bands
	From   decimal.Decimal   // linear (default 0)
	To     decimal.Decimal   // linear (default 100)
	Lower  bool              // minmax: lower is better
	Per    decimal.Decimal   // deduction, count
	Levels []decimal.Decimal // levels: the points of each label, in the metric's order
}

// Band is one row of a bands rule; an invalid bound is open.
type Band struct {
	GTE, GT, LTE, LT decimal.NullDecimal
	Points           decimal.Decimal
}

// Unit is one assessed unit: a district, town or city, a department, a
// commune.
type Unit struct {
	ID      string
	Name    string
	Group   string // optional; every unit has one or none has
	Aliases []string
	Line    int // line in units.yaml
}
