package metrics

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// writeWorkbook writes a workbook whose first sheet, "Số liệu", holds
// rows; a cell value of type func(f, ref) is called to fill the cell.
func writeWorkbook(t testing.TB, path string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Số liệu"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Ghi chú"); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Ghi chú", "A1", "this sheet is not read")
	for i, r := range rows {
		for j, v := range r {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			var err error
			if fn, ok := v.(func(*excelize.File, string) error); ok {
				err = fn(f, ref)
			} else if v != nil {
				err = f.SetCellValue("Số liệu", ref, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if path != "" {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// styled returns a cell filler that writes v with a number format: a
// built-in id, or a custom code.
func styled(v any, numFmt int, custom string) func(*excelize.File, string) error {
	return func(f *excelize.File, ref string) error {
		st := &excelize.Style{NumFmt: numFmt}
		if custom != "" {
			st.CustomNumFmt = &custom
		}
		id, err := f.NewStyle(st)
		if err != nil {
			return err
		}
		if err := f.SetCellValue("Số liệu", ref, v); err != nil {
			return err
		}
		return f.SetCellStyle("Số liệu", ref, ref, id)
	}
}

func formula(code string) func(*excelize.File, string) error {
	return func(f *excelize.File, ref string) error { return f.SetCellFormula("Số liệu", ref, code) }
}

var wideHeader = []any{"unit", "plan_on_time", "dossiers_total", "dossiers_late",
	"satisfaction\nMức độ hài lòng (percent)", "has_portal", "survey_points"}

func TestReadXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "metrics.xlsx")
	writeWorkbook(t, path, [][]any{
		wideHeader,
		{"Thị xã Điện Bàn", true, 1200, 12, styled(0.875, 10, ""), nil, 8.25},
		{"Quế Sơn", "không", 300, "3", 90, "x", 7},
		{},
		{"tam-ky", 1, 0, 0, styled(1, 0, `0.0" pts"%`), false, 0.1 + 0.2},
	})
	tab, err := Read(path, testSet(), testUnits(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"dien-ban dossiers_late 12", "dien-ban dossiers_total 1200", "dien-ban has_portal false",
		"dien-ban plan_on_time true", "dien-ban satisfaction 87.5", "dien-ban survey_points 8.25",
		"que-son dossiers_late 3", "que-son dossiers_total 300", "que-son has_portal true",
		"que-son plan_on_time false", "que-son satisfaction 90", "que-son survey_points 7",
		"tam-ky dossiers_late 0", "tam-ky dossiers_total 0", "tam-ky has_portal false",
		"tam-ky plan_on_time true", "tam-ky satisfaction 100", "tam-ky survey_points 0.3",
	}
	if diff := cmp.Diff(want, render(tab)); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	p := tab.Place("tam-ky", "satisfaction")
	p.Msg = "x"
	if got, want := p.Error(), path+": 'Số liệu'!E5: x"; got != want {
		t.Errorf("Place = %q, want %q", got, want)
	}
}

func TestReadXLSXProblems(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "metrics.xlsx")
	writeWorkbook(t, path, [][]any{
		wideHeader,
		{"Thị xã Điện Bàn", true, formula("SUM(1,2)"), true, styled(1.5, 9, ""), nil, 8.25},
		{"Quế Sơn", "không", 300, -3, "12,5", "x", 7},
		{"Tam Kỳ", "có", 2.5, 1, 50, nil, nil, "stray"},
	})
	_, err := Read(path, testSet(), testUnits(), Options{})
	want := []string{
		path + `: 'Số liệu'!C2: unit "Thị xã Điện Bàn": metric "dossiers_total": the formula =SUM(1,2) has no saved value`,
		path + `: 'Số liệu'!D2: unit "Thị xã Điện Bàn": metric "dossiers_late": TRUE is a yes/no cell, not a count`,
		path + `: 'Số liệu'!E2: unit "Thị xã Điện Bàn": metric "satisfaction": "150%" is not a percentage between 0 and 100`,
		path + `: 'Số liệu'!D3: unit "Huyện Quế Sơn": metric "dossiers_late": "-3" is not a count (a whole number, 0 or more)`,
		path + `: 'Số liệu'!E3: unit "Huyện Quế Sơn": metric "satisfaction": "12,5" is not a number (use . as the decimal mark)`,
		path + `: 'Số liệu'!H4: a value in column H, which has no header`,
		"hint: open the workbook in Excel and save it again, so that formulas keep their values",
		"hint: " + commaHint,
	}
	if diff := cmp.Diff(want, problemLines(t, err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestReadBrokenXLSX(t *testing.T) {
	dir := t.TempDir()
	good := writeWorkbook(t, "", [][]any{wideHeader, {"Điện Bàn", true, 1, 1, 1, true, 1}})
	truncated := filepath.Join(dir, "truncated.xlsx")
	os.WriteFile(truncated, good[:len(good)/2], 0o644)
	text := filepath.Join(dir, "text.xlsx")
	os.WriteFile(text, []byte("unit,plan_on_time\n"), 0o644)
	empty := filepath.Join(dir, "empty.xlsx")
	writeWorkbook(t, empty, nil)
	// A zip that is no workbook: excelize says only "EOF".
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	w, _ := zw.Create("notes.txt")
	w.Write([]byte("not a workbook"))
	zw.Close()
	plainZip := filepath.Join(dir, "archive.xlsx")
	os.WriteFile(plainZip, zipped.Bytes(), 0o644)
	// A program, named .xlsx.
	program := filepath.Join(dir, "program.xlsx")
	os.WriteFile(program, []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"), 0o644)
	// A workbook whose workbook part is not XML.
	damaged := filepath.Join(dir, "damaged.xlsx")
	os.WriteFile(damaged, replacePart(t, good, "xl/workbook.xml", "<workbook><sheets><sheet name=\"a\"\x01"), 0o644)
	tests := []struct {
		path string
		want []string
	}{
		{truncated, []string{truncated + ": the workbook is damaged or cut short (it is not a complete xlsx file)",
			"hint: copy the file again, or open it in Excel and save it again"}},
		{text, []string{text + ": the file is not an xlsx workbook", "hint: it holds text: a CSV file must be named .csv"}},
		{empty, []string{empty + `: the table is empty: it needs a header row ("unit", then metric ids) and one row a unit`}},
		{plainZip, []string{plainZip + ": the file is a zip archive but not a complete xlsx workbook (truncated or damaged)",
			"hint: copy the file again, or open it in Excel and save it again"}},
		{program, []string{program + ": the file is not a spreadsheet: it holds binary data, not an xlsx workbook or CSV text",
			"hint: metric values are read from an .xlsx workbook or a .csv file: check that this is the right file"}},
		{damaged, []string{damaged + `: the workbook is damaged: its part "xl/workbook.xml" is cut off or is not well-formed XML (line 1)`,
			"hint: copy the file again, or open it in Excel and save it again"}},
	}
	for _, tt := range tests {
		_, err := Read(tt.path, testSet(), testUnits(), Options{})
		if diff := cmp.Diff(tt.want, problemLines(t, err)); diff != "" {
			t.Errorf("%s: problems (-want +got):\n%s", filepath.Base(tt.path), diff)
		}
	}
}

// replacePart returns the workbook in data with the part named name
// replaced by text.
func replacePart(t *testing.T, data []byte, name, text string) []byte {
	t.Helper()
	return copyZip(t, data, name, func(zw *zip.Writer) error {
		w, err := zw.Create(name)
		if err == nil {
			_, err = w.Write([]byte(text))
		}
		return err
	})
}

// copyZip copies the zip archive in data, its part name written by
// write instead.
func copyZip(t *testing.T, data []byte, name string, write func(*zip.Writer) error) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == name {
			err = write(zw)
		} else {
			err = zw.Copy(f)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestSignificant(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12.300000000000001", "12.3"},
		{"0.30000000000000004", "0.3"},
		{"87.5", "87.5"},
		{"-1.0000000000000002", "-1"},
		{"123456789012345678", "123456789012346000"},
		{"1.2E-5", "0.000012"},
		{"0", "0"},
	}
	for _, tt := range tests {
		c := cell{text: tt.in, kind: numberCell}
		m := testSet().Metric("survey_points")
		v, msg, _ := numberValue(m, c)
		if msg != "" || v.String() != tt.want {
			t.Errorf("numberValue(%s) = %s %q, want %s", tt.in, v, msg, tt.want)
		}
	}
}

func TestFormatHasPercent(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"0.0%", true}, {`0.0" %"`, false}, {`0\%`, false}, {`#,##0`, false}, {`0.00%;[Red]-0.00%`, true},
	}
	for _, tt := range tests {
		if got := formatHasPercent(tt.code); got != tt.want {
			t.Errorf("formatHasPercent(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}
