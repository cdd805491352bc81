package scoring

import (
	"maps"
	"runtime"
	"slices"
	"sync"

	"parindex/criteria"
	"parindex/internal/exact"
)

// Input is everything one scoring run reads.
type Input struct {
	Set    *criteria.Set
	Units  []*criteria.Unit           // in units.yaml order
	Values map[string]criteria.Values // by unit id
	// Place, when set, says where a unit's metric value was read from, so
	// that a problem found while scoring carries it (File, Line or Cell set,
	// Msg empty).
	Place func(unitID, metricID string) criteria.Problem
	// Decisions are the appraisal council's corrections (SPEC §9), applied
	// in order on top of Values; see decisions.go.
	Decisions []criteria.Decision
	// DecisionsGiven says a decisions file was given, even one with no
	// row yet: each unit then carries its standing before the council.
	DecisionsGiven bool
	// Steps asks, with Decisions, for the standing after each decision in
	// turn (Result.Decisions), which costs one scoring a decision.
	Steps bool
	// Before, when set with Decisions, is the result of scoring Values
	// without any decision, which the caller already has: Score then
	// does not score it again. A what-if has it from scoring the folder
	// as it is.
	Before *Result
	// Standings asks only for the units' standings, as a what-if's table
	// shows them: a unit keeps its totals, rank and tier, and its Nodes
	// are nil, unless Detail names it or a decision does (the fields are
	// still ranked, for a rescoring). A million node results are then
	// never made.
	Standings bool
	Detail    map[string]bool // by unit id: the units that keep every node
}

// Score computes every unit's points, indices, ranks and tier. Problems in
// the values (a percent ratio above 100, points outside a leaf's range, a
// unit with no applicable criterion…) are returned all at once as
// criteria.Problems, and then no result.
func Score(in Input) (*Result, error) {
	if len(in.Decisions) > 0 || in.DecisionsGiven {
		if in.Standings {
			// The decisions' records read every node of the units they name.
			detail := make(map[string]bool, len(in.Detail)+len(in.Decisions))
			maps.Copy(detail, in.Detail)
			for _, d := range in.Decisions {
				if d.Unit != nil {
					detail[d.Unit.ID] = true
				}
			}
			in.Detail = detail
		}
		return scoreDecided(in)
	}
	return score(in, nil)
}

// score is Score on in.Values as they are, with the leaves' points that
// leafOver gives (by unit id) replacing what their rules give.
func score(in Input, leafOver map[string]leafPoints) (*Result, error) {
	p, err := newPlan(in.Set)
	if err != nil {
		return nil, err
	}
	nu, nm := len(in.Units), len(p.metrics)
	// Every unit's values are read and checked first: relative and minmax
	// rules need the best and worst of all units before any is scored.
	// Only the values those rules read are kept (and a decided unit's,
	// which checkLeafOver reads); the others are read again, into the
	// same scratch, as each unit is scored. A copy of the whole table
	// would be 30 MB of fresh memory at 10,000 units × 100 criteria.
	ranged := p.rangedMetrics()
	rv := make([]criteria.Value, nu*len(ranged))
	found := make([]criteria.Problems, nu)
	decided := make([][]criteria.Value, nu)
	p.learnColumns(in)
	parallel(nu, func(lo, hi int) {
		scratch := make([]criteria.Value, nm)
		for u := lo; u < hi; u++ {
			clear(scratch)
			found[u] = p.readUnit(in, u, scratch, false)
			for k, mi := range ranged {
				rv[u*len(ranged)+k] = scratch[mi]
			}
			if leafOver[in.Units[u].ID] != nil {
				decided[u] = slices.Clone(scratch)
			}
		}
	})
	var problems criteria.Problems
	for _, ps := range found {
		problems.Append(ps...)
	}
	if len(problems) == 0 {
		problems = p.checkLeafOver(in, leafOver, func(u int) []criteria.Value { return decided[u] })
	}
	if len(problems) > 0 {
		return nil, problems
	}
	ranges := p.findBest(ranged, rv, nu)

	res := &Result{Set: in.Set, Units: make([]*UnitResult, nu), ranges: ranges}
	units := make([]UnitResult, nu)
	lean := in.Standings
	parallel(nu, func(lo, hi int) {
		w := newWorker(len(p.nodes))
		scratch := make([]criteria.Value, nm)
		for u := lo; u < hi; u++ {
			p.values(in, u, scratch) // read and checked above
			units[u].Unit = in.Units[u]
			w.lean = lean && !in.Detail[in.Units[u].ID]
			p.scoreUnit(w, &units[u], scratch, leafOver[in.Units[u].ID])
			res.Units[u] = &units[u]
		}
	})
	p.rank(res)
	return res, nil
}

// forceSlow makes every leaf take the math/big path; tests set it to check
// that both paths agree.
var forceSlow = false

// parallel splits [0, n) into one contiguous run per processor, when
// there are enough items to pay for the goroutines: 256 a processor.
func parallel(n int, f func(lo, hi int)) { parallelFrom(n, 256, f) }

// parallelFrom is parallel for items worth a goroutine per each ones.
func parallelFrom(n, each int, f func(lo, hi int)) {
	w := min(runtime.GOMAXPROCS(0), n/each+1)
	if w <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for i := range w {
		lo, hi := n*i/w, n*(i+1)/w
		wg.Go(func() { f(lo, hi) })
	}
	wg.Wait()
}

// worker is one goroutine's scratch space, reused from unit to unit.
type worker struct {
	app []bool
	pts []int64
	max []int64
	// lean asks scoreUnit to keep only the top-level nodes (Input.Standings):
	// the others are scored in scratch, reused from unit to unit.
	lean    bool
	scratch []NodeResult
	ptrs    []*NodeResult

	block    []NodeResult // what is left of the current block of node results
	ptrBlock []*NodeResult
}

// nodeResults returns n node results, and n pointers, of a unit's own,
// from blocks made for 32 units at a time: one allocation for 32 units, and
// no room lost to the rounding up of each unit's to an allocation size.
func (w *worker) nodeResults(n int) ([]NodeResult, []*NodeResult) {
	const units = 32
	if len(w.block) < n {
		w.block, w.ptrBlock = make([]NodeResult, n*units), make([]*NodeResult, n*units)
	}
	nodes, ptrs := w.block[:n:n], w.ptrBlock[:n:n]
	w.block, w.ptrBlock = w.block[n:], w.ptrBlock[n:]
	return nodes, ptrs
}

func newWorker(n int) *worker {
	return &worker{app: make([]bool, n), pts: make([]int64, n), max: make([]int64, n)}
}

// scoreUnit fills ur from the unit's checked values: every node bottom up,
// then the totals.
func (p *plan) scoreUnit(w *worker, ur *UnitResult, vals []criteria.Value, over leafPoints) {
	nn := len(p.nodes)
	var nodes []NodeResult
	if w.lean {
		if w.scratch == nil {
			w.scratch, w.ptrs = make([]NodeResult, nn), make([]*NodeResult, nn)
		}
		nodes, ur.Nodes = w.scratch, w.ptrs // every node is written below
	} else {
		nodes, ur.Nodes = w.nodeResults(nn)
	}
	for i := nn - 1; i >= 0; i-- { // children follow their parent depth first
		nr := &nodes[i]
		ur.Nodes[i] = nr
		*nr = NodeResult{Node: p.nodes[i], band: -1, flags: nodeFlags(p.dec) << decShift}
		app, pts, mx := false, int64(0), int64(0)
		if li := p.leafOf[i]; li >= 0 {
			l := p.leaves[li]
			nr.leaf = l
			nr.Value = vals[l.metric]
			switch {
			case !nr.Value.IsNA():
				app, mx = true, l.max
				var band int
				pts, band = l.rule.Score(nr.Value, forceSlow)
				nr.band = int16(band)
			case l.na == criteria.NAFull:
				app, pts, mx = true, l.max, l.max
			case l.na == criteria.NAZero:
				app, mx = true, l.max
			}
			if d, ok := over[l.node]; ok {
				// The council's points are final (SPEC §9): checkLeafOver
				// has made sure the leaf applies and the points fit.
				app, mx = true, l.max
				pts = d.points.Shift(p.dec).IntPart()
				nr.flags |= decided
			}
		} else {
			for _, c := range p.children[i] {
				if w.app[c] {
					app = true
					pts += w.pts[c]
					mx += w.max[c]
				}
			}
			if cp := p.capMax[i]; app && cp >= 0 {
				pts, mx = min(pts, cp), min(mx, cp)
			}
		}
		w.app[i], w.pts[i], w.max[i] = app, pts, mx
		nr.Applicable = app
		if app {
			nr.pts, nr.max = pts, mx
		}
	}
	if len(p.gates) > 0 {
		p.closeGates(w, ur)
	}
	if w.lean { // the top-level fields are kept; the scratch is not
		ur.fields = make([]NodeResult, len(p.top))
		for k, i := range p.top {
			ur.fields[k] = nodes[i]
		}
		ur.Nodes = nil
	}

	var ord, umax, bonus, pen int64
	var bySrc [2]int64
	for _, i := range p.top {
		if !w.app[i] {
			continue
		}
		switch p.nodes[i].Kind {
		case criteria.Bonus:
			bonus += w.pts[i]
		case criteria.Penalty:
			pen += w.pts[i]
		default:
			ord += w.pts[i]
			umax += w.max[i]
			p.bySource(i, w, &bySrc)
		}
	}
	total := min(max(ord+bonus-pen, 0), umax)
	ur.Points, ur.Max, ur.Index = p.decimal(total), p.decimal(umax), p.decimal(p.index(total, umax))
	ur.Appraisal, ur.Survey = p.decimal(bySrc[criteria.Appraisal]), p.decimal(bySrc[criteria.Survey])
	ur.Bonus, ur.Penalty = p.decimal(bonus), p.decimal(pen)
}

// closeGates applies the requires: of SPEC §8.3, in the order planned: a
// gated node that applies earns 0, with everything under it but the points
// a council decided (final, SPEC §9), when a node it requires applies and
// earns 0; its ancestors are summed again.
func (p *plan) closeGates(w *worker, ur *UnitResult) {
	for _, g := range p.gates {
		if !w.app[g.at] {
			continue
		}
		closer := -1
		for _, r := range g.requires {
			if w.app[r] && w.pts[r] == 0 {
				closer = r
				break
			}
		}
		if closer < 0 {
			continue
		}
		by := p.nodes[closer]
		ur.Nodes[g.at].gate = by
		ur.Nodes[g.at].flags |= ownGate
		for i := p.end[g.at] - 1; i >= g.at; i-- { // bottom up
			nr := ur.Nodes[i]
			if nr.gate == nil {
				nr.gate = by
			}
			switch {
			case !w.app[i]:
			case p.leafOf[i] < 0:
				p.resum(w, ur, i)
			case !nr.Decided():
				w.pts[i] = 0
				nr.pts = 0
			}
		}
		for a := p.parent[g.at]; a >= 0; a = p.parent[a] {
			p.resum(w, ur, a)
		}
	}
}

// resum sums parent i's applicable children again, under its cap.
func (p *plan) resum(w *worker, ur *UnitResult, i int) {
	var pts int64
	for _, c := range p.children[i] {
		if w.app[c] {
			pts += w.pts[c]
		}
	}
	if cp := p.capMax[i]; cp >= 0 {
		pts = min(pts, cp)
	}
	w.pts[i] = pts
	ur.Nodes[i].pts = pts
}

// index returns pts ÷ max × 100 as a count of 10^-dec, rounded once.
func (p *plan) index(pts, mx int64) int64 { return indexOf(pts, mx, p.scale) }

// indexOf returns pts ÷ mx × 100 as a count of 1/scale, rounded once; 0
// when mx is not positive.
func indexOf(pts, mx, scale int64) int64 {
	if mx <= 0 {
		return 0
	}
	return exact.RoundDiv(pts*100*scale, mx)
}

// bySource adds node i's points to its source's total, or, when its leaves
// come from both sources, each child's to its own.
func (p *plan) bySource(i int, w *worker, acc *[2]int64) {
	if !w.app[i] {
		return
	}
	if s := p.src[i]; s >= 0 {
		acc[s] += w.pts[i]
		return
	}
	for _, c := range p.children[i] {
		p.bySource(c, w, acc)
	}
}

// rangedMetrics returns the metric indices a ranged rule (relative,
// minmax) reads, each once.
func (p *plan) rangedMetrics() []int {
	var out []int
	for _, l := range p.leaves {
		if l.rule.Ranged() && !slices.Contains(out, l.metric) {
			out = append(out, l.metric)
		}
	}
	return out
}

// findBest gives every ranged leaf (relative, minmax) the highest and
// lowest value over the units whose value is not N/A, and returns them by
// leaf index (missing for a leaf that is not ranged or has no value), for
// a rescoring to give the same ranges again (Result.ranges). rv holds, for
// each of nu units in turn, its value of each metric of ranged.
func (p *plan) findBest(ranged []int, rv []criteria.Value, nu int) [][2]criteria.Value {
	nr := len(ranged)
	ranges := make([][2]criteria.Value, len(p.leaves))
	for li, l := range p.leaves {
		if !l.rule.Ranged() {
			continue
		}
		k := slices.Index(ranged, l.metric)
		var hi, lo criteria.Value
		var hiQ, loQ exact.Q
		for u := range nu {
			v := rv[u*nr+k]
			if !v.IsNumber() {
				continue
			}
			vq := v.Q()
			if hi.IsMissing() || cmpBoth(v, vq, hi, hiQ) > 0 {
				hi, hiQ = v, vq
			}
			if lo.IsMissing() || cmpBoth(v, vq, lo, loQ) < 0 {
				lo, loQ = v, vq
			}
		}
		if !hi.IsMissing() {
			l.rule.SetRange(hi, lo)
			ranges[li] = [2]criteria.Value{hi, lo}
		}
	}
	return ranges
}

// cmpBoth compares two numbers exactly, in machine words when both fit.
func cmpBoth(a criteria.Value, qa exact.Q, b criteria.Value, qb exact.Q) int {
	if qa.OK && qb.OK {
		return exact.Cmp(qa, qb)
	}
	return a.Rat().Cmp(b.Rat())
}
