package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/criteria"
)

var tinyDir = filepath.Join("..", "fixtures", "tiny")

func TestLoadAndScoreTiny(t *testing.T) {
	ws, err := Load(Paths{Dir: tinyDir}, Everything)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ws.Paths.Metrics, filepath.Join(tinyDir, "metrics.csv"); got != want {
		t.Errorf("metrics resolved to %q, want %q", got, want)
	}
	names := map[string]bool{}
	for _, in := range ws.Inputs {
		if len(in.SHA256) != 64 {
			t.Errorf("%s: SHA-256 %q is not 64 hex digits", in.Name, in.SHA256)
		}
		names[filepath.Base(in.Name)] = true
	}
	for _, want := range []string{"criteria.yaml", "units.yaml", "metrics.csv", "self.csv", "previous.json"} {
		if !names[want] {
			t.Errorf("inputs %v lack %s", ws.Inputs, want)
		}
	}
	res, err := ws.Score()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Units) != 4 {
		t.Fatalf("%d units scored, want 4", len(res.Units))
	}
	self, prev := 0, 0
	for _, u := range res.Units {
		if u.Self != nil {
			self++
		}
		if u.Previous != nil {
			prev++
		}
	}
	if self != 2 || prev != 3 {
		t.Errorf("self-assessed units = %d, with last year's rank = %d; want 2 and 3", self, prev)
	}
}

// TestLoadCollectsEveryFile checks that a broken criteria.yaml does not
// hide the problems of units.yaml, and that each names its file.
func TestLoadCollectsEveryFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "criteria.yaml", "id: Bad Id\nfields: []\n")
	write(t, dir, "units.yaml", "units:\n  - id: a\n    name: A\n  - id: a\n    name: B\n")
	write(t, dir, "metrics.csv", "unit\n")
	_, err := Load(Paths{Dir: dir}, Everything)
	var ps criteria.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load error = %v, want criteria.Problems", err)
	}
	files := map[string]bool{}
	for _, p := range ps {
		files[filepath.Base(p.File)] = true
	}
	if !files["criteria.yaml"] || !files["units.yaml"] {
		t.Errorf("problems %v: want some in criteria.yaml and in units.yaml", ps)
	}
}

func TestResolveProblems(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  string // in the message of some problem
		hint  string // in its hint
	}{
		{"two metrics inputs", []string{"metrics.csv", "metrics/x.csv"}, "more than one metrics input: metrics.csv, metrics", "--metrics"},
		{"no metrics input", nil, "no metrics input", "--metrics"},
		{"two self inputs", []string{"metrics.csv", "self.csv", "self.xlsx"}, "more than one self input", "--self"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			copyFile(t, filepath.Join(tinyDir, "criteria.yaml"), filepath.Join(dir, "criteria.yaml"))
			copyFile(t, filepath.Join(tinyDir, "units.yaml"), filepath.Join(dir, "units.yaml"))
			for _, f := range tt.files {
				write(t, dir, f, "unit\n")
			}
			_, err := Load(Paths{Dir: dir}, Everything)
			var ps criteria.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Load error = %v, want criteria.Problems", err)
			}
			for _, p := range ps {
				if strings.Contains(p.Msg, tt.want) && strings.Contains(p.Hint, tt.hint) {
					return
				}
			}
			t.Errorf("problems %v (hints %v): none says %q with a hint on %s", ps, ps.Hints(), tt.want, tt.hint)
		})
	}
}

func TestLoadMissingFolder(t *testing.T) {
	_, err := Load(Paths{Dir: filepath.Join(t.TempDir(), "nope")}, Everything)
	if err == nil || !strings.Contains(err.Error(), "no such folder") {
		t.Errorf("Load of a missing folder: error = %v, want one saying no such folder", err)
	}
}

func TestLoadMissingFileHasHint(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(tinyDir, "criteria.yaml"), filepath.Join(dir, "criteria.yaml"))
	_, err := Load(Paths{Dir: dir}, Definition)
	var ps criteria.Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("Load error = %v, want one problem", err)
	}
	if p := ps[0]; p.File != filepath.Join(dir, "units.yaml") || p.Msg != "no such file" || p.Hint == "" {
		t.Errorf("problem = %+v, want units.yaml: no such file, with a hint", p)
	}
}

// TestFlagsOverrideFolder checks that a file given by flag is read instead
// of the folder's, and named as given.
func TestFlagsOverrideFolder(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "so-lieu.csv")
	copyFile(t, filepath.Join(tinyDir, "metrics.csv"), other)
	ws, err := Load(Paths{Dir: tinyDir, Metrics: other, Self: other}, Everything)
	if err != nil {
		t.Fatal(err)
	}
	if ws.Paths.Metrics != other {
		t.Errorf("metrics = %q, want %q", ws.Paths.Metrics, other)
	}
	found := false
	for _, in := range ws.Inputs {
		found = found || in.Name == other
	}
	if !found {
		t.Errorf("inputs %v lack %s", ws.Inputs, other)
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
