package scoring

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// Test sets are built as Go values, so that every case states exactly the
// tree and rule it exercises.

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func nd(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }

func num(s string) criteria.Value { return criteria.Num(d(s)) }

var (
	yes = criteria.BoolValue(true)
	no  = criteria.BoolValue(false)
	na  = criteria.NA()
)

func metric(id string, t criteria.MetricType) *criteria.Metric {
	return &criteria.Metric{ID: id, Name: "Chỉ tiêu " + id, Type: t}
}

func ratio(id string, t criteria.MetricType, numer, denom []string) *criteria.Metric {
	m := metric(id, t)
	m.Ratio = &criteria.Ratio{Numerator: numer, Denominator: denom}
	return m
}

func leaf(code, max string, r criteria.Rule) *criteria.Node {
	return &criteria.Node{Code: code, Name: "Tiêu chí " + code, Max: d(max), HasMax: true, Rule: &r}
}

func parent(code string, children ...*criteria.Node) *criteria.Node {
	return &criteria.Node{Code: code, Name: "Lĩnh vực " + code, Children: children}
}

func capped(code, max string, children ...*criteria.Node) *criteria.Node {
	n := parent(code, children...)
	n.Max, n.HasMax = d(max), true
	return n
}

func withKind(k criteria.Kind, n *criteria.Node) *criteria.Node {
	n.Kind = k
	return n
}

func withSource(s criteria.Source, n *criteria.Node) *criteria.Node {
	n.Source = s
	return n
}

// newSet builds a set with two places, inheriting kind and source down the
// tree as the loader does.
func newSet(metrics []*criteria.Metric, fields ...*criteria.Node) *criteria.Set {
	s := &criteria.Set{ID: "test-set", Title: "Bộ chỉ số thử", Year: 2019, Decimals: 2, Metrics: metrics, Fields: fields, File: "criteria.yaml"}
	var walk func(ns []*criteria.Node, depth int, k criteria.Kind, src criteria.Source)
	walk = func(ns []*criteria.Node, depth int, k criteria.Kind, src criteria.Source) {
		for _, n := range ns {
			n.Depth = depth
			if depth > 0 {
				n.Kind = k
				if n.Source == criteria.Appraisal {
					n.Source = src
				}
			}
			walk(n.Children, depth+1, n.Kind, n.Source)
		}
	}
	walk(fields, 0, criteria.Ordinary, criteria.Appraisal)
	s.IndexMetrics()
	return s
}

func units(n int) []*criteria.Unit {
	us := make([]*criteria.Unit, n)
	for i := range us {
		us[i] = &criteria.Unit{ID: fmt.Sprintf("u%d", i+1), Name: fmt.Sprintf("Huyện %d", i+1)}
	}
	return us
}

// input gives unit i the values vals[i].
func input(set *criteria.Set, vals ...criteria.Values) Input {
	in := Input{Set: set, Units: units(len(vals)), Values: map[string]criteria.Values{}}
	for i, v := range vals {
		in.Values[in.Units[i].ID] = v
	}
	return in
}

func mustScore(t testing.TB, in Input) *Result {
	t.Helper()
	res, err := Score(in)
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	return res
}

// node returns a unit's result for the node with the given code.
func node(t *testing.T, u *UnitResult, code string) *NodeResult {
	t.Helper()
	for _, n := range u.Nodes {
		if n.Node.Code == code {
			return n
		}
	}
	t.Fatalf("no node %s", code)
	return nil
}

// nodeText writes a node's points/max/index as "p/m/i", or "n/a".
func nodeText(n *NodeResult) string {
	if !n.Applicable {
		return "n/a"
	}
	return n.Points().StringFixed(2) + "/" + n.Max().StringFixed(2) + "/" + n.Index().StringFixed(2)
}
