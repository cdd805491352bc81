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
	s = norm.NFC.String(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
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
