package criteria

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"
)

// TestDescribeGolden lists every node of the valid set in words, in both
// languages.
func TestDescribeGolden(t *testing.T) {
	s, err := Load(readTestdata(t, "valid.yaml"), "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, lang := range []Lang{Vietnamese, English} {
		for _, n := range s.Nodes() {
			d := n.Describe(s, lang)
			if d == "" {
				t.Errorf("node %s: empty description in %s", n.Code, lang)
			}
			if !norm.NFC.IsNormalString(d) {
				t.Errorf("node %s: description in %s is not NFC", n.Code, lang)
			}
			b.WriteString(string(lang) + "\t" + n.Code + "\t" + d + "\n")
		}
	}
	golden(t, "describe.golden", b.String())
}

func TestDescribeBands(t *testing.T) {
	nd := func(s string) decimal.NullDecimal { return bound(s) }
	tests := []struct {
		band   Band
		vi, en string
	}{
		{Band{GTE: nd("1"), LT: nd("3")}, "từ 1% đến dưới 3%", "from 1% to below 3%"},
		{Band{GTE: nd("2.5"), LTE: nd("2.5")}, "bằng 2,5%", "exactly 2.5%"},
		{Band{GT: nd("0"), LTE: nd("5")}, "trên 0% đến 5%", "above 0% up to 5%"},
		{Band{LTE: nd("1000")}, "không quá 1.000%", "1000% or less"},
		{Band{}, "còn lại", "otherwise"},
	}
	for _, tt := range tests {
		if got := bandRange(tt.band, "%", Vietnamese); got != tt.vi {
			t.Errorf("vi: got %q, want %q", got, tt.vi)
		}
		if got := bandRange(tt.band, "%", English); got != tt.en {
			t.Errorf("en: got %q, want %q", got, tt.en)
		}
	}
}

func TestDescribeWithoutSet(t *testing.T) {
	n := &Node{Code: "1", Max: dec("1"), HasMax: true, Rule: &Rule{Type: BooleanRule, Metric: "plan", Expect: true}}
	if got, want := n.Describe(nil, Vietnamese), "plan: có 1 điểm, không 0 điểm"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
