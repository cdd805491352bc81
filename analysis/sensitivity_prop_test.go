package analysis_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"parindex/scoring"
)

// randomTable makes up an assessment of 2–6 fields and 3–40 units, some
// fields not applicable, sometimes with a bonus and a penalty.
func randomTable(rng *rand.Rand) table {
	tb := table{decimals: rng.IntN(4)}
	nf := 2 + rng.IntN(5)
	for range nf {
		tb.maxes = append(tb.maxes, fmt.Sprint(1+rng.IntN(40)))
	}
	extra := 0
	if rng.IntN(2) == 0 {
		tb.bonus, tb.penalty, extra = "3", "4", 2
	}
	for range 3 + rng.IntN(38) {
		row := make([]string, 0, nf+extra)
		for f := range nf {
			if rng.IntN(10) == 0 && f > 0 {
				row = append(row, "-")
				continue
			}
			row = append(row, pointsUpTo(rng, tb.maxes[f], tb.decimals))
		}
		for _, m := range []string{tb.bonus, tb.penalty}[:extra] {
			row = append(row, pointsUpTo(rng, m, tb.decimals))
		}
		tb.units = append(tb.units, row)
	}
	return tb
}

// pointsUpTo draws points in [0, max] with the given places; often a few
// whole values, so that ties are common.
func pointsUpTo(rng *rand.Rand, max string, places int) string {
	var m int
	fmt.Sscan(max, &m)
	if rng.IntN(3) == 0 {
		return fmt.Sprint(rng.IntN(m + 1))
	}
	scale := 1
	for range places {
		scale *= 10
	}
	v := rng.IntN(m*scale + 1)
	if places == 0 {
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("%d.%0*d", v/scale, places, v%scale)
}

// With --weights 0 every band is exactly the published rank and the share
// is 1, on any assessment.
func TestPropertyNoSpreadIsPublished(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		res := randomTable(rng).result(t)
		s := sensitivity(t, res, 5, "0", uint64(i))
		for j, u := range s.Units {
			r := res.Units[j].Rank
			if u.Low != r || u.High != r || u.Median != r || u.Kept != 5 || !u.Share.Equal(dec("1")) {
				t.Fatalf("case %d: %s: band %d–%d median %d kept %d, published rank %d", i, u.Unit.ID, u.Low, u.High, u.Median, u.Kept, r)
			}
		}
	}
}

// A unit ahead of every other on every field, all fields applying to all
// and no bonus or penalty, is rank 1 in every run: its index is a weighted
// mean of its field indices with the same weights as everyone's.
func TestPropertyLeaderStaysFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 100 {
		tb := randomTable(rng)
		tb.bonus, tb.penalty = "", ""
		lead := make([]string, len(tb.maxes))
		copy(lead, tb.maxes) // full points on every field
		for j, row := range tb.units {
			row = row[:len(tb.maxes)]
			for f := range row {
				if row[f] == "-" || row[f] == tb.maxes[f] || dec(row[f]).Equal(dec(tb.maxes[f])) {
					row[f] = "0"
				}
			}
			tb.units[j] = row
		}
		tb.units = append(tb.units, lead)
		res := tb.result(t)
		s := sensitivity(t, res, 200, "0.5", uint64(i))
		u := s.Unit(fmt.Sprintf("u%d", len(tb.units)))
		if u.Rank != 1 || u.Low != 1 || u.High != 1 || u.Kept != 200 || u.WorstDropped != 1 {
			t.Fatalf("case %d: the leader's rank %d, band %d–%d, kept %d, worst dropped %d", i, u.Rank, u.Low, u.High, u.Kept, u.WorstDropped)
		}
	}
}

// The figures are the same, byte for byte, on one processor and on two.
func TestPropertySameOnAnyCores(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	results := []*scoring.Result{loadFixture(t, fixtures[0])}
	for range 5 {
		results = append(results, randomTable(rng).result(t))
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for i, res := range results {
		var out [2]bytes.Buffer
		for j, procs := range []int{1, 2} {
			runtime.GOMAXPROCS(procs)
			if err := sensitivity(t, res, 300, "0.3", 42).WriteJSON(&out[j], res.Set); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
			t.Errorf("case %d: the JSON differs between GOMAXPROCS=1 and 2", i)
		}
	}
	// and a different seed gives different draws
	var a, b bytes.Buffer
	_ = sensitivity(t, results[0], 300, "0.3", 1).WriteJSON(&a, results[0].Set)
	_ = sensitivity(t, results[0], 300, "0.3", 2).WriteJSON(&b, results[0].Set)
	if bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("seeds 1 and 2 gave the same figures")
	}
}
