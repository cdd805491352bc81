package metrics

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/criteria"
)

// checkProblems fails on a problem with no file or no message: every
// problem must say where it is and what is wrong.
func checkProblems(t *testing.T, probs criteria.Problems) {
	for _, p := range probs {
		if p.File == "" || p.Msg == "" {
			t.Fatalf("problem without a file or message: %#v", p)
		}
	}
}

// FuzzCSV reads any bytes as a wide table and as a per-unit file: no
// panic, and every problem placed.
func FuzzCSV(f *testing.F) {
	for _, name := range []string{"wide-ok.csv", "wide-excel-vn.csv", "many-errors.csv", "wide-cp1258.csv",
		"binary.csv", "perunit/dien-ban.csv", "perunit/bao-cao-que-son.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("unit;\"a\"\"b\r\n\"x\r"))
	f.Add([]byte(wideHead + "Điện Bàn,1,1,1,12,5,\n"))
	f.Add([]byte("metric,value,evidence\nsatisfaction,12,5,\n"))
	// The encodings and layouts of SPEC §12.
	ok, _ := os.ReadFile("testdata/wide-ok.csv")
	f.Add(toUTF16(f, strings.ReplaceAll(string(ok), ",", "\t")))
	f.Add(toWindows1258(f, "Biểu số liệu;;\nSTT;Đơn vị;satisfaction;Ghi chú\n1;Điện Bàn;88,4;đạt\n"))
	f.Add([]byte("\xfe\xffu\x00\tn\x00"))
	f.Add([]byte("unit,plan_on_time\nTh\xe0nh ph\x81\n"))
	f.Add([]byte("ThÃ nh phá»‘;1\nĐơn vị;rank;index\nx;1;2,5\n"))
	f.Add([]byte("Báo cáo\nmã chỉ số\tgiá trị\tghi chú\nđơn vị\tĐiện Bàn\nsatisfaction\t1.234,5\n"))
	set, units := testSet(), testUnits()
	f.Fuzz(func(t *testing.T, data []byte) {
		w := newWide(set, NewMatcher(units), Options{})
		if fatal := scanCSV(bytes.NewReader(data), "f.csv", &w.probs, w.row); fatal != nil {
			checkProblems(t, criteria.Problems{*fatal})
		} else {
			checkProblems(t, w.finish("f.csv", units))
		}
		fo := &folder{set: set, match: NewMatcher(units), inputs: set.Inputs(), t: newTable(), fileOf: map[string]string{}}
		fo.t.Notes = map[string]map[string]string{}
		var probs criteria.Problems
		uf := newUnitFile()
		if fatal := scanCSV(bytes.NewReader(data), "f.csv", &probs, uf.add); fatal == nil {
			checkProblems(t, fo.interpret(uf, "f.csv", probs))
		}
		pr := newPreviousReader(units)
		if fatal := scanCSV(bytes.NewReader(data), "f.csv", &pr.probs, pr.row); fatal == nil {
			checkProblems(t, pr.probs)
			for id, p := range pr.out.Units {
				if p.Rank < 1 || !p.NoIndex && (p.Index.Sign() < 0 || p.Index.IntPart() > 100) {
					t.Fatalf("unit %s: last year's rank %d, index %s read", id, p.Rank, p.Index)
				}
			}
		}
	})
}

// FuzzXLSX reads any bytes as a workbook: no panic, and every problem
// placed.
func FuzzXLSX(f *testing.F) {
	// An input that is not a zip archive is a sheet's XML, put into a
	// workbook by hand: the fuzzer minimizes each input that finds new
	// code, trying every range of its bytes, and for a workbook of a few
	// kilobytes that takes minutes. A small zip archive covers the
	// archive's own checks.
	f.Add([]byte(sheetXML(inline(1, true, wideRow...) +
		`<row><c t="s"><v>0</v></c><c t="b"><v>1</v></c><c><f>A1</f></c><c t="e"><v>#N/A</v></c><c s="1"><v>0.875</v></c><c t="d"><v>2019-01-01</v></c><c><v>7</v></c></row>`)))
	f.Add([]byte(`<worksheet><sheetData><row><c t="inlineStr"><is><t>unit</t></is></c></row><row r="3"><c r="A3"><v>1E+999</v></c></row></sheetData></worksheet>`))
	data, _ := os.ReadFile("testdata/legacy.xls")
	f.Add(data)
	var tiny bytes.Buffer
	zw := zip.NewWriter(&tiny)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "xl/workbook.xml", Method: zip.Store})
	w.Write([]byte("<workbook><sheets><sheet/></sheets></workbook>"))
	zw.Close()
	f.Add(tiny.Bytes())
	set, units := testSet(), testUnits()
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("PK")) && !bytes.HasPrefix(data, oleSignature) {
			data = handWorkbook(t, string(data))
		}
		w := newWide(set, NewMatcher(units), Options{})
		if fatal := scanXLSX(data, "f.xlsx", &w.probs, w.row); fatal != nil {
			checkProblems(t, criteria.Problems{*fatal})
		} else {
			checkProblems(t, w.finish("f.xlsx", units))
		}
	})
}

// FuzzPerUnit reads any bytes as a per-unit file, CSV and workbook, in a
// folder as Read does: no panic, and every problem placed.
func FuzzPerUnit(f *testing.F) {
	for _, name := range []string{"perunit/dien-ban.csv", "perunit/bao-cao-que-son.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
	}
	f.Add([]byte("metric,value,evidence\nsatisfaction,12,5,\nunit,Quế Sơn\n"), false)
	// For a workbook, as in FuzzXLSX, an input that is not a zip archive
	// is the sheet's XML.
	f.Add([]byte(sheetXML(inline(1, true, "metric", "value", "evidence")+inline(2, false, "unit", "Điện Bàn")+
		`<row><c t="inlineStr"><is><t>satisfaction</t></is></c><c s="1"><v>0.875</v></c></row>`+
		`<row><c t="inlineStr"><is><t>dossiers_total</t></is></c><c><f>B2</f></c></row>`)), true)
	set, units := testSet(), testUnits()
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, xlsx bool) {
		name := filepath.Join(dir, "dien-ban.csv")
		if xlsx {
			name = filepath.Join(dir, "dien-ban.xlsx")
			if !bytes.HasPrefix(data, []byte("PK")) {
				data = handWorkbook(t, string(data))
			}
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(name)
		fo := &folder{set: set, match: NewMatcher(units), inputs: set.Inputs(), t: newTable(), fileOf: map[string]string{}}
		fo.t.Notes = map[string]map[string]string{}
		_, probs := fo.read(name)
		checkProblems(t, probs)
	})
}

// FuzzFastValue checks that the fast path for common cells reads what
// Metric.Parse reads, for every metric type.
func FuzzFastValue(f *testing.F) {
	for _, s := range []string{"87.5", "-0", "007", "1.", ".5", "1.000", "1.200.000", "12.50", "5.0", "100.00", "100.01",
		"999999999999999999", "1.2.3", "-", "", "có", "Không", "X", "TRUE", "-1"} {
		f.Add(s)
	}
	var ms []*criteria.Metric
	for _, typ := range []criteria.MetricType{criteria.Bool, criteria.Count, criteria.Percent, criteria.Number, criteria.Points} {
		ms = append(ms, &criteria.Metric{ID: typ.String(), Type: typ})
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range ms {
			fast, ok := fastValue(m, s)
			if !ok {
				continue
			}
			v, err := m.Parse(s)
			if err != nil || v.String() != fast.String() || v.IsNumber() && v.Cmp(fast.Round(20)) != 0 {
				t.Fatalf("%s: fastValue(%q) = %s, Parse gives %s, %v", m.Type, s, fast, v, err)
			}
		}
	})
}
