package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/criteria"
)

// leftovers lists the files of dir other than want, such as temporary
// files a failed write did not remove.
func leftovers(t *testing.T, dir string, want ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{}
	for _, w := range want {
		keep[w] = true
	}
	var out []string
	for _, e := range entries {
		if !keep[e.Name()] {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.xlsx")
	input := filepath.Join(dir, "metrics.csv")
	if err := os.WriteFile(input, []byte("unit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("marker"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	tests := []struct {
		name    string
		path    string
		write   func(io.Writer) error
		wantErr error
		want    string // content of report.xlsx afterwards
	}{
		{"failed write leaves the old file", out, func(w io.Writer) error {
			io.WriteString(w, "half a report")
			return boom
		}, boom, "marker"},
		{"refuses an input", input, func(w io.Writer) error {
			return nil
		}, ErrOverwriteInput, "marker"},
		{"refuses an input spelt differently", filepath.Join(dir, ".", "x", "..", "metrics.csv"), func(w io.Writer) error {
			return nil
		}, ErrOverwriteInput, "marker"},
		{"good write replaces the file whole", out, func(w io.Writer) error {
			_, err := io.WriteString(w, "new report")
			return err
		}, nil, "new report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteFile(tt.path, []string{input}, tt.write)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("WriteFile error = %v, want %v", err, tt.wantErr)
			}
			got, _ := os.ReadFile(out)
			if string(got) != tt.want {
				t.Errorf("report.xlsx = %q, want %q", got, tt.want)
			}
			if extra := leftovers(t, dir, "report.xlsx", "metrics.csv"); len(extra) > 0 {
				t.Errorf("files left behind: %v", extra)
			}
			if in, _ := os.ReadFile(input); string(in) != "unit\n" {
				t.Errorf("input changed: %q", in)
			}
		})
	}
}

func TestWriteFileAtomicRefusesLinkToInput(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "metrics.csv")
	if err := os.WriteFile(input, []byte("unit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(input, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	err := WriteFile(link, []string{input}, func(w io.Writer) error { return nil })
	if !errors.Is(err, ErrOverwriteInput) {
		t.Errorf("writing through a link to an input: error = %v, want %v", err, ErrOverwriteInput)
	}
}

// TestWriteFileAtomicFolderProblems checks that an output whose folder is
// missing, is a file, or may not be written in is refused with a message
// naming the folder and a hint, leaving nothing behind.
func TestWriteFileAtomicFolderProblems(t *testing.T) {
	dir := t.TempDir()
	afile := filepath.Join(dir, "afile")
	if err := os.WriteFile(afile, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, msg, hint string
		skip                  bool
	}{
		{"missing folder", filepath.Join(dir, "no", "such", "report.xlsx"),
			"the folder " + filepath.Join(dir, "no", "such") + " does not exist", "mkdir", false},
		{"a file for a folder", filepath.Join(afile, "report.xlsx"),
			afile + " is a file, not a folder", "a folder that exists", false},
		// The superuser may write anywhere.
		{"a folder not writable", filepath.Join(locked, "report.xlsx"),
			"cannot write in the folder " + locked + ": permission denied", "you may write in", os.Geteuid() == 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip {
				t.Skip("running as the superuser, who may write anywhere")
			}
			err := WriteFile(tt.path, nil, func(w io.Writer) error { return nil })
			var ps criteria.Problems
			if !errors.As(err, &ps) || len(ps) != 1 {
				t.Fatalf("error = %v, want one problem", err)
			}
			if ps[0].File != tt.path || ps[0].Msg != tt.msg || !strings.Contains(ps[0].Hint, tt.hint) {
				t.Errorf("problem = %+v, want file %s, message %q and a hint with %q", ps[0], tt.path, tt.msg, tt.hint)
			}
			if extra := leftovers(t, dir, "afile", "locked"); len(extra) > 0 {
				t.Errorf("files left behind: %v", extra)
			}
		})
	}
}

func TestWriteFileAtomicFolder(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(dir, nil, func(w io.Writer) error { return nil }); err == nil {
		t.Error("writing over a folder: no error")
	}
}

// TestWriteFilesAtomicAllOrNone checks that when one output fails, no
// output is renamed into place, and that a path named twice is refused.
func TestWriteFilesAtomicAllOrNone(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.xlsx")
	ok := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	fail := func(w io.Writer) error { return errors.New("boom") }
	if err := WriteFiles([]Output{{a, ok}, {b, fail}}, nil); err == nil {
		t.Fatal("WriteFiles with a failing output: no error")
	}
	if extra := leftovers(t, dir); len(extra) > 0 {
		t.Errorf("after a failure, files exist: %v", extra)
	}
	if err := WriteFiles([]Output{{a, ok}, {filepath.Join(dir, ".", "a.json"), ok}}, nil); err == nil {
		t.Error("the same output named twice: no error")
	}
	if err := WriteFiles([]Output{{a, ok}, {b, ok}}, nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{a, b} {
		if got, _ := os.ReadFile(p); string(got) != "new" {
			t.Errorf("%s = %q, want %q", p, got, "new")
		}
	}
	if extra := leftovers(t, dir, "a.json", "b.xlsx"); len(extra) > 0 {
		t.Errorf("files left behind: %v", extra)
	}
}
