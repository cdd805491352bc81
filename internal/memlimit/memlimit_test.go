package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestSettle(t *testing.T) {
	defer debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "")
	hold := make([]byte, 300<<20) // live across a collection: the limit follows it
	for i := range hold {
		hold[i] = 1
	}
	runtime.GC()
	got := Settle()
	if got < 600<<20 || debug.SetMemoryLimit(-1) != got {
		t.Errorf("with 300 MiB live the limit is %d MiB, want at least 600", got>>20)
	}
	runtime.KeepAlive(hold)
	hold = nil
	runtime.GC()
	if got := Settle(); got != Floor {
		t.Errorf("with little live the limit is %d MiB, want the floor %d", got>>20, Floor>>20)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	if got := Settle(); got != 0 {
		t.Errorf("GOMEMLIMIT set: Settle set %d", got)
	}
}
