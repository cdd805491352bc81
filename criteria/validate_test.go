package criteria

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// head is a valid start of criteria.yaml (6 lines) for the cases below,
// which add their fields from line 7.
const head = `id: t
title: T
year: 2020
metrics:
  - {id: n, type: count}
  - {id: b, type: bool}
`

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"filled_by", "id: t\ntitle: T\nyear: 2020\nmetrics:\n  - {id: a, type: count, filled_by: department}\n  - {id: b, type: count, filled_by: council}\n" +
			"  - {id: r, type: percent, ratio: {numerator: [a], denominator: [b]}, filled_by: department}\n" +
			"fields:\n  - {code: \"1\", name: A, max: 1, rule: {type: count, metric: r, per: 1}}\n", []string{
			`criteria.yaml:6: metric "b": filled_by: unknown value "council"`,
			`criteria.yaml:7: metric "r": a ratio metric is derived: mark its parts filled_by: department instead`,
		}},
		{"code read as text", head + `fields:
  - {code: 1.10, name: A, max: 1, rule: {type: boolean, metric: b}}
  - {code: 1.1, name: B, max: 1, rule: {type: boolean, metric: b}}
  - {code: 1.10, name: C, max: 1, rule: {type: boolean, metric: b}}
`, []string{`criteria.yaml:10: node "1.10": duplicate code (first at line 8)`}},
		{"typo in a rule key", head + `fields:
  - code: "1"
    name: A
    max: 1
    rule:
      type: bands
      metric: n
      bnads: [{points: 1}]
`, []string{
			`criteria.yaml:12: node "1": bands: missing required key "bands"`,
			`criteria.yaml:14: node "1": rule: unknown key "bnads"`,
		}},
		{"parent equal to its children", head + `fields:
  - code: "1"
    name: A
    max: 2
    children:
      - {code: "1.1", name: B, max: 1, rule: {type: boolean, metric: b}}
      - {code: "1.2", name: C, max: 1, rule: {type: count, metric: n, per: 0.5}}
`, nil},
		{"nested cap counts in the parent's sum", head + `fields:
  - code: "1"
    name: A
    max: 2.5
    children:
      - code: "1.1"
        name: B
        max: 1.5
        children:
          - {code: "1.1.1", name: C, max: 1, rule: {type: boolean, metric: b}}
          - {code: "1.1.2", name: D, max: 1, rule: {type: boolean, metric: b}}
      - {code: "1.2", name: E, max: 1, rule: {type: boolean, metric: b}}
`, nil},
		{"parent above a capped child", head + `fields:
  - code: "1"
    name: A
    max: 3
    children:
      - code: "1.1"
        name: B
        max: 1.5
        children:
          - {code: "1.1.1", name: C, max: 1, rule: {type: boolean, metric: b}}
          - {code: "1.1.2", name: D, max: 1, rule: {type: boolean, metric: b}}
      - {code: "1.2", name: E, max: 1, rule: {type: boolean, metric: b}}
`, []string{`criteria.yaml:8: node "1": max 3 exceeds the sum 2.5 of its children's max`}},
		{"decimals 0", strings.Replace(head, "year: 2020", "year: 2020\ndecimals: 0", 1) + `fields:
  - {code: "1", name: A, max: 1.5, rule: {type: boolean, metric: b}}
`, []string{`criteria.yaml:9: node "1": max 1.5 has more than 0 decimal places`}},
		{"trailing zeros are not places", head + `fields:
  - {code: "1", name: A, max: 1.500, rule: {type: count, metric: n, per: 0.2500}}
`, nil},
		{"bonus below the top", head + `fields:
  - code: "1"
    name: A
    children:
      - {code: "1.1", name: B, kind: bonus, max: 1, rule: {type: boolean, metric: b}}
`, []string{`criteria.yaml:11: node "1.1": kind "bonus" is allowed only on a top-level field`}},
		{"only bonus fields", head + `fields:
  - {code: "1", name: A, kind: bonus, max: 1, rule: {type: boolean, metric: b}}
`, []string{`criteria.yaml:8: fields: every field is a bonus or penalty; a set needs at least one ordinary field`}},
		{"missing top-level keys", "id: t\n", []string{
			`criteria.yaml:1: missing required key "title"`,
			`criteria.yaml:1: missing required key "year"`,
			`criteria.yaml:1: missing required key "metrics"`,
			`criteria.yaml:1: missing required key "fields"`,
		}},
		{"float-looking numbers", head + `fields:
  - {code: "1", name: A, max: 1e1, rule: {type: linear, metric: n, from: ".5", to: 1,5}}
`, []string{
			`criteria.yaml:8: node "1": max: "1e1" is not a number`,
			`criteria.yaml:8: node "1": rule: unknown key "5"`,
		}},
		{"unknown metric with a hint", head + `fields:
  - {code: "1", name: A, max: 1, rule: {type: boolean, metric: bb}}
`, []string{`criteria.yaml:8: node "1": boolean: metric "bb" is not declared`}},
		{"syntax error", "id: t\n  title: x\n", []string{
			`criteria.yaml:2: the line is indented further than line 1 above it, which already has its value`,
		}},
		{"empty file", "", []string{`criteria.yaml: the file is empty`}},
		{"not a mapping", "- a\n", []string{`criteria.yaml:1: expected a mapping of keys (key: value), not a list`}},
		{"recursive alias", head + "fields: &f\n  - {code: \"1\", name: A, children: *f}\n", []string{
			`criteria.yaml:8: an alias makes the tree contain itself`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(tt.yaml), "criteria.yaml")
			got := problemTexts(t, err)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadHints(t *testing.T) {
	tests := []struct{ yaml, hint string }{
		{head + "feilds: []\n", `did you mean "fields"?`},
		{head + "fields:\n  - {code: \"1\", name: A, max: 1, rule: {type: boolean, metric: bb}}\n", `did you mean "b"?`},
		{head + "fields:\n  - {code: \"1\", name: A, max: 1, rule: {type: bnads, metric: n}}\n", `did you mean "bands"?`},
		{head + "fields:\n  - {code: \"1\", name: A, max: 1, rule: {tpye: bands, metric: n}}\n", `did you mean "type"?`},
	}
	for _, tt := range tests {
		_, err := Load([]byte(tt.yaml), "criteria.yaml")
		ps, _ := err.(Problems)
		if !contains(ps.Hints(), tt.hint) {
			t.Errorf("hints %q, want one %q\n%v", ps.Hints(), tt.hint, err)
		}
	}
}

// TestLoadAliasBomb checks that nested aliases, which would expand to a
// billion nodes, are cut short.
func TestLoadAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "x0: &a0 {code: \"1\", name: A, max: 1, rule: {type: boolean, metric: b}}\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "x%d: &a%d {code: \"1\", name: A, children: [", i, i)
		for j := 0; j < 10; j++ {
			fmt.Fprintf(&b, "*a%d,", i-1)
		}
		b.WriteString("]}\n")
	}
	b.WriteString("fields: [*a9]\n")
	_, err := Load([]byte(b.String()), "criteria.yaml")
	ps, _ := err.(Problems)
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "the file is too large") {
		t.Fatalf("got %d problems, want the size problem alone:\n%v", len(ps), firstLines(err, 5))
	}
}

// TestLoadManyProblems checks that past maxProblems problems are counted,
// not listed.
func TestLoadManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "fields:\n")
	for i := range maxProblems + 50 {
		fmt.Fprintf(&b, "  - {code: \"%d\", name: A, max: 1}\n", i+1)
	}
	_, err := Load([]byte(b.String()), "criteria.yaml")
	ps, _ := err.(Problems)
	if len(ps) != maxProblems+1 {
		t.Fatalf("got %d problems, want %d", len(ps), maxProblems+1)
	}
	if last := ps[len(ps)-1].Msg; last != "and 50 more problems" {
		t.Errorf("last problem %q, want a count of the problems left out", last)
	}
}

// TestLoadTooLarge checks that a file past the size budget gives the size
// problem alone: the nodes left unread are not reported as incomplete.
func TestLoadTooLarge(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "fields:\n  - code: \"8\"\n    name: A\n    children:\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "      - {code: \"8.%d\", name: A, max: 1, rule: {type: boolean, metric: b}}\n", i)
	}
	_, err := Load([]byte(b.String()), "criteria.yaml")
	ps, _ := err.(Problems)
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "the file is too large") {
		t.Fatalf("got %d problems, want the size problem alone:\n%v", len(ps), firstLines(err, 5))
	}
}

// firstLines returns the first n lines of err's text.
func firstLines(err error, n int) string {
	if err == nil {
		return "<nil>"
	}
	lines := strings.SplitN(err.Error(), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// problemTexts returns the messages of the problems err lists, none for a
// nil err; err must be Problems.
func problemTexts(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("got %T, want Problems", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Error())
	}
	return got
}
