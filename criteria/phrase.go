package criteria

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The one way parindex says things to people in both its languages: every
// phrase is written as a Vietnamese and an English pattern side by side,
// and the few things languages do differently (plurals, "and") are done
// here. criteria, scoring and report all word their text through it.

// Say fills the Vietnamese or the English pattern, as lang asks, with
// args: each %s takes the next, and %[n]s the n-th, for a language that
// orders the parts otherwise. The patterns take no other verb, so a value
// can never be misread as one; Say is on the path of a million
// explanations and does not go through fmt.
func Say(lang Lang, vi, en string, args ...string) string {
	pat := en
	if lang == Vietnamese {
		pat = vi
	}
	n := len(pat)
	for _, a := range args {
		n += len(a)
	}
	var b strings.Builder
	b.Grow(n)
	next := 0
	for {
		i := strings.IndexByte(pat, '%')
		if i < 0 || i+1 >= len(pat) {
			break
		}
		b.WriteString(pat[:i])
		pat = pat[i+1:]
		at := next
		if pat[0] == '[' && len(pat) >= 4 && pat[1] >= '1' && pat[1] <= '9' && pat[2] == ']' {
			at, pat = int(pat[1]-'1'), pat[3:]
		}
		if pat[0] != 's' {
			b.WriteByte('%')
			continue
		}
		pat = pat[1:]
		if at < len(args) {
			b.WriteString(args[at])
		}
		next = at + 1
	}
	b.WriteString(pat)
	return b.String()
}

// Capitalize upper-cases the first letter of s, to start a sentence.
func Capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// Plural returns one when n is exactly 1 in English, many otherwise;
// Vietnamese nouns do not change, and vi is returned.
func Plural(lang Lang, n decimal.Decimal, vi, one, many string) string {
	switch {
	case lang == Vietnamese:
		return vi
	case n.Equal(one1):
		return one
	}
	return many
}

var one1 = decimal.NewFromInt(1)

// PointsText writes an amount of points: "0,5 điểm", "1 point", "2 points".
func PointsText(d decimal.Decimal, lang Lang) string {
	return FormatNumber(d, lang) + " " + Plural(lang, d, "điểm", "point", "points")
}

// JoinAnd lists items as a sentence does: "a, b và c", "a, b and c".
func JoinAnd(lang Lang, items []string) string {
	and := Say(lang, " và ", " and ")
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}

// CriteriaList names criteria by code: "tiêu chí 1.1", "tiêu chí 1.1 và
// 1.2", "criterion 1.1", "criteria 1.1 and 1.2".
func CriteriaList(codes []string, lang Lang) string {
	word := Say(lang, "tiêu chí", "criterion")
	if len(codes) > 1 {
		word = Say(lang, "tiêu chí", "criteria")
	}
	return word + " " + JoinAnd(lang, codes)
}

// GateText says what a node's requires: ask (SPEC §8.3): "chỉ chấm khi
// tiêu chí 1.1 đạt điểm".
func GateText(codes []string, lang Lang) string {
	return Say(lang, "chỉ chấm khi %s đạt điểm", "scored only if %s earns points", CriteriaList(codes, lang))
}

// NAText says what an N/A value earns under policy p: "không phát sinh:
// được điểm tối đa".
func NAText(p NAPolicy, lang Lang) string {
	switch p {
	case NAFull:
		return Say(lang, "không phát sinh: được điểm tối đa", "if N/A: full points")
	case NAZero:
		return Say(lang, "không phát sinh: 0 điểm", "if N/A: 0 points")
	}
	return Say(lang, "không phát sinh: không tính điểm", "if N/A: not scored")
}

// ShownAsPercent reports whether m's values are percentages for people: a
// percent, or a derived ratio (a sum over a sum, times 100) of any type.
func (m *Metric) ShownAsPercent() bool { return m.Type == Percent || m.Ratio != nil }

// eachOf names one item a count metric counts, for "mỗi …": a name that
// starts "Số" or "Số lượng" ("Số báo cáo CCHC gửi trễ hạn") counts what
// follows ("báo cáo CCHC gửi trễ hạn"), and a name already in lower case
// reads as it is; any other name is quoted whole. In English the name,
// Vietnamese, is quoted as what counts them: "one counted in “Số …”".
func eachOf(name string, lang Lang) string {
	if lang == Vietnamese {
		for _, p := range []string{"Số lượng ", "số lượng ", "Số ", "số "} {
			if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
				return rest
			}
		}
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsLower(r) {
			return name
		}
		return "“" + name + "”"
	}
	return "one counted in “" + name + "”" // "for each one counted in “Số …”"
}
