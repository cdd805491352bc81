package report

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// soffice runs LibreOffice headless with its own profile in dir, skipping
// the test when LibreOffice is not installed.
func soffice(t *testing.T, dir string, args ...string) {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not found: install LibreOffice (libreoffice-calc-nogui) to open the report in a real spreadsheet")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.CommandContext(ctx, bin, append([]string{profile, "--headless"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice %v: %v\n%s", args, err, out)
	}
}

// resaved opens a workbook in LibreOffice, saves it again as xlsx and
// opens LibreOffice's copy, skipping the test without LibreOffice.
func resaved(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	soffice(t, dir, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	f, err := excelize.OpenFile(filepath.Join(out, "report.xlsx"))
	if err != nil {
		t.Fatalf("reading LibreOffice's copy: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestReportInLibreOffice opens the demo report in LibreOffice, saves it
// again, and checks that every number LibreOffice read is the engine's;
// then checks what LibreOffice shows on Tổng hợp.
func TestReportInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("opening the report in LibreOffice is slow")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice not found: install LibreOffice (libreoffice-calc-nogui) to open the report in a real spreadsheet")
	}
	_, res := demoResult(t, demoDir)
	_, data := writeReport(t, res, Options{Version: "test"})
	f, dir, in, out := savedByLibreOffice(t, data)
	c := &checker{t: t, f: f, places: res.Set.Decimals, lenient: true}
	checkSummary(c, res, &vietnamese)
	checkByField(c, res, &vietnamese)
	checkDetails(c, res, &vietnamese)
	sheets := f.GetSheetList()
	for i, u := range res.Units {
		checkUnitSheet(c, res, u, sheets[4+i], &vietnamese)
	}
	checkCriteriaSheet(c, res, &vietnamese)

	// The first sheet as LibreOffice shows it (en-US): every index with
	// exactly the set's places.
	filter := "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,1"
	soffice(t, dir, "--convert-to", filter, "--outdir", out, in)
	// Asked for one sheet, LibreOffice names the file after it.
	csvs, _ := filepath.Glob(filepath.Join(out, "report*.csv"))
	if len(csvs) != 1 {
		t.Fatalf("LibreOffice wrote %q, want one CSV", csvs)
	}
	raw, err := os.ReadFile(csvs[0])
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := 0
	for i, h := range rows[3] {
		if h == vietnamese.index {
			col = i
		}
	}
	for i, u := range res.Units {
		if got, want := rows[4+i][col], u.Index.StringFixed(res.Set.Decimals); got != want {
			t.Errorf("LibreOffice shows %s's index as %q, want %q", u.Unit.Name, got, want)
		}
	}
}

// savedByLibreOffice writes the workbook data to report.xlsx in a
// temporary folder, has LibreOffice save it again as xlsx in its out
// folder, and opens that copy.
func savedByLibreOffice(t *testing.T, data []byte) (f *excelize.File, dir, in, out string) {
	t.Helper()
	dir = t.TempDir()
	in = filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "out")
	soffice(t, dir, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	f, err := excelize.OpenFile(filepath.Join(out, "report.xlsx"))
	if err != nil {
		t.Fatalf("reading LibreOffice's copy: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, dir, in, out
}
