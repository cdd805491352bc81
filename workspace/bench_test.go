package workspace_test

import (
	"os/exec"
	"path/filepath"
	"testing"

	"parindex/workspace"
)

// BenchmarkLoad10k times reading the folder of 10,000 units × 100
// criteria bench/genworkspace makes: criteria.yaml, units.yaml and
// metrics.csv, every value checked as read.
func BenchmarkLoad10k(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "w")
	gen := exec.Command("go", "run", "../bench/genworkspace", "-units", "10000", "-leaves", "100", dir)
	if out, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("genworkspace: %v\n%s", err, out)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := workspace.Load(workspace.Paths{Dir: dir}, workspace.Everything); err != nil {
			b.Fatal(err)
		}
	}
}
