package analysis_test

import (
	"bytes"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/scoring"
)

// With P = 0 every run is the published weighting: each band is the
// published rank, ties included (the demo has two units at rank 6).
func TestSensitivityNoSpread(t *testing.T) {
	for _, dir := range fixtures {
		res := loadFixture(t, dir)
		s := sensitivity(t, res, 50, "0", 7)
		for i, u := range s.Units {
			want := res.Units[i].Rank
			if u.Rank != want || u.Low != want || u.Median != want || u.High != want || u.Kept != 50 || u.Share.String() != "1" {
				t.Errorf("%s: %s: rank %d, band %d–%d, median %d, kept %d (%s); want all %d and kept 50",
					dir, u.Unit.ID, u.Rank, u.Low, u.High, u.Median, u.Kept, u.Share, want)
			}
		}
		if !s.MeanShift.IsZero() {
			t.Errorf("%s: mean shift %s with P = 0", dir, s.MeanShift)
		}
	}
}

// The exact index of a run with every factor at 1 is the published index,
// by the machine-word path and by math/big alike.
func TestSensitivityIndexAtOwnWeights(t *testing.T) {
	for _, dir := range fixtures {
		res := loadFixture(t, dir)
		k := make([]int64, ordinaryFields(res))
		for i := range k {
			k[i] = analysis.WeightSteps
		}
		fast, slow, err := analysis.IndicesAt(res, k)
		if err != nil {
			t.Fatal(err)
		}
		for i, u := range res.Units {
			want := u.Index.Shift(res.Set.Decimals).IntPart()
			if fast[i] != want || slow[i] != want {
				t.Errorf("%s: %s: index %d (fast) %d (big), published %s", dir, u.Unit.ID, fast[i], slow[i], u.Index)
			}
		}
	}
}

// Hand-worked: unit 1 has 9 and 8 of 10 on two fields, unit 2 has 2 and 3.
// Whatever the weights, 1's index is above 80 and 2's below 30.
func TestSensitivityFarApartNeverSwap(t *testing.T) {
	res := table{decimals: 2, maxes: []string{"10", "10"}, units: [][]string{{"9", "8"}, {"2", "3"}}}.result(t)
	s := sensitivity(t, res, 500, "0.5", 3)
	for n, rank := range map[int]int{1: 1, 2: 2} {
		u := byName(t, s, n)
		if u.Low != rank || u.High != rank || u.Kept != 500 || u.WorstDropped != rank {
			t.Errorf("unit %d: band %d–%d, kept %d, worst dropped %d; want always %d", n, u.Low, u.High, u.Kept, u.WorstDropped, rank)
		}
	}
}

// Hand-worked: units 1 and 2 both have 50 (10 + 0 against 0 + 10), so they
// share rank 1; unit 1 is ahead when field 1 weighs more (k1 > k2), unit 2
// when field 2 does. They tie again only when k1 and k2 are so close that
// 100 × k1 ÷ (k1 + k2) rounds to 50.00: |k1 − k2| < 0.0002 (k1 + k2), a
// few runs in a thousand. So each keeps rank 1 in about half the runs,
// both bands are 1–2, and the runs at rank 1 add up to the runs plus the
// few ties.
func TestSensitivityTieSpreads(t *testing.T) {
	res := table{decimals: 2, maxes: []string{"10", "10"}, units: [][]string{{"10", "0"}, {"0", "10"}, {"1", "1"}}}.result(t)
	if res.Units[0].Rank != 1 || res.Units[1].Rank != 1 {
		t.Fatalf("published ranks %d, %d; want a tie at 1", res.Units[0].Rank, res.Units[1].Rank)
	}
	const runs = 1000
	s := sensitivity(t, res, runs, "0.2", 11)
	a, b := byName(t, s, 1), byName(t, s, 2)
	for _, u := range []*analysis.UnitSensitivity{a, b} {
		if u.Low != 1 || u.High != 2 {
			t.Errorf("%s: band %d–%d, want 1–2", u.Unit.ID, u.Low, u.High)
		}
		if u.Kept < 400 || u.Kept > 600 {
			t.Errorf("%s: kept rank 1 in %d of %d runs, want about half", u.Unit.ID, u.Kept, runs)
		}
	}
	if ties := a.Kept + b.Kept - runs; ties < 0 || ties > 20 {
		t.Errorf("runs at rank 1: %d + %d; want %d plus a few ties", a.Kept, b.Kept, runs)
	}
	if c := byName(t, s, 3); c.Low != 3 || c.High != 3 {
		t.Errorf("unit 3: band %d–%d, want 3–3", c.Low, c.High)
	}
	if !(a.Median == 1 || a.Median == 2) || a.Median == b.Median && a.Kept+b.Kept == runs {
		t.Errorf("medians %d and %d", a.Median, b.Median)
	}
}

// Hand-worked: units 1 and 2 tie at 20 of 30; 1 is strong on field 1, 2 on
// field 2. Dropping field 1 leaves 1 with 10 of 20 and 2 with 15 of 20, so
// 1 falls to rank 2; dropping field 2 does the same to 2. Unit 3 is last
// whatever is dropped.
func TestSensitivityDroppedFieldDecidesTie(t *testing.T) {
	res := table{decimals: 2, maxes: []string{"10", "10", "10"},
		units: [][]string{{"10", "5", "5"}, {"5", "10", "5"}, {"1", "1", "1"}}}.result(t)
	s := sensitivity(t, res, 10, "0", 1)
	cases := []struct {
		n, worst int
		field    string
	}{{1, 2, "1"}, {2, 2, "2"}, {3, 3, ""}}
	for _, c := range cases {
		u := byName(t, s, c.n)
		field := ""
		if u.WorstField != nil {
			field = u.WorstField.Code
		}
		if u.Rank != 1 && c.n < 3 || u.WorstDropped != c.worst || field != c.field {
			t.Errorf("unit %d: rank %d, worst %d with field %q dropped; want worst %d with %q",
				c.n, u.Rank, u.WorstDropped, field, c.worst, c.field)
		}
	}
}

// Hand-worked with a bonus and a penalty: (bonus − penalty) ÷ unit max × 100
// is added to the weighted index, and the sum held within 0–100.
func TestSensitivityBonusPenaltyClamp(t *testing.T) {
	res := table{decimals: 1, maxes: []string{"10", "30"}, bonus: "5", penalty: "50",
		units: [][]string{{"10", "30", "5", "0"}, {"0", "0", "0", "40"}, {"5", "10", "0", "0"}}}.result(t)
	// Factors 1.2 and 0.8: unit 3 scores (1.2×5 + 0.8×10) ÷ (1.2×10 + 0.8×30)
	// = 14 ÷ 36 = 38.888… → 38.9; unit 1 is 100 + 12.5, held at 100; unit 2
	// is 0 − 100, held at 0.
	fast, slow, err := analysis.IndicesAt(res, []int64{1_200_000, 800_000})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"u1": 1000, "u2": 0, "u3": 389}
	for i, u := range res.Units {
		if fast[i] != want[u.Unit.ID] || slow[i] != want[u.Unit.ID] {
			t.Errorf("%s: index %d (fast), %d (big), want %d tenths", u.Unit.ID, fast[i], slow[i], want[u.Unit.ID])
		}
	}
}

// Hand-worked halves: unit 1 has 24.5 and 24.5 of 200 and 200, 12.25 at
// equal weights; unit 2 has 30.5 and 15.5, which under factors 1.2 and 0.8
// is (36.6 + 12.4) ÷ (240 + 160) = 12.25 too. Both round, half away from
// zero, to 12.3 at one place.
func TestSensitivityRoundsHalfAway(t *testing.T) {
	res := table{decimals: 1, maxes: []string{"200", "200"},
		units: [][]string{{"24.5", "24.5"}, {"30.5", "15.5"}}}.result(t)
	for _, c := range []struct {
		k    []int64
		want map[string]int64
	}{
		{[]int64{1_000_000, 1_000_000}, map[string]int64{"u1": 123, "u2": 115}},
		{[]int64{1_200_000, 800_000}, map[string]int64{"u1": 123, "u2": 123}},
	} {
		fast, slow, err := analysis.IndicesAt(res, c.k)
		if err != nil {
			t.Fatal(err)
		}
		for i, u := range res.Units {
			if want := c.want[u.Unit.ID]; fast[i] != want || slow[i] != want {
				t.Errorf("%s under %v: %d (fast), %d (big) tenths, want %d", u.Unit.ID, c.k, fast[i], slow[i], want)
			}
		}
	}
}

// Under drawn factors every index is SPEC §11's formula, worked in
// math/big.Rat here and rounded half away from zero: on the fixtures, and
// on numbers too large for machine words, which the analysis computes in
// math/big.
func TestSensitivityIndexMatchesFormula(t *testing.T) {
	large := table{decimals: 3, maxes: []string{"900000000", "10", "7"}, bonus: "5", penalty: "20",
		units: [][]string{{"123456789.123", "3", "1", "5", "0"}, {"800000000", "10", "-", "0", "20"}, {"1", "1", "7", "5", "2.5"}}}
	results := []*scoring.Result{large.result(t)}
	for _, dir := range fixtures {
		results = append(results, loadFixture(t, dir))
	}
	rng := rand.New(rand.NewPCG(5, 5))
	for _, res := range results {
		for range 20 {
			k := make([]int64, ordinaryFields(res))
			for i := range k {
				k[i] = analysis.WeightSteps + rng.Int64N(1_600_001) - 800_000
			}
			if rng.IntN(4) == 0 {
				k[rng.IntN(len(k))] = 0 // a dropped field
			}
			fast, slow, err := analysis.IndicesAt(res, k)
			if err != nil {
				t.Fatal(err)
			}
			for i, u := range res.Units {
				want := formulaIndex(res, u, k)
				if fast[i] != want || slow[i] != want {
					t.Errorf("%s: %s under %v: index %d (as analysed), %d (big), formula %d",
						res.Set.ID, u.Unit.ID, k, fast[i], slow[i], want)
				}
			}
		}
	}
}

func TestSensitivityRefusesBadOptions(t *testing.T) {
	res := table{decimals: 2, maxes: []string{"10"}, units: [][]string{{"1"}}}.result(t)
	for _, c := range []struct {
		runs   int
		spread string
		want   string
	}{
		{0, "0.2", "runs: 0 is outside"},
		{analysis.MaxRuns + 1, "0.2", "is outside 1.."},
		{10, "1", "weights: 1 is outside 0..1"},
		{10, "-0.1", "weights: -0.1 is outside"},
		{10, "0.1234567", "more than 6 decimal places"},
	} {
		_, err := analysis.RankSensitivity(res, analysis.SensitivityOptions{Runs: c.runs, Spread: dec(c.spread)})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("runs %d, weights %s: error %v, want %q", c.runs, c.spread, err, c.want)
		}
	}
	// Every rank of every run is kept: runs × units is bounded.
	o := analysis.SensitivityOptions{Runs: 20_000, Spread: dec("0.2")}
	if err := o.Check(5_000); err != nil {
		t.Errorf("20,000 runs over 5,000 units: %v", err)
	}
	if err := o.Check(5_001); err == nil || !strings.Contains(err.Error(), "ask for fewer runs") {
		t.Errorf("20,000 runs over 5,001 units: error %v", err)
	}
}

// The JSON names every figure, units in rank order.
func TestSensitivityJSON(t *testing.T) {
	res := table{decimals: 2, maxes: []string{"10", "10", "10"},
		units: [][]string{{"10", "5", "5"}, {"5", "10", "5"}, {"1", "1", "1"}}}.result(t)
	s := sensitivity(t, res, 10, "0", 1)
	var buf bytes.Buffer
	if err := s.WriteJSON(&buf, res.Set); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"schema": "parindex.sensitivity/v1"`, `"runs": 10`, `"weights": "0"`,
		`"mean_rank_shift": "0.00"`, `"share_at_rank": "1.0000"`, `"worst_field": "1"`, `"worst_rank_field_dropped": 3`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("JSON lacks %s:\n%s", want, buf.String())
		}
	}
}

// formulaIndex works out u's index under factors k (millionths) as SPEC
// §11 words it: Σ w_f × points_f / max_f ÷ Σ w_f × 100 with w_f = max_f ×
// factor_f, plus (bonus − penalty) ÷ unit max × 100, held within 0–100 and
// rounded half away from zero. A unit left with no weight keeps its
// published index.
func formulaIndex(res *scoring.Result, u *scoring.UnitResult, k []int64) int64 {
	num, den := new(big.Rat), new(big.Rat)
	f := 0
	for i, nd := range res.Set.Nodes() {
		if nd.Depth != 0 || nd.Kind != criteria.Ordinary {
			continue
		}
		if nr := u.Nodes[i]; nr.Applicable && nr.Max().Sign() > 0 {
			w := new(big.Rat).Mul(nr.Max().Rat(), big.NewRat(k[f], 1_000_000))
			num.Add(num, new(big.Rat).Mul(w, new(big.Rat).Quo(nr.Points().Rat(), nr.Max().Rat())))
			den.Add(den, w)
		}
		f++
	}
	if den.Sign() == 0 {
		return u.Index.Shift(res.Set.Decimals).IntPart()
	}
	x := new(big.Rat).Quo(num, den)
	x.Add(x, new(big.Rat).Quo(u.Bonus.Sub(u.Penalty).Rat(), u.Max.Rat()))
	x.Mul(x, big.NewRat(100, 1))
	if x.Sign() < 0 {
		x.SetInt64(0)
	}
	if x.Cmp(big.NewRat(100, 1)) > 0 {
		x.SetInt64(100)
	}
	d, _ := decimal.NewFromString(x.FloatString(int(res.Set.Decimals) + 30))
	return d.Round(res.Set.Decimals).Shift(res.Set.Decimals).IntPart()
}
