package criteria

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
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
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, NameKey(s))
	if err != nil {
		out = NameKey(s)
	}
	return strings.NewReplacer("đ", "d", "Đ", "d").Replace(out)
}
