package analysis_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/scoring"
)

func scored(t *testing.T, name string) *scoring.Result {
	t.Helper()
	res, err := demo(t, name).Score()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// jsonSide writes res as score --json does and reads it back as a side.
func jsonSide(t *testing.T, res *scoring.Result) *analysis.Side {
	t.Helper()
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf, criteria.Vietnamese); err != nil {
		t.Fatal(err)
	}
	s, err := analysis.ReadResultSide("result.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func byID(s *analysis.Side) analysis.MatchUnit {
	return func(u analysis.SideUnit) (string, bool) {
		for _, m := range s.Members {
			if m.ID == u.ID {
				return m.ID, true
			}
		}
		return "", false
	}
}

// TestDiffOfItselfIsEmpty: an assessment against itself — scored, or as
// its JSON result, on either side — shows no change at all.
func TestDiffOfItselfIsEmpty(t *testing.T) {
	for _, name := range []string{"quangnam-2019", "quangnam-2020", "tiny"} {
		res := scored(t, name)
		ws, js := analysis.SideOfResult(name, res), jsonSide(t, res)
		for _, pair := range [][2]*analysis.Side{{ws, ws}, {js, ws}, {ws, js}, {js, js}} {
			d := analysis.Compare(pair[0], pair[1], byID(pair[1]))
			if !d.Same() {
				t.Errorf("%s against itself: %+v", name, d.Nodes)
			}
			if len(d.Units) != len(res.Units) {
				t.Errorf("%s: %d units paired, want %d", name, len(d.Units), len(res.Units))
			}
		}
	}
}

// TestDiffDemoYears: the 2020 demo changes the 2019 set in every way a
// set can change, and the JSON side sees only what a result holds.
func TestDiffDemoYears(t *testing.T) {
	old, new := scored(t, "quangnam-2019"), scored(t, "quangnam-2020")
	ws := analysis.SideOfResult("2020", new)
	d := analysis.Compare(analysis.SideOfResult("2019", old), ws, byID(ws))
	var got []string
	for _, n := range d.Nodes {
		got = append(got, n.Code+" "+n.Kind)
	}
	want := []string{"1.4 renamed", "3.2 max", "3.3.2 rule", "3.6 added", "7 max", "7.1 max", "7.1.1 max",
		"7.2 max", "7.2.2 max", "8 max", "8.2 max", "8.3 removed"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("criteria changes (-want +got):\n%s", diff)
	}
	d = analysis.Compare(jsonSide(t, old), ws, byID(ws))
	got = nil
	for _, n := range d.Nodes {
		got = append(got, n.Code+" "+n.Kind)
	}
	if diff := cmp.Diff([]string{"3.6 added", "8.3 removed"}, got); diff != "" {
		t.Errorf("against a JSON result (-want +got):\n%s", diff)
	}
	// Phú Ninh: 5th in 2019 (89.95), 4th in 2020 (91.36).
	for _, u := range d.Units {
		if u.New.ID == "phu-ninh" && (u.Up != 1 || u.IndexChange.String() != "1.41" || len(u.Fields) != 3 || u.Fields[0].Code != "8") {
			t.Errorf("Phú Ninh: %+v", u)
		}
	}
}
