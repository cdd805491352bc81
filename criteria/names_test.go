package criteria

import (
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"
)

func TestNameKeys(t *testing.T) {
	tests := []struct {
		a, b         string
		exact, loose bool
	}{
		{"Thị xã Điện Bàn", " thị xã  điện bàn ", true, true},
		{"Điện Bàn", norm.NFD.String("ĐIỆN BÀN"), true, true},
		{"Điện Bàn", "Dien Ban", false, true},
		{"Điện Bàn", "Điện Bản", false, true},
		{"Quế Sơn", "Quế Phong", false, false},
	}
	for _, tt := range tests {
		if got := NameKey(tt.a) == NameKey(tt.b); got != tt.exact {
			t.Errorf("NameKey(%q) == NameKey(%q): %v, want %v", tt.a, tt.b, got, tt.exact)
		}
		if got := LooseKey(tt.a) == LooseKey(tt.b); got != tt.loose {
			t.Errorf("LooseKey(%q) == LooseKey(%q): %v, want %v", tt.a, tt.b, got, tt.loose)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		lang   Lang
		num    string
		fixed  string
	}{
		{"87.5", 2, Vietnamese, "87,5", "87,50"},
		{"87.5", 2, English, "87.5", "87.50"},
		{"1234567.125", 2, Vietnamese, "1.234.567,125", "1.234.567,13"},
		{"-0.004", 2, Vietnamese, "-0,004", "0,00"},
		{"-12.5", 1, Vietnamese, "-12,5", "-12,5"},
		{"100", 2, Vietnamese, "100", "100,00"},
	}
	for _, tt := range tests {
		d := decimal.RequireFromString(tt.in)
		if got := FormatNumber(d, tt.lang); got != tt.num {
			t.Errorf("FormatNumber(%s, %s) = %q, want %q", tt.in, tt.lang, got, tt.num)
		}
		if got := FormatFixed(d, tt.places, tt.lang); got != tt.fixed {
			t.Errorf("FormatFixed(%s, %d, %s) = %q, want %q", tt.in, tt.places, tt.lang, got, tt.fixed)
		}
	}
}

func TestParseNFD(t *testing.T) {
	m := &Metric{ID: "b", Type: Bool}
	v, err := m.Parse(norm.NFD.String("Có"))
	if err != nil || !v.IsBool() || !v.Bool() {
		t.Fatalf("Parse(NFD \"Có\") = %v, %v; want true", v, err)
	}
}

func BenchmarkLooseKey(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		LooseKey("Thị xã Điện Bàn")
	}
}
