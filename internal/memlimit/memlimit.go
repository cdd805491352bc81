// Package memlimit bounds the heap of a run that holds a large result
// while it writes it out.
//
// Go's collector lets the heap grow to twice what was live at its last
// cycle. Once a result of 10,000 units is made, writing the JSON and the
// workbook makes mostly garbage on top of it, and the heap would reach
// twice the result and the workbook's buffers. Settle asks the collector
// to run more often instead, near a soft limit: below the limit nothing
// changes, and the limit is never below twice the heap live when it is
// set, so that a larger result is written as fast as before.
package memlimit

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// Floor is the soft limit Settle sets for a run whose live heap is small.
const Floor = 340 << 20

// Settle sets the soft memory limit to Floor, or to twice the heap live at
// the last collection when that is more, unless GOMEMLIMIT names one. It
// returns the limit set, 0 when none.
func Settle() int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	limit := int64(Floor)
	if s[0].Value.Kind() == metrics.KindUint64 {
		limit = max(limit, 2*int64(s[0].Value.Uint64()))
	}
	debug.SetMemoryLimit(limit)
	return limit
}
