package metrics

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"parindex/criteria"
)

// Matcher finds a unit by its id, name or one of its aliases (SPEC §3).
// It is safe for concurrent use.
type Matcher struct {
	units []*criteria.Unit
	exact map[string][]*criteria.Unit

	// The loose index is built on the first name that has no exact match:
	// most files name every unit exactly, and a loose key costs far more
	// than an exact one.
	looseOnce sync.Once
	loose     map[string][]*criteria.Unit
	looseKeys [][]string // by unit, the loose keys of its names
}

// NewMatcher indexes units by the key of their id, name and aliases.
func NewMatcher(units []*criteria.Unit) *Matcher {
	m := &Matcher{units: units, exact: make(map[string][]*criteria.Unit, 3*len(units))}
	for _, u := range units {
		for _, n := range unitNames(u) {
			k := criteria.NameKey(n)
			m.exact[k] = appendUnit(m.exact[k], u)
		}
	}
	return m
}

// buildLoose indexes the units by the loose keys of their names.
func (m *Matcher) buildLoose() {
	m.loose = make(map[string][]*criteria.Unit, 3*len(m.units))
	m.looseKeys = make([][]string, len(m.units))
	for i, u := range m.units {
		for _, n := range unitNames(u) {
			k := criteria.LooseKey(n)
			m.loose[k] = appendUnit(m.loose[k], u)
			m.looseKeys[i] = append(m.looseKeys[i], k)
		}
	}
}

func unitNames(u *criteria.Unit) []string {
	return append([]string{u.ID, u.Name}, u.Aliases...)
}

// appendUnit adds u to us unless it is there already: a unit whose name
// and alias share a key must not look ambiguous.
func appendUnit(us []*criteria.Unit, u *criteria.Unit) []*criteria.Unit {
	for _, x := range us {
		if x == u {
			return us
		}
	}
	return append(us, u)
}

// MatchError says why a name found no single unit.
type MatchError struct {
	Name       string           // the name as written
	Candidates []*criteria.Unit // the units it matches at the same step; empty when unknown
	Suggest    []*criteria.Unit // units with a close name, for an unknown name
}

// Error says the name is unknown or ambiguous and names the candidates.
func (e *MatchError) Error() string {
	if len(e.Candidates) > 1 {
		return fmt.Sprintf("unit %s is ambiguous: it matches %s", criteria.Quote(e.Name), listUnits(e.Candidates, " and "))
	}
	msg := fmt.Sprintf("unknown unit %s", criteria.Quote(e.Name))
	if strings.TrimSpace(e.Name) == "" {
		msg = "empty unit name"
	}
	if len(e.Suggest) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", listUnits(e.Suggest, " or "))
	}
	return msg
}

func listUnits(us []*criteria.Unit, last string) string {
	parts := make([]string, len(us))
	for i, u := range us {
		parts[i] = fmt.Sprintf("%q (%s)", u.Name, u.ID)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + last + parts[len(parts)-1]
}

// Match returns the unit name names: the one unit whose id, name or alias
// equals it exactly, else the one that equals it ignoring diacritics. No
// unit, or several at the step that decides, is a *MatchError.
func (m *Matcher) Match(name string) (*criteria.Unit, error) {
	key := criteria.NameKey(name)
	if key == "" {
		return nil, &MatchError{Name: name}
	}
	if us := m.exact[key]; len(us) == 1 {
		return us[0], nil
	} else if len(us) > 1 {
		return nil, &MatchError{Name: name, Candidates: us}
	}
	m.looseOnce.Do(m.buildLoose)
	loose := criteria.LooseKey(name)
	if us := m.loose[loose]; len(us) == 1 {
		return us[0], nil
	} else if len(us) > 1 {
		return nil, &MatchError{Name: name, Candidates: us}
	}
	return nil, &MatchError{Name: name, Suggest: m.near(loose)}
}

// near returns the units a name that matched none may have meant: those
// with a name within a typo or two of it, the kind of unit left out or
// not ("Tien Phuc" for "Huyện Tiên Phước"), closest first; then those
// with a name holding it as a word ("Điện" for "Thị xã Điện Bàn").
func (m *Matcher) near(key string) []*criteria.Unit {
	type scored struct {
		u *criteria.Unit
		d int
	}
	var found []scored
	for i, u := range m.units {
		best := -1
		keys := append(m.looseKeys[i][:len(m.looseKeys[i]):len(m.looseKeys[i])], criteria.LooseKey(criteria.ShortUnitName(u.Name)))
		for _, k := range keys {
			if d := criteria.EditDistance(key, k, typoLimit(key)); d >= 0 && (best < 0 || d < best) {
				best = d
			}
		}
		if best < 0 && len(key) >= 2 {
			for _, k := range keys {
				if containsWord(k, key) {
					best = 100 // after every typo
					break
				}
			}
		}
		if best >= 0 {
			found = append(found, scored{u, best})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].d < found[j].d })
	var out []*criteria.Unit
	for i, s := range found {
		if i == 5 {
			break
		}
		out = append(out, s.u)
	}
	return out
}

// containsWord reports whether the words of part appear in s, starting at
// a word's start: "dien" is in "thi xa dien ban", "an" is not in "dien ban".
func containsWord(s, part string) bool {
	for i := 0; i+len(part) <= len(s); i++ {
		if (i == 0 || s[i-1] == ' ' || s[i-1] == '-') && strings.HasPrefix(s[i:], part) {
			return true
		}
	}
	return false
}

// typoLimit is how many edits still count as a typo of s.
func typoLimit(s string) int {
	switch n := len([]rune(s)); {
	case n <= 3:
		return 0
	case n <= 7:
		return 1
	default:
		return 2
	}
}
