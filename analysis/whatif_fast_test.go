package analysis_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/report"
	"parindex/scoring"
)

// TestWhatIfFastIsFull: rescoring only the changed units gives, to the
// byte of the JSON result and the word of any problem, what scoring the
// whole assessment again gives, over many random changes — some the fast
// path takes, some it must leave to the full scoring (a metric a relative
// rule reads, a unit with a council decision), some refused (a percent
// above 100, points above a leaf's max).
func TestWhatIfFastIsFull(t *testing.T) {
	for _, name := range []string{"tiny", "quangnam-2019", "quangnam-2020"} {
		ws := demo(t, name)
		in := ws.Input()
		base, err := scoring.Score(in)
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(11, uint64(len(name))))
		fast, full, refused := 0, 0, 0
		for range 150 {
			changes := make([]criteria.Decision, 1+r.IntN(3))
			for i := range changes {
				changes[i] = anyChange(r, in, base)
			}
			_, ok, _ := scoring.Rescore(in, base, changes)
			if ok {
				fast++
			} else {
				full++
			}
			got, err := analysis.RunWhatIf(in, changes)
			want, err2 := analysis.RunWhatIfFull(in, changes)
			lean, err3 := analysis.RunWhatIfStandings(in, changes)
			if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
				t.Fatalf("%s %v: fast error %v, full error %v", name, changes, err, err2)
			}
			if (err == nil) != (err3 == nil) || (err != nil && err.Error() != err3.Error()) {
				t.Fatalf("%s %v: error %v, with standings only %v", name, changes, err, err3)
			}
			if err != nil {
				refused++
				continue
			}
			sameTable(t, name, changes, got, lean)
			var a, b bytes.Buffer
			if err := got.Result.WriteJSON(&a, criteria.Vietnamese); err != nil {
				t.Fatal(err)
			}
			if err := want.Result.WriteJSON(&b, criteria.Vietnamese); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatalf("%s %v: the JSON results differ", name, changes)
			}
			sameResult(t, name, got.Base, want.Base)
			if len(got.Moved) != len(want.Moved) {
				t.Fatalf("%s %v: %d moved against %d", name, changes, len(got.Moved), len(want.Moved))
			}
			for i, u := range got.Result.Units {
				w := want.Result.Units[i]
				if u.WhatIf.Rank != w.WhatIf.Rank || !u.WhatIf.Index.Equal(w.WhatIf.Index) || !u.WhatIf.Points.Equal(w.WhatIf.Points) || u.GroupRank != w.GroupRank || (u.BeforeDecisions == nil) != (w.BeforeDecisions == nil) {
					t.Fatalf("%s %v: %s: standing %+v %d %v against %+v %d %v", name, changes, u.Unit.ID, *u.WhatIf, u.GroupRank, u.BeforeDecisions, *w.WhatIf, w.GroupRank, w.BeforeDecisions)
				}
			}
		}
		t.Logf("%s: %d fast, %d full, %d refused", name, fast, full, refused)
		if fast < 20 || refused == 0 {
			t.Errorf("%s: %d changes took the fast path and %d were refused: the test proves too little", name, fast, refused)
		}
	}
}

// anyChange draws a change of any kind: any input metric of any unit to a
// value in or out of its range, or N/A, or any leaf's points, in range or
// not.
func anyChange(r *rand.Rand, in scoring.Input, res *scoring.Result) criteria.Decision {
	u := res.Units[r.IntN(len(res.Units))]
	if r.IntN(2) == 0 {
		c := randomChange(r, in, res)
		c.Unit = u.Unit
		if c.Leaf != nil && r.IntN(6) == 0 {
			c.Points = c.Leaf.Max.Add(decimal.NewFromInt(1)) // above the max
		}
		return c
	}
	ms := in.Set.Inputs()
	m := ms[r.IntN(len(ms))]
	var v criteria.Value
	switch r.IntN(8) {
	case 0:
		v = criteria.NA()
	case 1:
		v = criteria.Num(decimal.NewFromInt(150))
	default:
		v = criteria.Num(decimal.NewFromFloat(r.Float64() * 100).Round(1))
	}
	return criteria.Decision{Unit: u.Unit, Metric: m, Value: v, Reason: "thử", Round: "1"}
}

// sameTable checks that a what-if scored for its standings only prints,
// in both languages, the table the whole what-if prints, and that the
// units it changed keep every node.
func sameTable(t *testing.T, name string, changes []criteria.Decision, full, lean *analysis.WhatIf) {
	t.Helper()
	args := make([]string, len(changes))
	for i, d := range changes {
		args[i] = d.Unit.ID + ":" + d.Target() + "=" + d.Text
	}
	for _, lang := range []criteria.Lang{criteria.Vietnamese, criteria.English} {
		var a, b bytes.Buffer
		if err := report.WriteWhatIf(&a, full, args, lang); err != nil {
			t.Fatal(err)
		}
		if err := report.WriteWhatIf(&b, lean, args, lang); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Fatalf("%s %v: the table differs with standings only:\n%s\nagainst\n%s", name, changes, b.String(), a.String())
		}
	}
	for _, d := range changes {
		u := lean.Result.Unit(d.Unit.ID)
		for i, n := range u.Nodes {
			if n == nil || !n.Points().Equal(full.Result.Unit(d.Unit.ID).Nodes[i].Points()) {
				t.Fatalf("%s %v: changed unit %s lost or changed node %d", name, changes, d.Unit.ID, i)
			}
		}
	}
}
