package metrics

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadLastYear(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string // unit rank index, sorted
		unknown          []string
		problems         []string
	}{
		{"ranks and indices", "previous.csv", "unit,rank,index\nĐiện Bàn,2,88.5\nque-son,1,90\nTam Kỳ,3,70.25\n",
			[]string{"dien-ban 2 88.5", "que-son 1 90", "tam-ky 3 70.25"}, nil, nil},
		{"vietnamese headers, titles, decimal comma", "previous.csv",
			"KẾT QUẢ CHỈ SỐ CCHC NĂM 2018;;;\n;;;\nSTT;Tên đơn vị;Chỉ số;Xếp hạng\n1;Thị xã Điện Bàn;88,5;2\n2;Huyện Đại Lộc;80;3\n",
			[]string{"dien-ban 2 88.5"}, []string{`"Huyện Đại Lộc" (line 5)`}, nil},
		{"ranks only", "previous.csv", "Đơn vị\tHạng\nĐiện Bàn\t1\n", []string{"dien-ban 1 -"}, nil, nil},
		{"problems", "previous.csv", "unit,rank,index\nĐiện Bàn,first,88\nque-son,1,120\n,2,3\nTam Kỳ,1.5,1\nDien Ban,4,1\n", nil, nil,
			[]string{`previous.csv:2: unit "Điện Bàn": rank "first" is not a rank (a whole number, 1 or more)`,
				`previous.csv:3: unit "que-son": index 120 is not between 0 and 100`,
				`previous.csv:4: the row has a rank but no unit`,
				`previous.csv:5: unit "Tam Kỳ": rank "1.5" is not a rank (a whole number, 1 or more)`}},
		{"no rank", "previous.csv", "unit,index\nĐiện Bàn,88\n", nil, nil, []string{`previous.csv:1: the header has no "rank" (hạng) column`}},
		{"no header", "previous.csv", "Điện Bàn,1\n", nil, nil,
			[]string{`previous.csv: no header row: last year's ranking needs a header with "unit" (đơn vị) and "rank" (hạng), and optionally "index" (chỉ số)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			ly, err := ReadLastYear(path, testUnits())
			var got []string
			if err != nil {
				got = problemLines(t, err)
			}
			for i := range got {
				got[i] = strings.ReplaceAll(got[i], dir+string(filepath.Separator), "")
			}
			if diff := cmp.Diff(tt.problems, got); diff != "" {
				t.Fatalf("problems (-want +got):\n%s", diff)
			}
			if err != nil {
				return
			}
			var units []string
			for id, p := range ly.Units {
				idx := "-"
				if !p.NoIndex {
					idx = p.Index.String()
				}
				units = append(units, id+" "+strconv.Itoa(p.Rank)+" "+idx)
			}
			sort.Strings(units)
			if diff := cmp.Diff(tt.want, units); diff != "" {
				t.Errorf("units (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.unknown, ly.Unknown); diff != "" {
				t.Errorf("unknown (-want +got):\n%s", diff)
			}
			if len(ly.Sum) != 64 {
				t.Errorf("sum %q", ly.Sum)
			}
		})
	}
}
