package criteria

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"parindex/internal/exact"
)

// one is shared: decimals are immutable, and Fraction is on the scoring
// hot path, where a fresh 1 per call cost a million allocations.
var (
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
)

type valueKind uint8

const (
	missing valueKind = iota
	notApplicable
	number
	boolean
	level
)

// Value is one metric value for one unit: a number, a yes/no, or not
// applicable (N/A, "không phát sinh"). A derived ratio keeps its exact
// fraction, so that it is compared with band bounds without rounding.
// The zero Value is missing: no value was given.
//
// A number whose digits fit a machine word is held as coef × 10^exp in
// the Value itself, 24 bytes with nothing on the heap: a table of 10,000
// units × 100 metrics is read, copied and scored a million values at a
// time. Any other number, and a fraction, is held exactly behind big.
type Value struct {
	kind valueKind
	b    bool
	frac bool  // a small fraction: coef ÷ exp, both whole numbers
	exp  int32 // a small number: its exponent; a small fraction: its denominator; a level: the index of its label in the metric's Levels
	coef int64 // a small number: its coefficient; a small fraction: its numerator
	big  *bigValue
}

// bigValue is a number that does not fit Value's machine words, or the
// fraction num/den.
type bigValue struct {
	num, den decimal.Decimal
	frac     bool // den is set
}

// Num returns the number d.
func Num(d decimal.Decimal) Value {
	if c, ok := exact.Coef(d); ok {
		return Value{kind: number, coef: c, exp: d.Exponent()}
	}
	return Value{kind: number, big: &bigValue{num: d}}
}

// Scaled returns the number c × 10^exp.
func Scaled(c int64, exp int32) Value { return Value{kind: number, coef: c, exp: exp} }

// Frac returns the exact fraction num/den; den must not be zero.
func Frac(num, den decimal.Decimal) Value {
	if den.IsZero() {
		panic("criteria.Frac: zero denominator")
	}
	if den.Equal(one) {
		return Num(num)
	}
	return Value{kind: number, big: &bigValue{num: num, den: den, frac: true}}
}

// FracInt returns the exact fraction num/den of whole numbers; den must
// not be zero. A derived ratio of counts is one, for every unit.
func FracInt(num, den int64) Value {
	switch {
	case den == 0:
		panic("criteria.FracInt: zero denominator")
	case den == 1:
		return Scaled(num, 0)
	case den >= math.MinInt32+1 && den <= math.MaxInt32:
		return Value{kind: number, frac: true, coef: num, exp: int32(den)}
	}
	return Frac(decimal.NewFromInt(num), decimal.NewFromInt(den))
}

// Int returns a whole number that fits an int64; ok is false for anything
// else, a fraction included.
func (v Value) Int() (n int64, ok bool) {
	if v.kind != number || v.big != nil || v.frac || v.exp < 0 || v.exp > 18 {
		return 0, false
	}
	return exact.Mul(v.coef, exact.Pow10[v.exp])
}

// num returns a number's numerator: the number itself unless it is a
// fraction.
func (v Value) num() decimal.Decimal {
	switch {
	case v.big != nil:
		return v.big.num
	case v.frac:
		return decimal.NewFromInt(v.coef)
	}
	return decimal.New(v.coef, v.exp)
}

// isFrac reports whether v is a fraction, whose den is not 1.
func (v Value) isFrac() bool { return v.frac || v.big != nil && v.big.frac }

// BoolValue returns the yes/no value b.
func BoolValue(b bool) Value { return Value{kind: boolean, b: b} }

// LevelValue returns the level whose label is the metric's Levels[i].
func LevelValue(i int) Value { return Value{kind: level, exp: int32(i)} }

// IsLevel reports whether v is a level.
func (v Value) IsLevel() bool { return v.kind == level }

// Level returns a level's index in its metric's Levels; -1 for any other
// kind of value.
func (v Value) Level() int {
	if v.kind != level {
		return -1
	}
	return int(v.exp)
}

// NA returns the not-applicable value.
func NA() Value { return Value{kind: notApplicable} }

// IsMissing reports whether v is the zero Value: nothing was given.
func (v Value) IsMissing() bool { return v.kind == missing }

// IsNA reports whether v is not applicable.
func (v Value) IsNA() bool { return v.kind == notApplicable }

// IsNumber reports whether v is a number.
func (v Value) IsNumber() bool { return v.kind == number }

// IsBool reports whether v is a yes/no.
func (v Value) IsBool() bool { return v.kind == boolean }

// Bool returns a yes/no value; false for any other kind.
func (v Value) Bool() bool { return v.b }

// Fraction returns a number as the exact fraction num/den (den is 1 for a
// plain number).
func (v Value) Fraction() (num, den decimal.Decimal) {
	switch {
	case v.frac:
		return decimal.NewFromInt(v.coef), decimal.NewFromInt(int64(v.exp))
	case !v.isFrac():
		return v.num(), one
	}
	return v.big.num, v.big.den
}

// Q returns a number as an exact rational in machine words; its OK is
// false when it does not fit, or v is not a number.
func (v Value) Q() exact.Q {
	switch {
	case v.kind != number:
		return exact.Q{}
	case v.frac:
		n, d := v.coef, int64(v.exp)
		if d < 0 {
			if n == math.MinInt64 {
				return exact.Q{}
			}
			n, d = -n, -d
		}
		return exact.Q{N: n, D: d, OK: true}
	case v.big == nil:
		return exact.Pow(v.coef, v.exp)
	case !v.big.frac:
		return exact.Dec(v.big.num)
	}
	return exact.Frac(v.big.num, v.big.den)
}

// Rat returns a number as an exact rational.
func (v Value) Rat() *big.Rat {
	n, d := v.Fraction()
	return new(big.Rat).Quo(n.Rat(), d.Rat())
}

// Cmp compares a number with d exactly: -1, 0 or +1.
func (v Value) Cmp(d decimal.Decimal) int {
	// Every value of a large table is compared with its bounds: in machine
	// words when both fit, as decimal.Cmp rescales on the heap.
	if v.kind == number {
		if a, b := v.Q(), exact.Dec(d); a.OK && b.OK {
			return exact.Cmp(a, b)
		}
	}
	if !v.isFrac() {
		return v.num().Cmp(d)
	}
	// num/den ? d  ⇔  num ? d×den, den > 0
	num, den := v.Fraction()
	c := num.Cmp(d.Mul(den))
	if den.Sign() < 0 {
		c = -c
	}
	return c
}

// Round returns a number rounded half away from zero to places.
// A number that already has at most places decimals is returned as it is.
func (v Value) Round(places int32) decimal.Decimal {
	if c, e, ok := v.rounded(places); ok {
		return decimal.New(c, e)
	}
	if !v.isFrac() {
		return v.num().Round(places)
	}
	num, den := v.Fraction()
	return num.DivRound(den, places)
}

// RoundText writes Round(places) as FormatNumber does: "87,5".
func (v Value) RoundText(places int32, lang Lang) string {
	if c, e, ok := v.rounded(places); ok {
		return formatScaled(c, e, lang)
	}
	return FormatNumber(v.Round(places), lang)
}

// rounded is Round as c × 10^e in machine words: the explanations and the
// JSON result round a million values. ok is false when they do not fit.
func (v Value) rounded(places int32) (c int64, e int32, ok bool) {
	var cn, cd int64
	var en, ed int32
	switch {
	case v.kind != number || places < 0:
		return 0, 0, false
	case v.big == nil && !v.frac:
		if v.exp >= -places {
			return v.coef, v.exp, true
		}
		cn, en, cd = v.coef, v.exp, 1
	case v.frac:
		cn, cd = v.coef, int64(v.exp)
	default:
		var okn, okd bool
		cn, en, okn = small(v.big.num)
		cd, ed, okd = 1, 0, true
		if v.big.frac {
			cd, ed, okd = small(v.big.den)
		}
		if !okn || !okd || cd == 0 {
			return 0, 0, false
		}
	}
	// cn×10^en ÷ (cd×10^ed) to places: (cn × 10^k) ÷ cd, k = en − ed + places.
	k := en - ed + places
	if k < 0 { // ÷ 10^-k: into the denominator
		if k < -18 {
			return 0, 0, false
		}
		var fits bool
		if cd, fits = exact.Mul(cd, exact.Pow10[-k]); !fits {
			return 0, 0, false
		}
		k = 0
	}
	if cn == math.MinInt64 || cd == math.MinInt64 || int32(exact.Digits(cn))+k > 18 {
		return 0, 0, false
	}
	n := cn * exact.Pow10[k]
	if cd < 0 {
		n, cd = -n, -cd
	}
	q, r := n/cd, n%cd
	if r < 0 {
		r = -r
	}
	if r >= cd-r { // half away from zero: 2r ≥ cd without overflow
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return q, -places, true
}

// String renders v for the JSON result and messages: "true", "false",
// "N/A", or the number; a fraction to 6 places.
func (v Value) String() string {
	switch v.kind {
	case notApplicable:
		return "N/A"
	case boolean:
		if v.b {
			return "true"
		}
		return "false"
	case level:
		return "level " + strconv.Itoa(int(v.exp)+1)
	case number:
		switch {
		case v.big == nil && !v.frac:
			return formatScaled(v.coef, v.exp, English)
		case !v.isFrac():
			return FormatNumber(v.big.num, English)
		}
		return v.RoundText(6, English)
	}
	return ""
}

// Parse reads a value of m's type from the text of a cell, as SPEC §4 says:
// "." as the decimal mark, an optional trailing "%" on a percent, true/false,
// yes/no, có/không, đạt/không đạt, Đ/KĐ, 1/0 and x for a bool, and N/A, KPS or "-" for not
// applicable (NA too, as officers often write it). Text of only spaces is missing; Parse returns m's default for
// it, or the zero Value when m has none.
func (m *Metric) Parse(text string) (Value, error) {
	s := strings.TrimSpace(norm.NFC.String(text)) // "có" typed on a Mac is NFD
	if s == "" {
		if m.Default != nil {
			return *m.Default, nil
		}
		return Value{}, nil
	}
	if IsNAText(s) {
		return NA(), nil
	}
	if m.Type == Level {
		return m.parseLevel(s, text)
	}
	if m.Type == Bool {
		switch strings.ToLower(s) {
		case "true", "yes", "có", "1", "x", "đạt", "đ":
			return BoolValue(true), nil
		case "false", "no", "không", "0", "không đạt", "kđ":
			return BoolValue(false), nil
		}
		return Value{}, fmt.Errorf("%s is not a yes/no value (use có/không, đạt/không đạt, true/false, 1/0 or x)", Quote(text))
	}
	num := s
	if m.Type == Percent {
		num = strings.TrimSpace(strings.TrimSuffix(num, "%"))
	}
	if strings.Contains(num, ",") {
		return Value{}, fmt.Errorf("%s is not a number (%s)", Quote(text), commaAdvice(num))
	}
	if whole, ok := thousandsDots(num, m.Type); ok {
		return Value{}, fmt.Errorf("%s looks like it has a thousands separator (.): write %s", Quote(text), Short(whole))
	}
	d, err := decimal.NewFromString(num)
	if err != nil || strings.ContainsAny(num, "eEpP_") {
		return Value{}, fmt.Errorf("%s is not a number", Quote(text))
	}
	return m.check(Num(d), text)
}

// check validates a number against m's type.
func (m *Metric) check(v Value, text string) (Value, error) {
	d := v.num()
	switch m.Type {
	case Count:
		if d.Sign() < 0 || !d.IsInteger() {
			return Value{}, fmt.Errorf("%s is not a count (a whole number, 0 or more)", Quote(text))
		}
	case Percent:
		if d.Sign() < 0 || d.GreaterThan(hundred) {
			return Value{}, fmt.Errorf("%s is not a percentage between 0 and 100", Quote(text))
		}
	}
	return v, nil
}

// CheckNumber validates a number read from a numeric workbook cell against
// m's type, as Parse does for text.
func (m *Metric) CheckNumber(d decimal.Decimal, text string) (Value, error) {
	if m.Type == Level {
		return m.parseLevel(strings.TrimSpace(text), text)
	}
	if m.Type == Bool {
		switch {
		case d.Equal(one):
			return BoolValue(true), nil
		case d.IsZero():
			return BoolValue(false), nil
		}
		return Value{}, fmt.Errorf("%s is not a yes/no value (use có/không, true/false, 1/0 or x)", Quote(text))
	}
	return m.check(Num(d), text)
}

// thousandsDots reports whether s looks like a whole number written with
// Vietnamese thousands dots, 1.200 or 1.200.000, and returns it without
// them. One dot is read so only for a count, which can hold no fraction
// (1.000 would otherwise read as 1); two or more dots cannot be a decimal
// mark, so they are read so for every type.
func thousandsDots(s string, t MetricType) (string, bool) {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	groups := strings.Split(s, ".")
	if len(groups) < 2 || len(groups) == 2 && t != Count || strings.HasPrefix(groups[0], "0") {
		return "", false // 0.000 is zero written with decimals, not thousands
	}
	for i, g := range groups {
		if len(g) == 0 || len(g) > 3 || i > 0 && len(g) != 3 ||
			strings.IndexFunc(g, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return "", false
		}
	}
	if sign == "+" {
		sign = ""
	}
	return sign + strings.Join(groups, ""), true
}

// commaAdvice says whether a comma in a number looks like a decimal comma or
// a thousands separator.
func commaAdvice(s string) string {
	parts := strings.Split(strings.TrimLeft(s, "+-"), ",")
	thousands := len(parts) > 1 && len(parts[0]) >= 1 && len(parts[0]) <= 3
	for _, p := range parts[1:] {
		if len(p) != 3 || strings.Contains(p, ".") && p != parts[len(parts)-1] {
			thousands = false
		}
	}
	if last := parts[len(parts)-1]; len(last) > 3 && strings.Contains(last, ".") && len(strings.SplitN(last, ".", 2)[0]) == 3 {
		thousands = true
	}
	if thousands {
		return "a comma looks like a thousands separator here: write the number without it"
	}
	return "use . as the decimal mark"
}

// parseLevel finds the label s names, as SPEC §8.2 says: ignoring case,
// surrounding space and normalisation form; then, when nothing matched,
// ignoring diacritics if that finds exactly one label.
func (m *Metric) parseLevel(s, text string) (Value, error) {
	if i := m.LevelIndex(s); i >= 0 {
		return LevelValue(i), nil
	}
	return Value{}, fmt.Errorf("%q is not one of the levels %s", text, m.levelList())
}

// LevelIndex returns the index of the label of m that s names, or -1: an
// exact match ignoring case, space and normalisation first, then one
// without diacritics when exactly one label has it.
func (m *Metric) LevelIndex(s string) int {
	key := NameKey(s)
	for i, l := range m.Levels {
		if NameKey(l) == key {
			return i
		}
	}
	loose, found := LooseKey(s), -1
	for i, l := range m.Levels {
		if LooseKey(l) == loose {
			if found >= 0 {
				return -1 // "chậm" and "chăm" both read "cham": ask for the marks
			}
			found = i
		}
	}
	return found
}

// levelList writes m's labels for messages: "đúng hạn", "chậm", "không ban hành".
func (m *Metric) levelList() string {
	const most = 12 // past that a message names the first and counts the rest
	q := make([]string, 0, min(len(m.Levels), most+1))
	for i, l := range m.Levels {
		if i == most {
			q = append(q, "and "+strconv.Itoa(len(m.Levels)-most)+" more")
			break
		}
		q = append(q, Quote(l))
	}
	return strings.Join(q, ", ")
}

// IsNAText reports whether s is one of the ways of writing N/A: N/A, NA,
// KPS or "-", in any case, with surrounding space.
func IsNAText(s string) bool {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "N/A", "NA", "KPS", "-":
		return true
	}
	return false
}

// Label returns the label of a level value of m, "" for any other value:
// what a person reads where the engine holds the level's index.
func (m *Metric) Label(v Value) string {
	if i := v.Level(); m != nil && i >= 0 && i < len(m.Levels) {
		return m.Levels[i]
	}
	return ""
}
