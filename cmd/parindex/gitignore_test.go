package main

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGitignoreBuilds checks that the programs go build makes — for Linux,
// macOS or Windows, from the repository's root or from this folder — are
// ignored by git, and that the sources are not.
func TestGitignoreBuilds(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if err := exec.Command(git, "-C", root, "rev-parse", "--is-inside-work-tree").Run(); err != nil {
		t.Skip("not in a git work tree")
	}
	ignored := func(path string) bool {
		// --no-index: judge by the rules alone, tracked or not.
		return exec.Command(git, "-C", root, "check-ignore", "-q", "--no-index", path).Run() == nil
	}
	for _, p := range []string{"parindex", "parindex.exe", "cmd/parindex/parindex", "cmd/parindex/parindex.exe"} {
		if !ignored(p) {
			t.Errorf("%s, a program go build makes, is not ignored by git", p)
		}
	}
	for _, p := range []string{"cmd/parindex/main.go", "cmd/parindex", "fixtures/quangnam-2019/criteria.yaml"} {
		if ignored(p) {
			t.Errorf("%s is ignored by git", p)
		}
	}
}
