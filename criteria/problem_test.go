package criteria

import (
	"strings"
	"testing"
)

func TestProblemsAppendCaps(t *testing.T) {
	tests := []struct {
		name      string
		add       int // single problems appended one by one
		merged    int // then a list of this many, capped itself, appended at once
		wantKept  int
		wantCount int
		wantLast  string
	}{
		{"under the cap", 3, 0, 3, 3, "f.csv:3: bad"},
		{"at the cap", MaxListed, 0, MaxListed, MaxListed, "f.csv:200: bad"},
		{"one past", MaxListed + 1, 0, MaxListed + 1, MaxListed + 1, "… and 1 more problem"},
		{"a million", 1_000_000, 0, MaxListed + 1, 1_000_000, "… and 999800 more problems"},
		{"merging two capped lists", 250, 300, MaxListed + 1, 550, "… and 350 more problems"},
		{"merging into a short list", 10, 300, MaxListed + 1, 310, "… and 110 more problems"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps Problems
			for i := range tt.add {
				ps.Append(Problem{File: "f.csv", Line: i + 1, Msg: "bad"})
			}
			if tt.merged > 0 {
				var other Problems
				for i := range tt.merged {
					other.Add("g.csv", i+1, "worse")
				}
				ps.Append(other...)
			}
			if len(ps) != tt.wantKept || ps.Count() != tt.wantCount {
				t.Errorf("kept %d, count %d; want %d, %d", len(ps), ps.Count(), tt.wantKept, tt.wantCount)
			}
			if got := ps[len(ps)-1].Error(); got != tt.wantLast {
				t.Errorf("last line %q, want %q", got, tt.wantLast)
			}
			if lines := strings.Count(ps.Error(), "\n") + 1; lines != min(tt.wantCount, MaxListed+1) {
				t.Errorf("Error() has %d lines", lines)
			}
		})
	}
}

func TestQuoteInProblems(t *testing.T) {
	long := "1E+" + strings.Repeat("9", 9_999_999)
	tests := []struct{ in, want string }{
		{"12,5", `"12,5"`},
		{"", `""`},
		{"Thị xã Điện Bàn", `"Thị xã Điện Bàn"`},
		{strings.Repeat("á", QuoteLimit), `"` + strings.Repeat("á", QuoteLimit) + `"`},
		{strings.Repeat("á", QuoteLimit+1), `"` + strings.Repeat("á", QuoteLimit) + `…"`},
		{long, `"1E+` + strings.Repeat("9", QuoteLimit-3) + `…"`},
		{"a\x00b", `"a\x00b"`},
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%.20q…) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
