// Package scoring turns a criteria set and each unit's metric values into
// exact points, indices, ranks and tiers: the [Result] of an assessment.
//
// # Arithmetic
//
// Every number is a [decimal.Decimal]; a rule's points are computed as an
// exact fraction and rounded once, half away from zero, to the set's
// decimals. Parents sum rounded leaves; indices are rounded the same way.
//
// # Results
//
// [Score] returns a [Result] with units in rank order. [Result.WriteJSON]
// writes it in the parindex.result/v1 shape; [ReadLastYear] reads last
// year's result back to give rank changes.
package scoring
