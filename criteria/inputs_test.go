package criteria

import (
	"maps"
	"testing"

	"github.com/shopspring/decimal"
)

// TestValues: a row shares its table's columns, a value set in place is
// the row's, a value of a metric the columns lack gives the row columns of
// its own and leaves the other rows alone, and a clone is a copy.
func TestValues(t *testing.T) {
	cols := NewColumns([]string{"a", "b"})
	x, y := cols.Row(make([]Value, 2)), cols.Row(make([]Value, 2))
	x.Set("a", BoolValue(true))
	if !x.Has("a") || x.Has("b") || y.Has("a") || x.Columns() != cols || cols.Index("b") != 1 || cols.Index("c") != -1 {
		t.Fatalf("after Set a: x has a %v, b %v; y has a %v", x.Has("a"), x.Has("b"), y.Has("a"))
	}
	c := x.Clone()
	c.Set("a", NA())
	x.Set("c", Num(decimal.NewFromInt(3)))
	if !x.Get("a").Bool() || !c.Get("a").IsNA() || x.Columns() == cols || y.Has("c") || cols.Index("c") != -1 {
		t.Fatalf("clone or new column leaked: x a %s, c a %s, y c %v", x.Get("a"), c.Get("a"), y.Has("c"))
	}
	if got := maps.Collect(x.All()); len(got) != 2 || got["c"].String() != "3" {
		t.Errorf("All = %v, want a and c", got)
	}
	var zero Values
	if zero.Has("a") || !zero.Get("a").IsMissing() {
		t.Error("the zero Values holds something")
	}
	zero.Set("a", NA())
	if !zero.Get("a").IsNA() {
		t.Error("Set on the zero Values did not hold")
	}
	if v := ValuesOf(map[string]Value{"b": NA(), "a": BoolValue(false)}); v.At(0).Bool() || !v.At(1).IsNA() {
		t.Errorf("ValuesOf orders its columns by id: %s %s", v.At(0), v.At(1))
	}
}
