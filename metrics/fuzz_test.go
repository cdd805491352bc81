package metrics

import (
	"bytes"
	"os"
	"path/filepath"
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
	})
}

// FuzzXLSX reads any bytes as a workbook: no panic, and every problem
// placed.
func FuzzXLSX(f *testing.F) {
	f.Add(writeWorkbook(f, "", [][]any{
		wideHeader,
		{"Thị xã Điện Bàn", true, 1200, 12, styled(0.875, 10, ""), nil, 8.25},
		{"Quế Sơn", "không", formula("A1"), "3", 90, "x", 7},
	}))
	f.Add(writeWorkbook(f, "", [][]any{{"metric", "value", "evidence"}, {"plan_on_time", true, "QĐ 12"}}))
	data, _ := os.ReadFile("testdata/legacy.xls")
	f.Add(data)
	// A small workbook of the parts a sheet needs, written by hand, so
	// that mutations reach the sheet reader rather than the zip archive.
	f.Add(handWorkbook(f, sheetXML(inline(1, true, wideRow...)+inline(2, false, "Điện Bàn", "#1", "#1200", "#12", "#88.2", "#0", "#7"))))
	set, units := testSet(), testUnits()
	f.Fuzz(func(t *testing.T, data []byte) {
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
	f.Add(writeWorkbook(f, "", [][]any{{"metric", "value", "evidence"}, {"unit", "Điện Bàn"},
		{"plan_on_time", true, "QĐ 12"}, {"satisfaction", styled(0.875, 10, ""), nil}, {"dossiers_total", formula("B2")}}), true)
	set, units := testSet(), testUnits()
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, xlsx bool) {
		name := filepath.Join(dir, "dien-ban.csv")
		if xlsx {
			name = filepath.Join(dir, "dien-ban.xlsx")
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
