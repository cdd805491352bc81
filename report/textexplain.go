package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// LostPoint is a leaf on which a unit fell short: the points it did not
// get on an ordinary criterion, or the points a penalty took off.
type LostPoint struct {
	Node *scoring.NodeResult
	Lost decimal.Decimal
}

// LostPoints returns where u lost points, largest loss first (ties in tree
// order). A leaf under a parent that already has its full (capped) points
// lost nothing that counts, and a bonus not earned is not a loss: neither
// is listed.
func LostPoints(u *scoring.UnitResult) []LostPoint {
	var out []LostPoint
	full := map[*criteria.Node]bool{} // parents at full points
	for _, nr := range u.Nodes {
		if nr == nil || !nr.Applicable {
			continue
		}
		n := nr.Node
		if !n.IsLeaf() {
			if nr.Points.GreaterThanOrEqual(nr.Max) && n.Kind != criteria.Penalty {
				for _, c := range textDescendants(n) {
					full[c] = true
				}
			}
			continue
		}
		if full[n] {
			continue
		}
		var lost decimal.Decimal
		switch n.Kind {
		case criteria.Ordinary:
			lost = nr.Max.Sub(nr.Points)
		case criteria.Penalty:
			lost = nr.Points
		}
		if lost.Sign() > 0 {
			out = append(out, LostPoint{Node: nr, Lost: lost})
		}
	}
	slices.SortStableFunc(out, func(a, b LostPoint) int { return -a.Lost.Cmp(b.Lost) })
	return out
}

func textDescendants(n *criteria.Node) []*criteria.Node {
	var out []*criteria.Node
	for _, c := range n.Children {
		out = append(out, c)
		out = append(out, textDescendants(c)...)
	}
	return out
}

// RankGap is the distance between a unit and a neighbour in the ranking.
type RankGap struct {
	Other  *scoring.UnitResult
	Index  decimal.Decimal // |difference of indices|
	Points decimal.Decimal // |difference of total points|
}

// RankGaps returns the gap from u to the nearest unit ranked above it and
// to the nearest ranked below; a nil Other means there is none (u is first,
// or last). Units sharing u's rank are neither above nor below.
func RankGaps(res *scoring.Result, u *scoring.UnitResult) (above, below RankGap) {
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

// WriteUnitExplain writes one unit's standing for a meeting: its rank,
// points and tier, last year's rank and its self-assessment when known, the
// gap to the units ranked just above and below, and every criterion on which
// it lost points, largest loss first, with why.
func WriteUnitExplain(w io.Writer, res *scoring.Result, unitID string, lang criteria.Lang) error {
	var u *scoring.UnitResult
	for _, x := range res.Units {
		if x.Unit.ID == unitID {
			u = x
		}
	}
	if u == nil {
		return fmt.Errorf("no unit %q in the result", unitID)
	}
	t := textFor(lang)
	set := res.Set
	fx := func(d decimal.Decimal) string { return textFixed(d, set, lang) }
	var b strings.Builder

	head := fmt.Sprintf("%s — "+t.rankOf+", %s %s", u.Unit.Name, u.Rank, len(res.Units), strings.ToLower(t.index), fx(u.Index))
	if u.Tier != "" {
		head += ", " + u.Tier
	}
	b.WriteString(head + "\n")
	fmt.Fprintf(&b, "%s: %s/%s (%s %s; %s %s", t.points, fx(u.Points), fx(u.Max), t.appraisal, fx(u.Appraisal), t.surveyPts, fx(u.Survey))
	if textHasKind(set, criteria.Bonus) {
		fmt.Fprintf(&b, "; %s +%s", t.bonus, fx(u.Bonus))
	}
	if textHasKind(set, criteria.Penalty) {
		sign := "−"
		if u.Penalty.IsZero() {
			sign = ""
		}
		fmt.Fprintf(&b, "; %s %s%s", t.penalty, sign, fx(u.Penalty))
	}
	b.WriteString(")\n")
	if u.Previous != nil {
		fmt.Fprintf(&b, t.previous+" (%s)\n", u.Previous.Rank, fx(u.Previous.Index), textMove(u.Previous.RankChange, t))
	}
	if u.Self != nil {
		fmt.Fprintf(&b, t.self+"\n", fx(u.Self.Points), fx(u.Self.Index))
	}
	b.WriteString("\n")

	above, below := RankGaps(res, u)
	if above.Other == nil {
		b.WriteString(t.first + "\n")
	} else {
		fmt.Fprintf(&b, t.above+"\n", above.Other.Unit.Name, above.Other.Rank, fx(above.Index), fx(above.Points))
	}
	if below.Other == nil {
		if above.Other != nil {
			b.WriteString(t.lastPlace + "\n")
		}
	} else {
		fmt.Fprintf(&b, t.below+"\n", below.Other.Unit.Name, below.Other.Rank, fx(below.Index), fx(below.Points))
	}
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return textLosses(w, u, set, lang)
}

// textLosses writes the table of points lost.
func textLosses(w io.Writer, u *scoring.UnitResult, set *criteria.Set, lang criteria.Lang) error {
	t := textFor(lang)
	losses := LostPoints(u)
	if len(losses) == 0 {
		_, err := io.WriteString(w, t.noLoss+"\n")
		return err
	}
	total := decimal.Zero
	for _, l := range losses {
		total = total.Add(l.Lost)
	}
	if _, err := fmt.Fprintf(w, t.lostHead+"\n", len(losses), textFixed(total, set, lang)); err != nil {
		return err
	}
	tab := &textTable{right: []bool{false, false, true, true, true, false}}
	tab.add(t.code, t.name, t.max, t.got, t.lost, t.explain)
	for _, l := range losses {
		nr := l.Node
		tab.add(nr.Node.Code, textClip(nr.Node.Name, 48), textFixed(nr.Max, set, lang),
			textFixed(nr.Points, set, lang), textFixed(l.Lost, set, lang), nr.Explain(lang))
	}
	return tab.write(w)
}

// textHasKind reports whether set has a top-level field of kind k.
func textHasKind(set *criteria.Set, k criteria.Kind) bool {
	return slices.ContainsFunc(set.Fields, func(f *criteria.Node) bool { return f.Kind == k })
}

// textClip shortens s to at most n cells, ending in "…", so one long
// criterion name does not push every explanation off the screen.
func textClip(s string, n int) string {
	if textWidth(s) <= n {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if textWidth(b.String()+string(r)) > n-1 {
			break
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ") + "…"
}
