package scoring_test

// Comparing Score with the reference scorer: on the demo workspace here,
// on random sets in reference_gen_test.go.

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/metrics"
	"parindex/scoring"
)

// diffs collects disagreements between Score and the reference, up to a
// limit, so a failure shows the first few rather than thousands.
type diffs struct {
	list []string
}

func (d *diffs) addf(format string, args ...any) {
	if len(d.list) < 20 {
		d.list = append(d.list, fmt.Sprintf(format, args...))
	}
}

func (d *diffs) num(where, what string, got decimal.Decimal, want *big.Rat) {
	if want == nil {
		want = new(big.Rat)
	}
	if got.Rat().Cmp(want) != 0 {
		d.addf("%s: %s = %s, reference %s", where, what, got, want.FloatString(6))
	}
}

func (d *diffs) int(where, what string, got, want int) {
	if got != want {
		d.addf("%s: %s = %d, reference %d", where, what, got, want)
	}
}

// compareRef lists every way got differs from want.
func compareRef(set *criteria.Set, got *scoring.Result, want *refResult) []string {
	d := &diffs{}
	if got.Grouped != want.grouped {
		d.addf("grouped = %v, reference %v", got.Grouped, want.grouped)
	}
	if len(got.Units) != len(want.units) {
		d.addf("%d units, reference %d", len(got.Units), len(want.units))
		return d.list
	}
	nodes := set.Nodes()
	for i, g := range got.Units {
		w := want.units[i]
		if g.Unit.ID != w.unit.ID {
			d.addf("unit %d in rank order is %s, reference %s", i, g.Unit.ID, w.unit.ID)
			continue
		}
		at := "unit " + w.unit.ID
		d.num(at, "points", g.Points, w.points)
		d.num(at, "max", g.Max, w.max)
		d.num(at, "index", g.Index, w.index)
		d.int(at, "rank", g.Rank, w.rank)
		d.int(at, "group rank", g.GroupRank, w.groupRank)
		if g.Tier != w.tier {
			d.addf("%s: tier = %q, reference %q", at, g.Tier, w.tier)
		}
		d.num(at, "appraisal", g.Appraisal, w.appraisal)
		d.num(at, "survey", g.Survey, w.survey)
		d.num(at, "bonus", g.Bonus, w.bonus)
		d.num(at, "penalty", g.Penalty, w.penalty)
		if len(g.Nodes) != len(nodes) {
			d.addf("%s: %d nodes, reference %d", at, len(g.Nodes), len(nodes))
			continue
		}
		for j, gn := range g.Nodes {
			compareNode(d, at+" node "+nodes[j].Code, gn, w.nodes[j])
		}
	}
	return d.list
}

// compareNode compares one node's score.
func compareNode(d *diffs, at string, g *scoring.NodeResult, w *refNode) {
	if g.Applicable != w.applicable {
		d.addf("%s: applicable = %v, reference %v", at, g.Applicable, w.applicable)
		return
	}
	d.num(at, "points", g.Points(), w.points)
	d.num(at, "max", g.Max(), w.max)
	d.num(at, "index", g.Index(), w.index)
	d.int(at, "rank", int(g.Rank), w.rank)
	if g.GatedBy() != w.gatedBy {
		d.addf("%s: gated by %q, reference %q", at, g.GatedBy(), w.gatedBy)
	}
	if g.Node.IsLeaf() {
		v, wv := g.Value, w.value
		switch {
		case v.IsNA() != wv.na, v.IsBool() != wv.isBool:
			d.addf("%s: value %s, reference kind differs", at, v)
		case v.Level() != wv.level && !wv.na:
			d.addf("%s: level %d, reference %d", at, v.Level(), wv.level)
		case wv.isBool && v.Bool() != wv.b:
			d.addf("%s: value %s, reference %v", at, v, wv.b)
		case wv.r != nil && (!v.IsNumber() || v.Rat().Cmp(wv.r) != 0):
			d.addf("%s: value %s, reference %s", at, v, wv.r.FloatString(6))
		}
	}
}

// checkAgainstRef scores in with both scorers and fails on any difference.
// It reports whether both scored (rather than both refused the input).
func checkAgainstRef(t *testing.T, name string, in scoring.Input, cov map[string]int) bool {
	t.Helper()
	want, werr := refScore(in.Set, in.Units, in.Values, cov)
	got, gerr := scoring.Score(in)
	switch {
	case werr != nil && gerr != nil:
		// Score must name exactly the units the reference refuses.
		var refused *refRefusal
		if !errors.As(werr, &refused) {
			t.Errorf("%s: reference: %v", name, werr)
			return false
		}
		for _, u := range in.Units {
			named := strings.Contains(gerr.Error(), fmt.Sprintf("unit %q", u.Name))
			if want := slices.Contains(refused.units, u); named != want {
				t.Errorf("%s: Score's refusal names unit %s: %v, reference %v\nScore: %v\nreference: %v",
					name, u.ID, named, want, gerr, werr)
			}
		}
		return false
	case werr != nil:
		t.Errorf("%s: Score scored it, reference refuses it: %v", name, werr)
		return false
	case gerr != nil:
		t.Errorf("%s: Score refuses it, reference scores it: %v", name, gerr)
		return false
	}
	for _, s := range compareRef(in.Set, got, want) {
		t.Errorf("%s: %s", name, s)
	}
	scoring.SetForceSlow(true)
	slow, err := scoring.Score(in)
	scoring.SetForceSlow(false)
	if err != nil {
		t.Errorf("%s: math/big path refuses it: %v", name, err)
		return true
	}
	for _, s := range compareRef(in.Set, slow, want) {
		t.Errorf("%s: math/big path: %s", name, s)
	}
	return true
}

// TestReferenceDemo scores the demo workspace with both scorers.
func TestReferenceDemo(t *testing.T) {
	dir := filepath.Join("..", "fixtures", "quangnam-2019")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	set, err := criteria.Load(read("criteria.yaml"), "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units, err := criteria.LoadUnits(read("units.yaml"), "units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"metrics.csv", "self.csv"} {
		tab, err := metrics.Read(filepath.Join(dir, file), set, units, metrics.Options{})
		if err != nil {
			t.Fatal(err)
		}
		in := scoring.Input{Set: set, Units: units, Values: tab.Values}
		if !checkAgainstRef(t, file, in, nil) {
			t.Fatalf("%s: both scorers refuse the demo values", file)
		}
	}
}
