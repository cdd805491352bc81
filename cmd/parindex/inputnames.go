package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// inputKinds are the names under which a workspace folder holds its
// optional and required inputs (SPEC §1, §9, §12).
var inputKinds = []string{"metrics", "self", "department", "previous", "decisions"}

// inputExts are the extensions an input file may have.
var inputExts = []string{".csv", ".xlsx", ".xlsm", ".json"}

// inputKind returns the kind of input ("metrics", "self", …) that an
// output at path would be read as by the next run on the workspace dir,
// or "" when none. A folder output counts as the per-unit folder of that
// kind. Both sides are compared after following links, so that a link to
// the workspace does not hide it.
func inputKind(dir, path string, folder bool) string {
	d, at := realPath(dir), realPath(filepath.Dir(filepath.Clean(path)))
	if d == "" || d != at {
		return ""
	}
	base := strings.ToLower(filepath.Base(filepath.Clean(path)))
	if !folder {
		ext := filepath.Ext(base)
		if !slices.Contains(inputExts, ext) {
			return ""
		}
		base = strings.TrimSuffix(base, ext)
	}
	if slices.Contains(inputKinds, base) {
		return base
	}
	return ""
}

// otherForms lists the forms of the input kind that the workspace dir
// already holds on disk, other than path itself.
func otherForms(dir, kind, path string) []string {
	var out []string
	for _, name := range append([]string{kind}, suffixed(kind)...) {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil && realPath(p) != realPath(path) {
			out = append(out, name)
		}
	}
	return out
}

// suffixed is kind with each input extension.
func suffixed(kind string) []string {
	out := make([]string, len(inputExts))
	for i, e := range inputExts {
		out[i] = kind + e
	}
	return out
}

// realPath is path made absolute with its links followed as far as they
// exist; "" when it cannot be made absolute.
func realPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}
