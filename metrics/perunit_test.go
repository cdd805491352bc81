package metrics

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// copyDir copies the files of testdata/name into a new temporary folder.
func copyDir(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "metrics")
	os.Mkdir(dir, 0o755)
	entries, err := os.ReadDir(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", name, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
	}
	return dir
}

func TestReadFolder(t *testing.T) {
	dir := copyDir(t, "perunit")
	// Tam Kỳ's file is a workbook named by an alias, diacritics and all.
	writeWorkbook(t, filepath.Join(dir, "Tam Kỳ.xlsx"), [][]any{
		{"Chỉ số\n(mã)", "Giá trị", "Ghi chú"},
		{"plan_on_time", true, ""},
		{"dossiers_total", 10, ""},
		{"dossiers_late", 0, "không có hồ sơ trễ"},
		{"satisfaction", styled(0.9, 9, ""), ""},
		{"survey_points", 6.5, ""},
	})
	tab, err := Read(dir, testSet(), testUnits(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"dien-ban dossiers_late 12", "dien-ban dossiers_total 1200", "dien-ban has_portal false",
		"dien-ban plan_on_time true", "dien-ban satisfaction 87.5", "dien-ban survey_points 8.25",
		"que-son dossiers_late 3", "que-son dossiers_total 300", "que-son has_portal true",
		"que-son plan_on_time false", "que-son satisfaction 90", "que-son survey_points 7",
		"tam-ky dossiers_late 0", "tam-ky dossiers_total 10", "tam-ky has_portal false",
		"tam-ky plan_on_time true", "tam-ky satisfaction 90", "tam-ky survey_points 6.5",
	}
	if diff := cmp.Diff(want, render(tab)); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	wantNotes := map[string]map[string]string{
		"dien-ban": {
			"plan_on_time":  "evidence: QĐ 12/QĐ-UBND ngày 5/1/2019",
			"dossiers_late": "evidence: Báo cáo 45/BC; note: nộp muộn 2 ngày",
		},
		"que-son": {"has_portal": "Tài liệu kiểm chứng: Cổng TTĐT quelson.gov.vn"},
		"tam-ky":  {"dossiers_late": "Ghi chú: không có hồ sơ trễ"},
	}
	if diff := cmp.Diff(wantNotes, tab.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	wantFiles := []string{
		filepath.Join(dir, "Tam Kỳ.xlsx"),
		filepath.Join(dir, "bao-cao-que-son.csv"),
		filepath.Join(dir, "dien-ban.csv"),
	}
	if diff := cmp.Diff(wantFiles, tab.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	places := []struct{ unit, metric, want string }{
		{"que-son", "dossiers_late", filepath.Join(dir, "bao-cao-que-son.csv") + ":5: x"},
		{"tam-ky", "satisfaction", filepath.Join(dir, "Tam Kỳ.xlsx") + ": 'Số liệu'!B5: x"},
		{"dien-ban", "has_portal", filepath.Join(dir, "dien-ban.csv") + ": x"},
	}
	for _, p := range places {
		got := tab.Place(p.unit, p.metric)
		got.Msg = "x"
		if got.Error() != p.want {
			t.Errorf("Place(%s, %s) = %q, want %q", p.unit, p.metric, got.Error(), p.want)
		}
	}
}

func TestReadFolderPartial(t *testing.T) {
	tab, err := Read("testdata/perunit", testSet(), testUnits(), Options{Partial: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Values) != 2 {
		t.Errorf("read %d units, want 2", len(tab.Values))
	}
	_, err = Read("testdata/perunit", testSet(), testUnits(), Options{})
	want := []string{`testdata/perunit: no file for unit "Thành phố Tam Kỳ"`}
	if diff := cmp.Diff(want, problemLines(t, err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestReadFolderProblems(t *testing.T) {
	dir := copyDir(t, "perunit")
	files := map[string]string{
		"notes.txt":  "not a metric file",
		"tam-ky.csv": "metric,value\nplan_on_time,1\nplan_on_time,0\nlate_rate,5\nsatisfction,5\nsurvey_points,\n,5\n",
		"que-son-2.csv": "metric,value\nunit,Quế Sơn\nplan_on_time,1\ndossiers_total,1\ndossiers_late,1\n" +
			"satisfaction,1\nsurvey_points,1\n",
		"hoi-an.csv":  "metric,value\nplan_on_time,1\n",
		"no-head.csv": "plan_on_time,1\n",
		"old.xls":     "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "2018"), 0o755)
	_, err := Read(dir, testSet(), testUnits(), Options{})
	got := problemLines(t, err)
	for i := range got {
		got[i] = strings.ReplaceAll(got[i], dir, "metrics")
	}
	want := []string{
		`metrics/2018: a folder among the per-unit files: each unit's file must sit directly in metrics`,
		`metrics/hoi-an.csv: cannot tell which unit the file is for: it has no "unit" row, and its name names no single unit (unknown unit "hoi-an")`,
		`metrics/no-head.csv:1: no header row: a per-unit file needs a header with a "metric" (mã chỉ số) and a "value" (giá trị) column`,
		`metrics/notes.txt: not a .csv or .xlsx file: the folder must hold only per-unit metric files`,
		`metrics/old.xls: the file is an Excel 97–2003 .xls workbook: save it as .xlsx`,
		`metrics/que-son-2.csv: unit "Huyện Quế Sơn" has two files: metrics/bao-cao-que-son.csv and metrics/que-son-2.csv`,
		`metrics/tam-ky.csv:3: unit "Thành phố Tam Kỳ": metric "plan_on_time" appears twice: line 2 and line 3`,
		`metrics/tam-ky.csv:4: unit "Thành phố Tam Kỳ": metric "late_rate" is a ratio worked out from other metrics: give its parts (dossiers_late, dossiers_total) instead`,
		`metrics/tam-ky.csv:5: unit "Thành phố Tam Kỳ": unknown metric "satisfction": it is not declared in the criteria set (did you mean "satisfaction"?)`,
		`metrics/tam-ky.csv:6: unit "Thành phố Tam Kỳ": metric "survey_points": missing value`,
		`metrics/tam-ky.csv:7: the row has a value but no metric`,
		`metrics/tam-ky.csv: unit "Thành phố Tam Kỳ": metric "dossiers_total": missing (the file has no row for it)`,
		`metrics/tam-ky.csv: unit "Thành phố Tam Kỳ": metric "dossiers_late": missing (the file has no row for it)`,
		`metrics/tam-ky.csv: unit "Thành phố Tam Kỳ": metric "satisfaction": missing (the file has no row for it)`,
		"hint: Excel: File › Save As › Excel Workbook (*.xlsx)",
		"hint: " + missingHint,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
