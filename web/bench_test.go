package web

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parindex/workspace"
)

// The speed targets of SPEC §14: a page of the demo in under 50 ms, a page
// of a 10,000-unit ranking in under a second. A page is timed as the
// officer reloads it: the files on disk are checked, then the page is
// rendered from the last load.

func BenchmarkRankingDemo(b *testing.B) {
	benchPages(b, copyWorkspace(b, "quangnam-2019"), "/")
}

func BenchmarkUnitDemo(b *testing.B) {
	benchPages(b, copyWorkspace(b, "quangnam-2019"), "/unit/dien-ban")
}

// BenchmarkRanking10k times the first and the last page of the ranking of
// 10,000 units × 100 criteria, made by bench/genworkspace.
func BenchmarkRanking10k(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "w")
	gen := exec.Command("go", "run", "../bench/genworkspace", "-units", "10000", "-leaves", "100", dir)
	if out, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("genworkspace: %v\n%s", err, out)
	}
	benchPages(b, dir, "/", "/?page=100")
}

// BenchmarkLoad10k times what a page of 10,000 units costs when a file
// has just changed: reading and scoring the workspace again.
func BenchmarkLoad10k(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "w")
	gen := exec.Command("go", "run", "../bench/genworkspace", "-units", "10000", "-leaves", "100", dir)
	if out, err := gen.CombinedOutput(); err != nil {
		b.Fatalf("genworkspace: %v\n%s", err, out)
	}
	benchLoad(b, dir)
}

// BenchmarkLoadDemo times the demo's ranking right after a file changed.
func BenchmarkLoadDemo(b *testing.B) {
	benchLoad(b, copyWorkspace(b, "quangnam-2019"))
}

// benchLoad times the ranking's first page, loading the workspace anew
// each time.
func benchLoad(b *testing.B, dir string) {
	s := newTestServer(b, Options{Paths: workspace.Paths{Dir: dir}})
	for b.Loop() {
		s.state.forget()
		if status, body := get(b, s, "/"); status != 200 || !strings.Contains(body, "<tr data-unit=") {
			b.Fatalf("status %d, not the ranking\n%.2000s", status, body)
		}
	}
}

// benchPages loads the workspace once, then times each page in turn.
func benchPages(b *testing.B, dir string, paths ...string) {
	s := newTestServer(b, Options{Paths: workspace.Paths{Dir: dir}})
	for _, p := range paths {
		if status, body := get(b, s, p); status != 200 || !strings.Contains(body, "<tr data-unit=") && !strings.Contains(body, "data-code=") {
			b.Fatalf("%s: status %d, not a page of figures\n%.2000s", p, status, body)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paths {
			if status, _ := get(b, s, p); status != 200 {
				b.Fatalf("%s: status %d", p, status)
			}
		}
	}
}
