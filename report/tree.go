package report

import (
	"fmt"

	"parindex/criteria"
)

// writeCriteria writes Bộ tiêu chí: the tree with each node's max, source
// and rule in words, then the tiers.
func (b *book) writeCriteria() error {
	l := b.l
	nodes := b.set.Nodes()
	codes, names, rules := []string{}, []string{}, []string{}
	for _, n := range nodes {
		codes, names = append(codes, n.Code), append(names, n.Name)
		rules = append(rules, b.ruleWords(n))
	}
	widths := []float64{fit(5, 9, codes...), fit(30, 55, names...), fit(8, 10, "100.00"),
		fit(10, 14, l.srcAppraisal, l.srcSurvey), fit(30, 70, rules...)}
	s, err := b.newSheet(l.criteriaSheet, widths)
	if err != nil {
		return err
	}
	const headRow = 4
	if err := s.freeze(0, headRow); err != nil {
		return err
	}
	if err := s.titleBlock(l.criteriaSheet); err != nil {
		return err
	}
	if err := s.header([]string{l.code, l.name, l.max, l.source, l.rule}); err != nil {
		return err
	}
	for i, n := range nodes {
		kind, numKind := kText, kNumber
		if n.Depth == 0 {
			kind, numKind = kTextBold, kNumberBold
		}
		src := l.srcAppraisal
		if n.Source == criteria.Survey {
			src = l.srcSurvey
		}
		cells := []any{b.text(n.Code, kind), b.indented(n.Name, kind, n.Depth), b.num(n.MaxPoints(), numKind),
			b.text(src, kind), b.text(rules[i], kTextWrap)}
		texts := []string{"", n.Name, "", "", rules[i]}
		if err := s.add(cells, s.heightFor(texts, n.Depth == 0)); err != nil {
			return err
		}
	}
	if len(b.set.Tiers) > 0 {
		s.skip()
		if err := s.add([]any{nil, b.text(l.tiers, kHeader), b.text(l.minIndex, kHeader)}, 0); err != nil {
			return err
		}
		for _, t := range b.set.Tiers {
			if err := s.add([]any{nil, b.text(t.Name, kText), b.num(t.Min, kNumber)}, 0); err != nil {
				return err
			}
		}
	}
	if err := s.printTitles(headRow, headRow); err != nil {
		return err
	}
	return s.flush()
}

// ruleWords says how a node scores: a leaf's rule in words, a field's
// kind, a parent's cap; then what N/A earns, where the set says it earns
// something, and the node's gate.
func (b *book) ruleWords(n *criteria.Node) string {
	words := b.ownRuleWords(n)
	var notes []string
	if n.IsLeaf() && n.NA != criteria.NAExclude {
		notes = append(notes, criteria.NAText(n.NA, b.lang))
	}
	if len(n.Requires) > 0 {
		notes = append(notes, criteria.GateText(n.Requires, b.lang))
	}
	for _, note := range notes {
		if words != "" {
			words += "; "
		}
		words += note
	}
	return words
}

// ownRuleWords is ruleWords without the notes.
func (b *book) ownRuleWords(n *criteria.Node) string {
	if n.IsLeaf() {
		return n.Describe(b.set, b.lang)
	}
	var out string
	switch n.Kind {
	case criteria.Bonus:
		out = b.l.kindBonus
	case criteria.Penalty:
		out = b.l.kindPenalty
	}
	if n.HasMax && n.Depth == 0 && n.Kind != criteria.Ordinary || n.Capped() {
		capText := fmt.Sprintf("%s %s", b.l.maxShort, criteria.FormatNumber(n.Max, b.lang))
		if out != "" {
			return out + ", " + capText
		}
		return capText
	}
	return out
}
