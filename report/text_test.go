package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/unicode/norm"

	"parindex/criteria"
	"parindex/scoring"
	wspkg "parindex/workspace"
)

var textUpdate = flag.Bool("update", false, "rewrite the golden files of testdata/text")

// textTinyResult scores fixtures/tiny, the workspace the text goldens show.
func textTinyResult(t *testing.T) *scoring.Result {
	t.Helper()
	ws, err := wspkg.Load(wspkg.Paths{Dir: filepath.Join("..", "fixtures", "tiny")}, wspkg.Everything)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ws.Score()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// textGolden compares got with testdata/text/name, or rewrites it with -update.
func textGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "text", name)
	if *textUpdate {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n--- got:\n%s\n--- want:\n%s", name, got, want)
	}
}

func TestTextGolden(t *testing.T) {
	res := textTinyResult(t)
	tests := []struct {
		name  string
		write func(*bytes.Buffer, criteria.Lang) error
	}{
		{"ranking", func(b *bytes.Buffer, l criteria.Lang) error { return WriteRanking(b, res, l) }},
		{"criteria", func(b *bytes.Buffer, l criteria.Lang) error { return WriteCriteriaTree(b, res.Set, l) }},
		{"explain-tam-thang", func(b *bytes.Buffer, l criteria.Lang) error { return WriteUnitExplain(b, res, "tam-thang", l) }},
		{"explain-an-my", func(b *bytes.Buffer, l criteria.Lang) error { return WriteUnitExplain(b, res, "an-my", l) }},
		{"explain-an-son", func(b *bytes.Buffer, l criteria.Lang) error { return WriteUnitExplain(b, res, "an-son", l) }},
	}
	for _, tt := range tests {
		for _, lang := range []criteria.Lang{criteria.Vietnamese, criteria.English} {
			t.Run(tt.name+"."+string(lang), func(t *testing.T) {
				var b bytes.Buffer
				if err := tt.write(&b, lang); err != nil {
					t.Fatal(err)
				}
				textGolden(t, tt.name+"."+string(lang)+".golden", b.Bytes())
			})
		}
	}
}

func TestWriteUnitExplainUnknownUnit(t *testing.T) {
	res := textTinyResult(t)
	if err := WriteUnitExplain(&bytes.Buffer{}, res, "no-such-unit", criteria.Vietnamese); err == nil {
		t.Error("WriteUnitExplain of an unknown unit: no error")
	}
}

func TestTextWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"Điện Bàn", 8},
		{norm.NFD.String("Điện Bàn"), 8}, // combining marks take no cell
		{"Hạng", 4},
		{"東京", 4}, // wide characters take two
		{"", 0},
	}
	for _, tt := range tests {
		if got := textWidth(tt.s); got != tt.want {
			t.Errorf("textWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestRankingAligns checks that names typed in NFD line up with NFC ones:
// every row of the table ends in the same cell.
func TestRankingAligns(t *testing.T) {
	tab := &textTable{right: []bool{false, true}}
	tab.add("Đơn vị", "Điểm")
	tab.add(norm.NFD.String("Thị xã Điện Bàn"), "91,25")
	tab.add("Huyện Núi Thành", "8,00")
	var b bytes.Buffer
	if err := tab.write(&b); err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSuffix(b.Bytes(), []byte("\n")), []byte("\n"))
	want := textWidth(string(lines[0]))
	for _, l := range lines[1:] {
		if got := textWidth(string(l)); got != want {
			t.Errorf("line %q is %d cells wide, want %d", l, got, want)
		}
	}
}

func TestLostPointsOrder(t *testing.T) {
	res := textTinyResult(t)
	u := res.Unit("tam-thang")
	lost := LostPoints(u)
	var codes []string
	for _, l := range lost {
		codes = append(codes, l.Node.Node.Code)
	}
	want := []string{"2.2", "1.1", "1.2"}
	if len(codes) != len(want) {
		t.Fatalf("LostPoints codes = %v, want %v", codes, want)
	}
	for i := range want {
		if codes[i] != want[i] {
			t.Fatalf("LostPoints codes = %v, want %v", codes, want)
		}
	}
	// A penalty taken off is a loss; an unearned bonus is not.
	var sonCodes []string
	for _, l := range LostPoints(res.Unit("an-son")) {
		sonCodes = append(sonCodes, l.Node.Node.Code)
	}
	for _, c := range sonCodes {
		if c == "4.1" {
			t.Errorf("an unearned bonus listed as a loss: %v", sonCodes)
		}
	}
	found := false
	for _, c := range sonCodes {
		found = found || c == "5.1"
	}
	if !found {
		t.Errorf("a penalty not listed as a loss: %v", sonCodes)
	}
}

func TestRankGaps(t *testing.T) {
	res := textTinyResult(t)
	first := res.Units[0]
	above, below := RankGaps(res, first)
	if above.Other != nil {
		t.Errorf("first unit has a unit above: %s", above.Other.Unit.ID)
	}
	if below.Other == nil || below.Other != res.Units[1] {
		t.Fatalf("first unit's unit below = %v, want %s", below.Other, res.Units[1].Unit.ID)
	}
	if want := first.Index.Sub(res.Units[1].Index); !below.Index.Equal(want) {
		t.Errorf("index gap = %s, want %s", below.Index, want)
	}
}
