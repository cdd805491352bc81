package scoring

import (
	"errors"

	"parindex/criteria"
)

// Input is everything one scoring run reads.
type Input struct {
	Set    *criteria.Set
	Units  []*criteria.Unit  // in units.yaml order
	Values map[string]Values // by unit id
	// Place, when set, says where a unit's metric value was read from, so
	// that a problem found while scoring carries it (File, Line or Cell set,
	// Msg empty).
	Place func(unitID, metricID string) criteria.Problem
}

// Score computes every unit's points, indices, ranks and tier. Problems in
// the values (a percent ratio above 100, points outside a leaf's range, a
// unit with no applicable criterion…) are returned all at once as
// criteria.Problems, and then no result.
func Score(in Input) (*Result, error) {
	return nil, errors.New("scoring.Score: not written yet")
}

// Explain says in one line why a leaf got its points, in lang:
// "tỷ lệ 87,5% thuộc khoảng từ 80% đến dưới 90%: 0,75/1 điểm". It is empty
// for a parent.
func (n *NodeResult) Explain(lang criteria.Lang) string {
	return ""
}
