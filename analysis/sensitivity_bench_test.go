package analysis_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkSensitivityDemo is SPEC §11's first target: 1,000 runs over the
// demo's 18 units, well under a second.
func BenchmarkSensitivityDemo(b *testing.B) {
	res := loadFixture(b, fixtures[0])
	b.ResetTimer()
	for b.Loop() {
		sensitivity(b, res, 1000, "0.2", 1)
	}
}

// BenchmarkSensitivity10k is the second: 1,000 runs over 10,000 units ×
// 10 fields in a few seconds on two cores.
func BenchmarkSensitivity10k(b *testing.B) {
	rng := rand.New(rand.NewPCG(10, 10))
	tb := table{decimals: 2, bonus: "5", penalty: "5"}
	for f := range 10 {
		tb.maxes = append(tb.maxes, fmt.Sprint(5+f))
	}
	for range 10_000 {
		row := make([]string, 0, 12)
		for _, m := range tb.maxes {
			row = append(row, pointsUpTo(rng, m, 2))
		}
		tb.units = append(tb.units, append(row, pointsUpTo(rng, "5", 2), pointsUpTo(rng, "5", 2)))
	}
	res := tb.result(b)
	b.ResetTimer()
	for b.Loop() {
		sensitivity(b, res, 1000, "0.2", 1)
	}
}
