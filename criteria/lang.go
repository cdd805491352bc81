package criteria

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Lang is the language of text meant for people: explanations, rules in
// words, report labels.
type Lang string

// The languages parindex speaks.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

// FormatNumber writes d for people in lang, trailing zeros dropped: "87,5"
// in Vietnamese (comma as the decimal mark, "." between thousands),
// "87.5" in English (no thousands separator).
func FormatNumber(d decimal.Decimal, lang Lang) string {
	s := d.String()
	if lang != Vietnamese {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// FormatFixed writes d rounded to places, always showing them: "0,75" in
// Vietnamese, "0.75" in English.
func FormatFixed(d decimal.Decimal, places int32, lang Lang) string {
	s := d.StringFixed(places)
	if lang != Vietnamese {
		return s
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	out := FormatNumber(decimal.RequireFromString(intPart), lang)
	if strings.HasPrefix(intPart, "-") && !strings.HasPrefix(out, "-") {
		out = "-" + out // "-0" loses its sign as a decimal
	}
	if hasFrac {
		out += "," + frac
	}
	return out
}
