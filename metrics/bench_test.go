package metrics

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"parindex/criteria"
)

// bigTable returns a set of n metrics, units units, and a wide CSV table
// of their values: a quarter yes/no, half counts up to 5,000, a quarter
// percentages with one decimal, as a real table mixes them.
func bigTable(units, n int) (*criteria.Set, []*criteria.Unit, []byte) {
	set := &criteria.Set{ID: "big"}
	var b bytes.Buffer
	b.WriteString("unit")
	types := []criteria.MetricType{criteria.Bool, criteria.Count, criteria.Count, criteria.Percent}
	for j := range n {
		id := fmt.Sprintf("m%03d", j)
		set.Metrics = append(set.Metrics, &criteria.Metric{ID: id, Name: "Chỉ số " + id, Type: types[j%4]})
		b.WriteString("," + id)
	}
	b.WriteString("\r\n")
	set.IndexMetrics()
	bools := []string{"có", "không", "x", "1", "0", "true"}
	us := make([]*criteria.Unit, units)
	for i := range us {
		us[i] = &criteria.Unit{ID: fmt.Sprintf("u%05d", i), Name: fmt.Sprintf("Xã Số %d", i)}
		b.WriteString(us[i].Name)
		for j := range n {
			switch k := i*31 + j*17; types[j%4] {
			case criteria.Bool:
				b.WriteString("," + bools[k%len(bools)])
			case criteria.Count:
				fmt.Fprintf(&b, ",%d", k%5000)
			default:
				fmt.Fprintf(&b, ",%d.%d", k%100, k%10)
			}
		}
		b.WriteString("\r\n")
	}
	return set, us, b.Bytes()
}

// BenchmarkReadWideCSV reads a 10,000-unit × 100-metric table: a
// province's communes over several years would be far smaller.
func BenchmarkReadWideCSV(b *testing.B) {
	set, units, data := bigTable(10000, 100)
	path := filepath.Join(b.TempDir(), "metrics.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	benchRead(b, path, set, units)
}

// repeat is an endless run of one byte.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// TestHugeCell reads a 50 MB cell: it is reported, and not held in memory.
func TestHugeCell(t *testing.T) {
	r := io.MultiReader(
		strings.NewReader("unit,satisfaction\nĐiện Bàn,\""),
		io.LimitReader(repeat('9'), 50<<20),
		strings.NewReader("\"\nque-son,5\n"))
	set := &criteria.Set{Metrics: []*criteria.Metric{testSet().Metric("satisfaction")}}
	set.IndexMetrics()
	units := testUnits()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	w := newWide(set, NewMatcher(units), Options{Partial: true})
	fatal := scanCSV(r, "big.csv", &w.probs, w.row)
	runtime.ReadMemStats(&after)
	if fatal != nil {
		t.Fatalf("fatal problem %v", fatal)
	}
	want := "big.csv:2: a cell is longer than 32 KiB: this is not a table of metric values"
	if got := w.finish("big.csv", units).Error(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if v := w.t.Values["que-son"].Get("satisfaction"); v.String() != "5" {
		t.Errorf("the row after the long cell gave %q, want 5", v)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 8<<20 {
		t.Errorf("reading allocated %d MB, want well under the cell's 50 MB", grew>>20)
	}
}

// BenchmarkReadWideXLSX reads the table of BenchmarkReadWideCSV as a
// workbook: cells with references, numbers as numbers, text inline.
func BenchmarkReadWideXLSX(b *testing.B) {
	set, units, data := bigTable(10000, 100)
	var sheet strings.Builder
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\r\n") {
		fmt.Fprintf(&sheet, `<row r="%d">`, i+1)
		for j, c := range strings.Split(line, ",") {
			ref := strings.TrimPrefix(cellRef("x", j, i+1), "x!")
			if _, _, ok := plainNumber(c); ok {
				fmt.Fprintf(&sheet, `<c r="%s"><v>%s</v></c>`, ref, c)
			} else {
				fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, c)
			}
		}
		sheet.WriteString("</row>")
	}
	path := filepath.Join(b.TempDir(), "metrics.xlsx")
	if err := os.WriteFile(path, handWorkbook(b, sheetXML(sheet.String())), 0o644); err != nil {
		b.Fatal(err)
	}
	benchRead(b, path, set, units)
}

// benchRead times reading the table at path, which has a row for each unit.
func benchRead(b *testing.B, path string, set *criteria.Set, units []*criteria.Unit) {
	b.ReportAllocs()
	for b.Loop() {
		tab, err := Read(path, set, units, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(tab.Values) != len(units) {
			b.Fatalf("read %d units", len(tab.Values))
		}
	}
}
