package workspace

import (
	"bytes"
	"encoding/csv"
	"os"
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
