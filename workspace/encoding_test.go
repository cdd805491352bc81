package workspace

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"parindex/criteria"
	"parindex/internal/excelfiles"
)

var demoDir = filepath.Join("..", "fixtures", "quangnam-2019")

// demoJSON scores the demo with its metrics read from metricsPath and
// returns the JSON result.
func demoJSON(t *testing.T, metricsPath string) string {
	t.Helper()
	ws, err := Load(Paths{Dir: demoDir, Metrics: metricsPath}, Everything)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(metricsPath), err)
	}
	res, err := ws.Score()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.WriteJSON(&b, criteria.Vietnamese); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// demoRows reads the demo's metrics.csv as rows of cells.
func demoRows(t *testing.T) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(demoDir, "metrics.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// decimalPoint matches a number with a decimal point, as Excel in a
// Vietnamese locale writes it with a comma.
var decimalPoint = regexp.MustCompile(`^(-?[0-9]+)\.([0-9]+%?)$`)

// join writes rows separated by sep, as Excel does in a Vietnamese
// locale: numbers with a decimal comma when sep is not a comma.
func join(rows [][]string, sep string) string {
	var b strings.Builder
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			if sep != "," {
				c = decimalPoint.ReplaceAllString(c, "$1,$2")
			}
			cells[i] = c
		}
		b.WriteString(strings.Join(cells, sep) + "\r\n")
	}
	return b.String()
}

// TestDemoInExcelEncodings feeds the demo's metrics as the files Excel on
// Vietnamese Windows writes (SPEC §12) and gets the JSON result of the
// UTF-8 CSV, byte for byte.
func TestDemoInExcelEncodings(t *testing.T) {
	want := demoJSON(t, filepath.Join(demoDir, "metrics.csv"))
	raw, err := os.ReadFile(filepath.Join(demoDir, "metrics.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := demoRows(t)
	cp1258, err := excelfiles.Windows1258(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	cp1258Semi, err := excelfiles.Windows1258(join(rows, ";"))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := excelfiles.UTF16(join(rows, "\t"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{
		"windows-1258.csv":           cp1258,
		"windows-1258-semicolon.csv": cp1258Semi,
		"unicode-text.csv":           utf16,
		"semicolon-comma.csv":        []byte(join(rows, ";")),
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, demoJSON(t, path)); diff != "" {
				t.Errorf("JSON (-utf-8 +%s):\n%s", name, diff)
			}
		})
	}
	t.Run("xlsx with title rows, STT and notes", func(t *testing.T) {
		path := filepath.Join(dir, "so-lieu.xlsx")
		writeTitledWorkbook(t, path, rows)
		if diff := cmp.Diff(want, demoJSON(t, path)); diff != "" {
			t.Errorf("JSON (-csv +xlsx):\n%s", diff)
		}
		ws, err := Load(Paths{Dir: demoDir, Metrics: path}, Everything)
		if err != nil {
			t.Fatal(err)
		}
		if got := ws.Metrics.UnitNotes["dien-ban"]; got != "Ghi chú: số liệu đã đối chiếu với phần mềm một cửa" {
			t.Errorf("Điện Bàn's note = %q", got)
		}
	})
}

// writeTitledWorkbook writes rows as an office lays out a table: two title
// rows, a blank row, then the header with an STT column before the unit
// and a note column after the metrics; numbers stored as numbers.
func writeTitledWorkbook(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	set := func(col, row int, v any) {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		if err := f.SetCellValue(sh, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	set(1, 1, "UBND TỈNH QUẢNG NAM")
	set(1, 2, "BIỂU TỔNG HỢP SỐ LIỆU CHỈ SỐ CCHC NĂM 2019 (dữ liệu minh hoạ)")
	set(1, 4, "STT")
	set(2, 4, "Đơn vị")
	for i, h := range rows[0][1:] {
		set(i+3, 4, h)
	}
	set(len(rows[0])+2, 4, "Ghi chú")
	number := regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	for r, row := range rows[1:] {
		set(1, r+5, r+1)
		for c, v := range row {
			switch {
			case number.MatchString(v):
				x, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatal(err)
				}
				set(c+2, r+5, x)
			default:
				set(c+2, r+5, v)
			}
		}
		if strings.Contains(row[0], "Điện Bàn") {
			set(len(row)+2, r+5, "số liệu đã đối chiếu với phần mềm một cửa")
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestDemoWithDepartmentTable splits the demo's metrics into the units'
// values and the Department's own table of survey points (SPEC §12) and
// gets the JSON result of the whole table.
func TestDemoWithDepartmentTable(t *testing.T) {
	want := demoJSON(t, filepath.Join(demoDir, "metrics.csv"))
	ws, err := Load(Paths{Dir: demoDir}, Definition)
	if err != nil {
		t.Fatal(err)
	}
	byDept := map[string]bool{}
	for _, m := range ws.Set.Inputs() {
		byDept[m.ID] = m.ByDepartment
	}
	rows := demoRows(t)
	var units, dept [][]string
	for _, r := range rows {
		var u, d []string
		for c, v := range r {
			if c > 0 && byDept[rows[0][c]] {
				d = append(d, v)
			} else {
				u = append(u, v)
			}
		}
		units, dept = append(units, u), append(dept, append([]string{r[0]}, d...))
	}
	if len(dept[0]) < 3 {
		t.Fatalf("the demo marks %d metrics filled_by: department, want several", len(dept[0])-1)
	}
	dir := t.TempDir()
	write(t, dir, "metrics.csv", join(units, ","))
	write(t, dir, "department.csv", join(dept, ";"))
	load := func(p Paths) (*Workspace, error) {
		p.Criteria, p.Units = filepath.Join(demoDir, "criteria.yaml"), filepath.Join(demoDir, "units.yaml")
		p.Previous, p.Self = filepath.Join(demoDir, "previous.json"), filepath.Join(demoDir, "self.csv")
		return Load(p, Everything)
	}
	ws, err = load(Paths{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if got := ws.Paths.Department; got != filepath.Join(dir, "department.csv") {
		t.Errorf("department resolved to %q", got)
	}
	res, err := ws.Score()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.WriteJSON(&b, criteria.Vietnamese); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("JSON (-one table +two):\n%s", diff)
	}
	if p := ws.Metrics.Place("dien-ban", "sipas"); filepath.Base(p.File) != "department.csv" || p.Line == 0 {
		t.Errorf("the place of Điện Bàn's sipas is %+v, want a line of department.csv", p)
	}

	// A metric in both tables is one problem; a metric in neither is one
	// more.
	write(t, dir, "metrics.csv", join(rows, ","))
	noSipas := make([][]string, len(dept))
	for i, r := range dept {
		noSipas[i] = append([]string{r[0]}, r[2:]...)
	}
	write(t, dir, "both.csv", join(dept, ";"))
	_, err = load(Paths{Dir: dir, Department: filepath.Join(dir, "both.csv")})
	if err == nil || !strings.Contains(err.Error(), `both.csv:2: metric "`) || !strings.Contains(err.Error(), "is given both here and in") {
		t.Errorf("both: %v", err)
	}
	write(t, dir, "metrics.csv", join(units, ","))
	write(t, dir, "department.csv", join(noSipas, ";"))
	_, err = load(Paths{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), `metric "sipas" (filled in by the Department) has no value for 18 units`) {
		t.Errorf("neither: %v", err)
	}
}

// TestDemoWorkbookSavedByLibreOffice reads the demo's metrics from a
// workbook as a spreadsheet other than parindex writes it: the titled
// workbook opened in LibreOffice and saved again as xlsx (shared strings,
// its own styles and cell references), scored to the same JSON as the CSV.
func TestDemoWorkbookSavedByLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not found: install LibreOffice (libreoffice-calc-nogui) to read a workbook it saved")
	}
	want := demoJSON(t, filepath.Join(demoDir, "metrics.csv"))
	dir := t.TempDir()
	src := filepath.Join(dir, "src", "so-lieu.xlsx")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		t.Fatal(err)
	}
	writeTitledWorkbook(t, src, demoRows(t))
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, src)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved := filepath.Join(out, "so-lieu.xlsx")
	if diff := cmp.Diff(want, demoJSON(t, saved)); diff != "" {
		t.Errorf("JSON (-csv +xlsx saved by LibreOffice):\n%s", diff)
	}
}
