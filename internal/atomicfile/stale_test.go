package atomicfile

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// deadPID returns the id of a process that has ended: a child run and
// waited for.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	if processAlive(pid) {
		t.Skipf("process %d ended but its id is in use again", pid)
	}
	return pid
}

// TestRemoveStale checks that a write removes the temporary files of its
// outputs left by a process that has ended (a run killed with kill -9),
// and keeps those of a live process, of other outputs, of an older
// parindex (no process id) and of this process.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	dead, live, self := deadPID(t), os.Getppid(), os.Getpid()
	name := func(base string, pid int) string {
		return "." + base + ".tmp-" + strconv.Itoa(pid) + "-12345"
	}
	stale := []string{name("report.xlsx", dead), name("result.json", dead)}
	kept := []string{
		name("report.xlsx", live),     // a concurrent run's, still being written
		name("report.xlsx", self),     // another write of this process
		name("template.xlsx", dead),   // not an output of this run
		".report.xlsx.tmp-2718281828", // an older parindex's: its maker cannot be told
		".report.xlsx.tmp-0-1",        // no process has id 0
		".report.xlsx.tmp-" + "12x-1", // not a process id
		"report.xlsx.tmp-" + "1-1",    // not hidden: not ours
	}
	for _, n := range append(slices.Clone(stale), kept...) {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write := func(w io.Writer) error { _, err := io.WriteString(w, "whole"); return err }
	err := WriteFiles([]Output{
		{Path: filepath.Join(dir, "report.xlsx"), Write: write},
		{Path: filepath.Join(dir, "result.json"), Write: write},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range stale {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			t.Errorf("%s, left by ended process %d, was not removed", n, dead)
		}
	}
	for _, n := range kept {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed: %v", n, err)
		}
	}
}

// TestTempNameCarriesPID checks that the temporary file of an output
// being written is named with this process's id, which removeStale reads.
func TestTempNameCarriesPID(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.xlsx")
	var seen []string
	err := WriteFile(out, nil, func(w io.Writer) error {
		entries, err := os.ReadDir(dir)
		for _, e := range entries {
			seen = append(seen, e.Name())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 {
		t.Fatalf("while writing, the folder held %v, want one temporary file", seen)
	}
	base, pid, ok := parseTempName(seen[0])
	if !ok || base != "report.xlsx" || pid != os.Getpid() {
		t.Errorf("temporary file %q: parsed as (%q, %d, %v), want (report.xlsx, %d, true)", seen[0], base, pid, ok, os.Getpid())
	}
}
