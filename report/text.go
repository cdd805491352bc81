package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"parindex/criteria"
	"parindex/scoring"
)

// This file and the other text*.go files render results for a terminal:
// plain text in columns aligned by the width each character takes on
// screen, so Vietnamese names with diacritics line up whatever their
// normalisation form.

// textWords is the fixed text of the terminal renderings in one language.
type textWords struct {
	rank, unit, group, groupRank, points, index, tier, change         string
	units, newUnit, same                                              string
	maxTotal, points1, survey, bonus, penalty, notScored              string
	rankOf, appraisal, surveyPts, previous, previousRank, self, first string
	heldToLimits                                                      string
	tiedWith, above, below, indexPts, ptsMore, ptsFewerAbove          string
	ptsFewerBelow, ptsSame, maximaDiffer, lostHead, lostBefore        string
	penaltyHead, capped, taken                                        string
	noLoss, code, name, max, got                                      string
	lost, explain, moveUp, moveDown, moveSame, lastPlace              string
}

var textVietnamese = textWords{
	rank: "Hạng", unit: "Đơn vị", group: "Nhóm", groupRank: "Hạng nhóm",
	points: "Điểm", index: "Chỉ số", tier: "Xếp loại", change: "So với năm trước",
	units: "đơn vị", newUnit: "mới", same: "=",
	maxTotal: "Tổng điểm tối đa", points1: "điểm", survey: "điều tra XHH",
	bonus: "điểm thưởng", penalty: "điểm trừ", notScored: "ngoài tổng điểm tối đa",
	rankOf: "hạng %d/%d", appraisal: "thẩm định", surveyPts: "điều tra XHH",
	heldToLimits: "điều chỉnh theo giới hạn",
	previous:     "Năm trước: hạng %d, chỉ số %s", previousRank: "Năm trước: hạng %d", self: "Tự đánh giá: %s điểm, chỉ số %s",
	first: "Đứng đầu bảng xếp hạng", tiedWith: "đồng hạng %d với %s",
	above: "Cách hạng trên (%s, hạng %d): kém %s", below: "Hơn hạng dưới (%s, hạng %d): %s",
	indexPts: "điểm chỉ số", ptsMore: ", %s", ptsFewerAbove: "dù nhiều hơn %s",
	ptsFewerBelow: "dù ít hơn %s", ptsSame: "dù bằng điểm", maximaDiffer: "vì điểm tối đa khác nhau",
	lostHead: "Điểm bị mất ở %s: %s (tối đa %s − đạt %s", lostBefore: ", chưa tính %s",
	penaltyHead: "Điểm trừ ở %s, tổng %s:", noLoss: "Không bị mất điểm ở tiêu chí nào.",
	capped: "tổng các tiêu chí con %s (%s), tối đa %s: %s/%s %s", taken: "Trừ",
	code: "Mã", name: "Tiêu chí", max: "Tối đa", got: "Đạt", lost: "Mất", explain: "Giải thích",
	moveUp: "tăng %d bậc", moveDown: "giảm %d bậc", moveSame: "giữ nguyên hạng",
	lastPlace: "Xếp cuối bảng",
}

var textEnglish = textWords{
	rank: "Rank", unit: "Unit", group: "Group", groupRank: "In group",
	points: "Points", index: "Index", tier: "Tier", change: "Since last year",
	units: "units", newUnit: "new", same: "=",
	maxTotal: "Maximum points", points1: "points", survey: "survey",
	bonus: "bonus", penalty: "penalty", notScored: "outside the maximum",
	rankOf: "rank %d of %d", appraisal: "appraisal", surveyPts: "survey",
	heldToLimits: "held to limits",
	previous:     "Last year: rank %d, index %s", previousRank: "Last year: rank %d", self: "Self-assessed: %s points, index %s",
	first: "Ranked first", tiedWith: "tied at rank %d with %s",
	above: "Behind the rank above (%s, rank %d) by %s", below: "Ahead of the rank below (%s, rank %d) by %s",
	indexPts: "index point", ptsMore: " and %s", ptsFewerAbove: "though %s ahead",
	ptsFewerBelow: "though %s fewer", ptsSame: "though with the same points", maximaDiffer: "as the maxima differ",
	lostHead: "Points lost on %s: %s (max %s − %s got", lostBefore: ", before %s",
	penaltyHead: "Penalties on %s, %s in all:", noLoss: "No points lost on any criterion.",
	capped: "sub-criteria sum to %s (%s), capped at %s: %s/%s %s", taken: "Taken",
	code: "Code", name: "Criterion", max: "Max", got: "Got", lost: "Lost", explain: "Why",
	moveUp: "up %d", moveDown: "down %d", moveSame: "same rank",
	lastPlace: "Ranked last",
}

func textFor(lang criteria.Lang) *textWords {
	if lang == criteria.English {
		return &textEnglish
	}
	return &textVietnamese
}

// WriteRanking writes the ranking as an aligned table: rank, unit, group
// and rank in group when units have groups, points and the unit's maximum
// (smaller where criteria did not apply), index, tier when the set has
// tiers, and the change since last year when it was given. It is
// [WriteRankingFit] with no limit on the width.
func WriteRanking(w io.Writer, res *scoring.Result, lang criteria.Lang) error {
	return WriteRankingFit(w, res, lang, 0)
}

// WriteRankingFit writes the ranking of [WriteRanking] within width
// terminal columns (no limit when width ≤ 0), by the rule of
// [textColumns.fit]: short headers, then unit names without their kind,
// then without the maximum, the group and the tier, then names cut short.
func WriteRankingFit(w io.Writer, res *scoring.Result, lang criteria.Lang, width int) error {
	t := textFor(lang)
	places := res.Set.Decimals
	hasTier, hasPrev := len(res.Set.Tiers) > 0, false
	for _, u := range res.Units {
		hasPrev = hasPrev || u.Previous != nil
	}
	decided := len(res.Units) > 0 && res.Units[0].BeforeDecisions != nil
	var cols textColumns
	rank := cols.add(colRank, t.rank, t.rank, true)
	var before *textColumn
	if decided {
		before = cols.add(colBefore, councilWords(lang).beforeCol, shortHead(lang, colBefore), true)
	}
	unit := cols.add(colUnit, t.unit, t.unit, false)
	var group, groupRank *textColumn
	if res.Grouped {
		group = cols.add(colGroup, t.group, t.group, false)
		groupRank = cols.add(colGroupRank, t.groupRank, shortHead(lang, colGroupRank), true)
	}
	points := cols.add(colPoints, t.points, t.points, true)
	maxCol := cols.add(colMax, t.max, t.max, true)
	index := cols.add(colIndex, t.index, t.index, true)
	var tier, change *textColumn
	if hasTier {
		tier = cols.add(colTier, t.tier, shortHead(lang, colTier), false)
	}
	if hasPrev {
		change = cols.add(colChange, t.change, shortHead(lang, colChange), false)
	}
	for _, u := range res.Units {
		rank.put(fmt.Sprint(u.Rank))
		if decided {
			before.put(fmt.Sprint(u.BeforeDecisions.Rank))
		}
		unit.put(u.Unit.Name)
		if res.Grouped {
			group.put(u.Unit.Group)
			groupRank.put(fmt.Sprint(u.GroupRank))
		}
		points.put(criteria.FormatFixed(u.Points, places, lang))
		maxCol.put(criteria.FormatFixed(u.Max, places, lang))
		index.put(criteria.FormatFixed(u.Index, places, lang))
		if hasTier {
			tier.put(u.Tier)
		}
		if hasPrev {
			change.put(textChange(u.Previous, t))
		}
	}
	if width > 0 {
		cols.fit(width)
	}
	title := res.Set.Title
	if title == "" {
		title = res.Set.ID
	}
	head := fmt.Sprintf("%s — %d %s\n\n", title, len(res.Units), t.units)
	if _, err := io.WriteString(w, Wrap(head, width)); err != nil {
		return err
	}
	return cols.table().write(w)
}

// textChange renders a rank change compactly: ↑2, ↓1, = or "mới" for a
// unit absent from last year's result.
func textChange(p *criteria.Previous, t *textWords) string {
	if p == nil {
		return t.newUnit
	}
	return textShift(p.RankChange, t)
}

// textMove words a rank change in full: "tăng 2 bậc".
func textMove(change int, t *textWords) string {
	switch {
	case change > 0:
		return fmt.Sprintf(t.moveUp, change)
	case change < 0:
		return fmt.Sprintf(t.moveDown, -change)
	}
	return t.moveSame
}

// textTable lays out rows in columns two spaces apart. A row of a single
// cell runs past the columns without setting their width (a rule in words
// under its criterion). The last cell of a row is not padded, so long text
// at the end of a row leaves no trailing space.
type textTable struct {
	right []bool // per column: align right (numbers)
	rows  [][]string
	// width, when above 0, is the terminal's: a first column that would
	// push a row past it is narrowed, and its long cells wrap under their
	// own text, so that the other columns stay aligned on the first line.
	width int
}

func (t *textTable) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *textTable) write(w io.Writer) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if len(r) == 1 {
				break
			}
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], textWidth(c))
		}
	}
	first := t.firstColumn(widths)
	if len(widths) > 0 {
		widths[0] = min(widths[0], first)
	}
	// Written into one buffer, padding and all: a ranking of 10,000
	// units is 10,000 lines.
	var b []byte
	for _, r := range t.rows {
		if len(r) == 1 {
			b = append(append(b, strings.TrimRight(r[0], " ")...), '\n')
			continue
		}
		first := r[0]
		var more []string
		if textWidth(first) > widths[0] {
			lines := wrapCell(first, widths[0])
			first, more = lines[0], lines[1:]
		}
		start := len(b)
		for i, c := range r {
			if i == 0 {
				c = first
			} else {
				b = append(b, "  "...)
			}
			pad := widths[i] - textWidth(c)
			switch {
			case i < len(t.right) && t.right[i]:
				b = appendSpaces(b, pad)
				b = append(b, c...)
			case i == len(r)-1:
				b = append(b, c...)
			default:
				b = append(b, c...)
				b = appendSpaces(b, pad)
			}
		}
		for len(b) > start && b[len(b)-1] == ' ' {
			b = b[:len(b)-1]
		}
		b = append(b, '\n')
		for _, m := range more {
			b = append(append(b, m...), '\n')
		}
	}
	_, err := w.Write(b)
	return err
}

// appendSpaces appends n spaces, none when n is not positive.
func appendSpaces(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}

// minFirstColumn is the narrowest a first column is made to fit a
// terminal: narrower, names would break every few words, and the line is
// left to run on instead.
const minFirstColumn = 30

// firstColumn is the width the first column may take: all it needs, or
// what t.width leaves beside the other columns.
func (t *textTable) firstColumn(widths []int) int {
	if len(widths) == 0 {
		return 0
	}
	if t.width <= 0 {
		return widths[0]
	}
	rest := 0
	for _, w := range widths[1:] {
		rest += w + 2
	}
	return min(widths[0], max(t.width-rest, minFirstColumn))
}

// wrapCell breaks a cell into lines of at most width columns at spaces;
// each continuation starts under the cell's text after its indent and
// code (its first run of two spaces), as a criterion's name continues
// under itself.
func wrapCell(cell string, width int) []string {
	hang := len(cell) - len(strings.TrimLeft(cell, " "))
	if i := strings.Index(cell[hang:], "  "); i >= 0 {
		hang += i + 2
	}
	hang = min(textWidth(cell[:hang]), width-minFirstColumn/2)
	var lines []string
	room := width
	for cell != "" {
		head, rest := cutAt(cell, room, len(lines) == 0, hang)
		if len(lines) > 0 {
			head = strings.Repeat(" ", hang) + head
		}
		lines = append(lines, strings.TrimRight(head, " "))
		cell = strings.TrimLeft(rest, " ")
		room = width - hang
	}
	return lines
}

// textWidth is the number of terminal cells s takes: combining marks take
// none (a name typed in NFD is as wide as in NFC), East Asian wide
// characters two, everything else one.
func textWidth(s string) int {
	// Latin letters with Vietnamese marks, precomposed, are one column
	// each: a table of 10,000 names is measured rune by rune only when
	// one holds something else.
	n := 0
	for _, r := range s {
		if r < ' ' || r == 0xad || r >= 0x300 && (r < 0x1e00 || r > 0x1eff) {
			return textWidthSlow(s)
		}
		n++
	}
	return n
}

// textWidthSlow is textWidth for any text: composed first, marks and
// format characters taking no column, wide characters two.
func textWidthSlow(s string) int {
	n := 0
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case r < ' ':
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

// textPoints formats an amount of points with its word: "1,00 điểm",
// "1.00 point", "2.50 points"; English takes the singular for exactly 1.
func textPoints(d decimal.Decimal, set *criteria.Set, lang criteria.Lang) string {
	return textFixed(d, set, lang) + " " + textPointWord(d, "điểm", "point", lang)
}

// textPointWord is vi, or en made plural unless d is exactly 1.
func textPointWord(d decimal.Decimal, vi, en string, lang criteria.Lang) string {
	return criteria.Plural(lang, d, vi, en, en+"s")
}

// textCriteria counts criteria: "3 tiêu chí", "1 criterion", "3 criteria".
func textCriteria(n int, lang criteria.Lang) string {
	switch {
	case lang != criteria.English:
		return fmt.Sprintf("%d tiêu chí", n)
	case n == 1:
		return "1 criterion"
	}
	return fmt.Sprintf("%d criteria", n)
}

// textFixed formats d to the set's places for people.
func textFixed(d decimal.Decimal, set *criteria.Set, lang criteria.Lang) string {
	return criteria.FormatFixed(d, set.Decimals, lang)
}
