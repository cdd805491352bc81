package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"parindex/workspace"
)

// browserPath finds a Chromium the test can drive. Where none is installed
// the test skips, except in CI (CI=true), which installs Debian's chromium
// and must run it.
func browserPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium in CI: .ci/run installs it (apt-get install -y chromium)")
	}
	t.Skip("no chromium on this machine: the browser test needs one (apt-get install -y chromium)")
	return ""
}

// TestInBrowser drives a real browser through the demo as an officer
// would: the ranking, a unit, a what-if, an upload with a decimal comma,
// then a good upload. With PARINDEX_SCREENSHOTS=1 it saves the ranking and
// a unit page in docs/ for the README.
func TestInBrowser(t *testing.T) {
	dir := copyWorkspace(t, "quangnam-2019")
	b := openBrowser(t, dir)
	ts, run, text, shot := b.ts, b.run, b.text, b.shot

	// The ranking, first unit first, and a click on Điện Bàn.
	run("open the ranking", chromedp.Navigate(ts.URL+"/"))
	if first := text(`#ranking tbody tr:first-child td.name`); first != "Thành phố Hội An" {
		t.Errorf("the ranking starts with %q", first)
	}
	shot("web-ranking.png", true)
	run("open a unit",
		chromedp.Click(chromedp.CSS(`#ranking a[href="/unit/dien-ban"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#unit-name`)))
	name, rank := text(`#unit-name`), text(`#rank`)
	if name != "Thị xã Điện Bàn" || rank != "7" {
		t.Errorf("the unit page shows %q ranked %q", name, rank)
	}

	// What if Điện Bàn had settled no dossier late? It rises past three units.
	run("run a what-if",
		chromedp.SetValue(chromedp.CSS(`#changes select.target`), "metric:dossiers_late"),
		chromedp.SendKeys(chromedp.CSS(`#changes input.value`), "0"),
		chromedp.Click(chromedp.CSS(`#whatif-run`)),
		chromedp.WaitVisible(chromedp.CSS(`#whatif-result`)))
	line := text(`#whatif-line`)
	after := text(`#moved tr[data-unit="dien-ban"] .rank-after`)
	passed := text(`#moved tr[data-unit="tien-phuoc"] .rank-after`)
	shot("web-unit.png", false)
	if after != "4" || passed != "5" {
		t.Errorf("after the what-if Điện Bàn is %q and Tiên Phước %q, want 4 and 5 (%s)", after, passed, line)
	}

	// An upload with a decimal comma is refused with its place.
	metrics := filepath.Join(dir, "metrics.csv")
	good, err := os.ReadFile(metrics)
	if err != nil {
		t.Fatal(err)
	}
	up := t.TempDir()
	bad := filepath.Join(up, "so-lieu-loi.csv")
	writeFile(t, bad, strings.Replace(string(good), ",99.6,", `,"99,6",`, 1))
	run("upload a file with a decimal comma",
		chromedp.Navigate(ts.URL+"/files"),
		chromedp.SetUploadFiles(chromedp.CSS(`#upload-file`), []string{bad}),
		chromedp.Click(chromedp.CSS(`#upload-send`)),
		chromedp.WaitVisible(chromedp.CSS(`#problems`)))
	if problem := text(`#problems tbody`); !strings.Contains(problem, "so-lieu-loi.csv:2") || !strings.Contains(problem, `"99,6" is not a number (use . as the decimal mark)`) {
		t.Errorf("the refusal reads %q", problem)
	}

	// A file dropped on the box is sent as a chosen one is.
	drop := `(function () {
		var dt = new DataTransfer();
		dt.items.add(new File(["unit,plan_on_time\nKhông có,có\n"], "keo-tha.csv", {type: "text/csv"}));
		document.querySelector("#drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`
	run("open the Files page again", chromedp.Navigate(ts.URL+"/files"))
	run("drop a file", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](drop)(ctx, tg)
		return err
	}), chromedp.WaitVisible(chromedp.CSS(`#notice`)))
	if notice, problem := text(`#notice`), text(`#problems tbody`); !strings.Contains(notice, "keo-tha.csv") ||
		!strings.Contains(problem, "keo-tha.csv:2\tunknown unit \"Không có\"") {
		t.Errorf("after a drop the page reads %q: %q", notice, problem)
	}

	// A good file replaces metrics.csv, and the ranking changes.
	fixed := filepath.Join(up, "so-lieu.csv")
	writeFile(t, fixed, strings.Replace(string(good), ",51260,3690,", ",51260,0,", 1))
	run("upload a good file",
		chromedp.Navigate(ts.URL+"/files"),
		chromedp.SetUploadFiles(chromedp.CSS(`#upload-file`), []string{fixed}),
		chromedp.Click(chromedp.CSS(`#upload-send`)),
		chromedp.WaitVisible(chromedp.CSS(`#ranking`)))
	notice := text(`#notice`)
	rank = text(`#ranking tr[data-unit="dien-ban"] td.rank`)
	if rank != "4" || !strings.Contains(notice, "metrics.csv") {
		t.Errorf("after the upload Điện Bàn ranks %q; the notice reads %q", rank, notice)
	}
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestInBrowserDecisions opens a unit the council decided on, in the 2020
// demo: its decisions are listed, and the criteria they touched marked.
func TestInBrowserDecisions(t *testing.T) {
	b := openBrowser(t, copyWorkspace(t, "quangnam-2020"))
	b.run("open Điện Bàn", chromedp.Navigate(b.ts.URL+"/unit/dien-ban"),
		chromedp.WaitVisible(chromedp.CSS(`#decisions`)))
	rows := b.text(`#decisions tbody`)
	for _, want := range []string{"land_dossiers_late", "3.4.3", "Hội đồng công nhận quy chế phối hợp liên thông"} {
		if !strings.Contains(rows, want) {
			t.Errorf("the decisions read %q, lacking %q", rows, want)
		}
	}
	if mark := b.text(`tr.decided[data-code="3.4.3"] .decided-mark`); !strings.Contains(mark, "→ 0,50") {
		t.Errorf("criterion 3.4.3 is marked %q", mark)
	}
	b.run("scroll to the decisions", chromedp.ScrollIntoView(chromedp.CSS(`#decisions`)))
	b.shot("web-unit-decisions.png", false)
}

// browser is a Chromium driven through the pages of one workspace.
type browser struct {
	ts   *httptest.Server
	run  func(what string, steps ...chromedp.Action[chromedp.Void])
	text func(sel string) string
	// shot saves the page in docs/ when PARINDEX_SCREENSHOTS is set: the
	// whole page, or what the window shows.
	shot func(name string, full bool)
}

// openBrowser serves the workspace in dir and starts a browser on it; both
// stop when the test ends.
func openBrowser(t *testing.T, dir string) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	exe := browserPath(t)
	s := newTestServer(t, Options{Paths: workspace.Paths{Dir: dir}})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe),
		chromedp.NoSandbox, chromedp.WindowSize(1280, 1000), chromedp.Flag("lang", "vi"))
	// The deadline bounds the whole browser: the test must not hang.
	deadline, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	actx, cancel := chromedp.NewExecAllocator(deadline, opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	b := &browser{ts: ts}
	b.run = func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	b.text = func(sel string) string {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("reading %s: %v", sel, err)
		}
		return strings.TrimSpace(got)
	}
	b.shot = func(name string, full bool) {
		t.Helper()
		if os.Getenv("PARINDEX_SCREENSHOTS") == "" {
			return
		}
		action := chromedp.CaptureScreenshot()
		if full {
			action = chromedp.FullScreenshot(100) // png
		}
		png, err := chromedp.Run(ctx, action)
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join("..", "docs", name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return b
}
