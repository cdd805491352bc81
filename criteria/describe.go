package criteria

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Describe says in words how n scores, in lang, for the criteria listing
// and the report: "có Ban hành kế hoạch CCHC đúng hạn: 1 điểm" for a
// boolean leaf, "tổng các tiêu chí thành phần, tối đa 5 điểm" for a capped
// parent. s supplies the metrics' names; without it the ids are used.
func (n *Node) Describe(s *Set, lang Lang) string {
	if lang != Vietnamese {
		lang = English
	}
	if n.Rule == nil {
		if len(n.Children) == 0 {
			return ""
		}
		text := words[lang].sum
		if n.Capped() {
			text += ", " + fmt.Sprintf(words[lang].atMost, points(n.Max, lang))
		}
		return text
	}
	r := n.Rule
	name, unit := r.Metric, ""
	if s != nil {
		if m := s.Metric(r.Metric); m != nil {
			name = m.Name
			if m.Type == Percent {
				unit = "%"
			}
		}
	}
	w := words[lang]
	num := func(d decimal.Decimal) string { return FormatNumber(d, lang) }
	switch r.Type {
	case BooleanRule:
		zero := points(decimal.Zero, lang)
		if r.Expect {
			return fmt.Sprintf(w.yes, name, points(n.Max, lang), zero)
		}
		return fmt.Sprintf(w.no, name, points(n.Max, lang), zero)
	case BandsRule:
		parts := make([]string, len(r.Bands))
		for i, b := range r.Bands {
			parts[i] = bandWords(b, unit, lang) + ": " + points(b.Points, lang)
		}
		return name + ": " + strings.Join(parts, "; ")
	case LinearRule:
		return fmt.Sprintf(w.linear, num(n.Max), name, num(r.From), num(r.To), num(r.From), num(n.Max))
	case RelativeRule:
		return fmt.Sprintf(w.relative, num(n.Max), name)
	case MinMaxRule:
		if r.Lower {
			return fmt.Sprintf(w.minmaxLower, num(n.Max), name)
		}
		return fmt.Sprintf(w.minmax, num(n.Max), name)
	case DeductionRule:
		return fmt.Sprintf(w.deduction, points(n.Max, lang), points(r.Per, lang), name)
	case CountRule:
		return fmt.Sprintf(w.count, points(r.Per, lang), name, points(n.Max, lang))
	case PointsRule:
		return fmt.Sprintf(w.points, name, points(n.Max, lang))
	case LevelsRule:
		var labels []string
		if s != nil {
			if m := s.Metric(r.Metric); m != nil {
				labels = m.Levels
			}
		}
		if len(labels) != len(r.Levels) {
			return name
		}
		parts := make([]string, len(labels))
		for i, l := range labels {
			parts[i] = l + ": " + points(r.Levels[i], lang)
		}
		return name + ": " + strings.Join(parts, "; ")
	}
	return ""
}

// phrases are the words of Describe in one language.
type phrases struct {
	sum, atMost                  string
	yes, no                      string
	linear, relative             string
	minmax, minmaxLower          string
	deduction, count, points     string
	point, pointsWord            string
	gte, gt, lte, lt, eq, always string
	gteLT, gteLTE, gtLT, gtLTE   string
}

var words = map[Lang]phrases{
	Vietnamese: {
		sum:         "tổng các tiêu chí thành phần",
		atMost:      "tối đa %s",
		yes:         "%s: có %s, không %s",
		no:          "%s: không %s, có %s",
		linear:      "Điểm = %s × (%s − %s) ÷ (%s − %s), trong khoảng 0–%s",
		relative:    "Điểm = %s × %s so với đơn vị cao nhất",
		minmax:      "Điểm = %s × (%s − thấp nhất) ÷ (cao nhất − thấp nhất), so với các đơn vị",
		minmaxLower: "Điểm = %s × (cao nhất − %s) ÷ (cao nhất − thấp nhất), so với các đơn vị, càng thấp càng tốt",
		deduction:   "%s, trừ %s cho mỗi %s, tối thiểu 0",
		count:       "%s cho mỗi %s, tối đa %s",
		points:      "điểm chấm trực tiếp (%s), tối đa %s",
		point:       "điểm",
		pointsWord:  "điểm",
		gte:         "từ %s trở lên",
		gt:          "trên %s",
		lte:         "không quá %s",
		lt:          "dưới %s",
		eq:          "bằng %s",
		always:      "còn lại",
		gteLT:       "từ %s đến dưới %s",
		gteLTE:      "từ %s đến %s",
		gtLT:        "trên %s đến dưới %s",
		gtLTE:       "trên %s đến %s",
	},
	English: {
		sum:         "sum of the sub-criteria",
		atMost:      "at most %s",
		yes:         "%s: yes %s, no %s",
		no:          "%s: no %s, yes %s",
		linear:      "Points = %s × (%s − %s) ÷ (%s − %s), between 0 and %s",
		relative:    "Points = %s × %s relative to the highest unit",
		minmax:      "Points = %s × (%s − lowest) ÷ (highest − lowest) across units",
		minmaxLower: "Points = %s × (highest − %s) ÷ (highest − lowest) across units, lower is better",
		deduction:   "%s, less %s for each %s, at least 0",
		count:       "%s for each %s, at most %s",
		points:      "points given directly (%s), at most %s",
		point:       "point",
		pointsWord:  "points",
		gte:         "%s or more",
		gt:          "above %s",
		lte:         "%s or less",
		lt:          "below %s",
		eq:          "exactly %s",
		always:      "otherwise",
		gteLT:       "from %s to below %s",
		gteLTE:      "from %s to %s",
		gtLT:        "above %s and below %s",
		gtLTE:       "above %s up to %s",
	},
}

// points writes an amount of points: "0,5 điểm", "1 point", "2 points".
func points(d decimal.Decimal, lang Lang) string {
	w := words[lang]
	word := w.pointsWord
	if d.Equal(decimal.NewFromInt(1)) {
		word = w.point
	}
	return FormatNumber(d, lang) + " " + word
}

// bandWords says which values a band holds: "từ 1% đến dưới 3%".
func bandWords(b Band, unit string, lang Lang) string {
	w := words[lang]
	f := func(d decimal.NullDecimal) string { return FormatNumber(d.Decimal, lang) + unit }
	switch {
	case b.GTE.Valid && b.LTE.Valid && b.GTE.Decimal.Equal(b.LTE.Decimal):
		return fmt.Sprintf(w.eq, f(b.GTE))
	case b.GTE.Valid && b.LT.Valid:
		return fmt.Sprintf(w.gteLT, f(b.GTE), f(b.LT))
	case b.GTE.Valid && b.LTE.Valid:
		return fmt.Sprintf(w.gteLTE, f(b.GTE), f(b.LTE))
	case b.GT.Valid && b.LT.Valid:
		return fmt.Sprintf(w.gtLT, f(b.GT), f(b.LT))
	case b.GT.Valid && b.LTE.Valid:
		return fmt.Sprintf(w.gtLTE, f(b.GT), f(b.LTE))
	case b.GTE.Valid:
		return fmt.Sprintf(w.gte, f(b.GTE))
	case b.GT.Valid:
		return fmt.Sprintf(w.gt, f(b.GT))
	case b.LTE.Valid:
		return fmt.Sprintf(w.lte, f(b.LTE))
	case b.LT.Valid:
		return fmt.Sprintf(w.lt, f(b.LT))
	}
	return w.always
}
