package web

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"parindex/workspace"
)

// TestTokenRequired posts every form without its token, and with a wrong
// one: each is refused with 403 and changes nothing.
func TestTokenRequired(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	good, _ := os.ReadFile(filepath.Join(dir, "metrics.csv"))
	for _, token := range []string{"", "0000", s.Token() + "0"} {
		if status, body, _ := postUpload(t, s, token, "metrics", "metrics.csv", good); status != http.StatusForbidden {
			t.Errorf("upload with token %q: status %d\n%s", token, status, body)
		}
		form := url.Values{"target": {"sipas"}, "value": {"100"}}
		if token != "" {
			form.Set("token", token)
		}
		if status, _, _ := postForm(t, s, "/unit/an-my/whatif", form); status != http.StatusForbidden {
			t.Errorf("what-if with token %q: status %d", token, status)
		}
	}
	if backups(t, dir) != nil {
		t.Errorf("a refused post kept copies: %v", backups(t, dir))
	}
}

// TestBodyTooLarge sends bodies over 20 MiB, declared and not: both are
// refused with 413 before the form is read.
func TestBodyTooLarge(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	big := bytes.Repeat([]byte("a"), MaxBody+1)
	if status, _, _ := postUpload(t, s, s.Token(), "metrics", "metrics.csv", big); status != http.StatusRequestEntityTooLarge {
		t.Errorf("a declared 20 MiB upload: status %d", status)
	}
	// Without a length, as a chunked body arrives: the limit is met while
	// reading.
	var body bytes.Buffer
	body.WriteString("token=" + s.Token() + "&target=sipas&value=")
	body.Write(big)
	r := httptest.NewRequest(http.MethodPost, "/unit/an-my/whatif", io.MultiReader(&body))
	r.Host, r.ContentLength = "127.0.0.1:8383", -1
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if status, _ := serve(s, r); status != http.StatusRequestEntityTooLarge {
		t.Errorf("an undeclared body over 20 MiB: status %d", status)
	}
}

// TestUploadWithProblems sends a metrics file with a decimal comma: it is
// refused with the problem and its place, and nothing on disk changes.
func TestUploadWithProblems(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	metrics := filepath.Join(dir, "metrics.csv")
	old, _ := os.ReadFile(metrics)
	bad := strings.Replace(string(old), ",42.5,", `,"42,5",`, 1)
	status, body, _ := postUpload(t, s, s.Token(), "metrics", "so-lieu.csv", []byte(bad))
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422\n%s", status, body)
	}
	for _, want := range []string{"Không nhận tệp so-lieu.csv", "so-lieu.csv:2", "&#34;42,5&#34; is not a number (use . as the decimal mark"} {
		if !strings.Contains(body, want) {
			t.Errorf("the refusal lacks %q\n%s", want, body)
		}
	}
	if strings.Contains(body, "parindex-upload-") {
		t.Errorf("the refusal names the temporary file it was checked in")
	}
	if now, _ := os.ReadFile(metrics); !bytes.Equal(now, old) {
		t.Errorf("metrics.csv changed")
	}
	if backups(t, dir) != nil {
		t.Errorf("a refused upload kept copies: %v", backups(t, dir))
	}
}

// TestUploadAccepted replaces metrics.csv with a clean file: the old one is
// kept as metrics.csv.bak-…, and the ranking changes. Then a workbook
// replaces it: the folder ends with metrics.xlsx only, both older files
// kept.
func TestUploadAccepted(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	_, before := get(t, s, "/")
	metrics := filepath.Join(dir, "metrics.csv")
	old, _ := os.ReadFile(metrics)
	better := strings.Replace(string(old), "Xã Tam Thăng,không,2,", "Xã Tam Thăng,có,0,", 1)
	status, body, h := postUpload(t, s, s.Token(), "metrics", "metrics.csv", []byte(better))
	if status != http.StatusSeeOther {
		t.Fatalf("status %d, want 303\n%s", status, body)
	}
	if now, _ := os.ReadFile(metrics); string(now) != better {
		t.Errorf("metrics.csv is not the file sent")
	}
	kept := backups(t, dir)
	if len(kept) != 1 || !regexp.MustCompile(`^metrics\.csv\.bak-\d{8}-\d{6}$`).MatchString(kept[0]) {
		t.Fatalf("copies kept: %v", kept)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, kept[0])); !bytes.Equal(data, old) {
		t.Errorf("%s does not hold the old file", kept[0])
	}
	_, after := get(t, s, h.Get("Location"))
	if !strings.Contains(after, "Đã cập nhật metrics.csv") || !strings.Contains(after, kept[0]) {
		t.Errorf("the ranking does not say what was replaced\n%s", after)
	}
	if slices.Equal(must(rankedIDs(before)), must(rankedIDs(after))) && before == after {
		t.Errorf("the ranking did not change")
	}
	if got, want := must(rankedIDs(after)), scoredIDs(t, dir); !slices.Equal(got, want) {
		t.Errorf("after the upload the page ranks %v, score ranks %v", got, want)
	}

	status, body, _ = postUpload(t, s, s.Token(), "metrics", "Số liệu.XLSX", csvToXLSX(t, better))
	if status != http.StatusSeeOther {
		t.Fatalf("xlsx: status %d\n%s", status, body)
	}
	if _, err := os.Stat(metrics); err == nil {
		t.Errorf("metrics.csv is still in the folder beside metrics.xlsx")
	}
	if _, err := os.Stat(filepath.Join(dir, "metrics.xlsx")); err != nil {
		t.Errorf("no metrics.xlsx: %v", err)
	}
	if n := len(backups(t, dir)); n != 2 {
		t.Errorf("%d copies kept, want 2: %v", n, backups(t, dir))
	}
	if _, body := get(t, s, "/"); !strings.Contains(body, `<tr data-unit=`) {
		t.Errorf("the workspace does not score after the xlsx upload\n%s", body)
	}
}

// TestUploadRefusals covers the uploads refused for a reason other than
// the file's content.
func TestUploadRefusals(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	good, _ := os.ReadFile(filepath.Join(dir, "metrics.csv"))
	flagged := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir, Metrics: filepath.Join(dir, "metrics.csv")}})
	folder := copyWorkspace(t, "tiny")
	_ = os.Mkdir(filepath.Join(folder, "self"), 0o755)
	_ = os.Remove(filepath.Join(folder, "self.csv"))
	perUnit := newTestServer(t, Options{Paths: workspace.Paths{Dir: folder}})
	plain := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	tests := []struct {
		name       string
		s          *Server
		kind, file string
		status     int
		want       string
	}{
		{"given by flag", flagged, "metrics", "metrics.csv", 422, "given by --metrics"},
		{"per-unit folder", perUnit, "self", "self.csv", 422, "kept as a folder of per-unit files (self/)"},
		{"not csv or xlsx", plain, "metrics", "metrics.txt", 422, "not a .csv or .xlsx file"},
		{"unknown kind", plain, "criteria", "criteria.csv", 400, "unknown input &#34;criteria&#34;"},
		{"path as kind", plain, "../metrics", "metrics.csv", 400, "unknown input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := postUpload(t, tt.s, tt.s.Token(), tt.kind, tt.file, good)
			if status != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("status %d (want %d), page lacks %q\n%s", status, tt.status, tt.want, body)
			}
		})
	}
	if backups(t, dir) != nil || backups(t, folder) != nil {
		t.Errorf("a refused upload kept copies")
	}
	// The Files page says beforehand why an input cannot be replaced.
	if _, body := get(t, flagged, "/files"); !strings.Contains(body, "given by --metrics") {
		t.Errorf("the Files page does not say why metrics cannot be uploaded")
	}
}

// TestWhatIf changes one value of Điện Bàn on the demo: it rises, and the
// units it passes move down; a bad value is refused in a cell's words.
func TestWhatIf(t *testing.T) {
	dir := copyWorkspace(t, "quangnam-2019")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	form := url.Values{"token": {s.Token()}, "target": {"dossiers_late", ""}, "value": {"0", ""}}
	status, body, _ := postForm(t, s, "/unit/dien-ban/whatif", form)
	if status != 200 {
		t.Fatalf("status %d\n%s", status, body)
	}
	moved := regexp.MustCompile(`<tr data-unit="([a-z-]+)">.*?rank-before">(\d+)<.*?rank-after">(\d+)<`).FindAllStringSubmatch(body, -1)
	got := map[string]string{}
	for _, m := range moved {
		got[m[1]] = m[2] + "→" + m[3]
	}
	want := map[string]string{"dien-ban": "7→4", "tien-phuoc": "4→5", "phu-ninh": "5→6", "duy-xuyen": "6→7"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s moves %q, want %q (all: %v)", id, got[id], w, got)
		}
	}
	if !strings.Contains(body, "Thị xã Điện Bàn: hạng 4 (hiện tại 7)") {
		t.Errorf("the unit's new rank is not stated\n%s", body)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "metrics.csv")); !bytes.Contains(data, []byte(",3690,")) {
		t.Errorf("the what-if changed metrics.csv")
	}
	if _, body := get(t, s, "/"); !strings.Contains(body, `<tr data-unit="dien-ban">`+"\n"+`<td class="int rank">7</td>`) {
		t.Errorf("the ranking changed after a what-if")
	}

	for _, tt := range []struct{ target, value, want string }{
		{"dossiers_late", "12,5", "&#34;12,5&#34; is not a number"},
		{"late_rate", "3", "is a ratio worked out from other metrics: give its parts"},
		{"no_such_metric", "3", "unknown target &#34;no_such_metric&#34;"},
		{"code:1.1.1", "5", "1.1.1"},
		{"plan_timing", "maybe", "is not one of the levels"},
	} {
		form := url.Values{"token": {s.Token()}, "target": {tt.target}, "value": {tt.value}}
		status, body, _ := postForm(t, s, "/unit/dien-ban/whatif", form)
		if status != http.StatusUnprocessableEntity || !strings.Contains(body, tt.want) {
			t.Errorf("%s=%s: status %d, page lacks %q", tt.target, tt.value, status, tt.want)
		}
	}
	form = url.Values{"token": {s.Token()}, "target": {"sipas"}, "value": {"1"}}
	if status, _, _ := postForm(t, s, "/unit/khong-co/whatif", form); status != 404 {
		t.Errorf("a what-if of an unknown unit: status %d", status)
	}
}

// backups lists the copies kept in dir, oldest first.
func backups(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".bak-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// csvToXLSX writes a simple CSV (no quoted commas) as the first sheet of a
// workbook, every cell as text.
func csvToXLSX(t *testing.T, csv string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, line := range strings.Split(strings.TrimSpace(csv), "\n") {
		for c, cell := range strings.Split(line, ",") {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr("Sheet1", ref, cell); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestConcurrentRequests reads pages from several goroutines while files
// are uploaded: run with -race, it finds state shared without a lock.
func TestConcurrentRequests(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	old, _ := os.ReadFile(filepath.Join(dir, "metrics.csv"))
	other := strings.Replace(string(old), "Xã Tam Thăng,không,", "Xã Tam Thăng,có,", 1)
	done := make(chan struct{})
	errs := make(chan string, 64)
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 20 {
				path := []string{"/", "/unit/an-my", "/fields", "/files"}[(g+i)%4]
				if status, _ := get(t, s, path); status != 200 {
					errs <- path + ": status " + itoa(status)
				}
			}
		}()
	}
	for i := range 6 {
		data := old
		if i%2 == 0 {
			data = []byte(other)
		}
		if status, body, _ := postUpload(t, s, s.Token(), "metrics", "metrics.csv", data); status != http.StatusSeeOther {
			t.Errorf("upload %d: status %d\n%s", i, status, body)
		}
	}
	for range 4 {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// FuzzUpload sends any bytes as a metrics file: the server answers with
// the new ranking or with the problems, never fails or panics, and keeps
// the old file when it refuses.
func FuzzUpload(f *testing.F) {
	good, err := os.ReadFile(filepath.Join("..", "fixtures", "tiny", "metrics.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, false)
	f.Add([]byte(strings.Replace(string(good), ",42.5,", `,"42,5",`, 1)), false)
	f.Add([]byte("unit\n"), false)
	f.Add([]byte("PK\x03\x04"), true)
	f.Add([]byte{0xff, 0xfe, 'u', 0}, false)
	f.Fuzz(func(t *testing.T, data []byte, xlsx bool) {
		dir := copyWorkspace(t, "tiny")
		s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
		name := "metrics.csv"
		if xlsx {
			name = "metrics.xlsx"
		}
		status, body, _ := postUpload(t, s, s.Token(), "metrics", name, data)
		switch status {
		case http.StatusSeeOther:
			if now, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(now, data) {
				t.Errorf("accepted, but %s is not the file sent", name)
			}
		case http.StatusUnprocessableEntity:
			if now, _ := os.ReadFile(filepath.Join(dir, "metrics.csv")); !bytes.Equal(now, good) {
				t.Errorf("refused, but metrics.csv changed")
			}
			if !strings.Contains(body, `id="problems"`) {
				t.Errorf("refused without the problems listed")
			}
		default:
			t.Errorf("status %d\n%s", status, body)
		}
	})
}

// TestUploadThroughLink replaces a metrics.csv that is a symbolic link to
// a file elsewhere: the file it names gets the new content, and the copy
// kept holds the old one.
func TestUploadThroughLink(t *testing.T) {
	dir := copyWorkspace(t, "tiny")
	elsewhere := filepath.Join(t.TempDir(), "so-lieu.csv")
	metrics := filepath.Join(dir, "metrics.csv")
	old, _ := os.ReadFile(metrics)
	if err := os.Rename(metrics, elsewhere); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, metrics); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	better := strings.Replace(string(old), "Xã Tam Thăng,không,", "Xã Tam Thăng,có,", 1)
	if status, body, _ := postUpload(t, s, s.Token(), "metrics", "metrics.csv", []byte(better)); status != http.StatusSeeOther {
		t.Fatalf("status %d\n%s", status, body)
	}
	if now, _ := os.ReadFile(elsewhere); string(now) != better {
		t.Errorf("the file the link names was not replaced")
	}
	kept := backups(t, dir)
	if len(kept) != 1 {
		t.Fatalf("copies kept: %v", kept)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, kept[0])); !bytes.Equal(data, old) {
		t.Errorf("%s does not hold the old file", kept[0])
	}
}

// TestWhatIfNoChange posts the what-if form empty: the page asks for a
// change instead of scoring nothing.
func TestWhatIfNoChange(t *testing.T) {
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: copyWorkspace(t, "tiny")}})
	form := url.Values{"token": {s.Token()}, "target": {""}, "value": {""}}
	status, body, _ := postForm(t, s, "/unit/an-my/whatif", form)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "Chưa có thay đổi nào") {
		t.Errorf("status %d\n%s", status, body)
	}
}
