package analysis

import (
	"github.com/shopspring/decimal"

	"parindex/scoring"
)

// IndicesAt returns every unit's index, in units of 10^-decimals, under
// weight factors k (in millionths, one per ordinary field), by the fast
// path and by math/big.
func IndicesAt(res *scoring.Result, k []int64) (fast, slow []int64, err error) {
	t, err := newTerms(res, decimal.Zero)
	if err != nil {
		return nil, nil, err
	}
	for u := range t.n {
		fast = append(fast, t.index(u, k))
		v := t.slow[u]
		if v == nil {
			v = t.bigTerms(u)
		}
		slow = append(slow, t.indexBig(u, v, k))
	}
	return fast, slow, nil
}

// WeightSteps is the factor of a field at its own weight.
const WeightSteps = weightSteps
