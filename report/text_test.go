package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

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
	tests := []textCase{
		{"ranking", func(b *bytes.Buffer, l criteria.Lang) error { return WriteRanking(b, res, l) }},
		{"criteria", func(b *bytes.Buffer, l criteria.Lang) error { return WriteCriteriaTree(b, res.Set, l, 0) }},
		{"explain-tam-thang", func(b *bytes.Buffer, l criteria.Lang) error { return WriteUnitExplain(b, res, "tam-thang", l) }},
		{"explain-an-my", func(b *bytes.Buffer, l criteria.Lang) error { return WriteUnitExplain(b, res, "an-my", l) }},
		{"explain-an-son", func(b *bytes.Buffer, l criteria.Lang) error { return WriteUnitExplain(b, res, "an-son", l) }},
	}
	textGoldens(t, tests)
}

// TestTextGoldenDemo keeps the listing and explanations of the demo, in
// both languages, as an officer reads them: the wording of every rule
// kind, a closed gate, a level, an N/A policy and the penalties.
func TestTextGoldenDemo(t *testing.T) {
	_, res := demoResult(t, demoDir)
	tests := []textCase{
		{"demo-criteria", func(b *bytes.Buffer, l criteria.Lang) error { return WriteCriteriaTree(b, res.Set, l, 0) }},
		{"demo-explain-phuoc-son", func(b *bytes.Buffer, l criteria.Lang) error { return WriteUnitExplain(b, res, "phuoc-son", l) }},
		{"demo-explain-nam-tra-my", func(b *bytes.Buffer, l criteria.Lang) error { return WriteUnitExplain(b, res, "nam-tra-my", l) }},
	}
	textGoldens(t, tests)
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
		{"ghi\u00adchú", 6}, // a soft hyphen takes none
		{"a\tb", 2},
	}
	for _, tt := range tests {
		if got := textWidth(tt.s); got != tt.want {
			t.Errorf("textWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// FuzzTextWidth checks textWidth's shortcut for Latin and Vietnamese text
// against the rune-by-rune measure.
func FuzzTextWidth(f *testing.F) {
	for _, s := range []string{"Xã Thử Nghiệm 00001", "Phường Điện Bàn Đông", "Ỹỹ ÿ ǿ ɏ ʯ ˿", "a\u00adb", "e\u0301", "東京", "\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := textWidth(s), textWidthSlow(s); got != want {
			t.Fatalf("textWidth(%q) = %d, rune by rune %d", s, got, want)
		}
	})
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
	lost := u.LostPoints()
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
	for _, l := range res.Unit("an-son").LostPoints() {
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
	above, below := res.RankGaps(first)
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

// TestLostPointsAddUp checks on every unit of the demo that the ordinary
// losses add up to the ordinary fields' max − points, as the unit sheets'
// points lost column does, and the penalty lines to the penalty: a capped
// parent counts once, not through its sub-criteria.
func TestLostPointsAddUp(t *testing.T) {
	_, demo := demoResult(t, demoDir)
	for _, res := range []*scoring.Result{demo, textTinyResult(t)} {
		for _, u := range res.Units {
			ord, pen := decimal.Zero, decimal.Zero
			for _, l := range u.LostPoints() {
				if l.Node.Node.Kind == criteria.Penalty {
					pen = pen.Add(l.Lost)
				} else {
					ord = ord.Add(l.Lost)
				}
			}
			want := decimal.Zero
			for i, nr := range u.Nodes {
				if nr.Node.Depth == 0 && nr.Node.Kind == criteria.Ordinary && nr.Applicable {
					want = want.Add(u.Nodes[i].Max().Sub(nr.Points()))
				}
			}
			if !ord.Equal(want) {
				t.Errorf("%s: losses add up to %s, want max − points %s", u.Unit.ID, ord, want)
			}
			if !ord.Equal(u.Max.Sub(u.Appraisal).Sub(u.Survey)) {
				t.Errorf("%s: losses add up to %s, want %s − %s − %s", u.Unit.ID, ord, u.Max, u.Appraisal, u.Survey)
			}
			if !pen.Equal(u.Penalty) {
				t.Errorf("%s: penalty lines add up to %s, want %s", u.Unit.ID, pen, u.Penalty)
			}
		}
	}
}

// TestExplainCappedParent checks that dien-ban's loss under 1.5 (capped at
// 1.5) is the parent's 0.22, not its sub-criteria's 0.22 and 0.50.
func TestExplainCappedParent(t *testing.T) {
	_, res := demoResult(t, demoDir)
	var b bytes.Buffer
	if err := WriteUnitExplain(&b, res, "dien-ban", criteria.Vietnamese); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"11,99 điểm (tối đa 99,00 − đạt 87,01", "\n1.5    Sáng kiến"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain dien-ban lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{"\n1.5.1 ", "\n1.5.2 "} {
		if strings.Contains(out, bad) {
			t.Errorf("explain dien-ban lists a sub-criterion of capped 1.5 (%q):\n%s", bad, out)
		}
	}
}

// TestExplainStanding checks the wording of ties, of points running
// against the index, and English singulars, on a made-up ranking.
func TestExplainStanding(t *testing.T) {
	res := textTinyResult(t)
	d := decimal.RequireFromString
	mk := func(id string, rank int, index, points string) *scoring.UnitResult {
		return &scoring.UnitResult{Unit: &criteria.Unit{ID: id, Name: id}, Rank: rank, Index: d(index), Points: d(points)}
	}
	a, b, c, e := mk("A", 1, "90", "80"), mk("B", 1, "90", "81"), mk("C", 3, "89", "82"), mk("E", 4, "88", "82")
	res = &scoring.Result{Set: res.Set, Units: []*scoring.UnitResult{a, b, c, e}}
	tests := []struct {
		u    *scoring.UnitResult
		lang criteria.Lang
		want []string
	}{
		{a, criteria.Vietnamese, []string{"Đứng đầu bảng xếp hạng, đồng hạng 1 với B.\n", "Hơn hạng dưới (C, hạng 3): 1,00 điểm chỉ số, dù ít hơn 2,00 điểm (vì điểm tối đa khác nhau).\n"}},
		{b, criteria.English, []string{"Ranked first, tied at rank 1 with A.\n", "by 1.00 index point, though 1.00 point fewer (as the maxima differ).\n"}},
		{c, criteria.Vietnamese, []string{"Cách hạng trên (B, hạng 1): kém 1,00 điểm chỉ số, dù nhiều hơn 1,00 điểm (vì điểm tối đa khác nhau).\n", "dù bằng điểm"}},
		{e, criteria.English, []string{"Behind the rank above (C, rank 3) by 1.00 index point, though with the same points (as the maxima differ).\n", "Ranked last.\n"}},
	}
	for _, tt := range tests {
		var sb strings.Builder
		textStanding(&sb, res, tt.u, tt.lang)
		for _, w := range tt.want {
			if !strings.Contains(sb.String(), w) {
				t.Errorf("%s (%s): lacks %q:\n%s", tt.u.Unit.ID, tt.lang, w, sb.String())
			}
		}
		if strings.Contains(sb.String(), "-") {
			t.Errorf("%s (%s): a negative number:\n%s", tt.u.Unit.ID, tt.lang, sb.String())
		}
	}
}

func TestTextCountWords(t *testing.T) {
	res := textTinyResult(t)
	d := decimal.RequireFromString
	tests := []struct{ got, want string }{
		{textPoints(d("1"), res.Set, criteria.English), "1.00 point"},
		{textPoints(d("1.5"), res.Set, criteria.English), "1.50 points"},
		{textPoints(d("1"), res.Set, criteria.Vietnamese), "1,00 điểm"},
		{textCriteria(1, criteria.English), "1 criterion"},
		{textCriteria(2, criteria.English), "2 criteria"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// textCase is a terminal rendering kept in a golden file, in each language.
type textCase struct {
	name  string
	write func(*bytes.Buffer, criteria.Lang) error
}

// textGoldens checks each case, in Vietnamese and in English, against its
// golden file NAME.LANG.golden.
func textGoldens(t *testing.T, tests []textCase) {
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
