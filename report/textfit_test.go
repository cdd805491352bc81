package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"parindex/criteria"
)

// TestRankingFit checks each step of the rule that fits the ranking to a
// width: the demo at widths that each need one more step.
func TestRankingFit(t *testing.T) {
	_, res := demoResult(t, demoDir)
	tests := []struct {
		width int
		head  string // the header row
		row   string // Điện Bàn's row, trailing space trimmed
	}{
		{0, "Hạng  Đơn vị            Nhóm       Hạng nhóm   Điểm  Tối đa  Chỉ số  Xếp loại    So với năm trước",
			"   7  Thị xã Điện Bàn   Đồng bằng          6  87,51   99,00   88,39  Khá         ↓6"},
		{95, "Hạng  Đơn vị            Nhóm       H.nhóm   Điểm  Tối đa  Chỉ số  Loại        Năm trước",
			"   7  Thị xã Điện Bàn   Đồng bằng       6  87,51   99,00   88,39  Khá         ↓6"},
		{81, "Hạng  Đơn vị      Nhóm       H.nhóm   Điểm  Tối đa  Chỉ số  Loại        Năm trước",
			"   7  Điện Bàn    Đồng bằng       6  87,51   99,00   88,39  Khá         ↓6"},
		{80, "Hạng  Đơn vị      Nhóm       H.nhóm   Điểm  Chỉ số  Loại        Năm trước",
			"   7  Điện Bàn    Đồng bằng       6  87,51   88,39  Khá         ↓6"},
		{62, "Hạng  Đơn vị      H.nhóm   Điểm  Chỉ số  Loại        Năm trước",
			"   7  Điện Bàn         6  87,51   88,39  Khá         ↓6"},
		{50, "Hạng  Đơn vị      H.nhóm   Điểm  Chỉ số  Năm trước",
			"   7  Điện Bàn         6  87,51   88,39  ↓6"},
		// Names are never cut below 12 columns: the table stays wider.
		{44, "Hạng  Đơn vị      H.nhóm   Điểm  Chỉ số  Năm trước",
			"   7  Điện Bàn         6  87,51   88,39  ↓6"},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := WriteRankingFit(&b, res, criteria.Vietnamese, tt.width); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		var head, row string
		for i, l := range lines {
			if strings.HasPrefix(l, "Hạng") {
				head = l
			}
			if strings.Contains(l, "Điện Bàn") && i > 0 {
				row = l
			}
			if tt.width > 0 && tt.width >= 50 && textWidth(l) > tt.width {
				t.Errorf("width %d: line %q is %d wide", tt.width, l, textWidth(l))
			}
		}
		if diff := cmp.Diff([]string{tt.head, tt.row}, []string{head, row}); diff != "" {
			t.Errorf("width %d (-want +got):\n%s", tt.width, diff)
		}
	}
}

func TestCutText(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Núi Thành", 12, "Núi Thành"},
		{"Tiên Phước Thượng", 12, "Tiên Phước…"},
		{"Nam Trà My", 5, "Nam…"},
	}
	for _, tt := range tests {
		if got := cutText(tt.in, tt.n); got != tt.want || textWidth(got) > tt.n {
			t.Errorf("cutText(%q, %d) = %q", tt.in, tt.n, got)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name, in string
		width    int
		want     string
	}{
		{"short", "Hạng 6/18\n", 80, "Hạng 6/18\n"},
		{"prose", "Điểm: 86,92/99,00 (thẩm định 54,61; điều tra XHH 31,81; điểm thưởng +0,50)\n", 40,
			"Điểm: 86,92/99,00 (thẩm định 54,61;\n    điều tra XHH 31,81; điểm thưởng\n    +0,50)\n"},
		{"under the last column", "1.1  Kế hoạch  1,00  có: đúng hạn, được chấm đủ số điểm tối đa của tiêu chí này\n", 60,
			"1.1  Kế hoạch  1,00  có: đúng hạn, được chấm đủ số điểm tối\n                     đa của tiêu chí này\n"},
		{"last column on its own line", "3.3.1  Tỷ lệ hồ sơ giải quyết đúng hạn  2,00  0,50  tỷ lệ 86% thuộc khoảng từ 80% đến dưới 90%\n", 60,
			"3.3.1  Tỷ lệ hồ sơ giải quyết đúng hạn  2,00  0,50\n    tỷ lệ 86% thuộc khoảng từ 80% đến dưới 90%\n"},
		{"a word too long stays whole", "  → " + strings.Repeat("x", 50) + " y\n", 40, "  →\n      " + strings.Repeat("x", 50) + "\n      y\n"},
		{"no limit", strings.Repeat("a ", 100), 0, strings.Repeat("a ", 100)},
	}
	for _, tt := range tests {
		got := Wrap(tt.in, tt.width)
		if got != tt.want {
			t.Errorf("%s: Wrap =\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}

// TestCriteriaTreeFit checks that the criteria tree of the demo fits a
// narrow terminal with each node's maximum kept at the end of its first
// line, aligned, and every name whole across its lines.
func TestCriteriaTreeFit(t *testing.T) {
	_, res := demoResult(t, demoDir)
	for _, width := range []int{80, 100} {
		var b bytes.Buffer
		if err := WriteCriteriaTree(&b, res.Set, criteria.Vietnamese, width); err != nil {
			t.Fatal(err)
		}
		out := Wrap(b.String(), width)
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		for i, l := range lines {
			if w := textWidth(l); w > width {
				t.Errorf("width %d: line %d is %d columns: %q", width, i+1, w, l)
			}
		}
		var end int
		for _, n := range res.Set.Nodes() {
			max := criteria.FormatNumber(n.MaxPoints(), criteria.Vietnamese)
			found := false
			for _, l := range lines {
				code := strings.TrimLeft(l, " ")
				if !strings.HasPrefix(code, n.Code+"  ") {
					continue
				}
				found = true
				if !strings.HasSuffix(l, " "+max) {
					t.Errorf("width %d: node %s: first line does not end with its max %s: %q", width, n.Code, max, l)
				}
				if end == 0 {
					end = textWidth(l)
				} else if textWidth(l) != end {
					t.Errorf("width %d: node %s: max ends at column %d, others at %d", width, n.Code, textWidth(l), end)
				}
			}
			if !found {
				t.Errorf("width %d: node %s not found", width, n.Code)
			}
		}
		// The name of 1.1.2 reads whole once its max, on its first line, is
		// taken out.
		joined := strings.Join(strings.Fields(out), " ")
		joined = strings.Replace(joined, "tiêu chí 1,5 1.1.1", "tiêu chí 1.1.1", 1)
		if !strings.Contains(joined, "1.1.2 Mức độ hoàn thành kế hoạch CCHC năm [chỉ chấm khi tiêu chí 1.1.1 đạt điểm] ") {
			t.Errorf("width %d: a wrapped name does not read whole", width)
		}
	}
}
