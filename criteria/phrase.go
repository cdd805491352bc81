package criteria

import (
	"strings"

	"github.com/shopspring/decimal"
)

// The one way parindex says things to people in both its languages: every
// phrase is written as a Vietnamese and an English pattern side by side,
// and the few things languages do differently (plurals, "and") are done
// here. criteria, scoring and report all word their text through it.

// Say fills the Vietnamese or the English pattern, as lang asks, with
// args in order. The patterns take only %s verbs, so a value can never be
// misread as a verb; Say is on the path of a million explanations and
// does not go through fmt.
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
