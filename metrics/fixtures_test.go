package metrics

import (
	"os"
	"path/filepath"
	"testing"

	"parindex/criteria"
)

// TestFixtures reads the metric and self-assessment files of the example
// workspaces with the criteria and units they come with.
func TestFixtures(t *testing.T) {
	dirs, _ := filepath.Glob("../fixtures/*")
	if len(dirs) == 0 {
		t.Skip("no fixtures")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "criteria.yaml"))
			if err != nil {
				t.Skip(err)
			}
			set, err := criteria.Load(data, "criteria.yaml")
			if err != nil {
				t.Skipf("criteria.yaml does not load yet: %v", err)
			}
			data, _ = os.ReadFile(filepath.Join(dir, "units.yaml"))
			units, err := criteria.LoadUnits(data, "units.yaml")
			if err != nil {
				t.Skipf("units.yaml does not load yet: %v", err)
			}
			tab, err := Read(filepath.Join(dir, "metrics.csv"), set, units, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(tab.Values) != len(units) {
				t.Errorf("read %d units, want %d", len(tab.Values), len(units))
			}
			if _, err := os.Stat(filepath.Join(dir, "self.csv")); err == nil {
				if _, err := Read(filepath.Join(dir, "self.csv"), set, units, Options{Partial: true}); err != nil {
					t.Errorf("self.csv: %v", err)
				}
			}
		})
	}
}
