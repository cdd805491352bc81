package web

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parindex/criteria"
	"parindex/workspace"
)

// copyWorkspace copies the fixture folder name into a temporary folder,
// so that a test may change its files.
func copyWorkspace(t testing.TB, name string) string {
	t.Helper()
	src := filepath.Join("..", "fixtures", name)
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// newTestServer serves the workspace in dir, logging into the test.
func newTestServer(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.Log == nil {
		opts.Log = log.New(io.Discard, "", 0)
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get answers a GET of target as a browser on this machine sends it.
func get(t testing.TB, s *Server, target string) (int, string) {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Host = "127.0.0.1:8383"
	return serve(s, r)
}

func serve(s *Server, r *http.Request) (int, string) {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w.Code, w.Body.String()
}

// postForm posts an ordinary form.
func postForm(t testing.TB, s *Server, target string, form url.Values) (int, string, http.Header) {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	r.Host = "127.0.0.1:8383"
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w.Code, w.Body.String(), w.Header()
}

// postUpload posts a file as the Files page's form does.
func postUpload(t testing.TB, s *Server, token, kind, name string, data []byte) (int, string, http.Header) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if token != "" {
		_ = mw.WriteField("token", token)
	}
	_ = mw.WriteField("kind", kind)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	_ = mw.Close()
	r := httptest.NewRequest(http.MethodPost, "/upload", &body)
	r.Host = "127.0.0.1:8383"
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w.Code, w.Body.String(), w.Header()
}

var rowUnit = regexp.MustCompile(`<tr data-unit="([^"]+)">\s*<td class="int rank">(\d+)</td>`)

// rankedIDs reads the unit ids of a ranking page in the order shown, with
// their ranks.
func rankedIDs(page string) (ids []string, ranks []string) {
	for _, m := range rowUnit.FindAllStringSubmatch(page, -1) {
		ids, ranks = append(ids, m[1]), append(ranks, m[2])
	}
	return ids, ranks
}

// scoredIDs scores the workspace in dir as parindex score does and
// returns the unit ids in rank order.
func scoredIDs(t testing.TB, dir string) []string {
	t.Helper()
	ws, err := workspace.Load(workspace.Paths{Dir: dir}, workspace.Everything)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ws.Score()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range res.Units {
		ids = append(ids, u.Unit.ID)
	}
	return ids
}

// writeTinyUnits writes a workspace of n units on the tiny fixture's
// criteria set, in two groups, with values that differ from unit to unit.
func writeTinyUnits(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	crit, err := os.ReadFile(filepath.Join("..", "fixtures", "tiny", "criteria.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var units, values strings.Builder
	units.WriteString("units:\n")
	values.WriteString("unit,plan_on_time,reports_late,dossiers_total,dossiers_late,online_share,sipas,initiatives,violations\n")
	for i := range n {
		group := "Đồng bằng"
		if i%3 == 0 {
			group = "Miền núi"
		}
		fmt.Fprintf(&units, "  - {id: u%05d, name: Đơn vị %05d, group: %s}\n", i, i, group)
		fmt.Fprintf(&values, "u%05d,có,%d,1000,%d,%d,%d.%d,%d,0\n", i, i%3, i%97, i%100, 70+i%30, i%10, i%5)
	}
	for name, data := range map[string]string{"criteria.yaml": string(crit), "units.yaml": units.String(), "metrics.csv": values.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// lang is a page's language for a test table.
func lang(s string) criteria.Lang { return criteria.Lang(s) }
