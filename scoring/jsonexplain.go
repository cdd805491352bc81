package scoring

import (
	"sync"

	"parindex/criteria"
	"parindex/internal/exact"
)

// explainKey is everything a leaf's explanation is made of (see Explain),
// in machine words: the leaf as planned, its value, the band that held,
// its points and maximum, and the gate that closed it.
type explainKey struct {
	leaf       *leafPlan
	value      criteria.ValueKey
	band       int32
	applicable bool
	gate       *criteria.Node
	pts, mx    int64
	pExp, mExp int32
}

// explainMemo keeps the explanations a JSON writer has written, already
// escaped: a leaf of 10,000 units says the same few hundred things, and
// building each line afresh took a third of the time of score --json.
type explainMemo struct {
	lang criteria.Lang
	m    map[explainKey][]byte
}

// maxExplainMemo bounds one memo's lines, so that a set whose values
// never repeat costs no more than about 20 MB.
const maxExplainMemo = 1 << 17

// explainMemos lends each goroutine writing JSON a memo of its own, kept
// from batch to batch.
var explainMemos sync.Pool

// appendExplain appends n's explanation as a JSON string.
func (m *explainMemo) appendExplain(b []byte, n *NodeResult) []byte {
	k, ok := m.key(n)
	if !ok {
		return appendString(b, n.Explain(m.lang))
	}
	if s, hit := m.m[k]; hit {
		return append(b, s...)
	}
	at := len(b)
	b = appendString(b, n.Explain(m.lang))
	if len(m.m) < maxExplainMemo {
		m.m[k] = append([]byte(nil), b[at:]...)
	}
	return b
}

// key returns n's explainKey, or false when n's explanation is not kept:
// a council's decision, or a number too long for machine words.
func (m *explainMemo) key(n *NodeResult) (explainKey, bool) {
	if n.decided || n.leaf == nil {
		return explainKey{}, false
	}
	v, ok := n.Value.Key()
	if !ok {
		return explainKey{}, false
	}
	pts, ok1 := exact.Coef(n.Points)
	mx, ok2 := exact.Coef(n.Max)
	if !ok1 || !ok2 {
		return explainKey{}, false
	}
	return explainKey{leaf: n.leaf, value: v, band: n.band, applicable: n.Applicable, gate: n.gate,
		pts: pts, mx: mx, pExp: n.Points.Exponent(), mExp: n.Max.Exponent()}, true
}

// getExplainMemo returns a memo for lang from the pool, or a new one.
func getExplainMemo(lang criteria.Lang) *explainMemo {
	if m, ok := explainMemos.Get().(*explainMemo); ok && m.lang == lang {
		return m
	}
	return &explainMemo{lang: lang, m: make(map[explainKey][]byte)}
}
