package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSheetName is Excel's limit on a sheet name's length.
const maxSheetName = 31

// sheetNames hands out worksheet names that Excel accepts and that differ
// from every name given before, ignoring case as Excel does.
type sheetNames struct{ used map[string]bool }

func newSheetNames(taken ...string) *sheetNames {
	s := &sheetNames{used: map[string]bool{}}
	for _, t := range taken {
		s.used[strings.ToLower(t)] = true
	}
	return s
}

// name returns a valid, unused sheet name made from want: the characters
// []:*?/\ replaced, NFC, at most 31 characters, and " (2)", " (3)"…
// appended, the name shortened to make room, when it is taken.
func (s *sheetNames) name(want string) string {
	base := cleanSheetName(want)
	for n := 1; ; n++ {
		cand := base
		if n > 1 {
			suffix := fmt.Sprintf(" (%d)", n)
			cand = truncateRunes(base, maxSheetName-utf8.RuneCountInString(suffix)) + suffix
		}
		if key := strings.ToLower(cand); !s.used[key] {
			s.used[key] = true
			return cand
		}
	}
}

// cleanSheetName makes want acceptable as a sheet name.
func cleanSheetName(want string) string {
	r := strings.NewReplacer("[", "(", "]", ")", ":", "-", "*", "-", "?", "", "/", "-", "\\", "-")
	name := strings.Join(strings.Fields(r.Replace(norm.NFC.String(want))), " ")
	name = strings.Trim(truncateRunes(name, maxSheetName), "' ")
	if name == "" || strings.EqualFold(name, "History") {
		name = "_" + name
	}
	return name
}

// truncateRunes keeps the first n runes of s.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
