package metrics

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"

	"parindex/criteria"
)

var update = flag.Bool("update", false, "rewrite golden files")

// okValues is what wide-ok.csv and wide-excel-vn.csv hold, in the form of
// render.
var okValues = []string{
	"dien-ban dossiers_late 12", "dien-ban dossiers_total 1200", "dien-ban has_portal false",
	"dien-ban plan_on_time true", "dien-ban satisfaction 87.5", "dien-ban survey_points 8.25",
	"que-son dossiers_late N/A", "que-son dossiers_total N/A", "que-son has_portal false",
	"que-son plan_on_time false", "que-son satisfaction 90", "que-son survey_points 7",
	"tam-ky dossiers_late 0", "tam-ky dossiers_total 0", "tam-ky has_portal false",
	"tam-ky plan_on_time true", "tam-ky satisfaction 100", "tam-ky survey_points N/A",
}

func TestReadWideCSV(t *testing.T) {
	excelVN := append([]string{}, okValues...)
	for i, s := range excelVN {
		switch s {
		case "que-son dossiers_late N/A":
			excelVN[i] = "que-son dossiers_late 3"
		case "que-son dossiers_total N/A":
			excelVN[i] = "que-son dossiers_total 300"
		case "que-son has_portal false":
			excelVN[i] = "que-son has_portal true"
		case "tam-ky survey_points N/A":
			excelVN[i] = "tam-ky survey_points 5"
		}
	}
	tests := []struct {
		file string
		want []string
	}{
		{"wide-ok.csv", okValues},
		{"wide-excel-vn.csv", excelVN},
		{"wide-cp1258.csv", okValues},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			tab, err := Read(path, testSet(), testUnits(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, render(tab)); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{path}, tab.Files); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			if tab.Notes != nil {
				t.Errorf("Notes = %v, want nil for a wide table", tab.Notes)
			}
		})
	}
}

func TestPlaceCSV(t *testing.T) {
	tab, err := Read("testdata/wide-excel-vn.csv", testSet(), testUnits(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		unit, metric string
		want         string
	}{
		{"dien-ban", "satisfaction", "testdata/wide-excel-vn.csv:3: x"},
		{"tam-ky", "survey_points", "testdata/wide-excel-vn.csv:6: x"}, // after a blank row
		{"tam-ky", "late_rate", "testdata/wide-excel-vn.csv:6: x"},
		{"nowhere", "late_rate", "x"},
	}
	for _, tt := range tests {
		p := tab.Place(tt.unit, tt.metric)
		p.Msg = "x"
		if got := p.Error(); got != tt.want {
			t.Errorf("Place(%s, %s) = %q, want %q", tt.unit, tt.metric, got, tt.want)
		}
	}
}

// TestReadProblems checks files that each hold one kind of mistake.
func TestReadProblems(t *testing.T) {
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"decimal comma", "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points\nĐiện Bàn,1,1,1,\"12,5\",1\nque-son,1,1,1,1,1\nTam Kỳ,1,1,1,1,1\n",
			[]string{`x.csv:2: unit "Thị xã Điện Bàn": metric "satisfaction": "12,5" is not a number (use . as the decimal mark)`, "hint: " + commaHint}},
		{"missing value", "unit;plan_on_time;dossiers_total;dossiers_late;satisfaction;survey_points\nĐiện Bàn;1;1;1;1;1\nque-son;1;  ;1;1;1\nTam Kỳ;1;1;1;1;1\n",
			[]string{`x.csv:3: unit "Huyện Quế Sơn": metric "dossiers_total": missing value`,
				"hint: " + missingHint}},
		{"unknown unit", "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points\nĐiện Bàn,1,1,1,1,1\nque-son,1,1,1,1,1\nTam Kỳ,1,1,1,1,1\nQue Son Town,1,1,1,1,1\nTam Ki,1,1,1,1,1\n",
			[]string{`x.csv:5: unknown unit "Que Son Town"`,
				`x.csv:6: unknown unit "Tam Ki" (did you mean "Thành phố Tam Kỳ" (tam-ky)?)`}},
		{"unknown column", "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_point,Mức độ hài lòng\nĐiện Bàn,1,1,1,1,1,1\nque-son,1,1,1,1,1,1\nTam Kỳ,1,1,1,1,1,1\n",
			[]string{`x.csv:1: unknown metric "survey_point": it is not declared in the criteria set (did you mean "survey_points"?)`,
				`x.csv:1: unknown metric "Mức độ hài lòng": it is not declared in the criteria set (that is the name of "satisfaction": write its id)`,
				`x.csv:1: no column for metric "survey_points" (Điểm điều tra xã hội học)`}},
		{"duplicates", "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points,satisfaction\nĐiện Bàn,1,1,1,1,1,1\nque-son,1,1,1,1,1,1\nTam Kỳ,1,1,1,1,1,1\nDIEN BAN,1,1,1,1,1,1\n",
			[]string{`x.csv:1: metric "satisfaction" has two columns: column 5 and column 7`,
				`x.csv:5: unit "Thị xã Điện Bàn" appears twice: line 2 and line 5`}},
		{"ratio column and missing units", "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points,late_rate\nĐiện Bàn,1,1,1,1,1,1\n",
			[]string{`x.csv:1: metric "late_rate" is a ratio worked out from other metrics: give its parts (dossiers_late, dossiers_total) instead`,
				`x.csv: no row for 2 units: "Huyện Quế Sơn", "Thành phố Tam Kỳ"`}},
		{"ragged", "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points\nĐiện Bàn,1,1,1,1,1,,\nque-son,1,1,1,1\nTam Kỳ,1,1,1,1,1,7\n",
			[]string{`x.csv:3: the row has 5 cells, the header has 6`, `x.csv:4: a value in column 7, which has no header`,
				"hint: " + ambiguousSplitHint}},
		{"no header", "Điện Bàn,1,1\n", []string{`x.csv:1: no header row: the header is the first row that starts with "unit" (or "đơn vị"), then one metric id a column (the first row starts with "Điện Bàn")`}},
		{"no header, mojibake", "BIá»‚U Tá»”NG Há»¢P\nÄÆ¡n vá»‹,plan_on_time\n", []string{
			`x.csv:1: no header row: the header is the first row that starts with "unit" (or "đơn vị"), then one metric id a column (the first row starts with "BIá»‚U Tá»”NG Há»¢P")`,
			`hint: "BIá»‚U Tá»”NG Há»¢P" looks like UTF-8 text read as Windows-1252 ("BIỂU TỔNG HỢP" was meant): the file was opened with the wrong encoding and saved; take the file as it was sent, or save it as "CSV UTF-8"`}},
		{"mojibake unit", "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points\nThÃ nh phá»‘ Tam Ká»³,1,1,1,1,1\n", []string{
			`x.csv:2: unknown unit "ThÃ nh phá»‘ Tam Ká»³"`,
			`x.csv: no row for 3 units: "Thị xã Điện Bàn", "Huyện Quế Sơn", "Thành phố Tam Kỳ"`,
			`hint: "ThÃ nh phá»‘ Tam Ká»³" looks like UTF-8 text read as Windows-1252 ("Thành phố Tam Kỳ" was meant): the file was opened with the wrong encoding and saved; take the file as it was sent, or save it as "CSV UTF-8"`}},
		{"both marks", "unit;plan_on_time;dossiers_total;dossiers_late;satisfaction;survey_points\nĐiện Bàn;1;1;1;1.234,5;1\nque-son;1;1;1;1;1\nTam Kỳ;1;1;1;1;1\n",
			[]string{`x.csv:2: unit "Thị xã Điện Bàn": metric "satisfaction": "1.234,5" is not a number: it has both . and , (in a file separated by ; or tabs the comma is the decimal mark: write 1234,5)`}},
		{"two decimal commas", "unit;plan_on_time;dossiers_total;dossiers_late;satisfaction;survey_points\nĐiện Bàn;1;1;1;99,6,5;1\nque-son;1;1;1;1;1\nTam Kỳ;1;1;1;1;1\n",
			[]string{`x.csv:2: unit "Thị xã Điện Bàn": metric "satisfaction": "99,6,5" is not a number: it has 2 commas (in a file separated by ; or tabs the comma is the decimal mark, and a number has one at most)`}},
		{"empty", " \r\n", []string{`x.csv: the file is empty`}},
		{"unclosed quote", "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points\nĐiện Bàn,1,1,1,1,1\nque-son,1,1,1,1,1\nTam Kỳ,\"1,1,1,1,1\n",
			[]string{`x.csv:4: a quoted cell is never closed: a " is missing`}},
		{"utf-16 without a mark", "u\x00n\x00i\x00t\x00,\x00a\x00\n\x00", []string{`x.csv: the file is UTF-16 text without a byte-order mark, which cannot be told from binary data`,
			`hint: save it as "CSV UTF-8", or as "Unicode Text" from Excel, which writes the mark`}},
		{"not text", "unit,plan_on_time\nTh\xe0nh ph\x81\n", []string{`x.csv:2: the file is neither UTF-8 nor Windows-1258 text (byte 0x81)`, "hint: " + utf8Hint}},
		{"control bytes", "unit,plan_on_time\n\xd0i\xean B\xe0n\x02,1\n", []string{`x.csv:2: the file is neither UTF-8 nor Windows-1258 text (byte 0x02)`, "hint: " + utf8Hint}},
		{"mixed", "unit,plan_on_time\nĐiện Bàn,1\nTh\xe0nh,1\n", []string{`x.csv:3: the line is not UTF-8 text though the text above it is: the file mixes two encodings`, "hint: " + utf8Hint}},
		{"xlsx named csv", "PK\x03\x04rest", []string{`x.csv: the file is an Excel workbook (.xlsx), not CSV text`, "hint: rename it to end in .xlsx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "x.csv")
			if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Read(path, testSet(), testUnits(), Options{})
			if err == nil {
				t.Fatal("Read succeeded, want problems")
			}
			got := problemLines(t, err)
			for i := range got {
				got[i] = strings.ReplaceAll(got[i], dir+string(filepath.Separator), "")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadFileProblems checks files whose kind is wrong, each giving one
// problem for the whole file.
func TestReadFileProblems(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"binary.csv", []string{`testdata/binary.csv: the file is binary, not CSV text`, "hint: " + utf8Hint}},
		{"legacy.xls", []string{`testdata/legacy.xls: the file is an Excel 97–2003 .xls workbook: save it as .xlsx`,
			"hint: Excel: File › Save As › Excel Workbook (*.xlsx)"}},
		{"legacy-renamed.xlsx", []string{`testdata/legacy-renamed.xlsx: the file is an Excel 97–2003 .xls workbook: save it as .xlsx`,
			"hint: Excel: File › Save As › Excel Workbook (*.xlsx)"}},
		{"encrypted.xlsx", []string{`testdata/encrypted.xlsx: the workbook is password-protected`,
			"hint: remove the password (Excel: File › Info › Protect Workbook › Encrypt with Password) and save it again"}},
		{"wide-ok.txt", []string{`testdata/wide-ok.txt: cannot read: no such file or directory`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := Read(filepath.Join("testdata", tt.file), testSet(), testUnits(), Options{})
			if diff := cmp.Diff(tt.want, problemLines(t, err)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestManyErrors reads a file with many planted mistakes: every one must
// be reported, in file order.
func TestManyErrors(t *testing.T) {
	units := append(testUnits(), &criteria.Unit{ID: "nui-thanh", Name: "Huyện Núi Thành"})
	_, err := Read("testdata/many-errors.csv", testSet(), units, Options{})
	if err == nil {
		t.Fatal("Read succeeded, want problems")
	}
	got := strings.Join(problemLines(t, err), "\n") + "\n"
	golden := "testdata/many-errors.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestPartial(t *testing.T) {
	path := filepath.Join(t.TempDir(), "self.csv")
	os.WriteFile(path, []byte("unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points\nque-son,1,1,1,1,1\n"), 0o644)
	tab, err := Read(path, testSet(), testUnits(), Options{Partial: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := tab.Values["que-son"]; len(tab.Values) != 1 || !ok {
		t.Errorf("Values = %v, want que-son only", tab.Values)
	}
}

// TestReadVariants reads small tables written in the ways people and
// spreadsheet programs write them.
func TestReadVariants(t *testing.T) {
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"blank lines before the header", "\r\n \r\nunit;satisfaction;plan_on_time\r\nĐiện Bàn;5;có\r\n",
			[]string{"dien-ban plan_on_time true", "dien-ban satisfaction 5"}},
		{"decomposed text", norm.NFD.String("Đơn vị,satisfaction,plan_on_time\nĐiện Bàn,87.5 %,CÓ\n"),
			[]string{"dien-ban plan_on_time true", "dien-ban satisfaction 87.5"}},
		{"quotes and spaces", "\"unit\",\"satisfaction\",\"plan_on_time\"\n\"  Dien  Ban \", \"0\",\"Không\"\n",
			[]string{"dien-ban plan_on_time false", "dien-ban satisfaction 0"}},
		{"a quote inside a quoted cell", "unit,satisfaction,plan_on_time\n\"Thị xã \"\"Điện Bàn\"\"\",1,1\ndien-ban,1,1\n", nil},
		{"lone CR line ends", "unit,satisfaction,plan_on_time\rdien-ban,1,x\r", []string{"dien-ban plan_on_time true", "dien-ban satisfaction 1"}},
	}
	set := &criteria.Set{Metrics: []*criteria.Metric{testSet().Metric("satisfaction"), testSet().Metric("plan_on_time")}}
	set.IndexMetrics()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.csv")
			os.WriteFile(path, []byte(tt.csv), 0o644)
			tab, err := Read(path, set, testUnits(), Options{Partial: true})
			if tt.want == nil {
				if err == nil || !strings.Contains(err.Error(), `unknown unit "Thị xã \"Điện Bàn\""`) {
					t.Fatalf("Read: %v, want the quoted name read whole", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, render(tab)); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
		})
	}
}
