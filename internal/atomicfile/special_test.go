package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// TestWriteThroughSymlink checks that an output named by a symbolic link
// replaces the file the link names and keeps the link, a dangling link
// included, and that a link to an input is refused.
func TestWriteThroughSymlink(t *testing.T) {
	tests := []struct {
		name     string
		target   string // what the link points at, relative to the folder
		existing bool   // the target exists before the write
	}{
		{"link to a file", "real.json", true},
		{"link into a subfolder", "sub/real.json", true},
		{"dangling link", "new.json", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			real := filepath.Join(dir, tt.target)
			if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
				t.Fatal(err)
			}
			if tt.existing {
				if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			link := filepath.Join(dir, "link.json")
			if err := os.Symlink(tt.target, link); err != nil {
				t.Fatal(err)
			}
			if err := WriteFile(link, nil, writeString("new")); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Lstat(link)
			if err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("link.json is no longer a link: %v %v", fi.Mode(), err)
			}
			if got, _ := os.ReadFile(real); string(got) != "new" {
				t.Errorf("%s = %q, want %q", tt.target, got, "new")
			}
			if extra := leftovers(t, filepath.Dir(real), filepath.Base(real), "link.json", "sub"); len(extra) > 0 {
				t.Errorf("files left behind: %v", extra)
			}
		})
	}
	t.Run("link to an input", func(t *testing.T) {
		dir := t.TempDir()
		input := filepath.Join(dir, "metrics.csv")
		if err := os.WriteFile(input, []byte("unit\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "out.xlsx")
		if err := os.Symlink("metrics.csv", link); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(link, []string{input}, writeString("x")); !errors.Is(err, ErrOverwriteInput) {
			t.Fatalf("error = %v, want %v", err, ErrOverwriteInput)
		}
		if got, _ := os.ReadFile(input); string(got) != "unit\n" {
			t.Errorf("input changed: %q", got)
		}
	})
}

// TestWriteToFIFO checks that an existing named pipe is written into, not
// replaced by a regular file.
func TestWriteToFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes in the file system")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := WriteFile(fifo, nil, writeString("result")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "result" {
		t.Errorf("read from the pipe %q, want %q", s, "result")
	}
	fi, err := os.Lstat(fifo)
	if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("out.json is no longer a named pipe: %v %v", fi.Mode(), err)
	}
	if extra := leftovers(t, dir, "out.json"); len(extra) > 0 {
		t.Errorf("files left behind: %v", extra)
	}
}

// TestCleanup checks that Cleanup removes the temporary files of writes
// in progress and that no write may start one after it.
func TestCleanup(t *testing.T) {
	defer func() { live.Lock(); live.closed = false; live.Unlock() }()
	dir := t.TempDir()
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- WriteFile(filepath.Join(dir, "report.xlsx"), nil, func(w io.Writer) error {
			close(started)
			<-release
			_, err := io.WriteString(w, "late")
			return err
		})
	}()
	<-started
	if extra := leftovers(t, dir); len(extra) != 1 {
		t.Fatalf("want one temporary file while writing, got %v", extra)
	}
	Cleanup()
	if extra := leftovers(t, dir); len(extra) > 0 {
		t.Errorf("after Cleanup, files left: %v", extra)
	}
	close(release)
	<-done // the rename fails or not; nothing may be left either way
	if err := WriteFile(filepath.Join(dir, "other.xlsx"), nil, writeString("x")); err == nil {
		t.Error("a write after Cleanup succeeded")
	}
	if extra := leftovers(t, dir); len(extra) > 0 {
		t.Errorf("files left: %v", extra)
	}
}
