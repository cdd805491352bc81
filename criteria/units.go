package criteria

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

var (
	unitsKeys     = []string{"units"}
	unitKeys      = []string{"id", "name", "group", "aliases"}
	unitIDPattern = regexp.MustCompile(`^[a-z0-9-]+$`)
)

// LoadUnits reads the units of units.yaml; file names it in messages. Every
// problem found is returned at once as Problems, in line order; the units
// are returned only when there is none.
//
// Ids, names and aliases must be unique across all units under [NameKey]:
// ignoring case, surrounding space and normalisation form.
func LoadUnits(data []byte, file string) ([]*Unit, error) {
	r := &reader{file: file}
	units := r.units(data)
	if ps := r.sorted(); len(ps) > 0 {
		return nil, ps
	}
	return units, nil
}

// unitName is one id, name or alias, and where it is.
type unitName struct {
	unit *Unit
	what string // "id", "name" or "alias"
	text string
	line int
}

func (r *reader) units(data []byte) []*Unit {
	root := r.parse(data)
	if root == nil {
		return nil
	}
	top := r.mapping(root, "", unitsKeys...)
	if top == nil {
		return nil
	}
	e, ok := top["units"]
	if !ok {
		r.addf(root.Line, "missing required key \"units\"")
		return nil
	}
	if isNull(e.val) {
		r.addf(e.val.Line, "units: the list is empty")
		return nil
	}
	items := r.list(e.val, "units: ")
	if len(items) == 0 {
		if e.val.Kind == yaml.SequenceNode {
			r.addf(e.val.Line, "units: the list is empty")
		}
		return nil
	}
	var units []*Unit
	names := map[string]unitName{}
	for i, it := range items {
		if u := r.unit(it, i, names); u != nil {
			units = append(units, u)
		}
	}
	r.checkGroups(units)
	return units
}

// unit reads one unit, recording its names in names to find clashes.
func (r *reader) unit(n *yaml.Node, i int, names map[string]unitName) *Unit {
	what := fmt.Sprintf("unit %d: ", i+1)
	if id := peek(n, "id"); id != "" {
		what = fmt.Sprintf("unit %s: ", Quote(id))
	}
	m := r.mapping(n, what, unitKeys...)
	if m == nil {
		return nil
	}
	u := &Unit{Line: n.Line}
	if e, ok := m["id"]; ok {
		if id, ok := r.text(e.val, what+"id: "); ok {
			if !unitIDPattern.MatchString(id) {
				r.addf(e.val.Line, "%sthe id may hold only a-z, 0-9 and -", what)
			}
			r.checkUnitID(id, e.val.Line, what)
			u.ID = id
			r.claim(names, unitName{u, "id", id, e.val.Line}, what)
		}
	} else {
		r.addf(n.Line, "%smissing required key \"id\"", what)
	}
	if e, ok := m["name"]; ok {
		if name, ok := r.text(e.val, what+"name: "); ok {
			u.Name = name
			r.claim(names, unitName{u, "name", name, e.val.Line}, what)
		}
	} else {
		r.addf(n.Line, "%smissing required key \"name\"", what)
	}
	if e, ok := m["group"]; ok {
		u.Group, _ = r.text(e.val, what+"group: ")
	}
	if e, ok := m["aliases"]; ok {
		for _, a := range r.list(e.val, what+"aliases: ") {
			if alias, ok := r.text(a, what+"alias: "); ok {
				u.Aliases = append(u.Aliases, alias)
				r.claim(names, unitName{u, "alias", alias, a.Line}, what)
			}
		}
	}
	return u
}

// MaxUnitIDLength is the most characters a unit id may have (SPEC §12):
// an id names the unit's workbook, OUTDIR/<id>.xlsx, and is typed in
// commands.
const MaxUnitIDLength = 64

// windowsDevices are the names Windows keeps for devices, in any case and
// with any extension: a per-unit workbook named con.xlsx cannot be created
// or opened there.
var windowsDevices = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true,
	"com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true,
	"lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// checkUnitID reports an id too long, or that Windows would not take as a
// file name: the per-unit workbooks go to the units' own machines.
func (r *reader) checkUnitID(id string, line int, what string) {
	if n := utf8.RuneCountInString(id); n > MaxUnitIDLength {
		r.hintf(line, "an id is a short label such as dien-ban, and names the unit's workbook; the full name goes under name:",
			"%sthe id has %d characters; an id may have at most %d", what, n, MaxUnitIDLength)
		return
	}
	if lower := strings.ToLower(id); windowsDevices[lower] {
		r.hintf(line, fmt.Sprintf("choose another id, such as %s-1 or the unit's name without accents", lower),
			"%sthe id %s is a name Windows keeps for a device: the unit's workbook %s.xlsx could not be opened there", what, Quote(id), id)
	}
}

// claim records one id, name or alias, reporting a clash with another
// unit's. A unit may repeat its own name as an alias.
func (r *reader) claim(names map[string]unitName, n unitName, what string) {
	key := NameKey(n.text)
	prev, taken := names[key]
	if !taken {
		names[key] = n
		return
	}
	if prev.unit == n.unit {
		return
	}
	other := prev.unit.ID
	if other == "" {
		other = prev.unit.Name
	}
	r.hintf(n.line, "ids, names and aliases must be unique across units, ignoring case and accents' encoding",
		"%s%s %s clashes with the %s %s of unit %s (line %d)", what, n.what, Quote(n.text), prev.what, Quote(prev.text), Quote(other), prev.line)
}

// checkGroups reports units without a group when others have one.
func (r *reader) checkGroups(units []*Unit) {
	var with *Unit
	for _, u := range units {
		if u.Group != "" {
			with = u
			break
		}
	}
	if with == nil {
		return
	}
	for _, u := range units {
		if u.Group == "" {
			r.hintf(u.Line, "give every unit a group, or none",
				"unit %s: no group, while unit %s (line %d) has one", Quote(u.ID), Quote(with.ID), with.Line)
		}
	}
}
