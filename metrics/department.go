package metrics

import (
	"fmt"
	"strings"

	"parindex/criteria"
)

// DepartmentOptions returns the options for reading the units' values
// when the Department gives its own table: the metrics it fills in
// (filled_by: department) may be absent from the units' files.
func DepartmentOptions(set *criteria.Set, opts Options) Options {
	opts.Optional = map[string]bool{}
	for _, m := range set.Inputs() {
		if m.ByDepartment {
			opts.Optional[m.ID] = true
		}
	}
	return opts
}

// ReadDepartment reads the Department's own wide table (department.csv or
// department.xlsx, SPEC §12): a row for every unit, a column for each
// metric it fills in. Any input metric may be a column; which ones are
// left to the units is settled by [Table.Merge].
func ReadDepartment(path string, set *criteria.Set, units []*criteria.Unit) (*Table, error) {
	opts := Options{Optional: map[string]bool{}}
	for _, m := range set.Inputs() {
		opts.Optional[m.ID] = true
	}
	return Read(path, set, units, opts)
}

// Merge adds the values of the Department's table dept to t, unit by
// unit. A metric with values in both is a problem, named once — unless
// own is set, for a self-assessment, whose own values then stand; a metric
// filled_by: department that neither gives takes its default, or is a
// problem for each unit of t that lacks it. Place then points at the
// table each value came from. t.Files still names t's own files only.
func (t *Table) Merge(dept *Table, set *criteria.Set, units []*criteria.Unit, own bool) criteria.Problems {
	var probs criteria.Problems
	both := map[string]string{} // metric id → a unit that has it in both
	for _, u := range units {
		dv, dok := dept.Values[u.ID]
		uv, uok := t.Values[u.ID]
		if !dok || !uok {
			continue
		}
		for id, v := range dv.All() {
			if uv.Has(id) {
				if _, seen := both[id]; !seen && !own {
					both[id] = u.ID
					p := dept.Place(u.ID, id)
					p.Hint = "the Department's table and the units' values must not both give a metric: remove its column from one"
					add(&probs, p, "metric %q is given both here and in %s", id, strings.Join(t.Files, ", "))
				}
				continue
			}
			uv.Set(id, v)
			t.Values[u.ID] = uv
			if t.fromDept == nil {
				t.fromDept = map[string]map[string]bool{}
			}
			if t.fromDept[u.ID] == nil {
				t.fromDept[u.ID] = map[string]bool{}
			}
			t.fromDept[u.ID][id] = true
		}
	}
	t.dept = dept
	for id, n := range dept.UnitNotes {
		if t.UnitNotes == nil {
			t.UnitNotes = map[string]string{}
		}
		t.UnitNotes[id] = strings.TrimPrefix(t.UnitNotes[id]+"; "+n, "; ")
	}
	probs.Append(t.fillDepartmentMetrics(set, units)...)
	return probs
}

// fillDepartmentMetrics gives each unit of t the defaults of the
// metrics filled_by: department that no table gave, and names those
// without one.
func (t *Table) fillDepartmentMetrics(set *criteria.Set, units []*criteria.Unit) criteria.Problems {
	var probs criteria.Problems
	for _, m := range set.Inputs() {
		if !m.ByDepartment {
			continue
		}
		var lacking []string
		for _, u := range units {
			vals, ok := t.Values[u.ID]
			if !ok {
				continue
			}
			if vals.Has(m.ID) {
				continue
			}
			if m.Default != nil {
				vals.Set(m.ID, *m.Default)
				t.Values[u.ID] = vals
				continue
			}
			lacking = append(lacking, fmt.Sprintf("%q", u.Name))
		}
		if len(lacking) > 0 {
			p := criteria.Problem{File: strings.Join(t.Files, ", "),
				Hint: "a metric filled_by: department comes from department.csv (or .xlsx) or from the units' values"}
			add(&probs, p, "metric %q (filled in by the Department) has no value for %s %s", m.ID,
				plural(len(lacking), "unit", "units"), nameFew(lacking))
		}
	}
	return probs
}

// nameFew lists up to five names, then how many more.
func nameFew(names []string) string {
	if len(names) <= 5 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:5], ", "), len(names)-5)
}
