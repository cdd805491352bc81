package analysis

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// Defaults and limits of [RankSensitivity] (SPEC §11).
const (
	DefaultRuns = 1000 // Monte-Carlo runs
	MaxRuns     = 1_000_000
	// MaxRankCells bounds runs × units: every run's rank of every unit is
	// kept (4 bytes each) until the percentiles are taken.
	MaxRankCells = 100_000_000
)

// DefaultSpread is P, the default half-width of the weight factors: each
// field's weight moves within ±20% of its max.
var DefaultSpread = decimal.RequireFromString("0.2")

// weightSteps is the grid of the weight factors: 1 + u is drawn as a whole
// number of millionths, so that every run's index is an exact fraction and
// the draws need no floating point at all. A million steps across ±P is
// finer than any weight a council would argue about.
const weightSteps = 1_000_000

// SensitivityOptions says how to perturb the weights.
type SensitivityOptions struct {
	Runs   int             // Monte-Carlo runs, at least 1
	Spread decimal.Decimal // P: factors 1 + u with u uniform in [−P, P]; 0 ≤ P < 1, at most 6 places
	Seed   uint64          // the same seed gives the same figures
}

// Sensitivity is how firmly each unit holds its rank when the weights of
// the fields change (SPEC §11).
type Sensitivity struct {
	Runs      int
	Spread    decimal.Decimal
	Seed      uint64
	Fields    []*criteria.Node   // the ordinary top-level fields weighed and dropped, in file order
	Units     []*UnitSensitivity // parallel to the result's Units: rank order
	MeanShift decimal.Decimal    // mean |run rank − rank| over runs and units, 2 places
	byID      map[string]*UnitSensitivity
}

// UnitSensitivity is one unit's ranks over the runs.
type UnitSensitivity struct {
	Unit   *criteria.Unit
	Rank   int // the published rank
	Median int // median rank over the runs (nearest rank)
	Low    int // 5th percentile rank: the better end of the band
	High   int // 95th percentile rank: the worse end of the band
	Kept   int // runs in which the unit had its published rank
	// Share is Kept ÷ runs, 4 places.
	Share decimal.Decimal
	// WorstDropped is the unit's worst rank when one field is dropped,
	// and WorstField the first field, in file order, whose dropping gives
	// it. When no drop puts the unit below its rank (or the set has one
	// ordinary field, which cannot be dropped), WorstDropped is the rank
	// and WorstField nil.
	WorstDropped int
	WorstField   *criteria.Node
}

// Unit returns the figures of the unit with the given id, or nil.
func (s *Sensitivity) Unit(id string) *UnitSensitivity {
	return s.byID[id]
}

// RankSensitivity runs opts.Runs rankings of res with the weights of its
// ordinary top-level fields drawn at random, and one ranking with each of
// those fields dropped, and reports each unit's ranks over them. The runs
// share out over GOMAXPROCS goroutines; each run draws from a stream of
// its own, seeded by (seed, run), so the figures do not depend on how
// many there are.
func RankSensitivity(res *scoring.Result, opts SensitivityOptions) (*Sensitivity, error) {
	if err := opts.Check(len(res.Units)); err != nil {
		return nil, err
	}
	t, err := newTerms(res, opts.Spread)
	if err != nil {
		return nil, err
	}
	n := len(res.Units)
	s := &Sensitivity{Runs: opts.Runs, Spread: opts.Spread, Seed: opts.Seed, Fields: t.fields,
		byID: make(map[string]*UnitSensitivity, n)}
	ranks := make([]int32, opts.Runs*n) // run-major: run r's ranks at [r*n, r*n+n)
	t.runAll(opts.Runs, opts.Seed, ranks)
	dropped := t.dropRuns()

	s.Units = make([]*UnitSensitivity, n)
	var shift atomic.Int64
	eachChunk(n, func(lo, hi int) {
		col := make([]int32, opts.Runs)
		var counts []int32
		var sum int64
		for u := lo; u < hi; u++ {
			us := &UnitSensitivity{Unit: res.Units[u].Unit, Rank: res.Units[u].Rank}
			for r := range opts.Runs {
				col[r] = ranks[r*n+u]
				d := int64(col[r]) - int64(us.Rank)
				sum += max(d, -d)
				if int(col[r]) == us.Rank {
					us.Kept++
				}
			}
			sortRanks(col, &counts)
			us.Low, us.Median, us.High = nearestRank(col, 5), nearestRank(col, 50), nearestRank(col, 95)
			us.Share = decimal.NewFromInt(int64(us.Kept)).DivRound(decimal.NewFromInt(int64(opts.Runs)), 4)
			us.WorstDropped = us.Rank
			for f, dr := range dropped {
				if int(dr[u]) > us.WorstDropped {
					us.WorstDropped, us.WorstField = int(dr[u]), t.fields[f]
				}
			}
			s.Units[u] = us
		}
		shift.Add(sum)
	})
	for _, us := range s.Units {
		s.byID[us.Unit.ID] = us
	}
	if n > 0 {
		s.MeanShift = decimal.NewFromInt(shift.Load()).DivRound(decimal.NewFromInt(int64(opts.Runs)*int64(n)), 2)
	}
	return s, nil
}

// Check refuses options the analysis cannot honour over that many units,
// saying which.
func (o SensitivityOptions) Check(units int) error {
	if o.Runs < 1 || o.Runs > MaxRuns {
		return fmt.Errorf("runs: %d is outside 1..%d", o.Runs, MaxRuns)
	}
	if int64(o.Runs)*int64(units) > MaxRankCells {
		return fmt.Errorf("runs: %d runs over %d units would keep %d ranks, more than %d: ask for fewer runs",
			o.Runs, units, int64(o.Runs)*int64(units), int64(MaxRankCells))
	}
	if o.Spread.Sign() < 0 || o.Spread.Cmp(decimal.NewFromInt(1)) >= 0 {
		return fmt.Errorf("weights: %s is outside 0..1 (0.2 lets each weight move by ±20%%; 1 would let it reach 0)", o.Spread)
	}
	if !o.Spread.Shift(6).IsInteger() {
		return fmt.Errorf("weights: %s has more than 6 decimal places", o.Spread)
	}
	return nil
}

// nearestRank returns the p-th percentile of sorted by the nearest-rank
// method: the value at ordinal ⌈p × n ÷ 100⌉.
func nearestRank(sorted []int32, p int) int {
	k := (p*len(sorted) + 99) / 100
	return int(sorted[max(k, 1)-1])
}

// sortRanks sorts one unit's ranks over the runs. They mostly lie in a
// narrow band, so counting them is quicker than comparing; counts is a
// buffer kept between calls.
func sortRanks(col []int32, counts *[]int32) {
	lo, hi := slices.Min(col), slices.Max(col)
	if int(hi-lo) > 4*len(col) {
		slices.Sort(col)
		return
	}
	c := slices.Grow((*counts)[:0], int(hi-lo)+1)[:hi-lo+1]
	clear(c)
	for _, r := range col {
		c[r-lo]++
	}
	i := 0
	for v, k := range c {
		for range k {
			col[i] = lo + int32(v)
			i++
		}
	}
	*counts = c
}

// eachChunk calls work on consecutive ranges of [0, n) from up to
// GOMAXPROCS goroutines. What work does with a range must not depend on
// which goroutine runs it.
func eachChunk(n int, work func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	chunk := max(1, (n+workers*8-1)/(workers*8))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, (n+chunk-1)/chunk) {
		wg.Go(func() {
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				work(lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
}
