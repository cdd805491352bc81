package scoring

import (
	"bytes"
	"errors"
	"strconv"
	"testing"
)

// failAfter accepts n writes, then fails every one.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

// TestPipeline checks that items come out whole and in order across
// batches, that no items write nothing, and that a failed write is
// returned without rendering the rest.
func TestPipeline(t *testing.T) {
	render := func(rendered *int) func(lo int, parts [][]byte) {
		return func(lo int, parts [][]byte) {
			for k := range parts {
				parts[k] = strconv.AppendInt(append(parts[k][:0], ' '), int64(lo+k), 10)
				*rendered++
			}
		}
	}
	for _, n := range []int{0, 1, 511, 512, 513, 2000} {
		var got, want bytes.Buffer
		for i := range n {
			want.WriteString(" " + strconv.Itoa(i))
		}
		var rendered int
		if err := pipeline(&got, n, render(&rendered)); err != nil {
			t.Fatalf("%d items: %v", n, err)
		}
		if got.String() != want.String() {
			t.Errorf("%d items: wrote %.40q…, want %.40q…", n, got.String(), want.String())
		}
	}
	var rendered int
	err := pipeline(&failAfter{n: 3}, 100_000, render(&rendered))
	if err == nil || err.Error() != "disk full" {
		t.Errorf("a failing writer gave %v, want disk full", err)
	}
	if rendered >= 100_000 {
		t.Errorf("rendered all %d items after the writer failed", rendered)
	}
}
