package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"parindex/workspace"
)

// TestPages loads every page of the demo and checks what each must show.
func TestPages(t *testing.T) {
	dir := copyWorkspace(t, "quangnam-2019")
	tests := []struct {
		lang, path string
		status     int
		want       []string
	}{
		{"vi", "/", 200, []string{"Tổng hợp — Năm 2019", `<a href="/unit/hoi-an">Thành phố Hội An</a>`, "<svg", "96,30", "▼ 6", "Hạng năm trước", "Miền núi"}},
		{"en", "/", 200, []string{"Summary — Year 2019", "96.30", "Last year&#39;s rank", "PAR index by unit"}},
		{"vi", "/fields", 200, []string{"Theo lĩnh vực", "Công tác chỉ đạo, điều hành CCHC (tối đa 10,00)", `href="/unit/tam-ky"`}},
		{"vi", "/unit/dien-ban", 200, []string{"Thị xã Điện Bàn", `id="rank">7<`, "88,39", "Điểm bị mất", "Điểm tự chấm", "Hạng năm trước",
			"mức “đúng hạn”", `action="/unit/dien-ban/whatif"`, "KPS"}},
		{"en", "/unit/dien-ban", 200, []string{"Points lost", "Self-assessed", "88.39"}},
		{"vi", "/criteria", 200, []string{"Bộ tiêu chí", "Thời hạn ban hành kế hoạch CCHC năm", "Tốt", "Điều tra XHH"}},
		{"vi", "/files", 200, []string{"criteria.yaml", "metrics.csv", `name="token"`, "/download/report.xlsx", "/download/template.xlsx", "/download/result.json", "Kéo tệp"}},
		{"vi", "/unit/khong-co", 404, []string{"Không có đơn vị &#34;khong-co&#34; trong units.yaml."}},
		{"en", "/unit/khong-co", 404, []string{"No unit &#34;khong-co&#34; in units.yaml."}},
		{"vi", "/no/such/page", 404, []string{"Không tìm thấy trang này."}},
		{"vi", "/download/criteria.yaml", 404, nil},
		{"vi", "/download/..%2fcriteria.yaml", 404, nil},
		{"vi", "/static/style.css", 200, []string{"Times New Roman", "@media print", "DDEBF7"}},
		{"vi", "/static/app.js", 200, []string{"dataTransfer"}},
		{"vi", "/problems", 303, nil},
	}
	servers := map[string]*Server{}
	for _, l := range []string{"vi", "en"} {
		servers[l] = newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}, Lang: lang(l)})
	}
	for _, tt := range tests {
		t.Run(tt.lang+tt.path, func(t *testing.T) {
			status, body := get(t, servers[tt.lang], tt.path)
			if status != tt.status {
				t.Fatalf("status %d, want %d\n%s", status, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

// TestRankingOrder checks that the ranking page lists the units as
// parindex score ranks them, and that the group filter keeps one group.
func TestRankingOrder(t *testing.T) {
	dir := copyWorkspace(t, "quangnam-2019")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	_, body := get(t, s, "/")
	ids, _ := rankedIDs(body)
	if want := scoredIDs(t, dir); !slices.Equal(ids, want) {
		t.Fatalf("ranking page lists %v, score ranks %v", ids, want)
	}
	_, body = get(t, s, "/?group="+url.QueryEscape("Miền núi"))
	mountain, _ := rankedIDs(body)
	if len(mountain) != 9 || slices.Contains(mountain, "hoi-an") || !slices.Contains(mountain, "nam-tra-my") {
		t.Errorf("group Miền núi shows %v", mountain)
	}
	_, body = get(t, s, "/?group=nh%C3%B3m-kh%C3%A1c")
	if all, _ := rankedIDs(body); len(all) != 18 {
		t.Errorf("an unknown group shows %d units, want all 18", len(all))
	}
}

// TestPaging checks that a long ranking is shown a page at a time, every
// unit on exactly one page, the group filter kept across pages.
func TestPaging(t *testing.T) {
	dir := writeTinyUnits(t, 250)
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	var seen []string
	for p := 1; p <= 3; p++ {
		status, body := get(t, s, "/?page="+itoa(p))
		if status != 200 {
			t.Fatalf("page %d: status %d\n%s", p, status, body)
		}
		ids, _ := rankedIDs(body)
		if want := min(100, 250-(p-1)*100); len(ids) != want {
			t.Errorf("page %d shows %d units, want %d", p, len(ids), want)
		}
		seen = append(seen, ids...)
	}
	if want := scoredIDs(t, dir); !slices.Equal(seen, want) {
		t.Errorf("the pages together do not list the ranking in order")
	}
	_, body := get(t, s, "/?page=99")
	if !strings.Contains(body, "Đơn vị 201–250 trên 250") {
		t.Errorf("a page past the end does not show the last page")
	}
	_, body = get(t, s, "/?group="+url.QueryEscape("Miền núi"))
	if ids, _ := rankedIDs(body); len(ids) != 84 || strings.Contains(body, `rel="next"`) {
		t.Errorf("the Miền núi group (84 units) is not one page")
	}
	_, body = get(t, s, "/?group="+url.QueryEscape("Đồng bằng"))
	if !strings.Contains(body, `href="/?group=%C4%90%E1%BB%93ng&#43;b%E1%BA%B1ng&amp;page=2"`) {
		t.Errorf("the link to the next page drops the group filter: %s", regexp.MustCompile(`rel="next"[^>]*|href="[^"]*" rel="next"`).FindString(body))
	}
	_, body = get(t, s, "/fields?page=3")
	if strings.Count(body, "<tr data-unit=") != 50 {
		t.Errorf("the third page of the fields does not hold the last 50 units")
	}
}

// TestEscaping gives a unit a name that is markup: every page must show it
// as text.
func TestEscaping(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	units := filepath.Join(dir, "units.yaml")
	data, _ := os.ReadFile(units)
	evil := `<script>alert(1)</script>`
	data = []byte(strings.Replace(string(data), "name: Phường An Mỹ", "name: '"+evil+"'", 1))
	if err := os.WriteFile(units, data, 0o644); err != nil {
		t.Fatal(err)
	}
	metrics := filepath.Join(dir, "metrics.csv")
	data, _ = os.ReadFile(metrics)
	data = []byte(strings.Replace(string(data), "Phường An Mỹ,", "an-my,", 1))
	if err := os.WriteFile(metrics, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	for _, path := range []string{"/", "/fields", "/unit/an-my", "/unit/an-son"} {
		status, body := get(t, s, path)
		if status != 200 {
			t.Fatalf("%s: status %d\n%s", path, status, body)
		}
		if strings.Contains(body, evil) {
			t.Errorf("%s: the unit's name is served as markup", path)
		}
		if path != "/unit/an-son" && !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the unit's name is not shown as text", path)
		}
	}
}

// TestProblemsPage gives the demo a decimal comma: every page lists the
// problem with its file and line instead of numbers, and a fix on disk
// shows at the next load.
func TestProblemsPage(t *testing.T) {
	dir := copyWorkspace(t, "quangnam-2019")
	metrics := filepath.Join(dir, "metrics.csv")
	good, _ := os.ReadFile(metrics)
	bad := strings.Replace(string(good), ",99.6,", `,"99,6",`, 1)
	if bad == string(good) {
		t.Fatal("the demo's metrics changed: no 99.6 to spoil")
	}
	if err := os.WriteFile(metrics, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	for _, path := range []string{"/", "/fields", "/unit/tam-ky", "/problems"} {
		status, body := get(t, s, path)
		if status != 200 || !strings.Contains(body, "Dữ liệu có lỗi") {
			t.Fatalf("%s: status %d, no problems page\n%s", path, status, body)
		}
		if !strings.Contains(body, `<td class="place">metrics.csv:2</td>`) || !strings.Contains(body, "&#34;99,6&#34; is not a number") {
			t.Errorf("%s: the problem's place or words are missing\n%s", path, body)
		}
		if strings.Contains(body, `<tr data-unit=`) {
			t.Errorf("%s: numbers shown although the inputs have problems", path)
		}
	}
	if status, body := get(t, s, "/criteria"); status != 200 || !strings.Contains(body, "Thời hạn ban hành kế hoạch CCHC năm") {
		t.Errorf("the criteria page needs only criteria.yaml, but shows %d\n%s", status, body)
	}
	if status, _ := get(t, s, "/download/report.xlsx"); status != 200 {
		t.Errorf("download with problems: status %d", status)
	}
	if err := os.WriteFile(metrics, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, body := get(t, s, "/"); !strings.Contains(body, `<tr data-unit="hoi-an">`) {
		t.Errorf("the fixed file on disk is not shown at the next load")
	}
}

// TestReflectsDisk edits a value on disk between two loads of the page.
func TestReflectsDisk(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	_, before := get(t, s, "/")
	metrics := filepath.Join(dir, "metrics.csv")
	data, _ := os.ReadFile(metrics)
	// Xã Tam Thăng issues its plan on time after all.
	data = []byte(strings.Replace(string(data), "Xã Tam Thăng,không,", "Xã Tam Thăng,có,", 1))
	if err := os.WriteFile(metrics, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, after := get(t, s, "/")
	if before == after {
		t.Fatal("the page did not change after metrics.csv changed on disk")
	}
	if want := scoredIDs(t, dir); !slices.Equal(must(rankedIDs(after)), want) {
		t.Errorf("after the edit the page ranks %v, score ranks %v", must(rankedIDs(after)), want)
	}
}

func must(ids, _ []string) []string { return ids }

// TestDownloads checks that each download is built from the workspace and
// sent as a file.
func TestDownloads(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	for name, start := range map[string]string{"report.xlsx": "PK", "template.xlsx": "PK", "result.json": `{"schema":"parindex.result/v1"`} {
		r := httptest.NewRequest(http.MethodGet, "/download/"+name, nil)
		r.Host = "localhost:8383"
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 || !strings.HasPrefix(w.Body.String(), start) {
			t.Errorf("%s: status %d, starts %q", name, w.Code, w.Body.String()[:min(40, w.Body.Len())])
		}
		if cd := w.Header().Get("Content-Disposition"); cd != `attachment; filename="`+name+`"` {
			t.Errorf("%s: Content-Disposition %q", name, cd)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 6 {
		t.Errorf("a download wrote into the folder: %d files", len(entries))
	}
}

// TestHostAndHeaders refuses a request naming another host (a page
// elsewhere reaching the server by a name of its own), and checks the
// headers every page carries.
func TestHostAndHeaders(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	for host, want := range map[string]int{"evil.example:8383": 421, "127.0.0.1:8383": 200, "localhost": 200, "[::1]:8383": 200, "10.0.0.5:8383": 421} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Host = host
		if got, _ := serve(s, r); got != want {
			t.Errorf("Host %s: status %d, want %d", host, got, want)
		}
	}
	open := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}, AnyHost: true})
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Host = "10.0.0.5:8383"
	if got, _ := serve(open, r); got != 200 {
		t.Errorf("a server on all addresses refuses Host 10.0.0.5: %d", got)
	}
	w := httptest.NewRecorder()
	r = httptest.NewRequest(http.MethodGet, "/", nil)
	r.Host = "127.0.0.1"
	s.ServeHTTP(w, r)
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
}

// TestManyProblems lists the first 200 problems of a file and counts the
// rest, so that a shifted column does not make a page of 10,000 rows.
func TestManyProblems(t *testing.T) {
	dir := writeTinyUnits(t, 250)
	metrics := filepath.Join(dir, "metrics.csv")
	data, _ := os.ReadFile(metrics)
	if err := os.WriteFile(metrics, []byte(strings.ReplaceAll(string(data), ",có,", ",maybe,")), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	_, body := get(t, s, "/")
	if n := strings.Count(body, `<td class="place">`); n != 201 {
		t.Errorf("%d rows of problems, want 200 and one that counts the rest", n)
	}
	if !strings.Contains(body, "… và 50 lỗi khác") {
		t.Errorf("the problems left out are not counted")
	}
}

// TestWatch checks that a change on disk is loaded in the background,
// before any page asks for it.
func TestWatch(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	s.Warm()
	first := s.state.current()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx, 10*time.Millisecond)
	metrics := filepath.Join(dir, "metrics.csv")
	data, _ := os.ReadFile(metrics)
	if err := os.WriteFile(metrics, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 500 {
		s.state.mu.Lock()
		last := s.state.last
		s.state.mu.Unlock()
		if last != first {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Error("the change was not loaded in the background")
}

// TestPenaltySign checks that the ranking and the unit page show the
// points a penalty takes off as a negative number, as Tổng hợp and explain
// do, so that the columns add up to the total.
func TestPenaltySign(t *testing.T) {
	dir := copyWorkspace(t, "quangnam-2019")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	_, ranking := get(t, s, "/")
	i := strings.Index(ranking, "Huyện Nam Trà My")
	if i < 0 {
		t.Fatal("no Nam Trà My on the ranking")
	}
	row := ranking[i:]
	row = row[:strings.Index(row, "</tr>")]
	if !strings.Contains(row, ">-1,50<") {
		t.Errorf("Nam Trà My's penalty is not shown as -1,50: %s", row)
	}
	_, page := get(t, s, "/unit/nam-tra-my")
	if !strings.Contains(page, "-1,50") {
		t.Errorf("the unit page does not show the penalty as -1,50")
	}
}
