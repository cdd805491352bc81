package criteria

import (
	"math"
	"math/big"
	"strings"
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

// TestFormatMatchesDecimal checks the int64 fast paths of FormatNumber and
// FormatFixed against shopspring's own rendering, on numbers around the
// edges: zeros, negative values, many places, large coefficients.
func TestFormatMatchesDecimal(t *testing.T) {
	coefs := []int64{0, 1, -1, 5, -5, 15, 125, -125, 999, 1000, 123456789, -987654321012, 99999999999999999, -99999999999999999}
	for _, c := range coefs {
		for e := int32(-20); e <= 5; e++ {
			d := decimal.New(c, e)
			if got, want := FormatNumber(d, English), d.String(); got != want {
				t.Errorf("FormatNumber(%s) = %q, want %q", d, got, want)
			}
			for places := int32(0); places <= 6; places++ {
				want := d.StringFixed(places)
				if decimal.RequireFromString(want).IsZero() {
					want = strings.TrimPrefix(want, "-")
				}
				if got := FormatFixed(d, places, English); got != want {
					t.Errorf("FormatFixed(%s, %d) = %q, want %q", d, places, got, want)
				}
			}
		}
	}
}

func BenchmarkFormatFixed(b *testing.B) {
	d := decimal.New(8750, -2)
	b.ReportAllocs()
	for range b.N {
		FormatFixed(d, 2, Vietnamese)
	}
}

// TestRoundMatchesDivRound checks Value.Round's machine-word path against
// shopspring's DivRound on fractions with both signs and half-way cases.
func TestRoundMatchesDivRound(t *testing.T) {
	nums := []decimal.Decimal{
		decimal.New(0, 0), decimal.New(1, 0), decimal.New(-1, 0), decimal.New(125, -3), decimal.New(-125, -3),
		decimal.New(75, -2), decimal.New(2, 2), decimal.New(123456789, -4), decimal.New(-99999999999, 3),
	}
	dens := []decimal.Decimal{
		decimal.New(1, 0), decimal.New(6, 0), decimal.New(-6, 0), decimal.New(8, 0), decimal.New(3, -1),
		decimal.New(7, 2), decimal.New(99999, -3), decimal.New(4, 0),
	}
	for _, n := range nums {
		for _, d := range dens {
			for places := int32(0); places <= 6; places++ {
				want := n.DivRound(d, places)
				if got := Frac(n, d).Round(places); !got.Equal(want) {
					t.Errorf("Frac(%s, %s).Round(%d) = %s, want %s", n, d, places, got, want)
				}
			}
		}
		for places := int32(0); places <= 4; places++ {
			if got, want := Num(n).Round(places), n.Round(places); !got.Equal(want) {
				t.Errorf("Num(%s).Round(%d) = %s, want %s", n, places, got, want)
			}
			if got, want := Num(n).RoundText(places, Vietnamese), FormatNumber(n.Round(places), Vietnamese); got != want {
				t.Errorf("Num(%s).RoundText(%d) = %s, want %s", n, places, got, want)
			}
		}
	}
	// A ratio of counts is held in machine words: it must round as the
	// decimals do, and compare and convert as the same fraction would.
	ints := []int64{0, 1, -1, 5, -5, 7, 100, 12500, -12500, 99999, 1 << 40, -(1 << 40), math.MaxInt32, math.MinInt32 + 1, math.MaxInt64, math.MinInt64}
	for _, a := range ints {
		for _, b := range ints {
			if b == 0 {
				continue
			}
			n, d := decimal.NewFromInt(a), decimal.NewFromInt(b)
			v := FracInt(a, b)
			for places := int32(0); places <= 6; places++ {
				if got, want := v.Round(places), n.DivRound(d, places); !got.Equal(want) {
					t.Errorf("FracInt(%d, %d).Round(%d) = %s, want %s", a, b, places, got, want)
				}
				if got, want := v.RoundText(places, English), FormatNumber(n.DivRound(d, places), English); got != want {
					t.Errorf("FracInt(%d, %d).RoundText(%d) = %s, want %s", a, b, places, got, want)
				}
			}
			if got, want := v.Rat(), new(big.Rat).SetFrac(big.NewInt(a), big.NewInt(b)); got.Cmp(want) != 0 {
				t.Errorf("FracInt(%d, %d).Rat() = %s", a, b, got)
			}
			for _, c := range []decimal.Decimal{decimal.Zero, decimal.New(1, 0), decimal.New(-3, 1), decimal.New(12345, -2)} {
				want := new(big.Rat).SetFrac(big.NewInt(a), big.NewInt(b)).Cmp(c.Rat())
				if got := v.Cmp(c); got != want {
					t.Errorf("FracInt(%d, %d).Cmp(%s) = %d, want %d", a, b, c, got, want)
				}
			}
		}
	}
}

// FuzzFormat checks FormatNumber and FormatFixed against shopspring's own
// rendering for any decimal text, at any places: the fast paths must agree
// and never panic.
func FuzzFormat(f *testing.F) {
	for _, s := range []string{"0", "87.5", "-0.004", "0.000000000000000000000000001", "-0.000000000000000000000001", "123456789012345678901234567890", "1e5", "99999999999999999"} {
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, p uint8) {
		d, err := decimal.NewFromString(s)
		if err != nil || d.Exponent() < -1000 || d.Exponent() > 1000 {
			return
		}
		places := int32(p % 12)
		if got, want := FormatNumber(d, English), d.String(); got != want {
			t.Errorf("FormatNumber(%s) = %q, want %q", s, got, want)
		}
		want := d.StringFixed(places)
		if decimal.RequireFromString(want).IsZero() {
			want = strings.TrimPrefix(want, "-")
		}
		if got := FormatFixed(d, places, English); got != want {
			t.Errorf("FormatFixed(%s, %d) = %q, want %q", s, places, got, want)
		}
		FormatNumber(d, Vietnamese)
		FormatFixed(d, places, Vietnamese)
	})
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"late_rate", "late_rate", 2, 0},
		{"late_rat", "late_rate", 2, 1},
		{"satisfction", "satisfaction", 2, 1},
		{"kỳ", "ky", 1, 1},
		{"tma kỳ", "tam kỳ", 2, 1}, // a transposition is one edit
		{"fileds", "fields", 1, 1},
		{"abc", "xyz", 2, -1},
		{"a", "abcd", 2, -1},
		{"bnads", "bands", 0, -1},
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// FuzzNameKey checks NameKey's shortcut for ids against the full rule.
func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"u00001", "dien-ban", "Dien-Ban", "a  b", " a", "a\tb", "điện bàn", "x\x7fy", "a b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(s))), " ")
		if got := NameKey(s); got != want {
			t.Fatalf("NameKey(%q) = %q, want %q", s, got, want)
		}
	})
}
