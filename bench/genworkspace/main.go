// Command genworkspace writes a large synthetic workspace — by default
// 10,000 units scored on 100 criteria — for timing parindex. The bench
// folder exists because the speed and memory targets (a province-sized
// run in seconds, well under a gigabyte) are checked on inputs far larger
// than any real assessment, and such inputs are generated, not stored.
//
// Usage:
//
//	go run ./bench/genworkspace -units 10000 -leaves 100 DIR
//
// The data is random but seeded, so every run writes the same files.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	units := flag.Int("units", 10000, "number of units")
	leaves := flag.Int("leaves", 100, "number of scored criteria (a multiple of 10)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: genworkspace [-units N] [-leaves N] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *units < 1 || *leaves < 10 || *leaves%10 != 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := generate(flag.Arg(0), *units, *leaves); err != nil {
		fmt.Fprintln(os.Stderr, "genworkspace:", err)
		os.Exit(1)
	}
}

// leaf is one generated criterion: its rule shape decides its metric.
type leaf struct {
	code, metric, kind string // kind: bool, percent, count, ratio, points
}

func generate(dir string, nUnits, nLeaves int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var ls []leaf
	var crit strings.Builder
	fmt.Fprintf(&crit, "# Synthetic criteria set for benchmarks: not a real set.\n")
	fmt.Fprintf(&crit, "id: bench\ntitle: Bộ tiêu chí thử tải (%d tiêu chí)\nyear: 2024\ndecimals: 2\n", nLeaves)
	crit.WriteString("tiers:\n  - {name: Tốt, min: 90}\n  - {name: Khá, min: 80}\n  - {name: Trung bình, min: 65}\n  - {name: Yếu, min: 0}\n")
	var metrics, fields strings.Builder
	fields.WriteString("fields:\n")
	perField := 10
	for f := 1; f <= nLeaves/perField; f++ {
		fmt.Fprintf(&fields, "  - code: \"%d\"\n    name: Lĩnh vực %d\n", f, f)
		if f == nLeaves/perField {
			fields.WriteString("    source: survey\n")
		}
		fields.WriteString("    children:\n")
		for c := 1; c <= perField; c++ {
			i := (f-1)*perField + c
			l := leaf{code: fmt.Sprintf("%d.%d", f, c), metric: fmt.Sprintf("m%03d", i)}
			var rule string
			switch i % 8 {
			case 0:
				l.kind = "bool"
				rule = fmt.Sprintf("{type: boolean, metric: %s}", l.metric)
			case 1:
				l.kind = "ratio"
				rule = fmt.Sprintf("{type: bands, metric: %s, bands: [{gte: 90, points: 1}, {gte: 70, lt: 90, points: 0.5}]}", l.metric)
			case 2:
				l.kind = "percent"
				rule = fmt.Sprintf("{type: linear, metric: %s, from: 20, to: 80}", l.metric)
			case 3:
				l.kind = "percent"
				rule = fmt.Sprintf("{type: relative, metric: %s}", l.metric)
			case 4:
				l.kind = "percent"
				rule = fmt.Sprintf("{type: minmax, metric: %s, better: lower}", l.metric)
			case 5:
				l.kind = "count"
				rule = fmt.Sprintf("{type: deduction, metric: %s, per: 0.25}", l.metric)
			case 6:
				l.kind = "count"
				rule = fmt.Sprintf("{type: count, metric: %s, per: 0.25}", l.metric)
			case 7:
				l.kind = "points"
				rule = fmt.Sprintf("{type: points, metric: %s}", l.metric)
			}
			ls = append(ls, l)
			writeMetric(&metrics, l)
			fmt.Fprintf(&fields, "      - {code: \"%s\", name: Tiêu chí %s, max: 1, rule: %s}\n", l.code, l.code, rule)
		}
	}
	crit.WriteString("metrics:\n" + metrics.String() + fields.String())
	if err := os.WriteFile(filepath.Join(dir, "criteria.yaml"), []byte(crit.String()), 0o644); err != nil {
		return err
	}
	if err := writeUnits(dir, nUnits); err != nil {
		return err
	}
	return writeValues(dir, nUnits, ls)
}

func writeMetric(b *strings.Builder, l leaf) {
	switch l.kind {
	case "ratio":
		fmt.Fprintf(b, "  - {id: %s_done, name: Số việc hoàn thành %s, type: count}\n", l.metric, l.metric)
		fmt.Fprintf(b, "  - {id: %s_total, name: Tổng số việc %s, type: count}\n", l.metric, l.metric)
		fmt.Fprintf(b, "  - {id: %s, name: Tỷ lệ %s, type: percent, ratio: {numerator: [%s_done], denominator: [%s_total]}}\n",
			l.metric, l.metric, l.metric, l.metric)
	default:
		fmt.Fprintf(b, "  - {id: %s, name: Chỉ tiêu %s, type: %s}\n", l.metric, l.metric, l.kind)
	}
}

func writeUnits(dir string, n int) error {
	f, err := os.Create(filepath.Join(dir, "units.yaml"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# Synthetic units for benchmarks.\nunits:")
	for i := 1; i <= n; i++ {
		group := "Đồng bằng"
		if i%3 == 0 {
			group = "Miền núi"
		}
		fmt.Fprintf(w, "  - {id: u%05d, name: Xã Thử Nghiệm %05d, group: %s}\n", i, i, group)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeValues(dir string, n int, ls []leaf) error {
	f, err := os.Create(filepath.Join(dir, "metrics.csv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.WriteString("unit")
	for _, l := range ls {
		if l.kind == "ratio" {
			fmt.Fprintf(w, ",%s_done,%s_total", l.metric, l.metric)
		} else {
			fmt.Fprintf(w, ",%s", l.metric)
		}
	}
	w.WriteString("\n")
	rng := rand.New(rand.NewPCG(2019, 18))
	for i := 1; i <= n; i++ {
		fmt.Fprintf(w, "u%05d", i)
		for _, l := range ls {
			switch l.kind {
			case "bool":
				if rng.IntN(4) == 0 {
					w.WriteString(",không")
				} else {
					w.WriteString(",có")
				}
			case "ratio":
				total := 50 + rng.IntN(500)
				done := total - rng.IntN(total/3+1)
				fmt.Fprintf(w, ",%d,%d", done, total)
			case "percent":
				if rng.IntN(50) == 0 {
					w.WriteString(",KPS")
				} else {
					fmt.Fprintf(w, ",%d.%d", rng.IntN(100), rng.IntN(10))
				}
			case "count":
				fmt.Fprintf(w, ",%d", rng.IntN(6))
			case "points":
				fmt.Fprintf(w, ",0.%02d", rng.IntN(101)%100)
			}
		}
		w.WriteString("\n")
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
