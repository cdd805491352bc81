package scoring

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"parindex/criteria"
)

// FuzzReadPrevious reads any bytes as last year's result: no panic, and a
// failure is a list of problems, each naming the file.
func FuzzReadPrevious(f *testing.F) {
	var buf bytes.Buffer
	if err := sample(f).WriteJSON(&buf, criteria.Vietnamese); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	if data, err := os.ReadFile("../fixtures/quangnam-2019/previous.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"schema": "parindex.result/v1", "units": [{"id": "a", "rank": "1", "index": "x"}]}`))
	f.Add([]byte("{\n\"schema\": ,}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		last, err := ReadLastYear(bytes.NewReader(data), "previous.json")
		if err == nil {
			if last == nil || last.Units == nil {
				t.Fatal("no error and no result")
			}
			return
		}
		var ps criteria.Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error %v is not a list of problems", err)
		}
		for _, p := range ps {
			if p.File != "previous.json" || p.Msg == "" || strings.Contains(p.Msg, "json: ") {
				t.Fatalf("problem %#v: want the file named and plain words", p)
			}
		}
	})
}
