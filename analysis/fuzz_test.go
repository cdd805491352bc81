package analysis_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"parindex/analysis"
	"parindex/criteria"
)

// FuzzResultSide reads any bytes as a JSON result for diff: no panic, a
// list of placed problems or a side whose every unit has an id, and a
// side diffed with itself shows no change.
func FuzzResultSide(f *testing.F) {
	for _, name := range []string{"tiny", "quangnam-2019"} {
		data, err := os.ReadFile(filepath.Join("..", "fixtures", name, "previous.json"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	var buf bytes.Buffer
	res, err := demo(f, "tiny").Score()
	if err != nil {
		f.Fatal(err)
	}
	if err := res.WriteJSON(&buf, criteria.Vietnamese); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`{"schema":"parindex.result/v1","units":[{"id":"a","rank":1,"index":"1","nodes":[{"code":"1","rank":1,"index":"x"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := analysis.ReadResultSide("r.json", data)
		if err != nil {
			var ps criteria.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not a list of problems: %v", err)
			}
			for _, p := range ps {
				if p.File != "r.json" || p.Msg == "" {
					t.Fatalf("problem not placed: %#v", p)
				}
			}
			return
		}
		for _, u := range s.Units {
			if u.ID == "" {
				t.Fatal("a unit without an id")
			}
		}
		d := analysis.Compare(s, s, byID(s))
		if !d.Same() {
			t.Fatalf("a side against itself changed: %+v", d)
		}
	})
}
