package criteria

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NameKey returns the form under which names are compared exactly: NFC,
// case folded, surrounding space trimmed and inner runs of space collapsed.
// "Thị xã  Điện Bàn" and "thị xã điện bàn" (in NFD) have the same key.
func NameKey(s string) string {
	if isKey(s) {
		return s // u00001, dien-ban: an id is most often its own key
	}
	s = norm.NFC.String(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// isKey reports whether s is ASCII that NameKey leaves as it is: no
// capital, no control character, single spaces only between words.
func isKey(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c < ' ' || c == 0x7f || 'A' <= c && c <= 'Z' || c == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// LooseKey returns the form under which names are compared when no exact
// match exists: NameKey without Vietnamese diacritics, đ read as d, so
// "Dien Ban" finds "Điện Bàn".
func LooseKey(s string) string {
	key := NameKey(s)
	ascii := true
	for i := 0; i < len(key); i++ {
		if key[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return key
	}
	var b strings.Builder
	b.Grow(len(key))
	// Decompose, then drop the combining marks: "ệ" is e + ̣ + ̂ in NFD.
	for _, r := range norm.NFD.String(key) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// EditDistance returns the Damerau–Levenshtein distance of a and b in
// runes — an adjacent transposition ("Tam Kỳ" typed "Tma Kỳ") is one edit —
// or -1 when it is over limit. It is how parindex finds the word a typo
// meant, in criteria.yaml keys and in unit names alike.
func EditDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return -1
	}
	before := make([]int, len(rb)+1) // row i−2, for transpositions
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return -1 // every later row is at least this far
		}
		before, prev, cur = prev, cur, before
	}
	if prev[len(rb)] > limit {
		return -1
	}
	return prev[len(rb)]
}

// unitKinds are the words a unit's name starts with to say what kind of
// unit it is, longest first.
var unitKinds = []string{"Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Huyện ", "Phường ", "Quận ", "Xã ", "Sở "}

// ShortUnitName returns name without the word that says what kind of unit
// it is: "Thành phố Tam Kỳ" is "Tam Kỳ", "Huyện Núi Thành" is "Núi
// Thành". A name that is only such a word, or starts with none, is
// returned as it is.
func ShortUnitName(name string) string {
	n := norm.NFC.String(strings.TrimSpace(name))
	for _, k := range unitKinds {
		if len(n) > len(k) && strings.EqualFold(n[:len(k)], k) {
			return strings.TrimSpace(n[len(k):])
		}
	}
	return name
}
