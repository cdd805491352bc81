package scoring

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"parindex/criteria"
)

// BenchmarkScore10kUnits scores 10,000 units on about 100 leaves of every
// rule type. SPEC's target on a 2-core machine: ≤ 2 s and ≤ 500 MiB. The
// peak-MiB figure is the process's peak resident memory, input included.
func BenchmarkScore10kUnits(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	set := genSet(rng, 100)
	in := genInput(rng, set, 10000)
	runtime.GC()
	debug.FreeOSMemory()
	// start the peak afresh: building the input is not what is measured
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	inputKiB := peakKiB()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		// each run stands for one parindex process: the last run's result
		// is gone before the next starts
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		if _, err := Score(in); err != nil {
			b.Fatal(err)
		}
	}
	if kib := peakKiB(); kib > 0 {
		b.ReportMetric(float64(kib)/1024, "peak-MiB")
		b.ReportMetric(float64(inputKiB)/1024, "input-MiB")
	}
	b.ReportMetric(float64(len(set.Leaves())), "leaves")
}

// peakKiB reads the process's peak resident set size (Linux), or 0.
func peakKiB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	return 0
}

// BenchmarkReadPrevious8000 reads last year's result of 8,000 units, one
// line a unit as WriteJSON writes them: the time must grow with the file,
// not with its square.
func BenchmarkReadPrevious8000(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`{"schema":"parindex.result/v1","criteria":{"id":"x","title":"x","year":2019,"decimals":2},"units":[`)
	for i := range 8000 {
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, "\n{\"id\":\"u%05d\",\"rank\":%d,\"index\":\"%d.25\",\"nodes\":[%s]}", i, i+1, i%100,
			strings.Repeat("\n  {\"code\":\"1.1\",\"points\":\"1.00\",\"explain\":\"đạt: 1 điểm\"},", 100)+"{}")
	}
	buf.WriteString("\n]}\n")
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := ReadLastYear(bytes.NewReader(buf.Bytes()), "previous.json"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRescore10kUnits answers a what-if of one unit's value that no
// relative or minmax rule reads, on the 10,000 units of
// BenchmarkScore10kUnits: one unit scored again and every unit ranked
// again, which should take a small part of a scoring.
func BenchmarkRescore10kUnits(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	set := genSet(rng, 100)
	in := genInput(rng, set, 10000)
	base, err := Score(in)
	if err != nil {
		b.Fatal(err)
	}
	p, err := newPlan(set)
	if err != nil {
		b.Fatal(err)
	}
	unit := in.Units[0]
	var change []criteria.Decision
	for _, l := range p.leaves {
		v := in.Values[unit.ID].Get(l.met.ID)
		ok := !v.IsMissing()
		d := []criteria.Decision{{Unit: unit, Metric: l.met, Value: v, Reason: "thử", Round: "1"}}
		if ok && l.met.Ratio == nil && p.local(in, base, d) {
			change = d
			break
		}
	}
	if change == nil {
		b.Fatal("no metric of the generated set can be changed alone")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok, err := Rescore(in, base, change); err != nil || !ok {
			b.Fatalf("rescoring: ok %v, %v", ok, err)
		}
	}
}
