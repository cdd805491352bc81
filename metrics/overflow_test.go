package metrics

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const wideHead = "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points\n"

// splitHint is the hint for 12,5 split into two cells.
const splitHint = `hint: if "12,5" is one number, a decimal comma split it into two cells: write 12.5`

// TestRowLongerThanHeader checks rows with more cells than their header:
// an error at the row, with a hint when a decimal comma split a cell; and
// that trailing empty cells and headed note columns are still read.
func TestRowLongerThanHeader(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{"wide split", "x.csv", wideHead + "Điện Bàn,1,1,1,12,5,8\n",
			[]string{`x.csv:2: a value in column 7, which has no header`, "hint: " + ambiguousSplitHint}},
		{"wide split, located by a count", "x.csv", wideHead + "Điện Bàn,1,1,1,12,5,8.5\n",
			[]string{`x.csv:2: a value in column 7, which has no header`, splitHint}},
		// Not "100,100": joined, it would push "có" into a count column.
		{"wide split, not the first pair of numbers", "x.csv", "unit,survey_points,dossiers_total,plan_on_time,dossiers_late,satisfaction,has_portal\n" +
			"Điện Bàn,100,100,có,3,12,5,x\n",
			[]string{`x.csv:2: a value in column 8, which has no header`, splitHint}},
		{"wide split, a cell fits nowhere", "x.csv", wideHead + "Điện Bàn,1,1,1,12,5,abc\n",
			[]string{`x.csv:2: a value in column 7, which has no header`}},
		{"wide split, last empty", "x.csv", wideHead + "Điện Bàn,1,1,1,12,5,\n",
			[]string{`x.csv:2: the row has 7 cells, the header has 6`, splitHint}},
		{"wide semicolons", "x.csv", strings.ReplaceAll(wideHead, ",", ";") + "Điện Bàn;1;1;1;12;5;8\n",
			[]string{`x.csv:2: a value in column 7, which has no header`}},
		{"wide trailing empties", "x.csv", wideHead + "Điện Bàn,1,1,1,12,5,,\n", nil},
		{"per-unit split", "dien-ban.csv", "metric,value\nsatisfaction,12,5\n",
			[]string{`dien-ban.csv:2: a value in column 3, which has no header`, splitHint}},
		{"per-unit split into evidence", "dien-ban.csv", "metric,value,evidence\nsatisfaction,12,5,QĐ 12\n",
			[]string{`dien-ban.csv:2: a value in column 4, which has no header`, splitHint}},
		{"per-unit split, last empty", "dien-ban.csv", "metric,value,evidence\nsatisfaction,12,5,\n",
			[]string{`dien-ban.csv:2: the row has 4 cells, the header has 3`, splitHint}},
		{"per-unit unheaded column", "dien-ban.csv", "metric,value,,note\nsatisfaction,12,x,\n",
			[]string{`dien-ban.csv:2: a value in column 3, which has no header`}},
		{"per-unit notes and trailing empties", "dien-ban.csv", "metric,value,evidence,note\nsatisfaction,12,QĐ 12,nộp muộn,,\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path, read := filepath.Join(dir, tt.file), filepath.Join(dir, tt.file)
			if tt.file != "x.csv" {
				read = dir
			}
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Read(read, testSet(), testUnits(), Options{Partial: true})
			var got []string
			if err != nil {
				for _, l := range problemLines(t, err) {
					if !strings.Contains(l, `metric "`) && !strings.Contains(l, missingHint) { // the rows' other metrics
						got = append(got, strings.ReplaceAll(l, dir+string(filepath.Separator), ""))
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSplitIntoEvidence checks a per-unit row whose decimal comma split
// its value into the evidence column: the row fits the header, yet the
// value must not read as 12 with evidence "5".
func TestSplitIntoEvidence(t *testing.T) {
	dir := t.TempDir()
	text := "metric,value,evidence,note\nsatisfaction,12,5,\ndossiers_total,7,12,\n"
	if err := os.WriteFile(filepath.Join(dir, "dien-ban.csv"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(dir, testSet(), testUnits(), Options{Partial: true})
	lines := problemLines(t, err)
	want := `dien-ban.csv:2: unit "Thị xã Điện Bàn": metric "satisfaction": "5" beside the value "12" looks like its decimals`
	found := false
	for _, l := range lines {
		l = strings.ReplaceAll(l, dir+string(filepath.Separator), "")
		found = found || l == want
		if strings.Contains(l, "dossiers_total") && strings.Contains(l, "decimals") {
			t.Errorf("a count, which has no decimals, was taken for a split: %s", l)
		}
	}
	if !found {
		t.Errorf("problems:\n%s\nwant the line:\n%s", strings.Join(lines, "\n"), want)
	}
}
