package scoring

import (
	"sync"

	"parindex/criteria"
)

// whyKey is everything the first part of a leaf's explanation is made of
// (see NodeResult.why), in machine words.
type whyKey struct {
	leaf  *leafPlan
	value criteria.ValueKey
	band  int32
	gate  *criteria.Node
}

// explainMemo keeps the first parts of the explanations a JSON writer has
// written, already escaped: a leaf of 10,000 units says the same few
// hundred things, and building each line afresh took a third of the time
// of score --json and left most of what the collector had to clear.
type explainMemo struct {
	lang criteria.Lang
	m    map[whyKey][]byte
}

// maxExplainMemo bounds one memo's entries, so that a set whose values
// never repeat costs no more than about 20 MB.
const maxExplainMemo = 1 << 17

// explainMemos lends each goroutine writing JSON a memo of its own, kept
// from batch to batch.
var explainMemos sync.Pool

// getExplainMemo returns a memo for lang from the pool, or a new one.
func getExplainMemo(lang criteria.Lang) *explainMemo {
	if m, ok := explainMemos.Get().(*explainMemo); ok && m.lang == lang {
		return m
	}
	return &explainMemo{lang: lang, m: make(map[whyKey][]byte)}
}

// appendExplain appends n.Explain(lang) as a JSON string, its first part
// from the memo and its points appended word by word.
func (m *explainMemo) appendExplain(b []byte, n *NodeResult) []byte {
	if s, ok := n.fixedExplain(m.lang); ok {
		return appendString(b, s)
	}
	v, ok := n.Value.Key()
	if !ok || n.Node.Kind == criteria.Penalty {
		return appendString(b, n.Explain(m.lang))
	}
	k := whyKey{leaf: n.leaf, value: v, band: n.band, gate: n.gate}
	if s, hit := m.m[k]; hit {
		b = append(b, s...)
	} else {
		at := len(b)
		b = appendStringBody(append(b, '"'), n.why(m.lang))
		if len(m.m) < maxExplainMemo {
			m.m[k] = append([]byte(nil), b[at:]...)
		}
	}
	// ": 0,75/1 điểm", as got says it, without making the string.
	b = append(b, ": "...)
	b = appendStringBody(b, criteria.FormatNumber(n.Points, m.lang))
	b = append(b, '/')
	b = appendStringBody(b, criteria.FormatNumber(n.Max, m.lang))
	b = append(b, ' ')
	b = appendStringBody(b, criteria.Plural(m.lang, n.Max, "điểm", "point", "points"))
	return append(b, '"')
}
