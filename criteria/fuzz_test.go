package criteria

import (
	"os"
	"path/filepath"
	"testing"
)

// seed adds every YAML file of testdata to f's corpus.
func seed(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzLoad checks that Load never panics, and that it returns either a set
// or problems, never both and never neither; and that a loaded set can be
// described.
func FuzzLoad(f *testing.F) {
	seed(f)
	f.Add([]byte(head + "fields: &f\n  - {code: \"1\", name: A, children: *f}\n"))
	for _, c := range constructCases {
		f.Add([]byte(c.yaml))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Load(data, "criteria.yaml")
		if (s == nil) == (err == nil) {
			t.Fatalf("Load returned set %v and error %v", s != nil, err)
		}
		if err != nil {
			if ps, ok := err.(Problems); !ok || len(ps) == 0 {
				t.Fatalf("Load error %T %v, want non-empty Problems", err, err)
			}
			return
		}
		for _, n := range s.Nodes() {
			if n.Describe(s, Vietnamese) == "" || n.Describe(s, English) == "" {
				t.Fatalf("node %q has no description", n.Code)
			}
			if n.MaxPoints().Sign() <= 0 {
				t.Fatalf("node %q: max %s", n.Code, n.MaxPoints())
			}
			if n.Rule != nil && n.Rule.Type == LevelsRule && len(n.Rule.Levels) != len(s.Metric(n.Rule.Metric).Levels) {
				t.Fatalf("node %q: %d level points for %d levels", n.Code, len(n.Rule.Levels), len(s.Metric(n.Rule.Metric).Levels))
			}
		}
		if len(s.GateOrder()) != countGated(s) {
			t.Fatalf("GateOrder has %d nodes, %d carry requires", len(s.GateOrder()), countGated(s))
		}
	})
}

// FuzzLoadUnits checks that LoadUnits never panics and that loaded units
// have ids and names.
func FuzzLoadUnits(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		units, err := LoadUnits(data, "units.yaml")
		if err != nil {
			if _, ok := err.(Problems); !ok {
				t.Fatalf("LoadUnits error %T %v, want Problems", err, err)
			}
			return
		}
		if len(units) == 0 {
			t.Fatal("no units and no error")
		}
		for _, u := range units {
			if u.ID == "" || u.Name == "" {
				t.Fatalf("unit %+v lacks an id or a name", u)
			}
		}
	})
}

// countGated counts the nodes that carry requires.
func countGated(s *Set) int {
	n := 0
	for _, x := range s.Nodes() {
		if len(x.Requires) > 0 {
			n++
		}
	}
	return n
}
