package scoring

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"parindex/criteria"
)

// Explain says in one line why a leaf got its points, in lang:
// "tỷ lệ 87,5% thuộc khoảng từ 80% đến dưới 90%: 0,75/1 điểm". It is empty
// for a parent. The line is built on demand: a large assessment has a
// million leaves and most explanations are never read.
func (n *NodeResult) Explain(lang criteria.Lang) string {
	l := n.leaf
	if l == nil {
		return ""
	}
	vi := lang == criteria.Vietnamese
	if !n.Applicable {
		if vi {
			return "không phát sinh: không tính điểm"
		}
		return "not applicable (did not occur): not scored"
	}
	x := explainer{l: l, vi: vi, lang: lang}
	var why string
	switch {
	case n.Value.IsNA() && l.na == criteria.NAFull:
		why = x.pick("không phát sinh, được điểm tối đa", "not applicable (did not occur), full points as the set provides")
	case n.Value.IsNA():
		why = x.pick("không phát sinh, không được điểm", "not applicable (did not occur), no points as the set provides")
	default:
		why = x.rule(n)
	}
	if n.gate != "" {
		why += x.pick(", nhưng 0 điểm vì tiêu chí %s không đạt điểm", ", but 0 points because criterion %s earned none", n.gate)
	}
	unit := "điểm"
	if !vi {
		unit = "points"
		if n.Max.Equal(decimal.NewFromInt(1)) {
			unit = "point" // "0.5/1 point"
		}
	}
	return why + ": " + criteria.FormatNumber(n.Points, lang) + "/" + criteria.FormatNumber(n.Max, lang) + " " + unit
}

// rule says how the leaf's rule read its value.
func (x explainer) rule(n *NodeResult) string {
	l := x.l
	var why string
	switch l.rule.Type {
	case criteria.BooleanRule:
		why = x.boolean(n.Value)
	case criteria.BandsRule:
		why = x.bands(n.Value, int(n.band))
	case criteria.LinearRule:
		why = x.pick("%s trên thang từ %s (0 điểm) đến %s (điểm tối đa)", "%s on a scale from %s (0 points) to %s (full points)",
			x.labelled(n.Value), x.num(l.rule.From), x.num(l.rule.To))
	case criteria.RelativeRule:
		why = x.relative(n.Value)
	case criteria.MinMaxRule:
		why = x.minmax(n.Value)
	case criteria.DeductionRule:
		why = x.pick("%s, mỗi lần trừ %s", "%s, less %s each",
			x.labelled(n.Value), x.points(l.rule.Per))
	case criteria.CountRule:
		why = x.pick("%s, mỗi lần %s, tối đa %s", "%s at %s each, at most %s",
			x.labelled(n.Value), x.points(l.rule.Per), x.points(l.maxDec))
	case criteria.PointsRule:
		why = x.pick("điểm chấm %s", "points given %s", x.value(n.Value))
	case criteria.LevelsRule:
		why = x.pick("mức “%s”", "level “%s”", x.level(n.Value))
	}
	return why
}

// level writes a level's label.
func (x explainer) level(v criteria.Value) string {
	if i := v.Level(); i >= 0 && i < len(x.l.met.Levels) {
		return x.l.met.Levels[i]
	}
	return v.String()
}

type explainer struct {
	l    *leafPlan
	vi   bool
	lang criteria.Lang
}

// pick fills the Vietnamese or the English pattern; the patterns take only
// %s verbs.
func (x explainer) pick(vi, en string, args ...string) string {
	pat := en
	if x.vi {
		pat = vi
	}
	n := len(pat)
	for _, a := range args {
		n += len(a)
	}
	var b strings.Builder
	b.Grow(n)
	for _, a := range args {
		before, after, ok := strings.Cut(pat, "%s")
		if !ok {
			break
		}
		b.WriteString(before)
		b.WriteString(a)
		pat = after
	}
	b.WriteString(pat)
	return b.String()
}

// points writes an amount of points: "0,5 điểm", "1 point", "0.5 points".
func (x explainer) points(d decimal.Decimal) string {
	word := "điểm"
	if !x.vi {
		word = "points"
		if d.Equal(decimal.NewFromInt(1)) {
			word = "point"
		}
	}
	return criteria.FormatNumber(d, x.lang) + " " + word
}

func (x explainer) isPercent() bool { return x.l.met.Type == criteria.Percent }

// num writes a rule parameter in the metric's unit: "80%" or "3".
func (x explainer) num(d decimal.Decimal) string {
	s := criteria.FormatNumber(d, x.lang)
	if x.isPercent() {
		s += "%"
	}
	return s
}

// value writes the value read: a ratio to decimals+2 places, trailing zeros
// dropped.
func (x explainer) value(v criteria.Value) string {
	return x.num(v.Round(x.l.dec + 2))
}

// labelled writes the value with what it is: "tỷ lệ 87,5%", "số lượng 3".
func (x explainer) labelled(v criteria.Value) string {
	switch x.l.met.Type {
	case criteria.Percent:
		return x.pick("tỷ lệ %s", "rate %s", x.value(v))
	case criteria.Count:
		return x.pick("số lượng %s", "count %s", x.value(v))
	}
	return x.pick("giá trị %s", "value %s", x.value(v))
}

func (x explainer) boolean(v criteria.Value) string {
	name := lowerFirst(x.l.met.Name)
	if x.vi {
		if v.Bool() {
			return "có " + name
		}
		return "không " + name
	}
	if v.Bool() {
		return "yes (" + name + ")"
	}
	return "no (" + name + ")"
}

func (x explainer) bands(v criteria.Value, band int) string {
	if band < 0 || band >= len(x.l.rule.Bands) {
		return x.pick("%s không thuộc khoảng nào", "%s is in no band", x.labelled(v))
	}
	return x.pick("%s thuộc khoảng %s", "%s is in the band %s", x.labelled(v), x.words().bands[band])
}

// words returns the leaf's fixed phrases in x's language.
func (x explainer) words() *leafWords {
	i := 0
	if !x.vi {
		i = 1
	}
	l := x.l
	l.wordsOnce[i].Do(func() {
		w := &l.words[i]
		for _, b := range l.rule.Bands {
			w.bands = append(w.bands, x.band(b))
		}
		if l.hasBest {
			w.best, w.worst = x.value(l.best), x.value(l.worst)
			w.same = cmpValues(l.best, l.worst) == 0
		}
	})
	return &l.words[i]
}

// band writes a band's bounds as a criteria set words them: "từ 80% đến
// dưới 90%".
func (x explainer) band(b criteria.Band) string {
	var lo, hi string
	switch {
	case b.GTE.Valid:
		lo = x.pick("từ %s", "from %s", x.num(b.GTE.Decimal))
	case b.GT.Valid:
		lo = x.pick("trên %s", "over %s", x.num(b.GT.Decimal))
	}
	switch {
	case b.LT.Valid:
		hi = x.pick("dưới %s", "under %s", x.num(b.LT.Decimal))
	case b.LTE.Valid:
		hi = x.num(b.LTE.Decimal)
	}
	switch {
	case lo != "" && hi != "":
		return x.pick("%s đến %s", "%s to %s", lo, hi)
	case lo != "":
		return x.pick("%s trở lên", "%s or more", lo)
	case b.LTE.Valid:
		return x.pick("từ %s trở xuống", "%s or less", hi)
	case hi != "":
		return hi
	}
	return x.pick("mọi giá trị", "any value")
}

func (x explainer) relative(v criteria.Value) string {
	if !x.l.hasBest || x.l.best.Cmp(decimal.Zero) <= 0 {
		return x.pick("%s, cao nhất không lớn hơn 0", "%s, the best is not above 0", x.value(v))
	}
	return x.pick("%s so với cao nhất %s", "%s against the best %s", x.value(v), x.words().best)
}

func (x explainer) minmax(v criteria.Value) string {
	if !x.l.hasBest || x.words().same {
		return x.pick("mọi đơn vị cùng %s", "every unit has %s", x.value(v))
	}
	w := x.words()
	return x.pick("%s so với tốt nhất %s và kém nhất %s", "%s against the best %s and the worst %s",
		x.value(v), w.best, w.worst)
}

// lowerFirst lowers the first letter of a name used inside a sentence,
// unless it starts an acronym ("CCHC").
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}
