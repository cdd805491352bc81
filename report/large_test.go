package report

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestReportManyUnits(t *testing.T) {
	res := synthetic(t, 3, 2, 70)
	f, _ := writeReport(t, res, Options{UnitSheets: -1})
	l := &vietnamese
	want := []string{l.summary, l.chartSheet, l.byField, l.details, l.criteriaSheet, l.info}
	if got := f.GetSheetList(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sheets %q, want %q (no sheet per unit when asked for none)", got, want)
	}
	rows, _ := f.GetRows(l.info)
	if all := fmt.Sprint(rows); !strings.Contains(all, l.unitSheetsNone) {
		t.Errorf("Thông tin does not say the unit sheets were left out")
	}
	c := &checker{t: t, f: f, places: res.Set.Decimals}
	checkSummary(c, res, l)
	checkByField(c, res, l)
	checkDetails(c, res, l)
}

// BenchmarkWrite10k writes the report of 10,000 units on a set of 7 fields,
// 35 criteria and 70 sub-criteria. Scoring is outside the timing.
func BenchmarkWrite10k(b *testing.B) {
	res := synthetic(b, 7, 5, benchUnits)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, res, Options{Version: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchUnits is how many units BenchmarkWrite10k writes.
var benchUnits = envInt("PARINDEX_BENCH_UNITS", 10000)

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkWrite300 writes the workbook of 300 units — a province's
// communes and wards — with a sheet for each (SPEC §13): the target is
// under a second.
func BenchmarkWrite300(b *testing.B) {
	res := synthetic(b, 8, 4, 300)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, res, Options{Version: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}
