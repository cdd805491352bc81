package criteria

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// The keys of each level of criteria.yaml, in the order SPEC §2 lists them.
var (
	setKeys    = []string{"id", "title", "year", "decimals", "tiers", "metrics", "fields", "report"}
	tierKeys   = []string{"name", "min"}
	metricKeys = []string{"id", "name", "type", "levels", "default", "ratio", "filled_by"}
	ratioKeys  = []string{"numerator", "denominator"}
)

var (
	setIDPattern    = regexp.MustCompile(`^[a-z0-9-]+$`)
	metricIDPattern = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
)

// maxDecimals is the most places a set may ask for.
const maxDecimals = 6

// Load reads a criteria set from the YAML text of criteria.yaml; file names
// it in messages. Every problem found is returned at once as Problems, in
// line order; the set is returned only when there is none.
func Load(data []byte, file string) (*Set, error) {
	l := &loader{reader: reader{file: file}, codes: map[string]int{}, path: map[*yaml.Node]bool{}}
	s := l.load(data)
	if ps := l.sorted(); len(ps) > 0 {
		return nil, ps
	}
	return s, nil
}

// loader reads one criteria.yaml.
type loader struct {
	reader
	set   *Set
	codes map[string]int      // node code → line, to find duplicates
	path  map[*yaml.Node]bool // the nodes being read, to catch an alias to an ancestor
}

func (l *loader) load(data []byte) *Set {
	root := l.parse(data)
	if root == nil {
		return nil
	}
	top := l.mapping(root, "", setKeys...)
	if top == nil {
		return nil
	}
	s := &Set{File: l.file, Decimals: 2}
	l.set = s
	for _, k := range []string{"id", "title", "year", "metrics", "fields"} {
		if _, ok := top[k]; !ok {
			l.addf(root.Line, "missing required key %q", k)
		}
	}
	if e, ok := top["id"]; ok {
		if id, ok := l.text(e.val, "id: "); ok {
			if setIDPattern.MatchString(id) {
				s.ID = id
			} else {
				l.addf(e.val.Line, "id: %s may hold only a-z, 0-9 and -", Quote(id))
			}
		}
	}
	if e, ok := top["title"]; ok {
		s.Title, _ = l.text(e.val, "title: ")
	}
	if e, ok := top["year"]; ok {
		if y, ok := l.integer(e.val, "year: "); ok {
			if y < 1900 || y > 2200 {
				l.addf(e.val.Line, "year: %d is not a plausible year", y)
			}
			s.Year = y
		}
	}
	if e, ok := top["decimals"]; ok {
		if d, ok := l.integer(e.val, "decimals: "); ok {
			if d < 0 || d > maxDecimals {
				l.addf(e.val.Line, "decimals: %d is outside 0..%d", d, maxDecimals)
			} else {
				s.Decimals = int32(d)
			}
		}
	}
	if e, ok := top["tiers"]; ok {
		l.tiers(e.val)
	}
	if e, ok := top["metrics"]; ok {
		l.metrics(e.val)
	}
	s.IndexMetrics()
	l.ratios()
	if e, ok := top["fields"]; ok {
		l.fields(e.val)
	}
	l.gates()
	l.remarks()
	if e, ok := top["report"]; ok {
		s.Report = l.reportBlock(e.val)
	}
	return s
}

// tiers reads the tiers, which must be listed highest first with distinct
// names.
func (l *loader) tiers(n *yaml.Node) {
	items := l.list(n, "tiers: ")
	names := map[string]int{}
	var prev *Tier
	for i, it := range items {
		what := fmt.Sprintf("tier %d: ", i+1)
		if name := peek(it, "name"); name != "" {
			what = fmt.Sprintf("tier %s: ", Quote(name))
		}
		m := l.mapping(it, what, tierKeys...)
		if m == nil {
			continue
		}
		t := Tier{}
		ok := true
		if e, has := m["name"]; has {
			t.Name, ok = l.text(e.val, what+"name: ")
			if ok {
				if line, dup := names[NameKey(t.Name)]; dup {
					l.addf(e.val.Line, "%sduplicate tier name (first at line %d)", what, line)
				}
				names[NameKey(t.Name)] = e.val.Line
			}
		} else {
			l.addf(it.Line, "%smissing required key \"name\"", what)
			ok = false
		}
		if e, has := m["min"]; has {
			min, good := l.number(e.val, what+"min: ")
			switch {
			case !good:
				ok = false
			case min.Sign() < 0 || min.GreaterThan(decimal.NewFromInt(100)):
				l.addf(e.val.Line, "%smin %s is outside 0..100", what, min)
			case prev != nil && !min.LessThan(prev.Min):
				l.hintf(e.val.Line, "list tiers highest first, each min below the one before",
					"%smin %s is not below the min %s of tier %s before it", what, min, prev.Min, Quote(prev.Name))
			}
			t.Min = min
		} else {
			l.addf(it.Line, "%smissing required key \"min\"", what)
			ok = false
		}
		if ok {
			l.set.Tiers = append(l.set.Tiers, t)
			prev = &l.set.Tiers[len(l.set.Tiers)-1]
		}
	}
}

// metrics reads the declared metrics; ratios are checked once all are known.
func (l *loader) metrics(n *yaml.Node) {
	items := l.list(n, "metrics: ")
	if n.Kind == yaml.SequenceNode && len(items) == 0 {
		l.addf(n.Line, "metrics: the list is empty")
	}
	seen := map[string]int{}
	for i, it := range items {
		what := fmt.Sprintf("metric %d: ", i+1)
		if id := peek(it, "id"); id != "" {
			what = fmt.Sprintf("metric %s: ", Quote(id))
		}
		mm := l.mapping(it, what, metricKeys...)
		if mm == nil {
			continue
		}
		m := &Metric{Line: it.Line}
		dup := false
		if e, ok := mm["id"]; ok {
			if id, ok := l.text(e.val, what+"id: "); ok {
				if !metricIDPattern.MatchString(id) {
					l.addf(e.val.Line, "%sthe id may hold only letters, digits, _, . and -", what)
				}
				if line, ok := seen[id]; ok {
					dup = true
					l.addf(e.val.Line, "%sduplicate metric id (first at line %d)", what, line)
				} else {
					seen[id] = e.val.Line
				}
				m.ID = id
			}
		} else {
			l.addf(it.Line, "%smissing required key \"id\"", what)
		}
		if e, ok := mm["name"]; ok {
			m.Name, _ = l.text(e.val, what+"name: ")
		}
		if m.Name == "" {
			m.Name = m.ID
		}
		if e, ok := mm["type"]; ok {
			m.Type = l.metricType(e.val, what)
		} else {
			l.addf(it.Line, "%smissing required key \"type\"", what)
		}
		if e, ok := mm["ratio"]; ok {
			m.Ratio = l.ratio(e.val, what)
		}
		l.metricLevels(m, mm, it, what)
		if e, ok := mm["default"]; ok {
			l.metricDefault(m, e.val, what)
		}
		if e, ok := mm["filled_by"]; ok {
			l.filledBy(m, e.val, what)
		}
		if m.ID != "" && !dup {
			l.set.Metrics = append(l.set.Metrics, m)
		}
	}
}

// filledBy reads who fills a metric in: the units (the default) or the
// Department itself (SPEC §12).
func (l *loader) filledBy(m *Metric, n *yaml.Node, what string) {
	s, ok := l.text(n, what+"filled_by: ")
	switch {
	case !ok:
	case s == "department":
		if m.Ratio != nil {
			l.addf(n.Line, "%sa ratio metric is derived: mark its parts filled_by: department instead", what)
			return
		}
		m.ByDepartment = true
	case s != "unit":
		l.hintf(n.Line, `filled_by is "unit" (the default) or "department"`, "%sfilled_by: unknown value %s", what, Quote(s))
	}
}

// metricType reads a metric's type.
func (l *loader) metricType(n *yaml.Node, what string) MetricType {
	s, ok := l.text(n, what+"type: ")
	if !ok {
		return 0
	}
	for t := Bool; t <= Level; t++ {
		if t.String() == s {
			return t
		}
	}
	names := metricTypeNames[1:]
	hint := "a metric type is one of " + strings.Join(names[:], ", ")
	if near := closest(s, names[:]); near != "" {
		hint = fmt.Sprintf("did you mean %q?", near)
	}
	l.hintf(n.Line, hint, "%sunknown type %s", what, Quote(s))
	return 0
}

// metricDefault reads a metric's default as a cell of its type would be.
func (l *loader) metricDefault(m *Metric, n *yaml.Node, what string) {
	if m.Ratio != nil {
		l.addf(n.Line, "%sa ratio metric is derived and takes no default", what)
		return
	}
	if n.Kind != yaml.ScalarNode || isNull(n) || strings.TrimSpace(n.Value) == "" {
		l.addf(n.Line, "%sdefault: expected a value, not %s", what, describeNode(n))
		return
	}
	if m.Type == 0 {
		return // the type's own problem is reported
	}
	if utf8.RuneCountInString(n.Value) > QuoteLimit {
		l.addf(n.Line, "%sdefault: %s is too long to be a value", what, Quote(n.Value))
		return
	}
	v, err := m.Parse(n.Value)
	if err != nil {
		l.addf(n.Line, "%sdefault: %v", what, err)
		return
	}
	m.Default = &v
}

// ratio reads a ratio's numerator and denominator lists; a single id may be
// written without brackets.
func (l *loader) ratio(n *yaml.Node, what string) *Ratio {
	m := l.mapping(n, what+"ratio: ", ratioKeys...)
	if m == nil {
		return nil
	}
	r := &Ratio{}
	for _, k := range ratioKeys {
		e, ok := m[k]
		if !ok {
			l.addf(n.Line, "%sratio: missing required key %q", what, k)
			continue
		}
		var ids []string
		if e.val.Kind == yaml.ScalarNode && !isNull(e.val) {
			if id, ok := l.text(e.val, what+k+": "); ok {
				ids = append(ids, id)
			}
		} else {
			for _, it := range l.list(e.val, what+k+": ") {
				if id, ok := l.text(it, what+k+": "); ok {
					ids = append(ids, id)
				}
			}
			if len(ids) == 0 && e.val.Kind == yaml.SequenceNode && len(e.val.Content) == 0 {
				l.addf(e.val.Line, "%s%s: the list is empty", what, k)
			}
		}
		if k == "numerator" {
			r.Numerator = ids
		} else {
			r.Denominator = ids
		}
	}
	return r
}
