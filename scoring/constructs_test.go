package scoring

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/criteria"
)

// loadSet reads a criteria set from testdata.
func loadSet(t *testing.T, name string) *criteria.Set {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	set, err := criteria.Load(data, name)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return set
}

// cell reads a metric value as a workbook cell would give it.
func cell(t *testing.T, set *criteria.Set, id, text string) criteria.Value {
	t.Helper()
	v, err := set.Metric(id).Parse(text)
	if err != nil {
		t.Fatalf("%s %q: %v", id, text, err)
	}
	return v
}

// TestConstructs scores the cases of SPEC §8 worked by hand: na policies on
// a leaf and on a zero-denominator ratio, a level written without
// diacritics, a gate that closes, a gate on an N/A node that stays open,
// and a chain of gates. Each runs in machine words and in math/big.
func TestConstructs(t *testing.T) {
	set := loadSet(t, "constructs.yaml")
	type unit struct {
		name  string
		cells map[string]string
		want  map[string]string // code → points/max/index or n/a
		gated map[string]string // code → gated_by
		total string
	}
	tests := []unit{{
		// 1.1 "chậm" 0.5. 1.2.1: 2 × 60% = 1.2; 1.2.2: 60 ≥ 50 → 1. 1.3: 1.
		// 2.1: 1 − 0.5 × 1 = 0.5; 2.2: 1. Total 5.2 of 7.
		name:  "all scored, level without diacritics",
		cells: map[string]string{"plan_timing": "cham", "done": "3", "tasks": "5", "complaints": "1", "report_sent": "có", "check": "có"},
		want: map[string]string{"1.1": "0.50/1.00/50.00", "1.2.1": "1.20/2.00/60.00", "1.2.2": "1.00/1.00/100.00",
			"1.2": "2.20/3.00/73.33", "1.3": "1.00/1.00/100.00", "2.1": "0.50/1.00/50.00", "2.2": "1.00/1.00/100.00"},
		total: "5.20/7.00/74.29",
	}, {
		// 0 of 0 tasks: the ratio is N/A. 1.2.1 na full → 2/2; 1.2.2 na zero → 0/1.
		// complaints N/A under field 2's na full → 1/1; check N/A, na exclude → n/a.
		name:  "zero denominator under full and zero",
		cells: map[string]string{"plan_timing": "ĐÚNG HẠN", "done": "0", "tasks": "0", "complaints": "KPS", "report_sent": "có", "check": "KPS"},
		want: map[string]string{"1.1": "1.00/1.00/100.00", "1.2.1": "2.00/2.00/100.00", "1.2.2": "0.00/1.00/0.00",
			"1.2": "2.00/3.00/66.67", "1.3": "1.00/1.00/100.00", "2.1": "1.00/1.00/100.00", "2.2": "n/a", "2": "1.00/1.00/100.00"},
		total: "5.00/6.00/83.33",
	}, {
		// No plan issued: 1.1 earns 0, so 1.2 closes (2 × 100% and 1 lost),
		// and 1.2 now earns 0, so 1.3 closes too: a chain. 2.1: 1 − 0.5 × 2 = 0
		// closes 2.2. Total 0 of 7.
		name:  "gates close in a chain",
		cells: map[string]string{"plan_timing": "không ban hành", "done": "5", "tasks": "5", "complaints": "2", "report_sent": "có", "check": "có"},
		want: map[string]string{"1.1": "0.00/1.00/0.00", "1.2.1": "0.00/2.00/0.00", "1.2.2": "0.00/1.00/0.00",
			"1.2": "0.00/3.00/0.00", "1.3": "0.00/1.00/0.00", "2.1": "0.00/1.00/0.00", "2.2": "0.00/1.00/0.00"},
		gated: map[string]string{"1.2": "1.1", "1.3": "1.2", "2.2": "2.1"},
		total: "0.00/7.00/0.00",
	}, {
		// The plan is N/A: 1.1 does not apply, so it does not close 1.2:
		// 1.2.1 2 × 25% = 0.5. 1.3 no report: 0. Total 2.5 of 6 (1.1 left out).
		name:  "a gate on an N/A node stays open",
		cells: map[string]string{"plan_timing": "N/A", "done": "1", "tasks": "4", "complaints": "0", "report_sent": "không", "check": "có"},
		want: map[string]string{"1.1": "n/a", "1.2.1": "0.50/2.00/25.00", "1.2.2": "0.00/1.00/0.00",
			"1.2": "0.50/3.00/16.67", "1.3": "0.00/1.00/0.00", "2.1": "1.00/1.00/100.00", "2.2": "1.00/1.00/100.00"},
		total: "2.50/6.00/41.67",
	}}
	in := Input{Set: set, Values: map[string]criteria.Values{}}
	for i, tt := range tests {
		u := &criteria.Unit{ID: string(rune('a' + i)), Name: tt.name}
		in.Units = append(in.Units, u)
		vs := map[string]criteria.Value{}
		for id, text := range tt.cells {
			vs[id] = cell(t, set, id, text)
		}
		in.Values[u.ID] = criteria.ValuesOf(vs)
	}
	for _, slow := range []bool{false, true} {
		forceSlow = slow
		res := mustScore(t, in)
		forceSlow = false
		for i, tt := range tests {
			u := res.Unit(in.Units[i].ID)
			for code, want := range tt.want {
				if got := nodeText(node(t, u, code)); got != want {
					t.Errorf("slow=%v %s: %s %s, want %s", slow, tt.name, code, got, want)
				}
			}
			for _, n := range u.Nodes {
				if got, want := n.GatedBy(), tt.gated[n.Node.Code]; got != want {
					t.Errorf("slow=%v %s: %s gated by %q, want %q", slow, tt.name, n.Node.Code, got, want)
				}
			}
			got := u.Points.StringFixed(2) + "/" + u.Max.StringFixed(2) + "/" + u.Index.StringFixed(2)
			if got != tt.total {
				t.Errorf("slow=%v %s: total %s, want %s", slow, tt.name, got, tt.total)
			}
		}
	}
}

// TestConstructsExplain checks that the explanations name the policy, the
// level and the gate.
func TestConstructsExplain(t *testing.T) {
	set := loadSet(t, "constructs.yaml")
	vs := map[string]criteria.Value{}
	for id, text := range map[string]string{"plan_timing": "khong ban hanh", "done": "0", "tasks": "0",
		"complaints": "1", "report_sent": "có", "check": "có"} {
		vs[id] = cell(t, set, id, text)
	}
	res := mustScore(t, input(set, criteria.ValuesOf(vs)))
	u := res.Units[0]
	tests := []struct {
		code     string
		lang     criteria.Lang
		contains string
	}{
		{"1.1", criteria.Vietnamese, "mức “không ban hành”: 0/1 điểm"},
		{"1.1", criteria.English, "level “không ban hành”: 0/1 point"},
		{"1.2.1", criteria.Vietnamese, "không phát sinh, được điểm tối đa, nhưng 0 điểm vì tiêu chí 1.1 không đạt điểm: 0/2 điểm"},
		{"1.2.2", criteria.English, "no points as the set provides, but 0 points because criterion 1.1 earned none: 0/1 point"},
		{"1.3", criteria.Vietnamese, "0 điểm vì tiêu chí 1.2 không đạt điểm"},
	}
	for _, tt := range tests {
		if got := node(t, u, tt.code).Explain(tt.lang); !strings.Contains(got, tt.contains) {
			t.Errorf("%s (%s): %q, want it to contain %q", tt.code, tt.lang, got, tt.contains)
		}
	}
}

// TestLevelCells checks the reading of level cells: any case and
// normalisation form, diacritics left out when that finds one label, and
// an error listing the labels otherwise.
func TestLevelCells(t *testing.T) {
	m := &criteria.Metric{ID: "x", Type: criteria.Level, Levels: []string{"đúng hạn", "chậm", "chăm", "không ban hành"}}
	tests := []struct {
		text string
		want int // -1: an error
	}{
		{"Đúng hạn", 0},
		{"  dung han ", 0},
		{"cha\u0302\u0323m", 1}, // chậm with its marks in another order: the same label
		{"chậm", 1},
		{"CHĂM", 2},
		{"cham", -1}, // both chậm and chăm read "cham": ambiguous
		{"khong ban hanh", 3},
		{"không", -1},
	}
	for _, tt := range tests {
		v, err := m.Parse(tt.text)
		got := v.Level()
		if err != nil {
			got = -1
			if !strings.Contains(err.Error(), `"đúng hạn", "chậm", "chăm", "không ban hành"`) {
				t.Errorf("Parse(%q) error %q does not list the levels", tt.text, err)
			}
		}
		if got != tt.want {
			t.Errorf("Parse(%q) = level %d (%v), want %d", tt.text, got, err, tt.want)
		}
	}
}

// TestGateKeepsDecidedPoints: points a council decision gives a leaf are
// final (SPEC §9), so a gate that closes over them leaves them standing,
// and the parent keeps their sum. 1.1 "không ban hành" earns 0 and closes
// 1.2, but the council gave 1.2.1 1.5 points: 1.2 earns 1.5 (1.2.2 still 0),
// so 1.3, which requires 1.2, stays open and earns its 1.
func TestGateKeepsDecidedPoints(t *testing.T) {
	set := loadSet(t, "constructs.yaml")
	vs := map[string]criteria.Value{}
	for id, text := range map[string]string{"plan_timing": "không ban hành", "done": "5", "tasks": "5",
		"complaints": "0", "report_sent": "có", "check": "có"} {
		vs[id] = cell(t, set, id, text)
	}
	in := input(set, criteria.ValuesOf(vs))
	var leaf *criteria.Node
	for _, n := range set.Nodes() {
		if n.Code == "1.2.1" {
			leaf = n
		}
	}
	in.Decisions = []criteria.Decision{{Unit: in.Units[0], Leaf: leaf, Points: d("1.5"), Text: "1.5", Reason: "Hội đồng công nhận"}}
	u := mustScore(t, in).Units[0]
	for code, want := range map[string]string{"1.1": "0.00/1.00/0.00", "1.2.1": "1.50/2.00/75.00",
		"1.2.2": "0.00/1.00/0.00", "1.2": "1.50/3.00/50.00", "1.3": "1.00/1.00/100.00"} {
		if got := nodeText(node(t, u, code)); got != want {
			t.Errorf("%s: %s, want %s", code, got, want)
		}
	}
	if g := node(t, u, "1.2").GatedBy(); g != "1.1" {
		t.Errorf("1.2 gated by %q, want 1.1", g)
	}
	if g := node(t, u, "1.3").GatedBy(); g != "" {
		t.Errorf("1.3 gated by %q, want open", g)
	}
}
