package metrics

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadPartialTable checks that Read returns what it could read along
// with the problems: values that failed are absent, so that they can be
// checked as missing; a file that cannot be read at all gives no table.
func TestReadPartialTable(t *testing.T) {
	dir := t.TempDir()
	wide := filepath.Join(dir, "wide.csv")
	os.WriteFile(wide, []byte(wideHead+"Điện Bàn,1,1,1,\"12,5\",8\nque-son,1,2,1,50,7\nTam Kỳ,1,1,1,12,5,9\n"), 0o644)
	tab, err := Read(wide, testSet(), testUnits(), Options{})
	if err == nil || tab == nil {
		t.Fatalf("Read = %v, %v; want a partial table and problems", tab, err)
	}
	want := []string{
		"dien-ban dossiers_late 1", "dien-ban dossiers_total 1", "dien-ban has_portal false",
		"dien-ban plan_on_time true", "dien-ban survey_points 8",
		"que-son dossiers_late 1", "que-son dossiers_total 2", "que-son has_portal false",
		"que-son plan_on_time true", "que-son satisfaction 50", "que-son survey_points 7",
	}
	if diff := cmp.Diff(want, render(tab)); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if len(problemLines(t, err)) != 4 { // 12,5 twice, with the split hint and the comma hint
		t.Errorf("problems:\n%v", err)
	}

	folder := filepath.Join(dir, "units")
	os.Mkdir(folder, 0o755)
	os.WriteFile(filepath.Join(folder, "dien-ban.csv"), []byte("metric,value\nplan_on_time,1\ndossiers_total,x\n"), 0o644)
	os.WriteFile(filepath.Join(folder, "que-son.csv"), []byte("\xff\xfeu\x00"), 0o644)
	tab, err = Read(folder, testSet(), testUnits(), Options{Partial: true})
	if err == nil || tab == nil {
		t.Fatalf("Read = %v, %v; want a partial table and problems", tab, err)
	}
	want = []string{"dien-ban has_portal false", "dien-ban plan_on_time true"}
	if diff := cmp.Diff(want, render(tab)); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}

	for _, path := range []string{filepath.Join("testdata", "binary.csv"), filepath.Join(dir, "none.csv"), filepath.Join(dir, "none")} {
		tab, err = Read(path, testSet(), testUnits(), Options{})
		if err == nil || tab != nil {
			t.Errorf("%s: Read = %v, %v; want no table and a problem", path, tab, err)
		}
	}
}
