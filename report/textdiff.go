package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"parindex/analysis"
	"parindex/criteria"
)

// diffText is the fixed text of a diff in one language.
type diffText struct {
	compare, set, noSetChange, jsonSide, units, sameUnits    string
	added, removed, renamed, maxChanged, ruleChanged, fields string
	noChange                                                 string
}

var diffVietnamese = diffText{
	compare: "So sánh", set: "Bộ tiêu chí", noSetChange: "không thay đổi",
	jsonSide: "một bên là kết quả JSON, không có tên và cách tính: chỉ so sánh tiêu chí thêm và bỏ",
	units:    "Đơn vị", sameUnits: "cùng %d đơn vị", added: "thêm", removed: "bỏ", renamed: "đổi tên",
	maxChanged: "điểm tối đa", ruleChanged: "cách tính", fields: "Lĩnh vực thay đổi nhiều nhất",
	noChange: "Không có thay đổi nào.",
}

var diffEnglish = diffText{
	compare: "Comparing", set: "Criteria set", noSetChange: "unchanged",
	jsonSide: "a side is a JSON result, which holds no names or rules: only criteria added and removed are compared",
	units:    "Units", sameUnits: "the same %d units", added: "added", removed: "removed", renamed: "renamed",
	maxChanged: "max", ruleChanged: "rule", fields: "Fields that moved most",
	noChange: "No change at all.",
}

// WriteDiff writes what changed between two assessments (SPEC §10): the
// criteria set's changes by code, the units added and removed, and each
// unit's rank and index change with the three fields that moved most.
func WriteDiff(w io.Writer, d *analysis.Diff, lang criteria.Lang) error {
	t, x := textFor(lang), &diffVietnamese
	if lang == criteria.English {
		x = &diffEnglish
	}
	places := max(d.Old.Decimals, d.New.Decimals)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (%s, %d) → %s (%s, %d)\n\n", x.compare, d.Old.Name, d.Old.ID, d.Old.Year, d.New.Name, d.New.ID, d.New.Year)
	fmt.Fprintf(&b, "%s:", x.set)
	if len(d.Nodes) == 0 {
		fmt.Fprintf(&b, " %s", x.noSetChange)
	}
	b.WriteString("\n")
	if !d.RulesCompared {
		fmt.Fprintf(&b, "  (%s)\n", x.jsonSide)
	}
	for _, n := range d.Nodes {
		switch n.Kind {
		case analysis.NodeAdded:
			fmt.Fprintf(&b, "  + %s (%s)\n", strings.TrimSpace(n.Code+" "+n.New), x.added)
		case analysis.NodeRemoved:
			fmt.Fprintf(&b, "  − %s (%s)\n", strings.TrimSpace(n.Code+" "+n.Old), x.removed)
		case analysis.NodeRenamed:
			fmt.Fprintf(&b, "  ~ %s %s: %q → %q\n", n.Code, x.renamed, n.Old, n.New)
		case analysis.MaxChanged:
			fmt.Fprintf(&b, "  ~ %s %s: %s → %s\n", n.Code, x.maxChanged, diffNumber(n.Old, lang), diffNumber(n.New, lang))
		case analysis.RuleChanged:
			fmt.Fprintf(&b, "  ~ %s %s:\n      %s\n    → %s\n", n.Code, x.ruleChanged, n.Old, n.New)
		}
	}
	fmt.Fprintf(&b, "\n%s:", x.units)
	if len(d.UnitsAdded) == 0 && len(d.UnitsRemoved) == 0 {
		fmt.Fprintf(&b, " "+x.sameUnits, len(d.Units))
	}
	b.WriteString("\n")
	for _, u := range d.UnitsAdded {
		fmt.Fprintf(&b, "  + %s (%s)\n", u.Name, x.added)
	}
	for _, u := range d.UnitsRemoved {
		fmt.Fprintf(&b, "  − %s (%s)\n", u.Name, x.removed)
	}
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	c := councilWords(lang)
	tab := &textTable{right: []bool{true, false, false, true, true, false}}
	tab.add(t.rank, c.rankChange, t.unit, t.index, c.indexChange, x.fields)
	for _, u := range d.Units {
		var fs []string
		for _, f := range u.Fields {
			if !f.Change.IsZero() {
				fs = append(fs, f.Code+" "+signedFixed(f.Change, places, lang))
			}
		}
		tab.add(fmt.Sprint(u.New.Rank), textShift(u.Up, t), u.New.Name, criteria.FormatFixed(u.New.Index, places, lang),
			signedFixed(u.IndexChange, places, lang), strings.Join(fs, ", "))
	}
	if err := tab.write(w); err != nil {
		return err
	}
	if d.Same() {
		_, err := fmt.Fprintf(w, "\n%s\n", x.noChange)
		return err
	}
	return nil
}

// diffNumber writes a maximum for people.
func diffNumber(s string, lang criteria.Lang) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return criteria.FormatNumber(d, lang)
}
