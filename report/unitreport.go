package report

import (
	"fmt"
	"io"

	"github.com/shopspring/decimal"

	"parindex/scoring"
)

// WriteUnitReport writes the small workbook a province sends back to one
// unit (SPEC §13): its rank and tier, its points by field against the
// best unit's and the province's average, then every criterion with what
// it lost and why. id names the unit.
func WriteUnitReport(w io.Writer, res *scoring.Result, id string, opts Options) error {
	if res == nil || res.Set == nil {
		return fmt.Errorf("report: no result to write")
	}
	u := res.Unit(id)
	if u == nil {
		return fmt.Errorf("report: no unit %q in the result", id)
	}
	b := newBook(res.Set, opts.Lang)
	defer b.f.Close()
	b.now = madeAt(opts.Now)
	if err := b.writeUnitFields(res, u); err != nil {
		return fmt.Errorf("writing the report of %s: %w", u.Unit.Name, err)
	}
	hasSelf := u.Self != nil
	v := unitView{res: res, evidence: opts.Evidence[u.Unit.ID], hasSelf: hasSelf, hasEvidence: len(opts.Evidence[u.Unit.ID]) > 0,
		note: opts.UnitNotes[u.Unit.ID]}
	name := newSheetNames(b.l.yourFields).name(b.l.criteriaDetail)
	if err := b.writeUnit(name, u, v); err != nil {
		return fmt.Errorf("writing the report of %s: %w", u.Unit.Name, err)
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("writing the report of %s: %w", u.Unit.Name, err)
	}
	return nil
}

// writeUnitFields writes the first sheet of a unit's own report: its
// standing, then each ordinary field's points and index beside the best
// index any unit reached there and the average over the units it applies
// to.
func (b *book) writeUnitFields(res *scoring.Result, u *scoring.UnitResult) error {
	l := b.l
	fields := ordinaryFields(b.set)
	idx := nodeIndex(b.set)
	names := []string{}
	for _, f := range fields {
		names = append(names, nodeTitle(f))
	}
	numW := fit(10, 12, longestWord(l.bestIndex), longestWord(l.avgIndex))
	// The last column holds the field ranks and, in the standing above
	// them, the tier: wide enough for its name ("Trung bình").
	last := []string{longestWord(l.rank)}
	for _, t := range b.set.Tiers {
		last = append(last, t.Name)
	}
	widths := []float64{fit(30, 60, names...), numW, numW, numW, numW, numW, fit(7, 16, last...)}
	s, err := b.newSheet(l.yourFields, widths)
	if err != nil {
		return err
	}
	if err := s.titleBlock(u.Unit.Name); err != nil {
		return err
	}
	standing := b.unitStanding(u, unitView{res: res})
	for i := 0; i < len(standing); i += len(widths) - 1 {
		items := standing[i:min(i+len(widths)-1, len(standing))]
		heads, vals, texts := []any{nil}, []any{nil}, []string{""}
		for _, it := range items {
			heads, vals, texts = append(heads, b.text(it.head, kHeader)), append(vals, it.val), append(texts, it.head)
		}
		if err := s.add(heads, s.heightFor(texts, true)); err != nil {
			return err
		}
		if err := s.add(vals, 0); err != nil {
			return err
		}
	}
	s.skip()
	heads := []string{l.field, l.points, l.max, l.index, l.bestIndex, l.avgIndex, l.rank}
	if err := s.header(heads); err != nil {
		return err
	}
	headRow := s.row
	for _, f := range fields {
		i := idx[f]
		nr := u.Nodes[i]
		best, avg := fieldBenchmarks(res, i)
		cells := []any{b.text(nodeTitle(f), kName)}
		if nr.Applicable {
			cells = append(cells, b.num(nr.Points(), kNumber), b.num(nr.Max(), kNumber), b.num(nr.Index(), kNumberBold))
		} else {
			na := b.text(l.notApplicable, kCenter)
			cells = append(cells, na, na, na)
		}
		cells = append(cells, b.num(best, kNumber), b.num(avg, kNumber))
		if nr.Applicable {
			cells = append(cells, b.integer(int(nr.Rank), kInt))
		} else {
			cells = append(cells, b.text("", kText))
		}
		if err := s.add(cells, s.heightFor([]string{nodeTitle(f)}, false)); err != nil {
			return err
		}
	}
	s.skip()
	if err := s.add([]any{b.text(fmt.Sprintf(l.unitReportNote, len(res.Units)), kSmallNote)}, 0); err != nil {
		return err
	}
	if err := s.printTitles(headRow, headRow); err != nil {
		return err
	}
	return s.flush()
}

// fieldBenchmarks are the best index any unit reached on node i and the
// average index over the units it applies to, rounded as indices are.
func fieldBenchmarks(res *scoring.Result, i int) (best, avg decimal.Decimal) {
	sum, n := decimal.Zero, 0
	for _, u := range res.Units {
		nr := u.Nodes[i]
		if !nr.Applicable {
			continue
		}
		if n == 0 || nr.Index().GreaterThan(best) {
			best = nr.Index()
		}
		sum = sum.Add(nr.Index())
		n++
	}
	if n == 0 {
		return decimal.Zero, decimal.Zero
	}
	return best, sum.DivRound(decimal.NewFromInt(int64(n)), res.Set.Decimals)
}
