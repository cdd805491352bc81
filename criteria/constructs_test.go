package criteria

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// lhead is a valid start of criteria.yaml (8 lines) with a level metric.
const lhead = `id: t
title: T
year: 2025
metrics:
  - {id: n, type: count}
  - {id: b, type: bool}
  - {id: p, type: percent}
  - {id: lv, type: level, levels: [đúng hạn, chậm, không ban hành]}
`

// constructCases are sets using the keys of SPEC §8 (na, levels,
// requires), each with the located load errors it must give; FuzzLoad
// starts from them too.
var constructCases = []struct {
	name string
	yaml string
	want []string
}{
	{"valid", lhead + `fields:
  - code: "1"
    name: A
    na: full
    children:
      - {code: "1.1", name: B, max: 1, rule: {type: levels, metric: lv, points: {dung han: 1, Chậm: 0.5, không ban hành: 0}}}
      - {code: "1.2", name: C, max: 1, requires: ["1.1"], na: zero, rule: {type: boolean, metric: b}}
`, nil},
	{"unknown na", lhead + `fields:
  - {code: "1", name: A, max: 1, na: all, rule: {type: boolean, metric: b}}
`, []string{`criteria.yaml:10: node "1": unknown na policy "all"`}},
	{"na in a penalty field", lhead + `fields:
  - {code: "1", name: A, max: 1, rule: {type: boolean, metric: b}}
  - code: "2"
    name: P
    kind: penalty
    children:
      - {code: "2.1", name: B, max: 1, na: zero, rule: {type: count, metric: n, per: 1}}
`, []string{`criteria.yaml:15: node "2.1": na is not allowed in a penalty field`}},
	{"requires no such node", lhead + `fields:
  - code: "1"
    name: A
    children:
      - {code: "1.1", name: B, max: 1, rule: {type: boolean, metric: b}}
      - code: "1.2"
        name: C
        requires: ["9.9"]
        max: 1
        rule: {type: boolean, metric: b}
`, []string{`criteria.yaml:16: node "1.2": requires "9.9": no such node`}},
	{"requires self, ancestor, descendant, penalty", lhead + `fields:
  - code: "1"
    name: A
    requires: ["1.1"]
    children:
      - {code: "1.1", name: B, max: 1, requires: ["1.1"], rule: {type: boolean, metric: b}}
      - {code: "1.2", name: C, max: 1, requires: ["1", "2"], rule: {type: boolean, metric: b}}
  - {code: "2", name: P, kind: penalty, max: 1, rule: {type: count, metric: n, per: 1}}
`, []string{
		`criteria.yaml:12: node "1": requires "1.1", which it contains`,
		`criteria.yaml:14: node "1.1": requires itself`,
		`criteria.yaml:15: node "1.2": requires "1", which contains it`,
		`criteria.yaml:15: node "1.2": requires "2", a penalty criterion; a gate names an ordinary criterion`,
	}},
	{"gates in a cycle", lhead + `fields:
  - code: "1"
    name: A
    children:
      - {code: "1.1", name: B, max: 1, requires: "1.3", rule: {type: boolean, metric: b}}
      - {code: "1.2", name: C, max: 1, requires: "1.1", rule: {type: boolean, metric: b}}
      - {code: "1.3", name: D, max: 1, requires: "1.2", rule: {type: boolean, metric: b}}
`, []string{`criteria.yaml:13: node "1.1": its requires form a cycle`}},
	{"a gate through an ancestor", lhead + `fields:
  - code: "1"
    name: A
    requires: "2"
    children:
      - {code: "1.1", name: B, max: 1, rule: {type: boolean, metric: b}}
  - code: "2"
    name: A
    children:
      - {code: "2.1", name: B, max: 1, rule: {type: boolean, metric: b}}
      - {code: "2.2", name: C, max: 1, requires: "1.1", rule: {type: boolean, metric: b}}
`, []string{`criteria.yaml:12: node "1": its requires form a cycle`}},
	{"level metric problems", `id: t
title: T
year: 2025
metrics:
  - {id: a, type: level}
  - {id: c, type: count, levels: [x]}
  - {id: d, type: level, levels: [Có, có, KPS, ""]}
fields:
  - {code: "1", name: A, max: 1, rule: {type: boolean, metric: a}}
`, []string{
		`criteria.yaml:5: metric "a": a level metric needs levels`,
		`criteria.yaml:6: metric "c": levels apply only to a metric of type level, not count`,
		`criteria.yaml:7: metric "d": level "có" is the same as "Có"`,
		`criteria.yaml:7: metric "d": level "KPS" reads as N/A`,
		`criteria.yaml:7: metric "d": levels is empty`,
		`criteria.yaml:9: node "1": boolean: metric "a" is of type level; a boolean rule needs a bool metric`,
	}},
	{"levels rule problems", lhead + `fields:
  - {code: "1", name: A, max: 1, rule: {type: levels, metric: lv, points: {đúng hạn: 1, dung han: 1, chậm: 2, xấu: 0}}}
  - {code: "2", name: A, max: 1, rule: {type: levels, metric: n, points: {a: 1}}}
  - {code: "3", name: A, max: 1, rule: {type: bands, metric: lv, bands: [{points: 1}]}}
  - {code: "4", name: A, max: 1, rule: {type: levels, metric: lv, points: {đúng hạn: 0.125, chậm: 0, không ban hành: 0}}}
`, []string{
		`criteria.yaml:10: node "1": levels: points: level "đúng hạn" is given twice`,
		`criteria.yaml:10: node "1": levels: points 2 exceed max 1`,
		`criteria.yaml:10: node "1": levels: points: "xấu" is not a level of metric "lv" ("đúng hạn", "chậm", "không ban hành")`,
		`criteria.yaml:10: node "1": levels: points: level "không ban hành" is given no points`,
		`criteria.yaml:11: node "2": levels: metric "n" is of type count; a levels rule needs a level metric`,
		`criteria.yaml:12: node "3": bands: metric "lv" is of type level; a bands rule needs a count, percent, number or points metric`,
		`criteria.yaml:13: node "4": levels: points 0.125 has more than 2 decimal places`,
	}},
}

// TestLoadConstructProblems checks the located load errors of the keys of
// SPEC §8: na, levels and requires.
func TestLoadConstructProblems(t *testing.T) {
	for _, tt := range constructCases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(tt.yaml), "criteria.yaml")
			got := problemTexts(t, err)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRemarks checks the warnings of SPEC §8.4: a band an earlier band
// shadows, and percent bounds written as fractions.
func TestRemarks(t *testing.T) {
	set, err := Load([]byte(lhead+`fields:
  - code: "1"
    name: A
    children:
      - {code: "1.1", name: B, max: 1, rule: {type: bands, metric: n, bands: [{gte: 5, points: 1}, {gte: 3, points: 0.5}, {gt: 6, lte: 9, points: 0.25}]}}
      - {code: "1.2", name: C, max: 1, rule: {type: bands, metric: p, bands: [{gte: 0.8, points: 1}, {gte: 0.5, lt: 0.8, points: 0.5}]}}
      - {code: "1.3", name: D, max: 1, rule: {type: linear, metric: p, from: 0, to: 1}}
      - {code: "1.4", name: E, max: 1, rule: {type: bands, metric: p, bands: [{gt: 0, points: 1}, {lte: 0, points: 0}]}}
      - {code: "1.5", name: F, max: 1, rule: {type: bands, metric: n, bands: [{gt: 0, lt: 5, points: 1}, {gte: 0, lt: 5, points: 0}]}}
`), "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range set.Remarks {
		got = append(got, r.Error())
	}
	want := []string{
		`criteria.yaml:13: criterion 1.1: band 3 is never reached: band 1 before it takes all its values`,
		`criteria.yaml:14: criterion 1.2: the bands of the percentage "p" all lie between 0 and 1: write 80 for 80%, not 0.8`,
		`criteria.yaml:15: criterion 1.3: from 0 to 1 on the percentage "p" lie between 0 and 1: write 80 for 80%, not 0.8`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("remarks (-want +got):\n%s", diff)
	}
	// A Vietnamese report shows them in Vietnamese, at the same places.
	got = got[:0]
	for _, r := range set.Remarks {
		got = append(got, r.Text(Vietnamese))
	}
	want = []string{
		`criteria.yaml:13: tiêu chí 1.1: khoảng 3 không bao giờ được xét: khoảng 1 đứng trước đã gồm mọi giá trị của nó`,
		`criteria.yaml:14: tiêu chí 1.2: các khoảng của tỷ lệ "p" đều nằm trong khoảng 0–1: ghi 80 cho 80%, không ghi 0.8`,
		`criteria.yaml:15: tiêu chí 1.3: thang từ 0 đến 1 của tỷ lệ "p" nằm trong khoảng 0–1: ghi 80 cho 80%, không ghi 0.8`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("remarks in Vietnamese (-want +got):\n%s", diff)
	}
}

func TestSay(t *testing.T) {
	tests := []struct {
		pat  string
		args []string
		want string
	}{
		{"%s và %s", []string{"a", "b"}, "a và b"},
		{"%[2]s off for each %[1]s, at most %[3]s", []string{"x", "1", "2"}, "1 off for each x, at most 2"},
		{"100% của %s", []string{"a"}, "100% của a"},
		{"%s%%", []string{"5"}, "5%%"},
		{"%s %s", []string{"only"}, "only "},
	}
	for _, tt := range tests {
		if got := Say(Vietnamese, tt.pat, "", tt.args...); got != tt.want {
			t.Errorf("Say(%q, %q) = %q, want %q", tt.pat, tt.args, got, tt.want)
		}
	}
}
