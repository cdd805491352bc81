package metrics

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"parindex/internal/excelfiles"
)

func toWindows1258(t testing.TB, text string) []byte {
	t.Helper()
	b, err := excelfiles.Windows1258(text)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func toUTF16(t testing.TB, text string) []byte {
	t.Helper()
	b, err := excelfiles.UTF16(text)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// utf16BE writes text as UTF-16 big endian with its byte-order mark.
func utf16BE(t testing.TB, text string) []byte {
	t.Helper()
	b, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCP1258Testdata keeps testdata/wide-cp1258.csv the Windows-1258 form
// of wide-ok.csv (-update rewrites it).
func TestCP1258Testdata(t *testing.T) {
	ok, err := os.ReadFile("testdata/wide-ok.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := toWindows1258(t, strings.ReplaceAll(string(ok), "\n", "\r\n"))
	if *update {
		if err := os.WriteFile("testdata/wide-cp1258.csv", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("testdata/wide-cp1258.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("testdata/wide-cp1258.csv is not wide-ok.csv in Windows-1258: run go test -update")
	}
}

// TestEncodings reads wide-ok.csv written in each encoding and with each
// separator Excel writes, and gets the same values.
func TestEncodings(t *testing.T) {
	raw, err := os.ReadFile("testdata/wide-ok.csv")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	semi := strings.NewReplacer(",", ";", "87.5%", "87,5%", "8.25", "8,25").Replace(text)
	tabs := strings.NewReplacer(",", "\t", "87.5%", "87,5%", "8.25", "8,25").Replace(text)
	titled := "BIỂU TỔNG HỢP SỐ LIỆU NĂM 2019 (dữ liệu minh hoạ);;;;;;;\r\n;;;;;;;\r\nSTT;" +
		strings.ReplaceAll(strings.Replace(semi, "unit;", "Đơn vị;", 1), "\n", ";\n")
	titled = strings.Replace(titled, "survey_points;\n", "survey_points;Ghi chú\n", 1)
	lines := strings.Split(titled, "\n")
	for i := 3; i < len(lines)-1; i++ {
		lines[i] = strings.Repeat("9", i-2) + ";" + lines[i] // the row number
	}
	lines[3] += "nộp bổ sung ngày 15/01"
	titled = strings.Join(lines, "\n")
	tests := []struct {
		name string
		data []byte
	}{
		{"utf-8 with bom", append([]byte{0xEF, 0xBB, 0xBF}, text...)},
		{"nfd", []byte(norm.NFD.String(text))},
		{"windows-1258", toWindows1258(t, text)},
		{"windows-1258, ; and decimal commas", toWindows1258(t, semi)},
		{"utf-16 tabs", toUTF16(t, tabs)},
		{"utf-16 tabs, crlf", toUTF16(t, strings.ReplaceAll(tabs, "\n", "\r\n"))},
		{"utf-16 big endian", utf16BE(t, tabs)},
		{"title rows, stt and notes", []byte(titled)},
		{"title rows, stt and notes in windows-1258", toWindows1258(t, titled)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "metrics.csv")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			tab, err := Read(path, testSet(), testUnits(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(okValues, render(tab)); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
			if strings.HasPrefix(tt.name, "title") {
				want := map[string]string{"dien-ban": "Ghi chú: nộp bổ sung ngày 15/01"}
				if diff := cmp.Diff(want, tab.UnitNotes); diff != "" {
					t.Errorf("notes (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestDetectSeparator(t *testing.T) {
	tests := []struct {
		head string
		want byte
	}{
		{"unit,a;b\n", ','},
		{"unit;a,b,c\n", ';'},
		{"unit\ta,b;c\n", '\t'},
		{"Biểu số liệu, năm 2019\nunit;a;b\n", ';'},
		{"\"Biểu; số liệu\"\r\n\r\nSTT\tĐơn vị\ta\n", '\t'},
		{"\"đơn vị\";a\n", ';'},
		{"a;b;c,d\n", ';'},
		{"a,b\n", ','},
		{"#;Đơn vị;a\n", ';'},
		{"a\tb\n", '\t'},
		{"chỉ tiêu;giá trị\n", ';'},
		{"", ','},
	}
	for _, tt := range tests {
		if got := detectSeparator([]byte(tt.head)); got != tt.want {
			t.Errorf("detectSeparator(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

func TestMojibake(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"ThÃ nh phá»‘", "Thành phố", true},
		{"Thá»‹ xÃ£ Ä\u0090iá»‡n BÃ\u00a0n", "Thị xã Điện Bàn", true},
		{"Thành phố", "", false},
		{"Bàn", "", false}, // Latin-1 letters alone are not UTF-8 bytes
		{"unit", "", false},
		{"Ã", "", false},
	}
	for _, tt := range tests {
		got, ok := mojibake(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("mojibake(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBoolWords(t *testing.T) {
	m := testSet().Metric("plan_on_time")
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"đạt", true}, {"Đạt", true}, {"ĐẠT", true}, {norm.NFD.String("Đạt"), true}, {"Đ", true}, {"đ", true},
		{"không đạt", false}, {"Không Đạt", false}, {norm.NFD.String("KHÔNG ĐẠT"), false}, {"KĐ", false}, {"kđ", false},
	} {
		v, err := m.Parse(tt.text)
		if err != nil || !v.IsBool() || v.Bool() != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.text, v, err, tt.want)
		}
	}
}

// TestMojibakeInWorkbook checks that mojibake in workbook cells is named
// as in CSV: in a unit's name, a header and a value.
func TestMojibakeInWorkbook(t *testing.T) {
	sheet := sheetXML(inline(1, true, "BÃ¡o cÃ¡o") +
		inline(3, true, "STT", "Ä\u0090Æ¡n vá»‹", "plan_on_time", "dossiers_total", "dossiers_late", "satisfaction", "survey_points") +
		inline(4, true, "#1", "Thá»‹ xÃ£ Ä\u0090iá»‡n BÃ\u00a0n", "cÃ³", "#1", "#1", "#1", "#1"))
	path := filepath.Join(t.TempDir(), "metrics.xlsx")
	if err := os.WriteFile(path, handWorkbook(t, sheet), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(path, testSet(), testUnits(), Options{Partial: true})
	got := strings.Join(problemLines(t, err), "\n")
	for _, want := range []string{
		`'Số liệu'!A1: no header row`,
		`hint: "BÃ¡o cÃ¡o" looks like UTF-8 text read as Windows-1252 ("Báo cáo" was meant)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	// With the header in English, the unit's name and the value are named.
	sheet = sheetXML(inline(1, true, "BÃ¡o cÃ¡o") +
		inline(3, true, "STT", "unit", "plan_on_time", "dossiers_total", "dossiers_late", "satisfaction", "survey_points") +
		inline(4, true, "#1", "Thá»‹ xÃ£ Ä\u0090iá»‡n BÃ\u00a0n", "#1", "#1", "#1", "#1", "#1") +
		inline(5, true, "#2", "Quế Sơn", "cÃ³", "#1", "#1", "#1", "#1"))
	if err := os.WriteFile(path, handWorkbook(t, sheet), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Read(path, testSet(), testUnits(), Options{Partial: true})
	got = strings.Join(problemLines(t, err), "\n")
	for _, want := range []string{
		`'Số liệu'!B4: unknown unit "Thá»‹ xÃ£`,
		`("Thị xã Điện Bàn" was meant)`,
		`'Số liệu'!C5: unit "Huyện Quế Sơn": metric "plan_on_time": "cÃ³" is not a yes/no value`,
		`("có" was meant)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// TestNoteColumns checks which columns are kept as a unit's notes.
func TestNoteColumns(t *testing.T) {
	csv := "#,Đơn vị,plan_on_time,dossiers_total,dossiers_late,#kiểm tra,satisfaction,survey_points,Note\n" +
		"1,Điện Bàn,có,1,1,đã đối chiếu,90,7,\n2,que-son,có,1,1,,90,7,gửi muộn\n3,Tam Kỳ,có,1,1,,90,7,\n"
	path := filepath.Join(t.TempDir(), "metrics.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, err := Read(path, testSet(), testUnits(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"dien-ban": "#kiểm tra: đã đối chiếu", "que-son": "Note: gửi muộn"}
	if diff := cmp.Diff(want, tab.UnitNotes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	if p := tab.Place("tam-ky", "late_rate"); p.Line != 4 {
		t.Errorf("Tam Kỳ's row is at %+v, want line 4", p)
	}
}
