package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"parindex/criteria"
)

// TestLoadNamedPipe checks that metrics.csv given as a named pipe is read
// once, and hashed from the bytes read: opening it a second time to hash
// it waited for a writer that never came.
func TestLoadNamedPipe(t *testing.T) {
	dir := tinyWorkspace(t, nil)
	csv, err := os.ReadFile(filepath.Join("..", "fixtures", "tiny", "metrics.csv"))
	if err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "metrics.csv")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	go func() {
		// Write the table once, as a program feeding the pipe would.
		if f, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
			f.Write(csv)
			f.Close()
		}
	}()
	done := make(chan error, 1)
	var ws *Workspace
	go func() {
		var err error
		ws, err = Load(Paths{Dir: dir}, Everything)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		// Unblock a second open so that the test ends.
		if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatal("Load did not return: the pipe was opened twice")
	}
	sum := sha256.Sum256(csv)
	want := hex.EncodeToString(sum[:])
	for _, in := range ws.Inputs {
		if in.Name == pipe {
			if in.SHA256 != want {
				t.Errorf("hash of %s = %s, want %s", pipe, in.SHA256, want)
			}
			return
		}
	}
	t.Errorf("%s is not among the inputs %v", pipe, ws.Inputs)
}

// TestSortKeepsCountLast checks that sorting a capped problem list by
// file and row leaves the count of the problems not listed at its end.
func TestSortKeepsCountLast(t *testing.T) {
	var ps criteria.Problems
	for i := range criteria.MaxListed + 50 {
		ps.Append(criteria.Problem{File: "metrics.csv", Line: criteria.MaxListed + 50 - i, Msg: "bad"})
	}
	sortProblems(ps)
	last := ps[len(ps)-1]
	if last.Omitted != 50 || ps[0].Line != 51 {
		t.Errorf("after sorting: first at line %d, last %q; want line 51 first, the count of 50 last", ps[0].Line, last.Error())
	}
}
