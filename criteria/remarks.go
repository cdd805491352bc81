package criteria

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Remark is one remark of the loader: where it is and what it says, in
// English as standard error prints it (the embedded Problem) and in
// Vietnamese as a Vietnamese report shows it.
type Remark struct {
	Problem
	VI string // the message in Vietnamese, without its place
}

// Text is the remark with its place, in lang.
func (r Remark) Text(lang Lang) string {
	if lang == English || r.VI == "" {
		return r.Error()
	}
	p := r.Problem
	p.Msg = r.VI
	return p.Error()
}

// remarks notes what is likely a mistake in the rules but not wrong
// (SPEC §8.4): a band that no value reaches because an earlier band takes
// all its values, and percent bounds that all lie within 0–1, fractions
// written where percentages belong.
func (l *loader) remarks() {
	if l.set == nil {
		return
	}
	for _, n := range l.set.Leaves() {
		r := n.Rule
		if r == nil {
			continue
		}
		m := l.set.Metric(r.Metric)
		note := func(en, vi string, args ...any) {
			args = append([]any{n.Code}, args...)
			l.set.Remarks = append(l.set.Remarks, Remark{
				Problem: Problem{File: l.file, Line: n.Line, Msg: fmt.Sprintf("criterion %s: "+en, args...)},
				VI:      fmt.Sprintf("tiêu chí %s: "+vi, args...),
			})
		}
		switch r.Type {
		case BandsRule:
			for i, b := range r.Bands {
				for j := range i {
					if r.Bands[j].covers(b) {
						note("band %d is never reached: band %d before it takes all its values",
							"khoảng %d không bao giờ được xét: khoảng %d đứng trước đã gồm mọi giá trị của nó", i+1, j+1)
						break
					}
				}
			}
			if m != nil && m.Type == Percent && fractionBounds(bandBounds(r.Bands)) {
				note("the bands of the percentage %q all lie between 0 and 1: write 80 for 80%%, not 0.8",
					"các khoảng của tỷ lệ %q đều nằm trong khoảng 0–1: ghi 80 cho 80%%, không ghi 0.8", m.ID)
			}
		case LinearRule:
			if m != nil && m.Type == Percent && fractionBounds([]decimal.Decimal{r.From, r.To}) {
				note("from %s to %s on the percentage %q lie between 0 and 1: write 80 for 80%%, not 0.8",
					"thang từ %s đến %s của tỷ lệ %q nằm trong khoảng 0–1: ghi 80 cho 80%%, không ghi 0.8",
					r.From, r.To, m.ID)
			}
		}
	}
}

// bandBounds lists every bound of the bands.
func bandBounds(bands []Band) []decimal.Decimal {
	var out []decimal.Decimal
	for _, b := range bands {
		for _, x := range []decimal.NullDecimal{b.GTE, b.GT, b.LTE, b.LT} {
			if x.Valid {
				out = append(out, x.Decimal)
			}
		}
	}
	return out
}

// fractionBounds reports whether every bound lies within 0–1 and one of
// them above 0: "gt: 0" alone is a plain "any at all".
func fractionBounds(ds []decimal.Decimal) bool {
	above := false
	for _, d := range ds {
		if d.Sign() < 0 || d.GreaterThan(one) {
			return false
		}
		above = above || d.Sign() > 0
	}
	return above
}

// covers reports whether every value b holds, a holds too.
func (a Band) covers(b Band) bool {
	aLo, aLoStrict, aHasLo := a.lower()
	bLo, bLoStrict, bHasLo := b.lower()
	if aHasLo {
		if !bHasLo {
			return false
		}
		c := aLo.Cmp(bLo)
		if c > 0 || c == 0 && aLoStrict && !bLoStrict {
			return false
		}
	}
	aHi, aHiStrict, aHasHi := a.upper()
	bHi, bHiStrict, bHasHi := b.upper()
	if aHasHi {
		if !bHasHi {
			return false
		}
		c := aHi.Cmp(bHi)
		if c < 0 || c == 0 && aHiStrict && !bHiStrict {
			return false
		}
	}
	return true
}

func (a Band) lower() (decimal.Decimal, bool, bool) {
	switch {
	case a.GT.Valid:
		return a.GT.Decimal, true, true
	case a.GTE.Valid:
		return a.GTE.Decimal, false, true
	}
	return decimal.Zero, false, false
}

func (a Band) upper() (decimal.Decimal, bool, bool) {
	switch {
	case a.LT.Valid:
		return a.LT.Decimal, true, true
	case a.LTE.Valid:
		return a.LTE.Decimal, false, true
	}
	return decimal.Zero, false, false
}
