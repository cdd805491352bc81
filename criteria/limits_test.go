package criteria

import (
	"os"
	"strings"
	"testing"
)

// endless is a reader that never ends, counting what it gave.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	e.n += int64(len(p))
	return len(p), nil
}

// TestReadYAMLStopsAtLimit checks that an endless file is refused once
// past MaxFileSize, having read little more than that.
func TestReadYAMLStopsAtLimit(t *testing.T) {
	r := &endless{}
	_, err := ReadYAML(r, "criteria.yaml")
	ps, ok := err.(Problems)
	if !ok || len(ps) != 1 || !strings.Contains(ps[0].Msg, "larger than 4 MiB") || ps[0].Hint == "" {
		t.Fatalf("error = %v, want one problem naming the 4 MiB limit, with a hint", err)
	}
	if r.n > MaxFileSize+64<<10 {
		t.Errorf("read %d bytes of an endless file, want about %d", r.n, MaxFileSize)
	}
	data, err := ReadYAML(strings.NewReader("units: []\n"), "units.yaml")
	if err != nil || string(data) != "units: []\n" {
		t.Errorf("a small file: %q, %v", data, err)
	}
}

// TestLoadSizeLimit checks that Load and LoadUnits refuse a file over
// MaxFileSize with that one problem, and take one of exactly that size.
func TestLoadSizeLimit(t *testing.T) {
	over := make([]byte, MaxFileSize+1)
	for i := range over {
		over[i] = '#'
	}
	for name, load := range map[string]func([]byte) error{
		"criteria.yaml": func(b []byte) error { _, err := Load(b, "criteria.yaml"); return err },
		"units.yaml":    func(b []byte) error { _, err := LoadUnits(b, "units.yaml"); return err },
	} {
		err := load(over)
		want := name + ": the file is larger than 4 MiB, the most parindex reads of a criteria set or a list of units"
		if ps, ok := err.(Problems); !ok || len(ps) != 1 || ps[0].Error() != want {
			t.Errorf("%s over the limit: %v, want %s", name, err, want)
		}
		if err := load(over[:MaxFileSize]); err == nil || strings.Contains(err.Error(), "MiB") {
			t.Errorf("%s of exactly the limit: %v, want the problems of a file of comments", name, err)
		}
	}
}

// TestLongValuesQuotedShort checks that a huge value in criteria.yaml or
// units.yaml is quoted by its first characters and its length, never
// whole, and that a number may not have thousands of digits.
func TestLongValuesQuotedShort(t *testing.T) {
	huge := strings.Repeat("9", 100000)
	word := strings.Repeat("x", 100000)
	tests := []struct {
		name, yaml, want string
		units            bool
	}{
		{"max of 100,000 digits", head + "fields:\n  - {code: \"1\", name: A, max: " + huge + ", rule: {type: count, metric: n, per: 1}}\n",
			`criteria.yaml:8: node "1": max: "9999999999999999999999999999999999999999…" has 100000 digits; a number here may have at most 24`, false},
		{"a number of 25 digits", head + "fields:\n  - {code: \"1\", name: A, max: 1" + strings.Repeat("0", 24) + ", rule: {type: count, metric: n, per: 1}}\n",
			`criteria.yaml:8: node "1": max: "1000000000000000000000000" has 25 digits; a number here may have at most 24`, false},
		{"unknown key", head + word[:1000] + ": 1\nfields:\n  - {code: \"1\", name: A, max: 1, rule: {type: count, metric: n, per: 1}}\n",
			`criteria.yaml:7: unknown key "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"`, false},
		{"metric type", "id: t\ntitle: T\nyear: 2020\nmetrics:\n  - {id: n, type: " + word + "}\n",
			`criteria.yaml:5: metric "n": unknown type "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"`, false},
		{"metric default", "id: t\ntitle: T\nyear: 2020\nmetrics:\n  - {id: n, type: count, default: " + huge + "}\n",
			`criteria.yaml:5: metric "n": default: "9999999999999999999999999999999999999999…" is too long to be a value`, false},
		{"rule metric", head + "fields:\n  - {code: \"1\", name: A, max: 1, rule: {type: count, metric: " + word + ", per: 1}}\n",
			`criteria.yaml:8: node "1": count: metric "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is not declared`, false},
		{"node code", head + "fields:\n  - {code: " + word + ", name: A, max: 1, rule: {type: count, metric: n, per: -1}}\n",
			`criteria.yaml:8: node "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…": count: per -1 must be more than 0`, false},
		{"unit name clash", "units:\n  - {id: a, name: " + word + "}\n  - {id: b, name: " + word + "}\n",
			`units.yaml:3: unit "b": name "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" clashes with the name "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" of unit "a" (line 2)`, true},
		{"units not a list", "units: " + word + "\n",
			`units.yaml:1: units: expected a list, not "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.units {
				_, err = LoadUnits([]byte(tt.yaml), "units.yaml")
			} else {
				_, err = Load([]byte(tt.yaml), "criteria.yaml")
			}
			ps, _ := err.(Problems)
			found := false
			for _, p := range ps {
				if len(p.Error()) > 300 {
					t.Errorf("a message of %d characters: %.200s…", len(p.Error()), p.Error())
				}
				found = found || p.Error() == tt.want
			}
			if !found {
				t.Errorf("problems:\n%v\nwant among them:\n%s", err, tt.want)
			}
		})
	}
}

// TestReadYAMLError checks that a file that cannot be read is a problem
// placed in it, in words.
func TestReadYAMLError(t *testing.T) {
	f, err := os.Open(t.TempDir()) // a folder: opened, but not read
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = ReadYAML(f, "criteria.yaml")
	ps, ok := err.(Problems)
	if !ok || len(ps) != 1 || ps[0].File != "criteria.yaml" || !strings.HasPrefix(ps[0].Msg, "cannot read: ") {
		t.Errorf("error = %#v, want one problem of criteria.yaml that says it cannot be read", err)
	}
}
