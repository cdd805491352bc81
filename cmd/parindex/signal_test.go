package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runMainEnv, set in the environment, makes the test binary run as
// parindex itself (see TestMain), so that a test can signal a real process.
const runMainEnv = "PARINDEX_TEST_RUN_MAIN"

// writeLargeWorkspace writes a workspace big enough that writing its
// report takes a good part of a second: units × leaves percent criteria.
func writeLargeWorkspace(t *testing.T, dir string, units, leaves int) {
	t.Helper()
	var c, u, m bytes.Buffer
	c.WriteString("id: large\ntitle: Large\nyear: 2024\nmetrics:\n")
	for i := range leaves {
		fmt.Fprintf(&c, "  - {id: m%d, name: Metric %d, type: percent}\n", i, i)
	}
	c.WriteString("fields:\n  - code: \"1\"\n    name: Field\n    children:\n")
	for i := range leaves {
		fmt.Fprintf(&c, "      - {code: \"1.%d\", name: Criterion %d, max: 1, rule: {type: linear, metric: m%d}}\n", i+1, i, i)
	}
	u.WriteString("units:\n")
	m.WriteString("unit")
	for i := range leaves {
		fmt.Fprintf(&m, ",m%d", i)
	}
	m.WriteString("\n")
	for i := range units {
		fmt.Fprintf(&u, "  - {id: u%d, name: Unit %d}\n", i, i)
		fmt.Fprintf(&m, "u%d", i)
		for j := range leaves {
			fmt.Fprintf(&m, ",%d", (i*7+j*13)%101)
		}
		m.WriteString("\n")
	}
	for name, b := range map[string]*bytes.Buffer{"criteria.yaml": &c, "units.yaml": &u, "metrics.csv": &m} {
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// needLongSignalRun skips a test that signals a long run of parindex
// where it cannot: off Linux, or with -short.
func needLongSignalRun(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("signals are tested on Linux")
	}
	if testing.Short() {
		t.Skip("starts a long run")
	}
}

// temporaries lists the hidden temporary files of outputs in dir.
func temporaries(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestInterruptRemovesTemporaries starts parindex score on a large
// workspace, interrupts it while an output is being written, and checks
// that it exits 130 and leaves no temporary file behind.
func TestInterruptRemovesTemporaries(t *testing.T) {
	needLongSignalRun(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			writeLargeWorkspace(t, dir, 4000, 40)
			cmd, stderr := startUntilTemporary(t, dir, "score", dir, "--json", filepath.Join(dir, "result.json"))
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var ee *exec.ExitError
			switch {
			case err == nil:
				// On a loaded machine the run may finish between seeing
				// the temporary file and the signal: nothing to test then
				// but that nothing is left.
				t.Log("the run finished before the signal arrived")
			case !errors.As(err, &ee) || ee.ExitCode() != int(exitInterrupted):
				t.Errorf("exit: %v, want status %d; stderr: %s", err, exitInterrupted, stderr.String())
			}
			if left := temporaries(t, dir); len(left) > 0 {
				t.Errorf("temporary files left behind: %s", strings.Join(left, ", "))
			}
		})
	}
}

// TestInterruptRemovesCreatedFolder interrupts template --per-unit while it
// writes into a folder it created: the folder goes with the temporaries.
func TestInterruptRemovesCreatedFolder(t *testing.T) {
	needLongSignalRun(t)
	dir := t.TempDir()
	writeLargeWorkspace(t, dir, 2000, 40)
	out := filepath.Join(dir, "gui", "don-vi")
	cmd, stderr := startUntilTemporary(t, out, "template", dir, "--per-unit", out)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Skip("the run finished before the signal arrived")
	}
	if _, err := os.Stat(filepath.Join(dir, "gui")); !os.IsNotExist(err) {
		t.Errorf("the folders the run created are still there (stat: %v); stderr: %s", err, stderr.String())
	}
}

// TestKilledRunTemporariesRemovedLater kills parindex score with SIGKILL,
// which no program can catch, while it writes: its temporary files stay.
// The next run of the same command removes them, since the process that
// made them has ended.
func TestKilledRunTemporariesRemovedLater(t *testing.T) {
	needLongSignalRun(t)
	dir := t.TempDir()
	writeLargeWorkspace(t, dir, 4000, 40)
	args := []string{"score", dir, "--json", filepath.Join(dir, "result.json")}
	cmd, _ := startUntilTemporary(t, dir, args...)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Skip("the run finished before it was killed")
	}
	left := temporaries(t, dir)
	if len(left) == 0 {
		t.Skip("the killed run had no temporary file left")
	}
	again := exec.Command(os.Args[0], args...)
	again.Env = append(os.Environ(), runMainEnv+"=1")
	if out, err := again.CombinedOutput(); err != nil {
		t.Fatalf("the next run: %v\n%s", err, out)
	}
	if still := temporaries(t, dir); len(still) > 0 {
		t.Errorf("the killed run left %s; after the next run, still there: %s",
			strings.Join(left, ", "), strings.Join(still, ", "))
	}
}

// startUntilTemporary starts parindex with args and waits until a
// temporary output file appears in dir.
func startUntilTemporary(t *testing.T, dir string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	stderr := &bytes.Buffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(temporaries(t, dir)) == 0 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("no temporary file appeared; stderr: %s", stderr.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
	return cmd, stderr
}
