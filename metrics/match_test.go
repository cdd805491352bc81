package metrics

import (
	"errors"
	"testing"

	"golang.org/x/text/unicode/norm"

	"parindex/criteria"
)

func TestMatch(t *testing.T) {
	units := []*criteria.Unit{
		{ID: "dien-ban", Name: "Thị xã Điện Bàn", Aliases: []string{"Điện Bàn", "TX Điện Bàn"}},
		{ID: "dien-ban-2", Name: "Huyện Điện Bản", Aliases: []string{"Điện Bản"}},
		{ID: "que-son", Name: "Huyện Quế Sơn", Aliases: []string{"Quế Sơn", "QS"}},
		{ID: "tam-ky", Name: "Thành phố Tam Kỳ", Aliases: []string{"Tam Kỳ", "TP Tam Kỳ"}},
	}
	m := NewMatcher(units)
	tests := []struct {
		name string
		want string // unit id, or the error
	}{
		{"dien-ban", "dien-ban"},
		{"Thị xã Điện Bàn", "dien-ban"},
		{norm.NFD.String("Thị xã Điện Bàn"), "dien-ban"},
		{"  THỊ XÃ   ĐIỆN BÀN ", "dien-ban"},
		{"Điện Bản", "dien-ban-2"}, // exact wins over the loose match with Điện Bàn
		{"TX Điện Bàn", "dien-ban"},
		{"tx dien ban", "dien-ban"},
		{"Que Son", "que-son"},
		{"qs", "que-son"},
		{"TP TAM KY", "tam-ky"},
		{"Dien Ban", `unit "Dien Ban" is ambiguous: it matches "Thị xã Điện Bàn" (dien-ban) and "Huyện Điện Bản" (dien-ban-2)`},
		{"Điên Ban", `unit "Điên Ban" is ambiguous: it matches "Thị xã Điện Bàn" (dien-ban) and "Huyện Điện Bản" (dien-ban-2)`},
		{"Hội An", `unknown unit "Hội An"`},
		{"Tam Ki", `unknown unit "Tam Ki" (did you mean "Thành phố Tam Kỳ" (tam-ky)?)`},
		{"  ", `empty unit name`},
	}
	for _, tt := range tests {
		u, err := m.Match(tt.name)
		got := ""
		if err != nil {
			got = err.Error()
			var me *MatchError
			if !errors.As(err, &me) {
				t.Errorf("Match(%q): error %T, want *MatchError", tt.name, err)
			}
		} else {
			got = u.ID
		}
		if got != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMatchCandidates(t *testing.T) {
	units := []*criteria.Unit{{ID: "a", Name: "Điện Bàn"}, {ID: "b", Name: "Điện Bản"}}
	_, err := NewMatcher(units).Match("dien ban")
	var me *MatchError
	if !errors.As(err, &me) || len(me.Candidates) != 2 {
		t.Fatalf("Match: %v, want an ambiguity between two units", err)
	}
}

func TestSuggest(t *testing.T) {
	units := []*criteria.Unit{
		{ID: "dien-ban", Name: "Thị xã Điện Bàn"},
		{ID: "tien-phuoc", Name: "Huyện Tiên Phước"},
		{ID: "nam-giang", Name: "Huyện Nam Giang"},
		{ID: "nam-tra-my", Name: "Huyện Nam Trà My"},
		{ID: "dai-loc", Name: "Huyện Đại Lộc"},
	}
	m := NewMatcher(units)
	tests := []struct {
		name string
		want string
	}{
		{"Điện", `unknown unit "Điện" (did you mean "Thị xã Điện Bàn" (dien-ban)?)`},
		{"Tien Phuc", `unknown unit "Tien Phuc" (did you mean "Huyện Tiên Phước" (tien-phuoc)?)`},
		{"Nam", `unknown unit "Nam" (did you mean "Huyện Nam Giang" (nam-giang) or "Huyện Nam Trà My" (nam-tra-my)?)`},
		{"an", `unknown unit "an"`},
		{"Dai Loc", `unknown unit "Dai Loc" (did you mean "Huyện Đại Lộc" (dai-loc)?)`},
	}
	for _, tt := range tests {
		_, err := m.Match(tt.name)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Match(%q) = %v, want %s", tt.name, err, tt.want)
		}
	}
}
