package criteria

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seed adds every YAML file of testdata to f's corpus, and the realistic
// mistakes of syntaxCases made in testdata/syntax/base.yaml.
func seed(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join("testdata", "syntax", "*.yaml"))
	for _, p := range append(paths, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	base, err := os.ReadFile(filepath.Join("testdata", "syntax", "base.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(base), "\n"), "\n")
	for _, c := range syntaxCases {
		changed := append([]string(nil), lines...)
		changed[c.line-1] = c.change(changed[c.line-1])
		f.Add([]byte(strings.Join(changed, "\n") + "\n"))
	}
	f.Add([]byte(head + "fields:\n  - {code: \"1\", name: A, max: " + strings.Repeat("9", 300) + ", rule: {type: boolean, metric: b}}\n"))
	f.Add([]byte("units:\n  - {id: con, name: A}\n  - {id: " + strings.Repeat("a", 65) + ", name: B}\n"))
}

// checkProblems checks what every problem must be: placed within the file,
// and short however long the values in it — a value is quoted by its
// first characters, the YAML library's words are cut.
func checkProblems(t *testing.T, data []byte, err error) {
	t.Helper()
	ps, ok := err.(Problems)
	if !ok || len(ps) == 0 {
		t.Fatalf("error %T %v, want non-empty Problems", err, err)
	}
	lines, _ := splitLines(data)
	for _, p := range ps {
		if p.Line < 0 || p.Line > len(lines) {
			t.Errorf("%s: line %d of a file of %d lines", p.Msg, p.Line, len(lines))
		}
		if n := utf8.RuneCountInString(p.Msg); n > 400 || utf8.RuneCountInString(p.Hint) > 400 {
			t.Errorf("a message of %d characters: %.120s…", n, p.Msg)
		}
		if p.Msg == "" {
			t.Errorf("a problem without a message at line %d", p.Line)
		}
	}
}

// FuzzLoad checks that Load never panics, and that it returns either a set
// or problems, never both and never neither; that the problems are placed
// and short; and that a loaded set can be described.
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
			checkProblems(t, data, err)
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

// FuzzLoadUnits checks that LoadUnits never panics, that its problems are
// placed and short, and that loaded units have ids and names, each id at
// most 64 characters and not a name Windows keeps for a device.
func FuzzLoadUnits(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		units, err := LoadUnits(data, "units.yaml")
		if err != nil {
			checkProblems(t, data, err)
			return
		}
		if len(units) == 0 {
			t.Fatal("no units and no error")
		}
		for _, u := range units {
			if u.ID == "" || u.Name == "" {
				t.Fatalf("unit %+v lacks an id or a name", u)
			}
			if utf8.RuneCountInString(u.ID) > MaxUnitIDLength || windowsDevices[strings.ToLower(u.ID)] {
				t.Fatalf("unit id %q was accepted", u.ID)
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
