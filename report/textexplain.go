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

// WriteUnitExplain writes one unit's standing for a meeting: its rank,
// points and tier, last year's rank and its self-assessment when known, the
// gap to the units ranked just above and below, and every criterion on which
// it lost points, largest loss first, with why.
func WriteUnitExplain(w io.Writer, res *scoring.Result, unitID string, lang criteria.Lang) error {
	u := res.Unit(unitID)
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
		sign := "+" // added to the total, shown so only when there is something to add
		if u.Bonus.IsZero() {
			sign = ""
		}
		fmt.Fprintf(&b, "; %s %s%s", t.bonus, sign, fx(u.Bonus))
	}
	if textHasKind(set, criteria.Penalty) {
		// Taken off the total: signed, as on Tổng hợp and the web pages.
		sign := "−"
		if u.Penalty.IsZero() {
			sign = ""
		}
		fmt.Fprintf(&b, "; %s %s%s", t.penalty, sign, fx(u.Penalty))
	}
	// A total held to the unit's max or to 0 says by how much, so that the
	// parts above add up to it.
	if adj := adjustment(u); !adj.IsZero() {
		sign := "+"
		if adj.Sign() < 0 {
			sign, adj = "−", adj.Neg()
		}
		fmt.Fprintf(&b, "; %s %s%s", t.heldToLimits, sign, fx(adj))
	}
	b.WriteString(")\n")
	switch p := u.Previous; {
	case p == nil:
	case p.NoIndex:
		fmt.Fprintf(&b, t.previousRank+" (%s)\n", p.Rank, textMove(p.RankChange, t))
	default:
		fmt.Fprintf(&b, t.previous+" (%s)\n", p.Rank, fx(p.Index), textMove(p.RankChange, t))
	}
	if u.Self != nil {
		fmt.Fprintf(&b, t.self+"\n", fx(u.Self.Points), fx(u.Self.Index))
	}
	b.WriteString("\n")

	textStanding(&b, res, u, lang)
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := textLosses(w, u, set, lang); err != nil {
		return err
	}
	return textDecisions(w, res, u, lang)
}

// textStanding writes where u stands among the others: the units sharing
// its rank, the gap to the rank above and the lead over the rank below.
// Ranks follow the index, so the points may point the other way when the
// units' maxima differ; that is said in words, never as a negative gap.
func textStanding(b *strings.Builder, res *scoring.Result, u *scoring.UnitResult, lang criteria.Lang) {
	t := textFor(lang)
	var names []string
	for _, o := range res.RankTies(u) {
		names = append(names, o.Unit.Name)
	}
	tied := ""
	if len(names) > 0 {
		tied = fmt.Sprintf(t.tiedWith, u.Rank, strings.Join(names, ", "))
	}
	above, below := res.RankGaps(u)
	switch {
	case above.Other == nil && tied != "":
		b.WriteString(t.first + ", " + tied + ".\n")
	case above.Other == nil:
		b.WriteString(t.first + ".\n")
	default:
		if tied != "" {
			b.WriteString(criteria.Capitalize(tied) + ".\n")
		}
		b.WriteString(textGap(t.above, t.ptsFewerAbove, above, res.Set, lang) + "\n")
	}
	switch {
	case below.Other != nil:
		b.WriteString(textGap(t.below, t.ptsFewerBelow, below, res.Set, lang) + "\n")
	case above.Other != nil:
		b.WriteString(t.lastPlace + ".\n")
	}
}

// textGap words the gap to a neighbour: the index points, then the
// points, with "though fewer" when the points run against the index.
func textGap(pattern, against string, g scoring.RankGap, set *criteria.Set, lang criteria.Lang) string {
	t := textFor(lang)
	idx := textFixed(g.Index, set, lang) + " " + textPointWord(g.Index, t.indexPts, t.indexPts, lang)
	line := fmt.Sprintf(pattern, g.Other.Unit.Name, g.Other.Rank, idx)
	switch g.Points.Sign() {
	case 1:
		line += fmt.Sprintf(t.ptsMore, textPoints(g.Points, set, lang))
	case -1:
		line += ", " + fmt.Sprintf(against, textPoints(g.Points.Neg(), set, lang)) + " (" + t.maximaDiffer + ")"
	default:
		line += ", " + t.ptsSame + " (" + t.maximaDiffer + ")"
	}
	return line + "."
}

// textLosses writes the table of points lost on ordinary criteria, whose
// total is the unit's max less its points before bonus and penalty, then
// the table of penalties taken off.
func textLosses(w io.Writer, u *scoring.UnitResult, set *criteria.Set, lang criteria.Lang) error {
	t := textFor(lang)
	var ord, pen []scoring.LostPoint
	ordSum, penSum := decimal.Zero, decimal.Zero
	for _, l := range u.LostPoints() {
		if l.Node.Node.Kind == criteria.Penalty {
			pen, penSum = append(pen, l), penSum.Add(l.Lost)
		} else {
			ord, ordSum = append(ord, l), ordSum.Add(l.Lost)
		}
	}
	var b strings.Builder
	if len(ord) == 0 {
		b.WriteString(t.noLoss + "\n")
	} else {
		fmt.Fprintf(&b, t.lostHead, textCriteria(len(ord), lang), textPoints(ordSum, set, lang),
			textFixed(u.Max, set, lang), textFixed(u.Appraisal.Add(u.Survey), set, lang))
		var kinds []string
		if textHasKind(set, criteria.Bonus) {
			kinds = append(kinds, t.bonus)
		}
		if textHasKind(set, criteria.Penalty) {
			kinds = append(kinds, t.penalty)
		}
		if len(kinds) > 0 {
			fmt.Fprintf(&b, t.lostBefore, criteria.JoinAnd(lang, kinds))
		}
		b.WriteString("):\n")
		b.WriteString(textLossTable(u, ord, false, set, lang))
	}
	if len(pen) > 0 {
		fmt.Fprintf(&b, "\n"+t.penaltyHead+"\n", textCriteria(len(pen), lang), textPoints(penSum, set, lang))
		b.WriteString(textLossTable(u, pen, true, set, lang))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textLossTable lays out losses: code, name, max, points got and lost, and
// why; for penalties, the points taken off in place of got and lost.
func textLossTable(u *scoring.UnitResult, losses []scoring.LostPoint, penalty bool, set *criteria.Set, lang criteria.Lang) string {
	t := textFor(lang)
	tab := &textTable{right: []bool{false, false, true, true, true, false}}
	if penalty {
		// the points a penalty takes off are its loss: one column
		tab.right = []bool{false, false, true, true, false}
		tab.add(t.code, t.name, t.max, t.taken, t.explain)
	} else {
		tab.add(t.code, t.name, t.max, t.got, t.lost, t.explain)
	}
	for _, l := range losses {
		nr := l.Node
		row := []string{nr.Node.Code, textClip(nr.Node.Name, 48), textFixed(nr.Max(), set, lang), textFixed(nr.Points(), set, lang)}
		if !penalty {
			row = append(row, textFixed(l.Lost, set, lang))
		}
		tab.add(append(row, textWhy(u, nr, lang))...)
	}
	var b strings.Builder
	_ = tab.write(&b)
	return b.String()
}

// textWhy is a leaf's explanation; for a capped parent, its sub-criteria's
// points and the cap that held them.
func textWhy(u *scoring.UnitResult, nr *scoring.NodeResult, lang criteria.Lang) string {
	if nr.Node.IsLeaf() {
		return nr.Explain(lang)
	}
	t := textFor(lang)
	_, sum, kids := u.ChildSums(slices.Index(u.Nodes, nr))
	parts := make([]string, len(kids))
	for i, k := range kids {
		parts[i] = k.Node.Code + ": " + criteria.FormatNumber(k.Points(), lang)
	}
	num := func(d decimal.Decimal) string { return criteria.FormatNumber(d, lang) }
	return fmt.Sprintf(t.capped, num(sum), strings.Join(parts, "; "), num(nr.Max()), num(nr.Points()), num(nr.Max()),
		textPointWord(nr.Max(), "điểm", "point", lang))
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
