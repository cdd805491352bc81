package scoring

import (
	"slices"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// What a result says about one unit beyond its own figures: where it lost
// points, and how it stands against its neighbours in the ranking. The
// explanation for a meeting (report) asks it; it is the result's own
// analysis, not a rendering.

// LostPoint is a criterion on which a unit fell short: the points it did
// not get on an ordinary criterion (max − points), or the points a penalty
// took off. Node is a leaf, or a parent whose declared max caps its
// sub-criteria: their own shortfalls would overstate what the parent lost.
type LostPoint struct {
	Node *NodeResult
	Lost decimal.Decimal
}

// LostPoints returns where u lost points, largest loss first (ties in tree
// order). The ordinary losses add up to the ordinary fields' max − points,
// before bonus, penalty and clamping, as the unit sheets' points lost
// column does; the penalty lines add up to the penalty. Under a parent
// whose cap is below its sub-criteria's total max the parent is listed,
// with its own loss, instead of its sub-criteria. A bonus not earned is
// not a loss.
func (u *UnitResult) LostPoints() []LostPoint {
	var out []LostPoint
	skip := map[*criteria.Node]bool{} // under a parent listed as one line
	for i, nr := range u.Nodes {
		if nr == nil || !nr.Applicable || skip[nr.Node] {
			continue
		}
		n := nr.Node
		if n.Kind == criteria.Bonus {
			continue
		}
		if !n.IsLeaf() {
			if !lostCapped(u, i, nr) {
				continue // its children's losses add up to its own
			}
			for _, c := range descendants(n) {
				skip[c] = true
			}
		}
		lost := nr.Max().Sub(nr.Points())
		if n.Kind == criteria.Penalty {
			lost = nr.Points()
		}
		if lost.Sign() > 0 {
			out = append(out, LostPoint{Node: nr, Lost: lost})
		}
	}
	slices.SortStableFunc(out, func(a, b LostPoint) int { return -a.Lost.Cmp(b.Lost) })
	return out
}

// lostCapped reports whether the parent at u.Nodes[i] differs from the sum
// of its applicable children: its cap took off max (an ordinary node) or
// points (a penalty), so its children's figures do not add up to its own.
func lostCapped(u *UnitResult, i int, nr *NodeResult) bool {
	maxSum, ptsSum, _ := childSums(u, i)
	if nr.Node.Kind == criteria.Penalty {
		return !ptsSum.Equal(nr.Points())
	}
	return !maxSum.Equal(nr.Max())
}

// ChildSums adds up the max and points of the applicable children of the
// parent at u.Nodes[i], and returns them with the children's results: what
// a capped parent's explanation shows.
func (u *UnitResult) ChildSums(i int) (maxSum, ptsSum decimal.Decimal, kids []*NodeResult) {
	return childSums(u, i)
}

func childSums(u *UnitResult, i int) (maxSum, ptsSum decimal.Decimal, kids []*NodeResult) {
	j := i + 1
	for _, c := range u.Nodes[i].Node.Children {
		for j < len(u.Nodes) && u.Nodes[j].Node != c {
			j++
		}
		if j < len(u.Nodes) && u.Nodes[j].Applicable {
			kids = append(kids, u.Nodes[j])
			maxSum, ptsSum = maxSum.Add(u.Nodes[j].Max()), ptsSum.Add(u.Nodes[j].Points())
		}
	}
	return maxSum, ptsSum, kids
}

// descendants lists every node under n, depth first.
func descendants(n *criteria.Node) []*criteria.Node {
	var out []*criteria.Node
	for _, c := range n.Children {
		out = append(out, c)
		out = append(out, descendants(c)...)
	}
	return out
}

// RankTies returns the other units sharing u's rank, in ranking order.
func (res *Result) RankTies(u *UnitResult) []*UnitResult {
	var out []*UnitResult
	for _, o := range res.Units {
		if o != u && o.Rank == u.Rank {
			out = append(out, o)
		}
	}
	return out
}

// RankGap is the distance between a unit and a neighbour in the ranking.
type RankGap struct {
	Other  *UnitResult
	Index  decimal.Decimal // |difference of indices|
	Points decimal.Decimal // |difference of total points|
}

// RankGaps returns the gap from u to the nearest unit ranked above it and
// to the nearest ranked below; a nil Other means there is none (u is first,
// or last). Units sharing u's rank are neither above nor below.
func (res *Result) RankGaps(u *UnitResult) (above, below RankGap) {
	i := slices.Index(res.Units, u)
	for j := i - 1; j >= 0; j-- {
		if o := res.Units[j]; o.Rank < u.Rank {
			above = RankGap{Other: o, Index: o.Index.Sub(u.Index), Points: o.Points.Sub(u.Points)}
			break
		}
	}
	for j := i + 1; i >= 0 && j < len(res.Units); j++ {
		if o := res.Units[j]; o.Rank > u.Rank {
			below = RankGap{Other: o, Index: u.Index.Sub(o.Index), Points: u.Points.Sub(o.Points)}
			break
		}
	}
	return above, below
}
