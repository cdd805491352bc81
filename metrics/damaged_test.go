package metrics

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"parindex/criteria"
)

const sheetPart = "xl/worksheets/sheet1.xml"

// sheetXML wraps rows of sheet XML into a worksheet part.
func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		rows + `</sheetData></worksheet>`
}

// inline is a row of inline-string and number cells, without references
// when refs is false: "" is no cell, a text starting with "#" a number.
func inline(num int, refs bool, cells ...string) string {
	var b strings.Builder
	if refs {
		fmt.Fprintf(&b, `<row r="%d">`, num)
	} else {
		b.WriteString(`<row>`)
	}
	for i, c := range cells {
		ref := ""
		if refs {
			ref = fmt.Sprintf(` r="%s"`, strings.TrimPrefix(cellRef("x", i, num), "x!"))
		}
		switch {
		case c == "":
		case strings.HasPrefix(c, "#"):
			fmt.Fprintf(&b, `<c%s><v>%s</v></c>`, ref, c[1:])
		default:
			fmt.Fprintf(&b, `<c%s t="inlineStr"><is><t>%s</t></is></c>`, ref, c)
		}
	}
	b.WriteString(`</row>`)
	return b.String()
}

var wideRow = []string{"unit", "plan_on_time", "dossiers_total", "dossiers_late", "satisfaction", "has_portal", "survey_points"}

// withRawPart returns the workbook data with the part name replaced by a
// raw entry: body as stored or deflated, under the header's sizes and
// CRC-32, which may lie.
func withRawPart(t *testing.T, data []byte, fh zip.FileHeader, body []byte) []byte {
	t.Helper()
	return copyZip(t, data, fh.Name, func(zw *zip.Writer) error {
		w, err := zw.CreateRaw(&fh)
		if err == nil {
			_, err = w.Write(body)
		}
		return err
	})
}

// deflated compresses data as a zip part's body.
func deflated(t *testing.T, data io.Reader) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestSpeed)
	if _, err := io.Copy(w, data); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return b.Bytes()
}

// zeros is a reader of n zero bytes, made without holding them.
func zeros(n int64) io.Reader { return io.LimitReader(zeroReader{}, n) }

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestReadDamagedXLSX checks that a workbook that is damaged, or built to
// exhaust memory or time, is refused whole with a problem that says why,
// and that nothing of it is read as values.
func TestReadDamagedXLSX(t *testing.T) {
	good := writeWorkbook(t, "", nil)
	valid := sheetXML(inline(1, true, wideRow...) + inline(2, true, "Điện Bàn", "#1", "#1200", "#12", "#88.2", "#0", "#7"))
	cutOff := valid[:strings.Index(valid, "<v>88.2")-20]
	stored := []byte(valid)
	crc := crc32.ChecksumIEEE(stored)
	flipped := bytes.Replace(stored, []byte("<v>88.2<"), []byte("<v>18.2<"), 1)
	many := sheetXML(inline(0, false, wideRow...) + strings.Repeat(inline(0, false, "Xã không có", "#1", "#1", "#1", "#1", "#1", "#1"), 80_000))
	huge := sheetXML(inline(1, true, wideRow...) + inline(2, true, "Điện Bàn", "#1E+999999999", "#1E+9999999", "#1", "#1", "#0", "#1"))
	damagedHintLine := "hint: " + damagedHint
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"sheet cut off mid-row", replacePart(t, good, sheetPart, cutOff), []string{
			`the workbook is damaged: its part "xl/worksheets/sheet1.xml" is cut off or is not well-formed XML (line 1)`, damagedHintLine}},
		{"a part fails its CRC-32", withRawPart(t, good, zip.FileHeader{Name: sheetPart, Method: zip.Store,
			CRC32: crc, CompressedSize64: uint64(len(flipped)), UncompressedSize64: uint64(len(flipped))}, flipped), []string{
			`the workbook is damaged: its part "xl/worksheets/sheet1.xml" fails its checksum (CRC-32)`, damagedHintLine}},
		{"a part's CRC-32 left out", withRawPart(t, good, zip.FileHeader{Name: sheetPart, Method: zip.Store,
			CompressedSize64: uint64(len(flipped)), UncompressedSize64: uint64(len(flipped))}, flipped), []string{
			`the workbook is damaged: its part "xl/worksheets/sheet1.xml" fails its checksum (CRC-32)`, damagedHintLine}},
		{"a part claims 1 GiB", withRawPart(t, good, zip.FileHeader{Name: sheetPart, Method: zip.Deflate,
			CompressedSize64: 100, UncompressedSize64: 1 << 30}, deflated(t, strings.NewReader(valid))), []string{
			`the workbook's part "xl/worksheets/sheet1.xml" unzips to 1024 MiB, more than the limit of 256 MiB a part`, damagedHintLine}},
		{"a zip bomb under a false size", withRawPart(t, good, zip.FileHeader{Name: sheetPart, Method: zip.Deflate,
			CompressedSize64: 1000, UncompressedSize64: 1000}, deflated(t, zeros(64<<20))), []string{
			`the workbook is damaged or cut short: its part "xl/worksheets/sheet1.xml" cannot be unzipped`, damagedHintLine}},
		{"a shared string that is not there", replacePart(t, good, sheetPart,
			sheetXML(inline(1, true, wideRow...)+`<row r="2"><c r="A2" t="s"><v>7</v></c></row>`)), []string{
			`the workbook is damaged: cell 'Số liệu'!A2 refers to a shared string the workbook does not have`, damagedHintLine}},
		{"rows out of order", replacePart(t, good, sheetPart, sheetXML(inline(2, true, wideRow...)+inline(1, true, "Điện Bàn"))), []string{
			`the workbook is damaged: its rows are out of order or misnumbered (row "1" after row 2)`, damagedHintLine}},
		{"80,000 rows without references", replacePart(t, good, sheetPart, many), []string{
			`'Số liệu'!A2: unknown unit "Xã không có"`, "… and 79800 more problems"}},
		{"numbers no cell can hold", replacePart(t, good, sheetPart, huge), []string{
			`'Số liệu'!B2: unit "Thị xã Điện Bàn": metric "plan_on_time": "1E+999999999" is not a number a spreadsheet cell can hold`,
			`'Số liệu'!C2: unit "Thị xã Điện Bàn": metric "dossiers_total": "1E+9999999" is not a number a spreadsheet cell can hold`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "metrics.xlsx")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			tab, err := Read(path, testSet(), testUnits(), Options{Partial: true})
			lines := problemLines(t, err)
			for i, l := range lines {
				lines[i] = strings.TrimPrefix(l, path+": ")
				if len(l) > 400 {
					t.Errorf("a problem of %d characters: %.100s…", len(l), l)
				}
			}
			got := lines
			if len(got) > len(tt.want) && strings.HasPrefix(tt.want[len(tt.want)-1], "…") {
				got = []string{lines[0], lines[len(lines)-1]} // the first and the count of the rest
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if strings.Contains(tt.want[0], "damaged") && tab != nil {
				t.Errorf("a damaged workbook gave a table: %v", render(tab))
			}
		})
	}
}

// TestProblemsCapped checks that a table of many bad rows lists
// criteria.MaxListed problems and counts the rest, in CSV as in a
// per-unit folder.
func TestProblemsCapped(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(wideHead)
	for i := range 1000 {
		fmt.Fprintf(&b, "Xã số %d,1,1,1,1,1\n", i)
	}
	wide := filepath.Join(dir, "wide.csv")
	os.WriteFile(wide, []byte(b.String()), 0o644)
	folder := filepath.Join(dir, "units")
	os.Mkdir(folder, 0o755)
	for _, u := range []string{"dien-ban", "que-son", "tam-ky"} {
		var f strings.Builder
		f.WriteString("metric,value\n")
		for i := range 100 {
			fmt.Fprintf(&f, "m%d,1\n", i)
		}
		os.WriteFile(filepath.Join(folder, u+".csv"), []byte(f.String()), 0o644)
	}
	for _, tt := range []struct {
		path  string
		count int
	}{{wide, 1001}, {folder, 3 * 105}} {
		_, err := Read(tt.path, testSet(), testUnits(), Options{})
		ps, _ := err.(criteria.Problems)
		if len(ps) != criteria.MaxListed+1 || ps.Count() != tt.count {
			t.Errorf("%s: %d problems kept, %d counted; want %d, %d", tt.path, len(ps), ps.Count(), criteria.MaxListed+1, tt.count)
		}
	}
}

// handWorkbook is the smallest workbook that holds sheet as its first
// sheet, its parts stored rather than deflated: a fuzzer's mutations then
// change the XML itself.
func handWorkbook(t testing.TB, sheet string) []byte {
	t.Helper()
	parts := []struct{ name, text string }{
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Quế Sơn</t></si><si><r><t>có</t></r><rPh><t>x</t></rPh></si></sst>`},
		{"xl/styles.xml", `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`},
		{sheetPart, sheet},
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.text))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestHandWorkbook checks the reader on a workbook written by hand: shared
// strings with runs and a phonetic guide, a percent style, cells without
// references.
func TestHandWorkbook(t *testing.T) {
	sheet := sheetXML(inline(1, true, wideRow...) +
		`<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>1200</v></c><c><v>12</v></c><c s="1"><v>0.875</v></c><c t="b"><v>1</v></c><c><v>7</v></c></row>`)
	path := filepath.Join(t.TempDir(), "metrics.xlsx")
	if err := os.WriteFile(path, handWorkbook(t, sheet), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, err := Read(path, testSet(), testUnits(), Options{Partial: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"que-son dossiers_late 12", "que-son dossiers_total 1200", "que-son has_portal true",
		"que-son plan_on_time true", "que-son satisfaction 87.5", "que-son survey_points 7"}
	if diff := cmp.Diff(want, render(tab)); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}
