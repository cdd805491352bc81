package scoring_test

// A second scorer, written from SPEC §2–3 and §8 alone and kept deliberately
// plain: every number is a math/big.Rat, every rank is counted by brute
// force, nothing is cached. It is slow and obviously right, and Score must
// agree with it to the last digit on the demo workspace and on random sets.

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// refVal is a metric value as the reference sees it.
type refVal struct {
	na     bool
	isBool bool
	b      bool
	level  int      // a level's index in its metric's labels; -1 otherwise
	r      *big.Rat // a number
}

// refNode is one node's score for one unit.
type refNode struct {
	applicable         bool
	points, max, index *big.Rat
	rank               int
	value              refVal // leaves: the value the rule read
	appraisal, survey  *big.Rat
	gatedBy            string // the required node that closed this node's own gate
}

// refUnit is one unit's score.
type refUnit struct {
	unit                              *criteria.Unit
	order                             int // position in units.yaml
	points, max, index                *big.Rat
	rank, groupRank                   int
	tier                              string
	appraisal, survey, bonus, penalty *big.Rat
	nodes                             []*refNode // parallel to Set.Nodes()
}

// refResult is a whole scored assessment, units in rank order.
type refResult struct {
	units   []*refUnit
	grouped bool
}

// errRefInput marks a problem in the values that SPEC calls an input error.
var errRefInput = errors.New("input error")

// refRefusal is the reference's verdict on input it will not score: the
// units whose values are wrong, each with why.
type refRefusal struct {
	units []*criteria.Unit
	errs  []error
}

func (r *refRefusal) add(u *criteria.Unit, err error) {
	if len(r.units) == 0 || r.units[len(r.units)-1] != u {
		r.units = append(r.units, u)
	}
	r.errs = append(r.errs, fmt.Errorf("unit %s: %w", u.ID, err))
}

func (r *refRefusal) Error() string { return errors.Join(r.errs...).Error() }

func rat(d decimal.Decimal) *big.Rat { return d.Rat() }

func ratInt(n int64) *big.Rat { return new(big.Rat).SetInt64(n) }

func add(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }

func sub(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }

func mul(a, b *big.Rat) *big.Rat { return new(big.Rat).Mul(a, b) }

func quo(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) }

func minRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

func maxRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

// roundRat rounds x to places decimal places, half away from zero:
// |x|·10^p + ½, floored, with x's sign.
func roundRat(x *big.Rat, places int32) *big.Rat {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	n := new(big.Int).Mul(x.Num(), scale)
	neg := n.Sign() < 0
	n.Abs(n)
	d := x.Denom()
	twoN := new(big.Int).Lsh(n, 1)
	twoD := new(big.Int).Lsh(d, 1)
	q := new(big.Int).Quo(new(big.Int).Add(twoN, d), twoD)
	if neg {
		q.Neg(q)
	}
	return new(big.Rat).SetFrac(q, scale)
}

// refMetric is a unit's value of metric m: a given value, or a ratio of
// sums in which an N/A part counts as 0 and a zero denominator gives N/A.
func refMetric(m *criteria.Metric, vals criteria.Values) (refVal, error) {
	if m.Ratio == nil {
		v, ok := vals.Get(m.ID), vals.Has(m.ID)
		switch {
		case !ok || v.IsMissing():
			return refVal{}, fmt.Errorf("%w: metric %s missing", errRefInput, m.ID)
		case v.IsNA():
			return refVal{na: true}, nil
		case v.IsBool():
			return refVal{isBool: true, b: v.Bool(), level: -1}, nil
		case v.IsLevel():
			return refVal{level: v.Level()}, nil
		}
		return refVal{r: v.Rat(), level: -1}, nil
	}
	sum := func(ids []string) (*big.Rat, error) {
		s := new(big.Rat)
		for _, id := range ids {
			v, ok := vals.Get(id), vals.Has(id)
			switch {
			case !ok || v.IsMissing():
				return nil, fmt.Errorf("%w: ratio part %s missing", errRefInput, id)
			case v.IsNA():
			default:
				s = add(s, v.Rat())
			}
		}
		return s, nil
	}
	num, err := sum(m.Ratio.Numerator)
	if err != nil {
		return refVal{}, err
	}
	den, err := sum(m.Ratio.Denominator)
	if err != nil {
		return refVal{}, err
	}
	if den.Sign() == 0 {
		return refVal{na: true}, nil
	}
	r := mul(quo(num, den), ratInt(100))
	if m.Type == criteria.Percent && r.Cmp(ratInt(100)) > 0 {
		return refVal{}, fmt.Errorf("%w: ratio %s above 100", errRefInput, m.ID)
	}
	return refVal{r: r, level: -1}, nil
}

// refRange is the best and worst value of a metric over all units, N/A
// left out; nil when every unit is N/A.
type refRange struct{ hi, lo *big.Rat }

// refLeaf is a leaf's exact (unrounded) points for value v.
func refLeaf(n *criteria.Node, v refVal, rg refRange) (*big.Rat, error) {
	r := n.Rule
	M := rat(n.Max)
	zero := new(big.Rat)
	switch r.Type {
	case criteria.BooleanRule:
		if v.b == r.Expect {
			return M, nil
		}
		return zero, nil
	case criteria.BandsRule:
		for _, b := range r.Bands {
			if bandHolds(b, v.r) {
				return rat(b.Points), nil
			}
		}
		return zero, nil
	case criteria.LinearRule:
		f := quo(sub(v.r, rat(r.From)), sub(rat(r.To), rat(r.From)))
		f = maxRat(zero, minRat(f, ratInt(1)))
		return mul(M, f), nil
	case criteria.RelativeRule:
		if v.r.Sign() < 0 {
			return nil, fmt.Errorf("%w: node %s: negative value for relative", errRefInput, n.Code)
		}
		if rg.hi.Sign() <= 0 {
			return zero, nil
		}
		return quo(mul(M, v.r), rg.hi), nil
	case criteria.MinMaxRule:
		best, worst := rg.hi, rg.lo
		if r.Lower {
			best, worst = rg.lo, rg.hi
		}
		if best.Cmp(worst) == 0 {
			return M, nil
		}
		return quo(mul(M, sub(v.r, worst)), sub(best, worst)), nil
	case criteria.DeductionRule:
		return maxRat(sub(M, mul(rat(r.Per), v.r)), zero), nil
	case criteria.CountRule:
		return minRat(mul(rat(r.Per), v.r), M), nil
	case criteria.PointsRule:
		if v.r.Sign() < 0 || v.r.Cmp(M) > 0 {
			return nil, fmt.Errorf("%w: node %s: points outside [0, max]", errRefInput, n.Code)
		}
		return v.r, nil
	case criteria.LevelsRule:
		return rat(r.Levels[v.level]), nil
	}
	return nil, fmt.Errorf("node %s: unknown rule", n.Code)
}

// bandHolds checks every bound of b on an exact value; an absent bound is
// open.
func bandHolds(b criteria.Band, v *big.Rat) bool {
	ok := true
	if b.GTE.Valid {
		ok = ok && v.Cmp(rat(b.GTE.Decimal)) >= 0
	}
	if b.GT.Valid {
		ok = ok && v.Cmp(rat(b.GT.Decimal)) > 0
	}
	if b.LTE.Valid {
		ok = ok && v.Cmp(rat(b.LTE.Decimal)) <= 0
	}
	if b.LT.Valid {
		ok = ok && v.Cmp(rat(b.LT.Decimal)) < 0
	}
	return ok
}

// refScorer holds one run's inputs.
type refScorer struct {
	set    *criteria.Set
	pos    map[*criteria.Node]int
	parent map[*criteria.Node]*criteria.Node
	byCode map[string]*criteria.Node
	done   map[*criteria.Node]bool // nodes of the unit being scored whose score is final
	vals   []map[string]refVal     // by unit, then metric id
	ranges map[string]refRange     // by metric id, for relative and minmax
	cov    map[string]int          // when set, counts the cases met, to show the random sets reach them
}

// see counts one case met.
func (s *refScorer) see(what string) {
	if s.cov != nil {
		s.cov[what]++
	}
}

// refScore scores every unit by SPEC §2–3.
func refScore(set *criteria.Set, units []*criteria.Unit, values map[string]criteria.Values, cov map[string]int) (*refResult, error) {
	s := &refScorer{set: set, pos: map[*criteria.Node]int{}, ranges: map[string]refRange{}, cov: cov,
		parent: map[*criteria.Node]*criteria.Node{}, byCode: map[string]*criteria.Node{}}
	for i, n := range set.Nodes() {
		s.pos[n] = i
		s.byCode[n.Code] = n
		for _, c := range n.Children {
			s.parent[c] = n
		}
	}
	refused := &refRefusal{}
	for _, u := range units {
		vs := map[string]refVal{}
		for _, m := range set.Metrics {
			v, err := refMetric(m, values[u.ID])
			if err != nil {
				refused.add(u, err)
			}
			vs[m.ID] = v
			if m.Ratio != nil && err == nil {
				s.seeRatio(m, v, values[u.ID])
			}
		}
		s.vals = append(s.vals, vs)
	}
	if len(refused.units) > 0 {
		return nil, refused
	}
	for _, m := range set.Metrics {
		var rg refRange
		for _, vs := range s.vals {
			if v := vs[m.ID]; !v.na && !v.isBool && v.r != nil {
				if rg.hi == nil || v.r.Cmp(rg.hi) > 0 {
					rg.hi = v.r
				}
				if rg.lo == nil || v.r.Cmp(rg.lo) < 0 {
					rg.lo = v.r
				}
			}
		}
		s.ranges[m.ID] = rg
	}
	res := &refResult{}
	for i, u := range units {
		ru, err := s.unit(i, u)
		if err != nil {
			refused.add(u, err)
			continue
		}
		res.units = append(res.units, ru)
		res.grouped = res.grouped || u.Group != ""
	}
	if len(refused.units) > 0 {
		return nil, refused
	}
	refRank(set, res, s.see)
	return res, nil
}

// unit scores one unit's tree and totals.
func (s *refScorer) unit(i int, u *criteria.Unit) (*refUnit, error) {
	ru := &refUnit{unit: u, order: i, nodes: make([]*refNode, len(s.pos))}
	s.done = map[*criteria.Node]bool{}
	zero := new(big.Rat)
	ord, ordMax := zero, zero
	ru.appraisal, ru.survey, ru.bonus, ru.penalty = zero, zero, zero, zero
	anyOrd := false
	for _, f := range s.set.Fields {
		rn, err := s.node(i, ru, f)
		if err != nil {
			return nil, err
		}
		if !rn.applicable {
			continue
		}
		switch f.Kind {
		case criteria.Bonus:
			ru.bonus = add(ru.bonus, rn.points)
		case criteria.Penalty:
			ru.penalty = add(ru.penalty, rn.points)
		default:
			anyOrd = true
			ord, ordMax = add(ord, rn.points), add(ordMax, rn.max)
			ru.appraisal = add(ru.appraisal, rn.appraisal)
			ru.survey = add(ru.survey, rn.survey)
		}
	}
	if !anyOrd || ordMax.Sign() == 0 {
		return nil, fmt.Errorf("%w: no applicable ordinary criterion", errRefInput)
	}
	total := sub(add(ord, ru.bonus), ru.penalty)
	if total.Cmp(ordMax) > 0 {
		s.see("total held at max")
	}
	if total.Sign() < 0 {
		s.see("total held at 0")
	}
	total = maxRat(zero, minRat(total, ordMax))
	ru.points, ru.max = total, ordMax
	ru.index = roundRat(mul(quo(total, ordMax), ratInt(100)), s.set.Decimals)
	for _, t := range s.set.Tiers {
		if rat(t.Min).Cmp(ru.index) <= 0 {
			ru.tier = t.Name
			if rat(t.Min).Cmp(ru.index) == 0 {
				s.see("index exactly a tier's min")
			}
			break
		}
	}
	if ru.tier == "" && len(s.set.Tiers) > 0 {
		s.see("no tier")
	}
	return ru, nil
}

// node scores n and its subtree for unit i, into ru.nodes. A node's score
// is final once worked out: a gate asks for the final points of the nodes
// it requires, which the loader has made sure never wait on the gate.
func (s *refScorer) node(i int, ru *refUnit, n *criteria.Node) (*refNode, error) {
	if s.done[n] {
		return ru.nodes[s.pos[n]], nil
	}
	rn := &refNode{}
	ru.nodes[s.pos[n]] = rn
	zero := new(big.Rat)
	if n.IsLeaf() {
		v := s.vals[i][n.Rule.Metric]
		rn.value = v
		var exact *big.Rat
		switch {
		case v.na && n.NA == criteria.NAFull:
			s.see("na full")
			exact = rat(n.Max)
		case v.na && n.NA == criteria.NAZero:
			s.see("na zero")
			exact = zero
		case v.na:
			s.see("leaf not applicable")
			s.done[n] = true
			return rn, nil
		default:
			var err error
			exact, err = refLeaf(n, v, s.ranges[n.Rule.Metric])
			if err != nil {
				return nil, err
			}
			s.seeLeaf(n, v, exact, s.ranges[n.Rule.Metric])
		}
		rn.applicable = true
		rn.points = roundRat(exact, s.set.Decimals)
		closed, err := s.closed(i, ru, n)
		if err != nil {
			return nil, err
		}
		if closed {
			rn.points = zero
		}
		rn.max = rat(n.Max)
		rn.appraisal, rn.survey = zero, zero
		if n.Source == criteria.Survey {
			rn.survey = rn.points
		} else {
			rn.appraisal = rn.points
		}
	} else {
		sum, sumMax := zero, zero
		app, sur := zero, zero
		for _, c := range n.Children {
			rc, err := s.node(i, ru, c)
			if err != nil {
				return nil, err
			}
			if rc.applicable {
				rn.applicable = true
				sum, sumMax = add(sum, rc.points), add(sumMax, rc.max)
				app, sur = add(app, rc.appraisal), add(sur, rc.survey)
			}
		}
		if !rn.applicable {
			s.see("parent not applicable")
			s.done[n] = true
			return rn, nil
		}
		rn.points, rn.max = sum, sumMax
		rn.appraisal, rn.survey = app, sur
		if n.HasMax {
			rn.points = minRat(sum, rat(n.Max))
			rn.max = minRat(sumMax, rat(n.Max))
			if sum.Cmp(rn.points) > 0 {
				s.see("cap holds points")
			}
			if sumMax.Cmp(rat(n.Max)) < 0 {
				s.see("max below declared cap")
			}
			// A cap that bites is on a single-source parent: it comes off
			// that source.
			if sum.Cmp(rn.points) != 0 {
				if leavesSource(n) == criteria.Survey {
					rn.appraisal, rn.survey = zero, rn.points
				} else {
					rn.appraisal, rn.survey = rn.points, zero
				}
			}
		}
	}
	if _, err := s.closed(i, ru, n); err != nil { // sets gatedBy on a parent
		return nil, err
	}
	rn.index = roundRat(mul(quo(rn.points, rn.max), ratInt(100)), s.set.Decimals)
	s.done[n] = true
	return rn, nil
}

// closed reports whether n earns 0 through a gate, its own or an
// ancestor's (SPEC §8.3): a required node that applies and whose final
// points are 0 closes it. It records n's own closing on its result.
func (s *refScorer) closed(i int, ru *refUnit, n *criteria.Node) (bool, error) {
	shut := false
	for a := n; a != nil; a = s.parent[a] {
		for _, code := range a.Requires {
			r, err := s.node(i, ru, s.byCode[code])
			if err != nil {
				return false, err
			}
			if !r.applicable {
				s.see("gate on an N/A node")
				continue
			}
			if r.points.Sign() == 0 {
				if a == n && ru.nodes[s.pos[n]].applicable && ru.nodes[s.pos[n]].gatedBy == "" {
					ru.nodes[s.pos[n]].gatedBy = code
					s.see("gate closed")
					if s.gated(ru, s.byCode[code]) {
						s.see("gate chain")
					}
				}
				shut = true
				break
			}
		}
		if shut && a == n {
			break
		}
	}
	return shut, nil
}

// gated reports whether r's own gate closed.
func (s *refScorer) gated(ru *refUnit, r *criteria.Node) bool {
	return ru.nodes[s.pos[r]].gatedBy != ""
}

// seeRatio counts the cases of a ratio worth seeing.
func (s *refScorer) seeRatio(m *criteria.Metric, v refVal, vals criteria.Values) {
	if v.na {
		s.see("ratio with a zero denominator")
		return
	}
	for _, id := range append(slices.Clone(m.Ratio.Numerator), m.Ratio.Denominator...) {
		if vals.Get(id).IsNA() {
			s.see("ratio with an N/A part")
		}
	}
}

// seeLeaf counts the cases of a leaf worth seeing: a value on a band
// bound, points half-way between two steps, a rule type, a degenerate
// best.
func (s *refScorer) seeLeaf(n *criteria.Node, v refVal, exact *big.Rat, rg refRange) {
	s.see("rule " + n.Rule.Type.String())
	switch {
	case n.Rule.Type == criteria.RelativeRule && rg.hi.Sign() == 0:
		s.see("relative with best 0")
	case n.Rule.Type == criteria.MinMaxRule && rg.hi.Cmp(rg.lo) == 0:
		s.see("minmax with best = worst")
	}
	for _, b := range n.Rule.Bands {
		for _, x := range []decimal.NullDecimal{b.GTE, b.GT, b.LTE, b.LT} {
			if x.Valid && v.r.Cmp(rat(x.Decimal)) == 0 {
				s.see("value on a band bound")
			}
		}
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s.set.Decimals)), nil)
	if mul(exact, new(big.Rat).SetInt(scale)).Denom().Cmp(big.NewInt(2)) == 0 {
		s.see("points half-way, rounded up")
	}
}

// leavesSource is the source of n's first leaf: a capped parent's leaves
// all share it.
func leavesSource(n *criteria.Node) criteria.Source {
	for n.Rule == nil {
		n = n.Children[0]
	}
	return n.Source
}

// rankOf is competition ranking by brute force: 1 + the number of units in
// the same race with a strictly higher index.
func rankOf(keys []*big.Rat, in []bool, i int) int {
	r := 1
	for j := range keys {
		if in[j] && keys[j].Cmp(keys[i]) > 0 {
			r++
		}
	}
	return r
}

// refRank sets unit, group and field ranks and puts units in rank order;
// see counts the ties met.
func refRank(set *criteria.Set, res *refResult, see func(string)) {
	n := len(res.units)
	keys := make([]*big.Rat, n)
	all := make([]bool, n)
	for i, u := range res.units {
		keys[i], all[i] = u.index, true
	}
	for i, u := range res.units {
		u.rank = rankOf(keys, all, i)
		if i > 0 && rankOf(keys, all, i-1) == u.rank {
			see("tied index")
		}
		if res.grouped {
			same := make([]bool, n)
			for j, v := range res.units {
				same[j] = v.unit.Group == u.unit.Group
			}
			u.groupRank = rankOf(keys, same, i)
		}
	}
	pos := map[*criteria.Node]int{}
	for i, nd := range set.Nodes() {
		pos[nd] = i
	}
	for _, f := range set.Fields {
		if f.Kind != criteria.Ordinary {
			continue
		}
		p := pos[f]
		fk := make([]*big.Rat, n)
		in := make([]bool, n)
		for i, u := range res.units {
			if nd := u.nodes[p]; nd.applicable {
				fk[i], in[i] = nd.index, true
			}
		}
		for i, u := range res.units {
			if in[i] {
				u.nodes[p].rank = rankOf(fk, in, i)
				for j := range i {
					if in[j] && fk[j].Cmp(fk[i]) == 0 {
						see("tied field index")
					}
				}
			}
		}
	}
	sort.SliceStable(res.units, func(a, b int) bool {
		return res.units[a].index.Cmp(res.units[b].index) > 0
	})
}

func TestReferenceRounding(t *testing.T) {
	tests := []struct {
		x      *big.Rat
		places int32
		want   string
	}{
		{big.NewRat(1, 8), 2, "0.13"},
		{big.NewRat(-1, 8), 2, "-0.13"},
		{mul(big.NewRat(3, 4), big.NewRat(1, 6)), 2, "0.13"}, // SPEC's 0.75 × 1/6
		{big.NewRat(1249999, 10000000), 2, "0.12"},
		{big.NewRat(5, 2), 0, "3"},
		{big.NewRat(-5, 2), 0, "-3"},
		{big.NewRat(2, 3), 3, "0.667"},
		{big.NewRat(1, 3), 0, "0"},
		{big.NewRat(0, 1), 2, "0"},
	}
	for _, tt := range tests {
		want, _ := new(big.Rat).SetString(tt.want)
		if got := roundRat(tt.x, tt.places); got.Cmp(want) != 0 {
			t.Errorf("roundRat(%s, %d) = %s, want %s", tt.x, tt.places, got.FloatString(4), tt.want)
		}
	}
}
