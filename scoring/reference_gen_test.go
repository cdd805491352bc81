package scoring_test

// Random criteria sets and values for the reference comparison. Sets are
// valid by SPEC §2 (band points within [0, max], caps at most the children's
// sum, capped parents single-source, every max, cap, band points and per at
// most decimals places); values are drawn from small pools that hold the
// band bounds and the linear ends, so that bounds are hit exactly, ties are
// common, and fractions land on a half at the last place.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// genMetric is a metric being built, with the pool its values come from.
type genMetric struct {
	m    *criteria.Metric
	pool []decimal.Decimal // candidate numbers; bools ignore it
	// parts of a percent ratio are counts with the numerator's among the
	// denominator's, so the ratio never exceeds 100, N/A parts included.
}

// gen builds one random set and its values.
type gen struct {
	r       *rand.Rand
	dec     int32
	q       decimal.Decimal // 10^-dec: the step of max, caps, band points, per
	metrics []*genMetric
	codes   int
	points  map[string]decimal.Decimal // points-rule metric → its leaf's max
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// steps returns a random multiple of q in [lo·q, hi·q].
func (g *gen) steps(lo, hi int64) decimal.Decimal {
	return g.q.Mul(decimal.NewFromInt(lo + g.r.Int64N(hi-lo+1)))
}

// maxPoints is a leaf's max: a round number or any multiple of q up to 5.
func (g *gen) maxPoints() decimal.Decimal {
	if g.r.IntN(2) == 0 {
		nice := []string{"1", "2", "3", "0.5", "0.25", "1.5", "0.75", "0.125"}
		d := dec(nice[g.r.IntN(len(nice))])
		if d.Exponent() >= -g.dec {
			return d
		}
	}
	return g.steps(1, 5*g.q.Rat().Denom().Int64())
}

// newMetric declares a metric of type t with the given pool.
func (g *gen) newMetric(t criteria.MetricType, pool ...string) *genMetric {
	m := &criteria.Metric{ID: fmt.Sprintf("m%d", len(g.metrics)), Type: t}
	m.Name = m.ID
	gm := &genMetric{m: m}
	for _, p := range pool {
		gm.pool = append(gm.pool, dec(p))
	}
	g.metrics = append(g.metrics, gm)
	return gm
}

var (
	countPool   = []string{"0", "0", "1", "2", "3", "4", "5", "6", "8", "12"}
	percentPool = []string{"0", "12.5", "20", "33.3333", "50", "62.5", "66.665", "75", "80", "87.5", "90", "99.995", "100"}
	numberPool  = []string{"-7.25", "-2", "0", "0.005", "1.5", "3", "3", "10", "33.335", "120", "150.5"}
)

// numericMetric returns a metric a numeric rule reads: a count, a
// percent, a number (only when negatives are fine), or a derived ratio; an
// existing one now and then, so that two leaves share a metric.
func (g *gen) numericMetric(negatives bool) *genMetric {
	if g.r.IntN(5) == 0 {
		var old []*genMetric
		for _, gm := range g.metrics {
			t := gm.m.Type
			if t == criteria.Count || t == criteria.Percent || t == criteria.Number && (negatives || gm.m.Ratio != nil) {
				old = append(old, gm)
			}
		}
		if len(old) > 0 {
			return old[g.r.IntN(len(old))]
		}
	}
	switch k := g.r.IntN(5); {
	case k == 0:
		return g.newMetric(criteria.Count, countPool...)
	case k == 1:
		return g.newMetric(criteria.Percent, percentPool...)
	case k == 2 && negatives:
		return g.newMetric(criteria.Number, numberPool...)
	default:
		return g.ratio()
	}
}

// ratio declares a derived ratio and its count parts. A percent ratio's
// numerator parts are among its denominator's, so N/A parts (counted as 0)
// never lift it above 100; a number ratio may exceed 100.
func (g *gen) ratio() *genMetric {
	a := g.newMetric(criteria.Count, countPool...)
	b := g.newMetric(criteria.Count, countPool...)
	rm := &criteria.Metric{Type: criteria.Percent, Ratio: &criteria.Ratio{
		Numerator: []string{a.m.ID}, Denominator: []string{a.m.ID, b.m.ID}}}
	switch g.r.IntN(3) {
	case 0:
		rm.Type = criteria.Number
		rm.Ratio.Denominator = []string{b.m.ID}
		if g.r.IntN(2) == 0 { // a plan in money, say: decimal parts
			d := g.newMetric(criteria.Number, "0", "0.5", "1.25", "3", "7.75", "0.001")
			rm.Ratio.Denominator = []string{d.m.ID}
		}
	case 1:
		c := g.newMetric(criteria.Count, countPool...)
		rm.Ratio.Numerator = append(rm.Ratio.Numerator, c.m.ID)
		rm.Ratio.Denominator = append(rm.Ratio.Denominator, c.m.ID)
	}
	rm.ID = fmt.Sprintf("m%d", len(g.metrics))
	rm.Name = rm.ID
	gm := &genMetric{m: rm}
	g.metrics = append(g.metrics, gm)
	return gm
}

// boundPool is where band bounds and linear ends come from: the values
// metrics take, so that both sides of every bound are hit.
var boundPool = []string{"0", "1", "2", "3", "5", "12.5", "20", "25", "50", "62.5", "75", "80", "90", "100", "-2", "10", "120"}

func (g *gen) bound() decimal.NullDecimal {
	return decimal.NewNullDecimal(dec(boundPool[g.r.IntN(len(boundPool))]))
}

// interval returns two different bounds, lower first: the loader rejects
// a band no value can hold.
func (g *gen) interval() (lo, hi decimal.NullDecimal) {
	for lo, hi = g.bound(), g.bound(); lo.Decimal.GreaterThanOrEqual(hi.Decimal); lo, hi = g.bound(), g.bound() {
	}
	return lo, hi
}

// bands builds one to four bands of random shapes, listed in any order.
func (g *gen) bands(max decimal.Decimal) []criteria.Band {
	var out []criteria.Band
	for range 1 + g.r.IntN(4) {
		var b criteria.Band
		switch g.r.IntN(7) {
		case 0:
			b.GTE = g.bound()
		case 1:
			b.GT = g.bound()
		case 2:
			b.GTE, b.LT = g.interval()
		case 3:
			b.GT, b.LTE = g.interval()
		case 4:
			b.LTE = g.bound()
		case 5:
			b.LT = g.bound()
		}
		b.Points = g.steps(0, max.Div(g.q).IntPart())
		out = append(out, b)
	}
	return out
}

// rule builds a random rule of every type for a leaf worth max.
func (g *gen) rule(max decimal.Decimal) *criteria.Rule {
	r := &criteria.Rule{Type: criteria.RuleType(1 + g.r.IntN(9)), Expect: true}
	switch r.Type {
	case criteria.BooleanRule:
		r.Metric = g.newMetric(criteria.Bool).m.ID
		r.Expect = g.r.IntN(4) != 0
	case criteria.BandsRule:
		r.Metric = g.numericMetric(true).m.ID
		r.Bands = g.bands(max)
	case criteria.LinearRule:
		r.Metric = g.numericMetric(true).m.ID
		r.From, r.To = dec("0"), dec("100")
		if g.r.IntN(2) == 0 {
			r.From = g.bound().Decimal
			for r.To = g.bound().Decimal; r.To.Equal(r.From); r.To = g.bound().Decimal {
			}
		}
	case criteria.RelativeRule:
		r.Metric = g.numericMetric(false).m.ID
	case criteria.MinMaxRule:
		r.Metric = g.numericMetric(true).m.ID
		r.Lower = g.r.IntN(2) == 0
	case criteria.DeductionRule, criteria.CountRule:
		r.Metric = g.newMetric(criteria.Count, countPool...).m.ID
		r.Per = g.steps(1, max.Div(g.q).IntPart())
	case criteria.PointsRule:
		gm := g.newMetric(criteria.Points)
		g.points[gm.m.ID] = max
		r.Metric = gm.m.ID
	case criteria.LevelsRule:
		gm := g.newMetric(criteria.Level)
		gm.m.Levels = []string{"tốt", "khá", "đạt", "chưa đạt"}[:2+g.r.IntN(3)]
		r.Metric = gm.m.ID
		for range gm.m.Levels {
			r.Levels = append(r.Levels, g.steps(0, max.Div(g.q).IntPart()))
		}
	}
	return r
}

// node builds a node at depth (0 a top-level field, at most 2) and its
// subtree. A capped parent locks its subtree to its own source.
func (g *gen) node(depth int, kind criteria.Kind, src criteria.Source, na criteria.NAPolicy, locked, capped bool) *criteria.Node {
	g.codes++
	n := &criteria.Node{Code: fmt.Sprint(g.codes), Kind: kind, Source: src, Depth: depth, NA: na}
	if kind == criteria.Ordinary && g.r.IntN(5) == 0 {
		n.NA = criteria.NAPolicy(g.r.IntN(3))
	}
	n.Name = "node " + n.Code
	leaf := depth == 2 || depth == 1 && g.r.IntN(2) == 0 || depth == 0 && g.r.IntN(8) == 0
	if leaf {
		n.Max, n.HasMax = g.maxPoints(), true
		n.Rule = g.rule(n.Max)
		return n
	}
	if !capped && g.r.IntN(3) == 0 {
		capped = true
	}
	sum := decimal.Zero
	for range 1 + g.r.IntN(4) {
		csrc := src
		if !capped && !locked && g.r.IntN(5) == 0 {
			csrc = 1 - src
		}
		c := g.node(depth+1, kind, csrc, n.NA, locked || capped, false)
		n.Children = append(n.Children, c)
		if c.HasMax {
			sum = sum.Add(c.Max)
		} else {
			sum = sum.Add(childrenMax(c))
		}
	}
	if capped {
		n.HasMax = true
		n.Max = sum
		if g.r.IntN(3) != 0 {
			n.Max = g.steps(1, sum.Div(g.q).IntPart())
		}
	}
	return n
}

// childrenMax is the declared size of an uncapped parent: the sum of its
// children's.
func childrenMax(n *criteria.Node) decimal.Decimal {
	sum := decimal.Zero
	for _, c := range n.Children {
		if c.HasMax {
			sum = sum.Add(c.Max)
		} else {
			sum = sum.Add(childrenMax(c))
		}
	}
	return sum
}

// set builds a random valid criteria set.
func (g *gen) set(i int) *criteria.Set {
	g.dec = int32(g.r.IntN(4))
	g.q = decimal.New(1, -g.dec)
	g.points = map[string]decimal.Decimal{}
	s := &criteria.Set{ID: fmt.Sprintf("random-%d", i), Title: "random", Year: 2024, Decimals: g.dec}
	for range 1 + g.r.IntN(4) {
		src := criteria.Appraisal
		if g.r.IntN(4) == 0 {
			src = criteria.Survey
		}
		s.Fields = append(s.Fields, g.node(0, criteria.Ordinary, src, criteria.NAExclude, false, false))
	}
	for _, k := range []criteria.Kind{criteria.Bonus, criteria.Penalty} {
		for range g.r.IntN(3) {
			s.Fields = append(s.Fields, g.node(0, k, criteria.Appraisal, criteria.NAExclude, false, true))
		}
	}
	g.gates(s)
	mins := []string{"90", "80", "65", "50.5", "25", "0"}
	for _, m := range mins {
		if g.r.IntN(2) == 0 {
			s.Tiers = append(s.Tiers, criteria.Tier{Name: "tier " + m, Min: dec(m)})
		}
	}
	for _, gm := range g.metrics {
		s.Metrics = append(s.Metrics, gm.m)
	}
	s.IndexMetrics()
	return s
}

// gates gives one ordinary node in five a requires of one or two other
// ordinary nodes, neither its ancestor nor its descendant, dropping any
// that would close a cycle.
func (g *gen) gates(s *criteria.Set) {
	var ord []*criteria.Node
	for _, n := range s.Nodes() {
		if n.Kind == criteria.Ordinary {
			ord = append(ord, n)
		}
	}
	for _, n := range ord {
		if g.r.IntN(5) != 0 {
			continue
		}
		for range 1 + g.r.IntN(2) {
			r := ord[g.r.IntN(len(ord))]
			if r == n || strings.HasPrefix(n.Code+".", r.Code+".") || slices.Contains(n.Requires, r.Code) ||
				related(n, r) {
				continue
			}
			n.Requires = append(n.Requires, r.Code)
			if s.GateOrder() == nil {
				n.Requires = n.Requires[:len(n.Requires)-1]
			}
		}
	}
}

// related reports whether a contains b or b contains a.
func related(a, b *criteria.Node) bool {
	var contains func(x, y *criteria.Node) bool
	contains = func(x, y *criteria.Node) bool {
		for _, c := range x.Children {
			if c == y || contains(c, y) {
				return true
			}
		}
		return false
	}
	return contains(a, b) || contains(b, a)
}

// value draws one value of gm for a unit; N/A one time in eight.
func (g *gen) value(gm *genMetric) criteria.Value {
	if g.r.IntN(8) == 0 {
		return criteria.NA()
	}
	switch gm.m.Type {
	case criteria.Bool:
		return criteria.BoolValue(g.r.IntN(2) == 0)
	case criteria.Level:
		return criteria.LevelValue(g.r.IntN(len(gm.m.Levels)))
	case criteria.Points:
		// One place finer than the set, so that half-way points get rounded.
		max := g.points[gm.m.ID]
		fine := g.q.Div(dec("10"))
		return criteria.Num(fine.Mul(decimal.NewFromInt(g.r.Int64N(max.Div(fine).IntPart() + 1))))
	}
	return criteria.Num(gm.pool[g.r.IntN(len(gm.pool))])
}

// units builds n units, grouped or not, and their values; a unit now and
// then copies an earlier one's values, for exact ties.
func (g *gen) units(n int) ([]*criteria.Unit, map[string]criteria.Values) {
	grouped := g.r.IntN(2) == 0
	var units []*criteria.Unit
	values := map[string]criteria.Values{}
	for i := range n {
		u := &criteria.Unit{ID: fmt.Sprintf("u%d", i), Name: fmt.Sprintf("Unit %d", i), Line: i + 1}
		if grouped {
			u.Group = []string{"Đồng bằng", "Miền núi", "Hải đảo"}[g.r.IntN(3)]
		}
		vs := criteria.Values{}
		if i > 0 && g.r.IntN(6) == 0 {
			vs = values[units[g.r.IntN(i)].ID]
		} else {
			for _, gm := range g.metrics {
				if gm.m.Ratio == nil {
					vs.Set(gm.m.ID, g.value(gm))
				}
			}
		}
		units = append(units, u)
		values[u.ID] = vs
	}
	return units, values
}

// spoil makes the values wrong one time in twenty-five, as SPEC calls an
// input error: one unit with nothing applicable, or points above a
// leaf's max. Both scorers must then refuse the input.
func (g *gen) spoil(units []*criteria.Unit, values map[string]criteria.Values) {
	if g.r.IntN(25) != 0 {
		return
	}
	u := units[g.r.IntN(len(units))].ID
	vs := values[u].Clone()
	defer func() { values[u] = vs }()
	for _, gm := range g.metrics {
		if max, ok := g.points[gm.m.ID]; ok {
			vs.Set(gm.m.ID, criteria.Num(max.Add(g.q)))
			return
		}
	}
	for id := range vs.All() {
		vs.Set(id, criteria.NA())
	}
}

// TestReferenceRandom scores random sets with Score and the reference and
// requires them to agree on every number, rank and tier.
func TestReferenceRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(2019, 2025))
	sets, scored := 300, 0
	cov := map[string]int{}
	if testing.Short() {
		sets = 60
	}
	for i := range sets {
		g := &gen{r: r}
		set := g.set(i)
		checkLoads(t, fmt.Sprintf("set %d", i), set)
		units, values := g.units(2 + r.IntN(23))
		g.spoil(units, values)
		in := scoring.Input{Set: set, Units: units, Values: values}
		if checkAgainstRef(t, fmt.Sprintf("set %d", i), in, cov) {
			scored++
		}
		if t.Failed() {
			t.Logf("set %d:\n%s", i, describeSet(set))
			break
		}
	}
	// Most sets must be scored, or the comparison proves little.
	if scored < sets*3/4 {
		t.Errorf("only %d of %d random sets were scored", scored, sets)
	}
	t.Logf("%d sets compared, %d scored", sets, scored)
	for _, what := range coverage {
		if cov[what] == 0 && !t.Failed() && !testing.Short() {
			t.Errorf("no random set reached the case %q", what)
		}
	}
	t.Logf("cases reached: %v", cov)
}

// coverage lists the cases the random sets must reach for the comparison
// to mean something.
var coverage = []string{
	"total held at max", "total held at 0", "index exactly a tier's min", "no tier",
	"leaf not applicable", "parent not applicable", "cap holds points", "max below declared cap",
	"value on a band bound", "points half-way, rounded up", "ratio with a zero denominator",
	"ratio with an N/A part", "tied index", "tied field index",
	"rule boolean", "rule bands", "rule linear", "rule relative", "rule minmax",
	"rule deduction", "rule count", "rule points", "rule levels",
	"na full", "na zero", "gate closed", "gate on an N/A node", "gate chain",
	"relative with best 0", "minmax with best = worst",
}

// describeSet prints a set compactly, for a failing case.
func describeSet(s *criteria.Set) string {
	out := fmt.Sprintf("decimals %d, tiers %v\n", s.Decimals, s.Tiers)
	for _, n := range s.Nodes() {
		out += fmt.Sprintf("%*s%s kind=%s source=%s", 2*n.Depth, "", n.Code, n.Kind, n.Source)
		if n.HasMax {
			out += " max=" + n.Max.String()
		}
		if r := n.Rule; r != nil {
			out += fmt.Sprintf(" %s(%s) expect=%v from=%s to=%s lower=%v per=%s bands=%v",
				r.Type, r.Metric, r.Expect, r.From, r.To, r.Lower, r.Per, r.Bands)
		}
		out += "\n"
	}
	for _, m := range s.Metrics {
		if m.Ratio != nil {
			out += fmt.Sprintf("%s %s = %v / %v\n", m.ID, m.Type, m.Ratio.Numerator, m.Ratio.Denominator)
		}
	}
	return out
}

// yamlOf writes s as criteria.yaml, so that the loader can confirm the
// generated set is one a user could write.
func yamlOf(s *criteria.Set) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id: %s\ntitle: %s\nyear: %d\ndecimals: %d\n", s.ID, s.Title, s.Year, s.Decimals)
	if len(s.Tiers) > 0 {
		b.WriteString("tiers:\n")
		for _, t := range s.Tiers {
			fmt.Fprintf(&b, "  - {name: %q, min: %s}\n", t.Name, t.Min)
		}
	}
	b.WriteString("metrics:\n")
	for _, m := range s.Metrics {
		fmt.Fprintf(&b, "  - {id: %s, name: %s, type: %s", m.ID, m.Name, m.Type)
		if len(m.Levels) > 0 {
			fmt.Fprintf(&b, ", levels: [%s]", strings.Join(m.Levels, ", "))
		}
		if r := m.Ratio; r != nil {
			fmt.Fprintf(&b, ", ratio: {numerator: [%s], denominator: [%s]}",
				strings.Join(r.Numerator, ", "), strings.Join(r.Denominator, ", "))
		}
		b.WriteString("}\n")
	}
	b.WriteString("fields:\n")
	var walk func(ns []*criteria.Node, parent criteria.Source, na criteria.NAPolicy, indent string)
	walk = func(ns []*criteria.Node, parent criteria.Source, na criteria.NAPolicy, indent string) {
		for _, n := range ns {
			fmt.Fprintf(&b, "%s- code: %q\n%s  name: %s\n", indent, n.Code, indent, n.Name)
			if n.Depth == 0 && n.Kind != criteria.Ordinary {
				fmt.Fprintf(&b, "%s  kind: %s\n", indent, n.Kind)
			}
			if n.Source != parent {
				fmt.Fprintf(&b, "%s  source: %s\n", indent, n.Source)
			}
			if n.NA != na {
				fmt.Fprintf(&b, "%s  na: %s\n", indent, n.NA)
			}
			if len(n.Requires) > 0 {
				fmt.Fprintf(&b, "%s  requires: [%s]\n", indent, strings.Join(quoted(n.Requires), ", "))
			}
			if n.HasMax {
				fmt.Fprintf(&b, "%s  max: %s\n", indent, n.Max)
			}
			if n.Rule != nil {
				fmt.Fprintf(&b, "%s  rule: %s\n", indent, yamlRule(s, n.Rule))
			} else {
				fmt.Fprintf(&b, "%s  children:\n", indent)
				walk(n.Children, n.Source, n.NA, indent+"    ")
			}
		}
	}
	walk(s.Fields, criteria.Appraisal, criteria.NAExclude, "  ")
	return b.String()
}

// quoted puts each code in double quotes, as YAML needs for "1.10".
func quoted(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = fmt.Sprintf("%q", c)
	}
	return out
}

// yamlRule writes a rule in flow style.
func yamlRule(s *criteria.Set, r *criteria.Rule) string {
	out := fmt.Sprintf("{type: %s, metric: %s", r.Type, r.Metric)
	switch r.Type {
	case criteria.BooleanRule:
		out += fmt.Sprintf(", expect: %v", r.Expect)
	case criteria.LinearRule:
		out += fmt.Sprintf(", from: %s, to: %s", r.From, r.To)
	case criteria.MinMaxRule:
		if r.Lower {
			out += ", better: lower"
		}
	case criteria.DeductionRule, criteria.CountRule:
		out += ", per: " + r.Per.String()
	case criteria.BandsRule:
		var bands []string
		for _, band := range r.Bands {
			var keys []string
			for _, k := range []struct {
				name string
				d    decimal.NullDecimal
			}{{"gte", band.GTE}, {"gt", band.GT}, {"lte", band.LTE}, {"lt", band.LT}} {
				if k.d.Valid {
					keys = append(keys, k.name+": "+k.d.Decimal.String())
				}
			}
			keys = append(keys, "points: "+band.Points.String())
			bands = append(bands, "{"+strings.Join(keys, ", ")+"}")
		}
		out += ", bands: [" + strings.Join(bands, ", ") + "]"
	case criteria.LevelsRule:
		var pairs []string
		for i, p := range r.Levels {
			pairs = append(pairs, fmt.Sprintf("%s: %s", s.Metric(r.Metric).Levels[i], p))
		}
		out += ", points: {" + strings.Join(pairs, ", ") + "}"
	}
	return out + "}"
}

// checkLoads requires the loader to accept s written as YAML and to read
// back the same tree: otherwise the generator, not Score, would be wrong.
func checkLoads(t *testing.T, name string, s *criteria.Set) {
	t.Helper()
	text := yamlOf(s)
	got, err := criteria.Load([]byte(text), "criteria.yaml")
	if err != nil {
		t.Fatalf("%s: the generated set does not load: %v\n%s", name, err, text)
	}
	a, b := s.Nodes(), got.Nodes()
	if len(a) != len(b) {
		t.Fatalf("%s: %d nodes, loaded %d", name, len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		same := x.Code == y.Code && x.HasMax == y.HasMax && x.Max.Equal(y.Max) &&
			x.Source == y.Source && x.Kind == y.Kind && x.Depth == y.Depth && x.NA == y.NA &&
			slices.Equal(x.Requires, y.Requires) &&
			(x.Rule == nil) == (y.Rule == nil) && (x.Rule == nil || yamlRule(s, x.Rule) == yamlRule(got, y.Rule))
		if !same {
			t.Fatalf("%s: node %s reads back as %+v, built as %+v\n%s", name, x.Code, *y, *x, text)
		}
	}
}
