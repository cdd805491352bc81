package report

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"parindex/scoring"
	ws "parindex/workspace"
)

// tinyDecisions are two decisions on the tiny workspace, checked by hand:
// Tam Thăng scores 15.22 (rank 4); 2 points on 1.1 give it 17.22 (rank 2);
// an online share of 20.5% gives 3 × 20.5 / 50 = 1.23 on 2.2 instead of
// 0.72, 17.73 in all, still rank 2.
const tinyDecisions = `unit,target,value,reason,round
Tam Thăng,1.1,2,Kế hoạch ban hành đúng hạn theo văn bản bổ sung,Giải trình
tam-thang,online_share,20.5,Số liệu cổng dịch vụ công cập nhật,Hội đồng
`

// decidedResult scores the tiny workspace with tinyDecisions.
func decidedResult(t *testing.T) *scoring.Result {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"criteria.yaml", "units.yaml", "metrics.csv"} {
		data, err := os.ReadFile(filepath.Join("..", "fixtures", "tiny", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "decisions.csv"), []byte(tinyDecisions), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, err := ws.Load(ws.Paths{Dir: dir}, ws.Everything)
	if err != nil {
		t.Fatal(err)
	}
	res, err := loaded.Score()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// wantDecisionRows is Điều chỉnh as a person reads it, worked out by hand.
var wantDecisionRows = [][]string{
	{"1", "Xã Tam Thăng", "1.1 Ban hành kế hoạch CCHC năm", "0", "2", "15.22", "17.22", "2", "4", "2",
		"Kế hoạch ban hành đúng hạn theo văn bản bổ sung", "Giải trình"},
	{"2", "Xã Tam Thăng", "online_share (Tỷ lệ hồ sơ nộp trực tuyến)", "12", "20.5", "17.22", "17.73", "0.51", "2", "2",
		"Số liệu cổng dịch vụ công cập nhật", "Hội đồng"},
}

// checkDecisionSheet compares the rows of Điều chỉnh with want, reading
// every number as a number.
func checkDecisionSheet(t *testing.T, f *excelize.File) {
	t.Helper()
	rows, err := f.GetRows(decisionVietnamese.sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("no sheet %s: %v", decisionVietnamese.sheet, err)
	}
	if len(rows) != 4+len(wantDecisionRows) {
		t.Fatalf("%s has %d rows, want %d", decisionVietnamese.sheet, len(rows), 4+len(wantDecisionRows))
	}
	if rows[3][0] != decisionVietnamese.row || rows[3][10] != decisionVietnamese.reason {
		t.Errorf("header row %q", rows[3])
	}
	for i, want := range wantDecisionRows {
		got := rows[4+i]
		for j, w := range want {
			if j >= len(got) || got[j] != w {
				t.Errorf("row %d column %d: got %q, want %q (row %q)", i+1, j+1, cellAt(got, j), w, got)
			}
		}
		for _, col := range []int{3, 4, 5, 6, 7, 8, 9} {
			ref, _ := excelize.CoordinatesToCellName(col+1, 5+i)
			if typ, _ := f.GetCellType(decisionVietnamese.sheet, ref); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				t.Errorf("%s is not a number cell", ref)
			}
		}
	}
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// TestDecisionSheet checks Điều chỉnh and the mark on the unit sheet of a
// decided criterion.
func TestDecisionSheet(t *testing.T) {
	res := decidedResult(t)
	f, _ := writeReport(t, res, Options{Version: "test"})
	checkDecisionSheet(t, f)
	explain, err := f.GetCellValue("Xã Tam Thăng", "G11")
	if err != nil {
		t.Fatal(err)
	}
	want := "[Hội đồng thẩm định điều chỉnh: 0,00 → 2,00; Kế hoạch ban hành đúng hạn theo văn bản bổ sung; vòng Giải trình] điểm do Hội đồng thẩm định quyết định: 2/2 điểm"
	if explain != want {
		t.Errorf("unit sheet, 1.1 explained as %q, want %q", explain, want)
	}
	other, _ := f.GetCellValue("Xã Tam Thăng", "G12")
	if other == "" || other[0] == '[' {
		t.Errorf("1.2, not decided, explained as %q", other)
	}
}

// TestDecisionSheetInLibreOffice opens the report in LibreOffice, saves
// it again, and reads Điều chỉnh back.
func TestDecisionSheetInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("opening the report in LibreOffice is slow")
	}
	res := decidedResult(t)
	_, data := writeReport(t, res, Options{Version: "test"})
	f := resaved(t, data)
	checkDecisionSheet(t, f)
}
