package workspace

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"parindex/criteria"
)

// TestScoreOnce holds ScoreOnce to Score: the same JSON result and
// warnings, with the appraised values let go afterwards; with decisions,
// which rescore the values, they are kept.
func TestScoreOnce(t *testing.T) {
	for _, tc := range []struct {
		dir      string
		released bool
	}{{"quangnam-2019", true}, {"quangnam-2020", false}} {
		t.Run(tc.dir, func(t *testing.T) {
			p := Paths{Dir: filepath.Join("..", "fixtures", tc.dir)}
			load := func() *Workspace {
				ws, err := Load(p, Everything)
				if err != nil {
					t.Fatal(err)
				}
				return ws
			}
			ws1, ws2 := load(), load()
			want, err := ws1.Score()
			if err != nil {
				t.Fatal(err)
			}
			got, err := ws2.ScoreOnce()
			if err != nil {
				t.Fatal(err)
			}
			var a, b bytes.Buffer
			if err := want.WriteJSON(&a, criteria.Vietnamese); err != nil {
				t.Fatal(err)
			}
			if err := got.WriteJSON(&b, criteria.Vietnamese); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("ScoreOnce's JSON result differs from Score's")
			}
			if !slices.Equal(want.Warnings, got.Warnings) {
				t.Errorf("warnings = %q, want %q", got.Warnings, want.Warnings)
			}
			if released := ws2.Metrics.Values == nil; released != tc.released {
				t.Errorf("values let go = %v, want %v", released, tc.released)
			}
		})
	}
}
