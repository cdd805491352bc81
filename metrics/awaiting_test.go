package metrics

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"parindex/criteria"
)

// TestReadAwaiting: a table read while its units are still being read
// gives the values, places, notes and problems Read gives once the units
// come, whether they come before the first row or after the last; and
// nothing when they could not be read.
func TestReadAwaiting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "metrics.csv")
	text := "unit,plan_on_time,dossiers_total,dossiers_late,satisfaction,survey_points,ghi chú\n" +
		"Điện Bàn,có,100,5,88.5,2,đã đối chiếu\n" +
		"Hội An,có,10,1,90,1,\n" + // no such unit
		"Quế Sơn,không,abc,1,101,1,\n" + // two bad values
		"Dien Ban,có,1,0,50,1,\n" + // Điện Bàn again
		"Tam Kỳ,có,\"7,1,80,1,\n" // a quote never closed
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	want, wantErr := Read(path, testSet(), testUnits(), Options{})
	if want == nil || wantErr == nil {
		t.Fatalf("Read: %v, %v: want a table and problems", want, wantErr)
	}
	for _, part := range []string{`"Hội An"`, `unit "Huyện Quế Sơn": metric "dossiers_total"`,
		`unit "Huyện Quế Sơn": metric "satisfaction"`, `unit "Thị xã Điện Bàn" appears twice`, "never closed"} {
		if !strings.Contains(wantErr.Error(), part) {
			t.Errorf("Read's problems do not say %s:\n%v", part, wantErr)
		}
	}
	if v := want.Values["dien-ban"].Get("satisfaction"); v.String() != "88.5" || want.UnitNotes["dien-ban"] != "ghi chú: đã đối chiếu" {
		t.Errorf("Điện Bàn: satisfaction %s, notes %q", v, want.UnitNotes["dien-ban"])
	}
	for _, late := range []bool{false, true} {
		units := make(chan []*criteria.Unit, 1)
		if !late {
			units <- testUnits()
		} else {
			go func() { time.Sleep(50 * time.Millisecond); units <- testUnits() }()
		}
		got, err := ReadAwaiting(path, testSet(), units, Options{})
		if got == nil {
			t.Fatalf("late %v: no table (%v)", late, err)
		}
		if diff := cmp.Diff(render(want), render(got)); diff != "" {
			t.Errorf("late %v: values (-Read +ReadAwaiting):\n%s", late, diff)
		}
		if diff := cmp.Diff(awaitLines(wantErr), awaitLines(err)); diff != "" {
			t.Errorf("late %v: problems (-Read +ReadAwaiting):\n%s", late, diff)
		}
		for _, id := range []string{"dien-ban", "que-son", "tam-ky"} {
			if a, b := want.Place(id, "satisfaction"), got.Place(id, "satisfaction"); a != b {
				t.Errorf("late %v: %s placed %+v, want %+v", late, id, b, a)
			}
		}
		if diff := cmp.Diff(want.UnitNotes, got.UnitNotes); diff != "" {
			t.Errorf("late %v: notes:\n%s", late, diff)
		}
	}
	units := make(chan []*criteria.Unit, 1)
	units <- nil
	if got, err := ReadAwaiting(path, testSet(), units, Options{}); got != nil || err != nil {
		t.Errorf("units not read: got %v, %v; want nothing", got, err)
	}
}

// awaitLines is a problem list as sorted lines: reading before the units
// come may find them in another order.
func awaitLines(err error) []string {
	ps, _ := err.(criteria.Problems)
	var out []string
	for _, p := range ps {
		out = append(out, p.Error()+" | "+p.Hint)
	}
	slices.Sort(out)
	return out
}
