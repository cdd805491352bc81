package web

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/workspace"
)

// decidedTiny is the tiny workspace with one decision of the council: Xã
// Tam Thăng is given the 2 points of criterion 1.1 and rises from 4th to
// 2nd (worked by hand in cmd/parindex/testdata/script/decisions.txtar).
func decidedTiny(t *testing.T) string {
	t.Helper()
	dir := copyWorkspace(t, "tiny")
	writeFile(t, filepath.Join(dir, "decisions.csv"), "unit,target,value,reason,round\n"+
		"Xã Tam Thăng,1.1,2,Kế hoạch ban hành đúng hạn theo văn bản bổ sung,Giải trình\n")
	return dir
}

// TestDecisionsShown checks the council's decisions on the ranking (the
// rank before them) and on the unit's page (each decision with what it
// changed, and the criterion it touched marked).
func TestDecisionsShown(t *testing.T) {
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: decidedTiny(t)}})
	_, body := get(t, s, "/")
	for _, want := range []string{"Hạng trước điều chỉnh của Hội đồng",
		`<tr data-unit="tam-thang">` + "\n" + `<td class="int rank">2</td><td class="name"><a href="/unit/tam-thang">Xã Tam Thăng</a></td>` + "\n" + `<td class="int before-council">4</td>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the ranking lacks %q\n%s", want, body)
		}
	}
	_, body = get(t, s, "/unit/tam-thang")
	for _, want := range []string{`id="rank-before-council">4<`, "76,10", "Điều chỉnh của Hội đồng thẩm định",
		"decisions.csv:2", "1.1 Ban hành kế hoạch CCHC năm", "Kế hoạch ban hành đúng hạn theo văn bản bổ sung",
		"Giải trình", `class=" decided"`, "Hội đồng thẩm định điều chỉnh: 0,00 → 2,00"} {
		if !strings.Contains(body, want) {
			t.Errorf("the unit page lacks %q", want)
		}
	}
	if _, body := get(t, s, "/unit/an-my"); strings.Contains(body, `id="decisions"`) {
		t.Errorf("a unit without decisions lists some")
	}
}

// TestWhatIfLeafPoints changes a criterion's points, after the council's
// decisions: Phường An Mỹ without the 3 points of 2.1 and with a SIPAS of
// 60 falls from 1st to 4th.
func TestWhatIfLeafPoints(t *testing.T) {
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: copyWorkspace(t, "tiny")}})
	form := url.Values{"token": {s.Token()}, "target": {"code:2.1", "metric:sipas"}, "value": {"0", "60"}}
	status, body, _ := postForm(t, s, "/unit/an-my/whatif", form)
	if status != 200 {
		t.Fatalf("status %d\n%s", status, body)
	}
	for _, want := range []string{"Phường An Mỹ: hạng 4 (hiện tại 1)", `<tr data-unit="tam-phu">`,
		`value="code:2.1" selected`, `value="metric:sipas" selected`} {
		if !strings.Contains(body, want) {
			t.Errorf("the what-if lacks %q", want)
		}
	}
	if n := strings.Count(body, `class="int b rank-after"`); n != 4 {
		t.Errorf("%d units move, want 4", n)
	}
}

// TestUploadDecisions sends a decisions file: with an unknown target it
// is refused with its line, and a good one is put in place and shown.
func TestUploadDecisions(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	bad := "unit,target,value,reason\nXã Tam Thăng,9.9,2,Giải trình\n"
	status, body, _ := postUpload(t, s, s.Token(), "decisions", "quyet-dinh.csv", []byte(bad))
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "quyet-dinh.csv:2") {
		t.Errorf("a decision on an unknown criterion: status %d\n%s", status, body)
	}
	if _, err := os.Stat(filepath.Join(dir, "decisions.csv")); err == nil {
		t.Errorf("a refused decisions file was written")
	}
	good := "unit,target,value,reason\nXã Tam Thăng,1.1,2,Giải trình bổ sung\n"
	if status, body, _ := postUpload(t, s, s.Token(), "decisions", "quyet-dinh.csv", []byte(good)); status != http.StatusSeeOther {
		t.Fatalf("status %d\n%s", status, body)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "decisions.csv")); string(data) != good {
		t.Errorf("decisions.csv is not the file sent")
	}
	if _, body := get(t, s, "/"); !strings.Contains(body, `<td class="int before-council">4</td>`) {
		t.Errorf("the ranking does not show the decision")
	}
	flagged := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir, Decisions: filepath.Join(dir, "decisions.csv")}})
	if status, body, _ := postUpload(t, flagged, flagged.Token(), "decisions", "d.csv", []byte(good)); status != 422 || !strings.Contains(body, "given by --decisions") {
		t.Errorf("decisions given by flag: status %d", status)
	}
}
