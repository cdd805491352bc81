package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// WriteCriteriaTree writes the criteria tree: one line a node, indented by
// depth, with its maximum points in a right-hand column, and under each
// leaf its rule in words. Survey, bonus and penalty nodes are marked, since
// they count apart from appraised points. width is the terminal's (0 for
// no limit): a name too long for it wraps under itself, and the maximum
// stays on the node's first line.
func WriteCriteriaTree(w io.Writer, set *criteria.Set, lang criteria.Lang, width int) error {
	t := textFor(lang)
	title := set.Title
	if title == "" {
		title = set.ID
	}
	total := decimal.Zero
	for _, f := range set.Fields {
		if f.Kind == criteria.Ordinary {
			total = total.Add(f.MaxPoints())
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n", title, set.ID)
	fmt.Fprintf(&b, "%s: %s %s\n\n", t.maxTotal, criteria.FormatNumber(total, lang), t.points1)

	// Each node takes a line in the table; a leaf's rule takes the next
	// line, a single cell that runs past the columns.
	tab := &textTable{right: []bool{false, true}, width: width}
	var walk func(nodes []*criteria.Node, parent *criteria.Node)
	walk = func(nodes []*criteria.Node, parent *criteria.Node) {
		for _, n := range nodes {
			indent := strings.Repeat("  ", n.Depth)
			label := indent + n.Code + "  " + n.Name + textTreeMarks(n, parent, lang)
			tab.add(label, criteria.FormatNumber(n.MaxPoints(), lang))
			if n.IsLeaf() {
				words := n.Describe(set, lang)
				if words == "" {
					words = n.Rule.Type.String() + " (" + n.Rule.Metric + ")"
				}
				tab.add(indent + strings.Repeat(" ", textWidth(n.Code)+2) + "→ " + words)
			}
			walk(n.Children, n)
		}
	}
	walk(set.Fields, nil)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return tab.write(w)
}

// textTreeMarks notes on a field what kind of points it gives; on the
// topmost node of a survey subtree that its points come from the survey;
// on a parent whose declared max is below its sub-criteria's, the cap;
// where an na policy is declared, what N/A earns; and the gates.
func textTreeMarks(n, parent *criteria.Node, lang criteria.Lang) string {
	t := textFor(lang)
	var marks []string
	if n.Depth == 0 {
		switch n.Kind {
		case criteria.Bonus:
			marks = append(marks, t.bonus+", "+t.notScored)
		case criteria.Penalty:
			marks = append(marks, t.penalty+", "+t.notScored)
		}
	}
	if n.Source == criteria.Survey && (parent == nil || parent.Source != criteria.Survey) {
		marks = append(marks, t.survey)
	}
	if n.Capped() {
		marks = append(marks, criteria.Say(lang, "tổng không quá %s", "capped at %s", criteria.PointsText(n.Max, lang)))
	}
	parentNA := criteria.NAExclude
	if parent != nil {
		parentNA = parent.NA
	}
	if n.NA != parentNA {
		marks = append(marks, criteria.NAText(n.NA, lang))
	}
	if len(n.Requires) > 0 {
		marks = append(marks, criteria.GateText(n.Requires, lang))
	}
	if len(marks) == 0 {
		return ""
	}
	return " [" + strings.Join(marks, "; ") + "]"
}
