package analysis_test

import (
	"errors"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"testing"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/metrics"
	"parindex/scoring"
	"parindex/workspace"
)

// TestWhatIfIsADecision: a what-if with a change gives the result that
// scoring with a decisions file holding the same row gives, on both demo
// years (2020 has decisions of its own, which the change follows).
func TestWhatIfIsADecision(t *testing.T) {
	for _, name := range []string{"quangnam-2019", "quangnam-2020"} {
		ws := demo(t, name)
		in := ws.Input()
		in.Steps = false
		base, err := scoring.Score(in)
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(9, uint64(len(name))))
		tried := 0
		for range 60 {
			c := randomChange(r, in, base)
			wi, err := analysis.RunWhatIf(in, []criteria.Decision{c})
			decided := in
			decided.Decisions = append(append([]criteria.Decision{}, in.Decisions...), c)
			want, err2 := scoring.Score(decided)
			if (err == nil) != (err2 == nil) {
				t.Fatalf("%s %s=%s: whatif error %v, score error %v", c.Unit.ID, c.Target(), c.Text, err, err2)
			}
			if err != nil {
				var ps criteria.Problems
				if !errors.As(err, &ps) {
					t.Fatalf("error is not a list of problems: %v", err)
				}
				continue // a ratio pushed above 100%, say: refused alike
			}
			tried++
			sameResult(t, name+" "+c.Unit.ID+" "+c.Target(), wi.Result, want)
			for _, u := range wi.Result.Units {
				b := wi.Base.Unit(u.Unit.ID)
				moved := false
				for _, m := range wi.Moved {
					moved = moved || m == u
				}
				if u.WhatIf.Rank != b.Rank || !u.WhatIf.Index.Equal(b.Index) || moved != (u.Rank != b.Rank) {
					t.Fatalf("%s: standing before the change recorded wrong", u.Unit.ID)
				}
			}
		}
		if tried < 40 {
			t.Errorf("%s: only %d of 60 changes could be scored", name, tried)
		}
	}
}

// TestDecisionOfTheAppraisedValue: a decision that repeats what the
// appraisal gave — a metric's value, or a leaf's points — changes nothing.
func TestDecisionOfTheAppraisedValue(t *testing.T) {
	ws := demo(t, "quangnam-2019")
	in := ws.Input()
	base, err := scoring.Score(in)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 40 {
		u := base.Units[r.IntN(len(base.Units))]
		var d criteria.Decision
		if r.IntN(2) == 0 {
			ms := in.Set.Inputs()
			m := ms[r.IntN(len(ms))]
			v := in.Values[u.Unit.ID].Get(m.ID)
			if v.IsMissing() {
				continue
			}
			d = criteria.Decision{Unit: u.Unit, Metric: m, Value: v, Reason: "giữ nguyên", Round: "1"}
		} else {
			n := u.Nodes[r.IntN(len(u.Nodes))]
			if !n.Node.IsLeaf() || !n.Applicable {
				continue
			}
			d = criteria.Decision{Unit: u.Unit, Leaf: n.Node, Points: n.Points(), Reason: "giữ nguyên", Round: "1"}
		}
		decided := in
		decided.Decisions = []criteria.Decision{d}
		decided.Steps = true
		got, err := scoring.Score(decided)
		if err != nil {
			t.Fatalf("%s %s: %v", u.Unit.ID, d.Target(), err)
		}
		sameResult(t, u.Unit.ID+" "+d.Target(), got, base)
		st := got.Decisions[0]
		if !st.Before.Points.Equal(st.After.Points) || !st.Before.Index.Equal(st.After.Index) || st.Before.Rank != st.After.Rank || got.Unit(u.Unit.ID).BeforeDecisions.Rank != u.Rank {
			t.Fatalf("%s %s: the standing moved: %+v → %+v", u.Unit.ID, d.Target(), st.Before, st.After)
		}
	}
}

// BenchmarkWhatIfDemo answers one what-if on the 2020 demo, decisions
// included: the target is well under 100 ms.
func BenchmarkWhatIfDemo(b *testing.B) {
	ws := demo(b, "quangnam-2020")
	in := ws.Input()
	base, err := scoring.Score(in)
	if err != nil {
		b.Fatal(err)
	}
	u := base.Units[len(base.Units)-1]
	var leaf *scoring.NodeResult
	for _, n := range u.Nodes {
		if n.Node.IsLeaf() && n.Applicable {
			leaf = n
		}
	}
	change := []criteria.Decision{{Unit: u.Unit, Leaf: leaf.Node, Points: leaf.Node.Max, Reason: "thử", Round: "1"}}
	b.ResetTimer()
	for b.Loop() {
		if _, err := analysis.RunWhatIf(in, change); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWhatIf10k times the terminal's what-if of one unit's value, a
// value no relative rule reads, at 10,000 units × 100 criteria: the
// folder scored for its standings, the unit scored again, every unit
// ranked again. Reading the folder is not timed.
func BenchmarkWhatIf10k(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "w")
	gen := exec.Command("go", "run", "../bench/genworkspace", "-units", "10000", "-leaves", "100", dir)
	if out, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("genworkspace: %v\n%s", err, out)
	}
	ws, err := workspace.Load(workspace.Paths{Dir: dir}, workspace.Everything)
	if err != nil {
		b.Fatal(err)
	}
	changes, err := metrics.ParseChanges([]string{ws.Units[0].ID + ":m002=99.9"}, ws.Set, ws.Units)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		wi, err := analysis.RunWhatIfStandings(ws.Input(), changes)
		if err != nil || wi.Result.Unit(ws.Units[0].ID).Nodes == nil {
			b.Fatalf("what-if: %v, or the changed unit lost its nodes", err)
		}
	}
}
