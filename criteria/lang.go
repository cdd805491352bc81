package criteria

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"parindex/internal/exact"
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
	if c, e, ok := small(d); ok {
		return formatScaled(c, e, lang)
	}
	digits, frac, neg := plain(d, -1)
	return format(digits, frac, neg, lang)
}

// formatScaled is FormatNumber of c × 10^e.
func formatScaled(c int64, e int32, lang Lang) string {
	if c >= 0 && c < numbersCached && e <= 0 && e > -int32(len(numberCache[0])) {
		return cachedNumber(c, -e, lang)
	}
	if e <= 0 {
		digits, frac, neg := plainScaled(c, e)
		return format(digits, frac, neg, lang)
	}
	digits, frac, neg := plain(decimal.New(c, e), -1)
	return format(digits, frac, neg, lang)
}

// numbersCached bounds the coefficients whose wording is kept: every
// point, maximum and index up to 100 at two decimals. The explanations of
// a large assessment say a few thousand numbers a million times over.
const numbersCached = 10001

// numberCache holds, by language (English, Vietnamese) and by the count
// of decimals, the wording of each coefficient below numbersCached, each
// word made the first time it is said: the 18 units of a province need
// only a few.
var numberCache [2][4]struct {
	once  sync.Once
	words []atomic.Pointer[string]
}

// cachedNumber is FormatNumber of c × 10^-places from numberCache.
func cachedNumber(c int64, places int32, lang Lang) string {
	l := 0
	if lang == Vietnamese {
		l = 1
	}
	t := &numberCache[l][places]
	t.once.Do(func() { t.words = make([]atomic.Pointer[string], numbersCached) })
	if s := t.words[c].Load(); s != nil {
		return *s
	}
	digits, frac, neg := plain(decimal.New(c, -places), -1)
	s := format(digits, frac, neg, lang)
	t.words[c].Store(&s) // two goroutines may both store it: the same words
	return s
}

// FormatFixed writes d rounded half away from zero to places, always
// showing them: "0,75" in Vietnamese, "0.75" in English.
func FormatFixed(d decimal.Decimal, places int32, lang Lang) string {
	digits, frac, neg := plain(d, places)
	return format(digits, frac, neg, lang)
}

// plain returns d's digits and how many of them are decimals: rounded to
// places when places ≥ 0, with trailing fractional zeros dropped when
// places < 0. A zero result has no sign. Explanations and the JSON result
// format a million numbers, so small coefficients avoid math/big.
func plain(d decimal.Decimal, places int32) (digits string, frac int, neg bool) {
	c, e, ok := small(d)
	switch {
	case ok && places >= 0 && e >= -places && places+e <= 18-int32(exact.Digits(c)):
		return fixedDigits(c*exact.Pow10[places+e], places)
	case ok && places < 0 && e <= 0:
		return plainScaled(c, e)
	}
	var s string
	if places >= 0 {
		s = d.StringFixed(places)
	} else {
		s = d.String()
	}
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	intPart, fracPart, _ := strings.Cut(s, ".")
	if strings.Trim(intPart+fracPart, "0") == "" {
		neg = false
	}
	return intPart + fracPart, len(fracPart), neg
}

// plainScaled is plain of c × 10^e, e ≤ 0, with its trailing fractional
// zeros dropped.
func plainScaled(c int64, e int32) (digits string, frac int, neg bool) {
	for e < 0 && c%10 == 0 {
		c /= 10
		e++
	}
	return fixedDigits(c, -e)
}

// fixedDigits returns the digits of c × 10^-places, at least places+1 of
// them, for plain.
func fixedDigits(c int64, places int32) (digits string, frac int, neg bool) {
	neg = c < 0
	u := uint64(c)
	if neg {
		u = uint64(-c)
	}
	var buf [24]byte
	b := strconv.AppendUint(buf[:0], u, 10)
	if pad := int(places) + 1 - len(b); pad > 0 {
		b = append([]byte(strings.Repeat("0", pad)), b...)
	}
	return string(b), int(places), neg && u != 0
}

// format writes digits, the last frac of them decimals, in lang's style.
func format(digits string, frac int, neg bool, lang Lang) string {
	intPart, fracPart := digits[:len(digits)-frac], digits[len(digits)-frac:]
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3 + 2)
	if neg {
		b.WriteByte('-')
	}
	if lang != Vietnamese {
		b.WriteString(intPart)
		if frac > 0 {
			b.WriteByte('.')
			b.WriteString(fracPart)
		}
		return b.String()
	}
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(intPart[i])
	}
	if frac > 0 {
		b.WriteByte(',')
		b.WriteString(fracPart)
	}
	return b.String()
}

// small returns d's coefficient and exponent when the coefficient surely
// fits in an int64.
func small(d decimal.Decimal) (int64, int32, bool) {
	c, ok := exact.Coef(d)
	return c, d.Exponent(), ok
}
