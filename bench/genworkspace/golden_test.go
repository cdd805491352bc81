package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/criteria"
	"parindex/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden results in testdata")

// scoreJSON loads and scores the workspace in dir and returns its JSON
// result in lang, as score --json writes it.
func scoreJSON(t *testing.T, dir string, lang criteria.Lang) []byte {
	t.Helper()
	ws, err := workspace.Load(workspace.Paths{Dir: dir}, workspace.Everything)
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	res, err := ws.Score()
	if err != nil {
		t.Fatalf("score %s: %v", dir, err)
	}
	var b bytes.Buffer
	if err := res.WriteJSON(&b, lang); err != nil {
		t.Fatalf("write JSON of %s: %v", dir, err)
	}
	return b.Bytes()
}

// TestDemoJSONGolden holds the JSON result of the demo workspaces to the
// bytes written before scoring, ranking and writing were made faster: the
// fast paths must change nothing a reader of the file can see.
func TestDemoJSONGolden(t *testing.T) {
	for _, tc := range []struct {
		dir  string
		lang criteria.Lang
	}{
		{"quangnam-2019", criteria.Vietnamese},
		{"quangnam-2019", criteria.English},
		{"quangnam-2020", criteria.Vietnamese},
	} {
		name := tc.dir + "." + string(tc.lang) + ".json.gz"
		t.Run(name, func(t *testing.T) {
			got := scoreJSON(t, filepath.Join("..", "..", "fixtures", tc.dir), tc.lang)
			golden := filepath.Join("testdata", name)
			if *update {
				var z bytes.Buffer
				zw := gzip.NewWriter(&z)
				zw.Write(got)
				zw.Close()
				if err := os.WriteFile(golden, z.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			f, err := os.Open(golden)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("JSON result differs from %s at byte %d of %d", golden, firstDiff(got, want), len(want))
			}
		})
	}
}

// TestGeneratedJSONGolden holds the JSON result of a generated workspace
// of 1,000 units × 100 criteria (18 MB) to the SHA-256 of the result
// written before the fast paths: the generator is seeded, so the workspace
// is the same on every run.
func TestGeneratedJSONGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and scores 1,000 units × 100 criteria")
	}
	dir := t.TempDir()
	if err := generate(dir, 1000, 100); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(scoreJSON(t, dir, criteria.Vietnamese))
	got := hex.EncodeToString(sum[:])
	golden := filepath.Join("testdata", "bench-1000x100.json.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSpace(string(want)) {
		t.Errorf("SHA-256 of the JSON result of 1,000 units is %s, want %s", got, strings.TrimSpace(string(want)))
	}
}

// firstDiff returns the offset of the first byte where a and b differ.
func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
