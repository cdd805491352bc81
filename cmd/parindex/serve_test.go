package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestServeAnswers starts parindex serve on a free port, reads the address
// it prints, loads the ranking, is refused a post without the token, and
// stops when its context ends.
func TestServeAnswers(t *testing.T) {
	pr, pw := io.Pipe()
	root := NewCmdRoot(&env{out: io.Discard, errOut: pw})
	root.SetArgs([]string{"serve", "../../fixtures/tiny", "--addr", "127.0.0.1:0"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- root.ExecuteContext(ctx)
		pw.Close()
	}()
	br := bufio.NewReader(pr)
	line, err := br.ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, br) }()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
	if addr == "" {
		t.Fatalf("the first line names no address: %q", line)
	}
	resp, err := http.Get(addr)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Phường An Mỹ") {
		t.Errorf("GET /: status %d\n%s", resp.StatusCode, body)
	}
	resp, err = http.PostForm(addr+"unit/an-my/whatif", url.Values{"target": {"metric:sipas"}, "value": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a post without the token: status %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve ended with %v", err)
	}
}
