package report

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// DefaultUnitSheets is how many units, first by rank, get a sheet each
// unless Options.UnitSheets says otherwise: a province's communes and
// wards (SPEC §13). Beyond it the workbook would be unwieldy, and Chi tiết
// holds the same numbers.
const DefaultUnitSheets = 300

// unitSheetCount is how many of n units get a sheet, as asked.
func unitSheetCount(asked, n int) int {
	switch {
	case asked < 0:
		return 0
	case asked == 0:
		return min(n, DefaultUnitSheets)
	}
	return min(n, asked)
}

// unitView is what a unit's sheet needs besides the unit's result.
type unitView struct {
	res         *scoring.Result
	evidence    map[string]string // metric id → note, for this unit
	hasSelf     bool
	hasEvidence bool   // some unit has evidence: the column is shown on every sheet
	note        string // the unit's row notes from the wide table ("Ghi chú: …")
}

// unitColumns are the headers of a unit sheet's table, self-assessment
// columns only when self-assessed values were scored.
func (b *book) unitColumns(v unitView) []string {
	l := b.l
	heads := []string{l.code, l.name, l.max, l.value, l.points, l.lost}
	if v.hasSelf {
		heads = append(heads, l.self, l.selfDiff)
	}
	if v.hasEvidence {
		heads = append(heads, l.evidence)
	}
	return append(heads, l.explain)
}

// writeUnit writes one unit's sheet: its standing, then every node with
// the points lost, the self-assessment, the evidence and why.
func (b *book) writeUnit(name string, u *scoring.UnitResult, v unitView) error {
	nodes := b.set.Nodes()
	names, codes, explains, notes := []string{}, []string{}, []string{}, []string{}
	for i, n := range nodes {
		names, codes = append(names, n.Name), append(codes, n.Code)
		explains = append(explains, b.decisionMark(u.Nodes[i].Decision)+u.Nodes[i].Explain(b.lang))
		notes = append(notes, b.evidenceFor(n, v.evidence))
	}
	heads := b.unitColumns(v)
	numW := fit(9, 11, "100.00", b.l.notApplicable)
	widths := []float64{fit(5, 9, codes...), fit(30, 50, names...), numW, fit(9, 16, append(levelLabels(b.set), b.l.notApplicable)...), numW, numW}
	if v.hasSelf {
		widths = append(widths, numW, fit(11, 13, longestWord(b.l.selfDiff)))
	}
	if v.hasEvidence {
		widths = append(widths, fit(16, 40, notes...))
	}
	widths = append(widths, fit(24, 60, explains...))
	s, err := b.newSheet(name, widths)
	if err != nil {
		return err
	}
	standing := b.unitStanding(u, v)
	perRow := len(widths) - 3 // the number columns, between the name and the texts
	if v.hasEvidence {
		perRow--
	}
	standingRows := 2 * ((len(standing) + perRow - 1) / perRow)
	if v.note != "" {
		standingRows++
	}
	headRow := 3 + standingRows + 2
	if err := s.freeze(2, headRow); err != nil {
		return err
	}
	if err := s.titleBlock(u.Unit.Name); err != nil {
		return err
	}
	for i := 0; i < len(standing); i += perRow {
		if err := s.standingRows(standing[i:min(i+perRow, len(standing))]); err != nil {
			return err
		}
	}
	if v.note != "" {
		// the notes the unit's row carried in the values, under its standing
		if err := s.add([]any{nil, b.text(v.note, kSmallNote)}, 0); err != nil {
			return err
		}
	}
	s.skip()
	if err := s.header(heads); err != nil {
		return err
	}
	for i, n := range nodes {
		if err := b.unitRow(s, u, i, n, explains[i], notes[i], v); err != nil {
			return err
		}
	}
	if err := s.printTitles(headRow, headRow); err != nil {
		return err
	}
	return s.flush()
}

// standingItem is one figure of a unit's standing: a label over a value.
type standingItem struct {
	head string
	val  any
}

// unitStanding is the unit's total, max, index, rank, tier,
// self-assessment and last year's rank, shown under the title.
func (b *book) unitStanding(u *scoring.UnitResult, v unitView) []standingItem {
	l := b.l
	items := []standingItem{{l.unitTotal, b.num(u.Points, kNumberBold)}, {l.max, b.num(u.Max, kNumber)},
		{l.unitIndex, b.num(u.Index, kNumberBold)}, {l.unitRank, b.integer(u.Rank, kInt)}}
	add := func(head string, val any) { items = append(items, standingItem{head, val}) }
	if v.res.Grouped {
		add(l.groupRank, b.integer(u.GroupRank, kInt))
	}
	if len(b.set.Tiers) > 0 {
		add(l.unitTier, b.text(u.Tier, kCenter))
	}
	if u.Self != nil {
		add(l.self, b.num(u.Self.Points, kNumber))
	}
	switch {
	case u.Previous != nil:
		add(l.prevRank, b.integer(u.Previous.Rank, kInt))
		add(l.change, b.integer(u.Previous.RankChange, kChange))
	case hasPrevious(v.res):
		add(l.prevRank, b.text(l.newUnit, kCenter)) // absent from last year's result
		add(l.change, b.text(l.newUnit, kCenter))
	}
	return items
}

// standingRows writes items from the third column on: their labels, then
// their values. They stay within the table's number columns, so that
// none spills over the texts or past the table.
func (s *sheet) standingRows(items []standingItem) error {
	heads, vals, texts := []any{nil, nil}, []any{nil, nil}, []string{"", ""}
	for _, it := range items {
		heads, vals, texts = append(heads, s.b.text(it.head, kHeader)), append(vals, it.val), append(texts, it.head)
	}
	if err := s.add(heads, s.heightFor(texts, true)); err != nil {
		return err
	}
	return s.add(vals, 0)
}

// unitRow writes node n's row on a unit's sheet.
func (b *book) unitRow(s *sheet, u *scoring.UnitResult, i int, n *criteria.Node, explain, note string, v unitView) error {
	l := b.l
	nr := u.Nodes[i]
	textKind, numKind := kText, kNumber
	if n.Depth == 0 {
		textKind, numKind = kTextBold, kNumberBold
	}
	cells := []any{b.text(n.Code, textKind), b.indented(n.Name, textKind, n.Depth)}
	if nr.Applicable {
		cells = append(cells, b.num(nr.Max(), numKind))
	} else {
		cells = append(cells, b.text("", textKind))
	}
	cells = append(cells, b.valueCell(n, nr))
	if nr.Applicable {
		cells = append(cells, b.num(nr.Points(), numKind), b.lostCell(n, nr))
	} else {
		cells = append(cells, b.text(l.notApplicable, kCenter), b.text("", kText))
	}
	if v.hasSelf {
		cells = append(cells, b.selfCells(u, i, nr)...)
	}
	texts := make([]string, len(s.widths))
	texts[1] = strings.Repeat(" ", 2*n.Depth) + n.Name
	if v.hasEvidence {
		cells = append(cells, b.text(note, kTextWrap))
		texts[len(texts)-2] = note
	}
	cells = append(cells, b.text(explain, kTextWrap))
	texts[len(texts)-1] = explain
	return s.add(cells, s.heightFor(texts, n.Depth == 0))
}

// valueCell is the value a leaf's rule read: a number, có/không, or KPS.
func (b *book) valueCell(n *criteria.Node, nr *scoring.NodeResult) any {
	v := nr.Value
	switch {
	case !n.IsLeaf() || v.IsMissing():
		return b.text("", kText)
	case v.IsNA():
		return b.text(b.l.notApplicable, kCenter)
	case v.IsBool():
		if v.Bool() {
			return b.text(b.l.yes, kCenter)
		}
		return b.text(b.l.no, kCenter)
	case v.IsLevel():
		return b.text(b.set.Metric(n.Rule.Metric).Label(v), kCenter)
	}
	num, den := v.Fraction()
	kind := kValue
	switch m := b.set.Metric(n.Rule.Metric); {
	case m == nil:
	case m.Type == criteria.Percent:
		// the value itself, shown as the percent it is: 38.46%
		kind = kValuePercent
	case m.Type == criteria.Count && den.Equal(decimal.NewFromInt(1)):
		kind = kValueInt
	}
	if !den.Equal(decimal.NewFromInt(1)) {
		num = v.Round(b.places + 2)
	}
	// The value read is shown, not scored: a value longer than a cell
	// holds exactly is shown to the 15 significant digits Excel keeps.
	if extra := num.NumDigits() - 15; extra > 0 {
		num = num.Round(-num.Exponent() - int32(extra))
	}
	return b.num(num, kind)
}

// lostCell is the points a node lost, highlighted when there are any. A
// penalty's points are all lost; a bonus loses nothing.
func (b *book) lostCell(n *criteria.Node, nr *scoring.NodeResult) any {
	var lost decimal.Decimal
	switch n.Kind {
	case criteria.Bonus:
		return b.text("", kText)
	case criteria.Penalty:
		lost = nr.Points()
	default:
		lost = nr.Max().Sub(nr.Points())
	}
	if lost.Sign() > 0 {
		return b.num(lost, kLost)
	}
	return b.num(lost, kNumber)
}

// selfCells are the self-assessed points and their difference from the
// appraised points.
func (b *book) selfCells(u *scoring.UnitResult, i int, nr *scoring.NodeResult) []any {
	if u.Self == nil || i >= len(u.Self.Nodes) || !u.Self.Nodes[i].Applicable {
		return []any{b.text("", kText), b.text("", kText)}
	}
	sp := u.Self.Nodes[i].Points()
	if !nr.Applicable {
		return []any{b.num(sp, kNumber), b.text("", kText)}
	}
	return []any{b.num(sp, kNumber), b.num(sp.Sub(nr.Points()), kDiff)}
}

// evidenceFor is the note kept for a leaf's metric; for a derived ratio,
// the notes of its parts, each named.
func (b *book) evidenceFor(n *criteria.Node, notes map[string]string) string {
	if !n.IsLeaf() || len(notes) == 0 {
		return ""
	}
	m := b.set.Metric(n.Rule.Metric)
	if m == nil || m.Ratio == nil {
		return evidenceText(notes[n.Rule.Metric])
	}
	var parts []string
	seen := map[string]bool{}
	for _, id := range append(append([]string{}, m.Ratio.Numerator...), m.Ratio.Denominator...) {
		if note := notes[id]; note != "" && !seen[id] {
			seen[id] = true
			name := id
			if pm := b.set.Metric(id); pm != nil && pm.Name != "" {
				name = pm.Name
			}
			parts = append(parts, name+": "+evidenceText(note))
		}
	}
	return strings.Join(parts, "\n")
}

// evidenceText drops, from a note read as "header: text; header2: text",
// the header of the evidence column itself: the cell already sits under
// Tài liệu kiểm chứng. Other headers (ghi chú…) stay to tell their text
// apart.
func evidenceText(note string) string {
	parts := strings.Split(note, "; ")
	for i, p := range parts {
		head, text, ok := strings.Cut(p, ": ")
		if ok && evidenceHeads[foldHeader(head)] {
			parts[i] = text
		}
	}
	return strings.Join(parts, "; ")
}

// evidenceHeads are the evidence column's names, folded.
var evidenceHeads = map[string]bool{
	foldHeader("evidence"): true, foldHeader("tài liệu kiểm chứng"): true,
	foldHeader(vietnamese.evidence): true, foldHeader(english.evidence): true,
}

// foldHeader lowercases a header and drops its diacritics, so that
// "Tài liệu kiểm chứng" and "tai lieu kiem chung" match.
func foldHeader(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(strings.TrimSpace(s))) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// levelLabels are the labels of the set's level metrics, which the value
// column shows in full.
func levelLabels(set *criteria.Set) []string {
	var out []string
	for _, m := range set.Metrics {
		out = append(out, m.Levels...)
	}
	return out
}
