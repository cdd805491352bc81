package analysis

import (
	"parindex/criteria"
	"parindex/scoring"
)

// RunWhatIfFull is the what-if that scores the whole assessment again
// whatever the changes, for tests to compare the fast path with.
var RunWhatIfFull = func(in scoring.Input, changes []criteria.Decision) (*WhatIf, error) {
	return runWhatIf(in, changes, false, false)
}
