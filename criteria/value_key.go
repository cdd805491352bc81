package criteria

import "parindex/internal/exact"

// ValueKey is a comparable copy of a Value whose numbers fit machine
// words: two values with equal keys are the same value, written the same
// way ("12.0" and "12" have different keys), so whatever is said of one
// may be said of the other.
type ValueKey struct {
	kind       valueKind
	b, hasDen  bool
	lvl        int32
	num, den   int64
	nExp, dExp int32
}

// Key returns v's ValueKey, or false when a number of v does not fit an
// int64.
func (v Value) Key() (ValueKey, bool) {
	k := ValueKey{kind: v.kind, b: v.b, lvl: v.lvl}
	var ok bool
	if k.num, ok = exact.Coef(v.num); !ok {
		return ValueKey{}, false
	}
	k.nExp = v.num.Exponent()
	if v.den != nil {
		if k.den, ok = exact.Coef(*v.den); !ok {
			return ValueKey{}, false
		}
		k.hasDen, k.dExp = true, v.den.Exponent()
	}
	return k, true
}
