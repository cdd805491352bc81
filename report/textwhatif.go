package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"parindex/analysis"
	"parindex/criteria"
)

// councilText is the fixed text about the council's decisions and
// what-ifs in one language.
type councilText struct {
	beforeCol, whatIf, rankChange, indexChange, moved, noneMoved string
	decisions, value, points, unitPoints, reason, round          string
}

var councilVietnamese = councilText{
	beforeCol: "Trước HĐTĐ", whatIf: "giả định", rankChange: "Đổi hạng", indexChange: "Đổi chỉ số",
	moved: "Đơn vị đổi hạng", noneMoved: "Không đơn vị nào đổi hạng.",
	decisions: "Quyết định của Hội đồng thẩm định", value: "giá trị", points: "điểm",
	unitPoints: "tổng điểm", reason: "lý do", round: "vòng",
}

var councilEnglish = councilText{
	beforeCol: "Before council", whatIf: "what if", rankChange: "Rank change", indexChange: "Index change",
	moved: "Units whose rank changes", noneMoved: "No unit changes rank.",
	decisions: "Decisions of the appraisal council", value: "value", points: "points",
	unitPoints: "total points", reason: "reason", round: "round",
}

func councilWords(lang criteria.Lang) *councilText {
	if lang == criteria.English {
		return &councilEnglish
	}
	return &councilVietnamese
}

// WriteWhatIf writes a what-if (SPEC §10): the changed ranking with each
// unit's rank and index change against the assessment as it stands, then
// every unit whose rank moved, in the new rank order. changes are the
// changes as written, for the title.
func WriteWhatIf(w io.Writer, wi *analysis.WhatIf, changes []string, lang criteria.Lang) error {
	t, c := textFor(lang), councilWords(lang)
	res := wi.Result
	places := res.Set.Decimals
	tab := &textTable{right: []bool{true, false, false, true, true}}
	tab.add(t.rank, c.rankChange, t.unit, t.index, c.indexChange)
	for _, u := range res.Units {
		b := u.WhatIf
		tab.add(fmt.Sprint(u.Rank), textShift(b.Rank-u.Rank, t), u.Unit.Name,
			criteria.FormatFixed(u.Index, places, lang), signedFixed(u.Index.Sub(b.Index), places, lang))
	}
	title := res.Set.Title
	if title == "" {
		title = res.Set.ID
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %d %s — %s: %s\n\n", title, len(res.Units), t.units, c.whatIf, strings.Join(changes, ", "))
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := tab.write(w); err != nil {
		return err
	}
	b.Reset()
	if len(wi.Moved) == 0 {
		fmt.Fprintf(&b, "\n%s\n", c.noneMoved)
	} else {
		fmt.Fprintf(&b, "\n%s (%d):\n", c.moved, len(wi.Moved))
		for _, u := range wi.Moved {
			fmt.Fprintf(&b, "  %s: %d → %d (%s)\n", u.Unit.Name, u.WhatIf.Rank, u.Rank, textMove(u.WhatIf.Rank-u.Rank, t))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textShift renders a rank change compactly: ↑2, ↓1 or =.
func textShift(up int, t *textWords) string {
	switch {
	case up > 0:
		return fmt.Sprintf("↑%d", up)
	case up < 0:
		return fmt.Sprintf("↓%d", -up)
	}
	return t.same
}

// signedFixed writes a change with its sign, "+1,25" or "−0,50", and "="
// for none.
func signedFixed(d decimal.Decimal, places int32, lang criteria.Lang) string {
	switch d.Sign() {
	case 0:
		return "="
	case 1:
		return "+" + criteria.FormatFixed(d, places, lang)
	}
	return "−" + criteria.FormatFixed(d.Neg(), places, lang)
}
