package metrics

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// LastYear is last year's ranking as read from previous.csv or
// previous.xlsx (SPEC §12): the way a province starts in its first year
// with parindex, from the ranking it published.
type LastYear struct {
	// Units holds each unit's rank, and index when the file gives one, by
	// unit id.
	Units map[string]criteria.Previous
	// Unknown names the units of rows that name no unit of units.yaml —
	// merged away since, or renamed — each with its row: `"Xã Tam Xuân"
	// (line 7)`. A warning, not an error, as for previous.json.
	Unknown []string
	// Sum is the SHA-256 of the bytes read, in lowercase hex.
	Sum string
}

// ReadLastYear reads previous.csv or previous.xlsx: a header row with
// "unit" (đơn vị), "rank" (hạng) and optionally "index" (chỉ số), title
// rows and an STT column allowed as in a wide table, then one row a unit.
// Every problem is returned at once as criteria.Problems.
func ReadLastYear(path string, units []*criteria.Unit) (*LastYear, error) {
	pr := newPreviousReader(units)
	sum, fatal := scanFile(path, path, &pr.probs, pr.row)
	if fatal != nil {
		return nil, criteria.Problems{*fatal}
	}
	if !pr.headerSeen && len(pr.probs) == 0 {
		pr.probs = append(pr.probs, criteria.Problem{File: path,
			Msg: `no header row: last year's ranking needs a header with "unit" (đơn vị) and "rank" (hạng), and optionally "index" (chỉ số)`})
	}
	if len(pr.probs) > 0 {
		return nil, pr.probs
	}
	pr.out.Sum = sum
	return pr.out, nil
}

// previousReader reads previous.csv row by row.
type previousReader struct {
	match                      *Matcher
	out                        *LastYear
	probs                      criteria.Problems
	headerSeen, stop           bool
	unitCol, rankCol, indexCol int
	seen                       map[string]string // unit id → its row, for messages
}

func newPreviousReader(units []*criteria.Unit) *previousReader {
	return &previousReader{match: NewMatcher(units), out: &LastYear{Units: map[string]criteria.Previous{}},
		rankCol: -1, indexCol: -1, seen: map[string]string{}}
}

func (pr *previousReader) row(g *grid, r *row) {
	switch {
	case pr.stop, r.blank(), r.damaged:
	case !pr.headerSeen:
		col, ok := headerStart(r, isUnitKey)
		if !ok {
			return // a title row
		}
		pr.header(g, r, col)
	default:
		pr.data(g, r)
	}
}

func (pr *previousReader) header(g *grid, r *row, unitCol int) {
	pr.headerSeen, pr.unitCol = true, unitCol
	for col := unitCol + 1; col < len(r.cells); col++ {
		switch criteria.LooseKey(key(r.cells[col].text)) {
		case "rank", "hang", "xep hang", "thu hang":
			if pr.rankCol < 0 {
				pr.rankCol = col
			}
		case "index", "chi so", "chi so cchc", "diem chi so":
			if pr.indexCol < 0 {
				pr.indexCol = col
			}
		}
	}
	if pr.rankCol < 0 {
		add(&pr.probs, g.at(r, -1), `the header has no "rank" (hạng) column`)
		pr.stop = true
	}
}

func (pr *previousReader) data(g *grid, r *row) {
	name := strings.TrimSpace(r.text(pr.unitCol))
	if name == "" {
		add(&pr.probs, g.at(r, pr.unitCol), "the row has a rank but no unit")
		return
	}
	rank, ok := previousRank(r.cells, pr.rankCol)
	if !ok {
		add(&pr.probs, g.at(r, pr.rankCol), "unit %s: rank %s is not a rank (a whole number, 1 or more)", quote(name), quote(strings.TrimSpace(r.text(pr.rankCol))))
		return
	}
	p := criteria.Previous{Rank: rank, NoIndex: pr.indexCol < 0}
	if pr.indexCol >= 0 {
		idx, msg := previousIndex(g, r, pr.indexCol)
		if msg != "" {
			add(&pr.probs, g.at(r, pr.indexCol), "unit %s: index %s", quote(name), msg)
			return
		}
		p.Index = idx
	}
	u, err := pr.match.Match(name)
	if err != nil {
		pr.out.Unknown = append(pr.out.Unknown, fmt.Sprintf("%s (%s)", quote(name), g.rowName(r)))
		return
	}
	if prev, dup := pr.seen[u.ID]; dup {
		add(&pr.probs, g.at(r, pr.unitCol), "unit %q appears twice: %s and %s", u.Name, prev, g.rowName(r))
		return
	}
	pr.seen[u.ID] = g.rowName(r)
	pr.out.Units[u.ID] = p
}

// previousRank reads a rank: a whole number ≥ 1, as text or a number
// cell.
func previousRank(cells []cell, col int) (int, bool) {
	if col >= len(cells) {
		return 0, false
	}
	text := strings.TrimSpace(cells[col].text)
	if cells[col].kind == numberCell {
		text = strings.TrimSuffix(text, ".0")
	}
	n, err := strconv.Atoi(text)
	return n, err == nil && n >= 1 && n <= 1_000_000
}

// indexMetric reads an index as a value of a number metric would be read:
// a decimal comma where the separator allows it, a numeric cell as it is.
var indexMetric = &criteria.Metric{ID: "index", Name: "index", Type: criteria.Number}

// previousIndex reads last year's index, from 0 to 100.
func previousIndex(g *grid, r *row, col int) (decimal.Decimal, string) {
	v, msg, _ := g.value(indexMetric, r, col)
	if msg != "" {
		return decimal.Decimal{}, msg
	}
	if !v.IsNumber() {
		return decimal.Decimal{}, "must be a number"
	}
	d := v.Round(6)
	if d.Sign() < 0 || d.GreaterThan(decimal.NewFromInt(100)) {
		return decimal.Decimal{}, fmt.Sprintf("%s is not between 0 and 100", d)
	}
	return d, ""
}
