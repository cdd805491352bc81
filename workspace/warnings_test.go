package workspace

import (
	"path/filepath"
	"strings"
	"testing"

	"parindex/criteria"
	"parindex/metrics"
)

const tinyMetrics = `unit,plan_on_time,reports_late,dossiers_total,dossiers_late,online_share,sipas,initiatives,violations
Phường An Mỹ,có,,1200,12,42.5,88.2,2,
Phường An Sơn,có,1,950,40,30,85.0,,1
Xã Tam Thăng,không,2,300,0,12,90.1,1,
Xã Tam Phú,có,,KPS,KPS,8%,86.4,,
`

const tinyPrevious = `{"schema": "parindex.result/v1",
 "criteria": {"id": "%ID%", "title": "t", "year": %YEAR%, "decimals": 2},
 "units": [
  {"id": "an-my", "rank": 1, "index": "90.00"},
  {"id": "an-son", "rank": 2, "index": "80.00"},
  {"id": "tam-thang", "rank": 3, "index": "70.00"},
  {"id": "tam-phu", "rank": 4, "index": "60.00"}
 ]}
`

// tinyWorkspace copies the tiny fixture's definition into a new folder
// with the given files.
func tinyWorkspace(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, filepath.Join(tinyDir, "criteria.yaml"), filepath.Join(dir, "criteria.yaml"))
	copyFile(t, filepath.Join(tinyDir, "units.yaml"), filepath.Join(dir, "units.yaml"))
	for name, text := range files {
		write(t, dir, name, text)
	}
	return dir
}

func previous(id, year string) string {
	return strings.NewReplacer("%ID%", id, "%YEAR%", year).Replace(tinyPrevious)
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each a substring of one warning, in order
		vi    string   // a substring of the first warning's Vietnamese text
	}{
		{"none", map[string]string{"metrics.csv": tinyMetrics, "previous.json": previous("tiny-2023", "2023")}, nil, ""},
		{"previous of the same year", map[string]string{"metrics.csv": tinyMetrics, "previous.json": previous("tiny-2024", "2024")},
			[]string{"previous.json: its criteria set is for 2024, not a year before 2024"}, "bộ tiêu chí của tệp là năm 2024"},
		{"previous of another set", map[string]string{"metrics.csv": tinyMetrics, "previous.json": previous("province-2023", "2023")},
			[]string{`previous.json: scored on criteria set "province-2023", this year's is "tiny-2024"`}, "hai bộ tiêu chí khác nhau"},
		{"previous of other units", map[string]string{"metrics.csv": tinyMetrics,
			"previous.json": strings.ReplaceAll(previous("tiny-2023", "2023"), `", "rank"`, `-x", "rank"`)},
			[]string{"previous.json: none of the 4 units is in last year's result"}, "không đơn vị nào trong 4 đơn vị"},
		{"a new unit", map[string]string{"metrics.csv": tinyMetrics,
			"previous.json": strings.Replace(previous("tiny-2023", "2023"), `"tam-phu"`, `"old"`, 1)},
			[]string{`previous.json: 1 unit is in last year's result but not in units.yaml (merged or renamed since?), left out: "old"`,
				"previous.json: 1 unit is not in last year's result, shown as new: Xã Tam Phú"},
			"1 đơn vị có trong kết quả năm trước nhưng không có trong units.yaml (đã sáp nhập hoặc đổi tên?), không tính: \"old\""},
		{"previous.csv, a unit merged away", map[string]string{"metrics.csv": tinyMetrics,
			"previous.csv": "BẢNG XẾP HẠNG NĂM 2023;;\nSTT;Đơn vị;Hạng;Chỉ số\n1;Phường An Mỹ;1;90,5\n2;Phường An Sơn;2;80\n3;Xã Tam Thăng;3;70\n4;Xã Tam Phú;4;60\n5;Xã Tam Xuân;5;55,25\n"},
			[]string{`previous.csv: 1 unit is in last year's result but not in units.yaml (merged or renamed since?), left out: "Xã Tam Xuân" (line 7)`}, `không tính: "Xã Tam Xuân" (line 7)`},
		{"previous.csv, ranks only", map[string]string{"metrics.csv": tinyMetrics,
			"previous.csv": "unit,rank\nan-my,2\nan-son,1\nXã Tam Thăng,3\n"},
			[]string{"previous.csv: 1 unit is not in last year's result, shown as new: Xã Tam Phú"}, "ghi là mới: Xã Tam Phú"},
		{"self-assessment from some", map[string]string{"metrics.csv": tinyMetrics,
			"self.csv": strings.Join(strings.Split(tinyMetrics, "\n")[:2], "\n") + "\n"},
			[]string{"self.csv: 3 units sent no self-assessment: Phường An Sơn, Xã Tam Thăng, Xã Tam Phú"}, "3 đơn vị không gửi kết quả tự đánh giá"},
		{"fractions for percentages", map[string]string{"metrics.csv": strings.NewReplacer(
			"42.5", "0.425", ",30,", ",0.3,", ",12,", ",0,", "8%", "1").Replace(tinyMetrics)},
			[]string{`metrics.csv: metric "online_share": every value is between 0 and 1`}, `chỉ tiêu "online_share": mọi giá trị đều từ 0 đến 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, err := Load(Paths{Dir: tinyWorkspace(t, tt.files)}, Everything)
			if err != nil {
				t.Fatal(err)
			}
			res, err := ws.Score()
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Warnings) != len(tt.want) {
				t.Fatalf("warnings:\n%s\nwant %d", strings.Join(res.Warnings, "\n"), len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(res.Warnings[i], w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, res.Warnings[i], w)
				}
			}
			if tt.vi != "" && !strings.Contains(ws.WarningsVI[res.Warnings[0]], tt.vi) {
				t.Errorf("warning %q in Vietnamese is %q, want it to contain %q", res.Warnings[0], ws.WarningsVI[res.Warnings[0]], tt.vi)
			}
		})
	}
}

func TestNameSome(t *testing.T) {
	names := []string{"a", "b", "c", "d", "e", "f", "g"}
	if got, want := nameSome(names), "a, b, c, d, e and 2 more"; got != want {
		t.Errorf("nameSome = %q, want %q", got, want)
	}
	if got, want := nameSome(names[:5]), "a, b, c, d, e"; got != want {
		t.Errorf("nameSome = %q, want %q", got, want)
	}
}

func TestSortProblems(t *testing.T) {
	ps := criteria.Problems{
		{File: "m.xlsx", Cell: "S!B10", Msg: "c"},
		{File: "m.csv", Line: 4, Msg: "b"},
		{File: "m.xlsx", Cell: "S!C2", Msg: "d"},
		{File: "m.csv", Line: 2, Msg: "a"},
		{File: "m.csv", Line: 4, Msg: "b2"},
	}
	sortProblems(ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.Msg)
	}
	if strings.Join(got, " ") != "a b b2 d c" {
		t.Errorf("order %v, want a b b2 d c", got)
	}
}

// TestCheckPartial checks that problems scoring finds are found in values
// read without reading problems.
func TestCheckPartial(t *testing.T) {
	dir := tinyWorkspace(t, map[string]string{"metrics.csv": strings.Replace(tinyMetrics, "1200,12,", "1200,1300,", 1)})
	ws, err := Load(Paths{Dir: dir}, Definition)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := metrics.Read(filepath.Join(dir, "metrics.csv"), ws.Set, ws.Units, metrics.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ps := checkPartial(ws.Set, ws.Units, tbl)
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "above 100%") || ps[0].Line != 2 {
		t.Errorf("checkPartial = %v, want one ratio above 100%% at line 2", ps)
	}
	if checkPartial(ws.Set, ws.Units, nil) != nil {
		t.Error("checkPartial of no table found problems")
	}
}

// TestEveryProblemAtOnce checks that a reading problem does not hide the
// problems scoring finds: both are listed, by file and line.
func TestEveryProblemAtOnce(t *testing.T) {
	bad := strings.NewReplacer("1200,12,", "1200,1300,", ",30,", `,"12,5",`).Replace(tinyMetrics)
	dir := tinyWorkspace(t, map[string]string{"metrics.csv": bad})
	def, err := Load(Paths{Dir: dir}, Definition)
	if err != nil {
		t.Fatal(err)
	}
	if tbl, _ := metrics.Read(filepath.Join(dir, "metrics.csv"), def.Set, def.Units, metrics.Options{}); tbl == nil {
		t.Skip("metrics.Read returns no table along with its problems yet")
	}
	_, err = Load(Paths{Dir: dir}, Everything)
	ps, ok := err.(criteria.Problems)
	if !ok || len(ps) != 2 {
		t.Fatalf("Load error = %v, want two problems", err)
	}
	if !strings.Contains(ps[0].Msg, "above 100%") || ps[0].Line != 2 || !strings.Contains(ps[1].Msg, "12,5") || ps[1].Line != 3 {
		t.Errorf("problems = %v, want the ratio at line 2, then the decimal comma at line 3", ps)
	}
}
