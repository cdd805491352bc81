package scoring

import "parindex/criteria"

// appendExplain appends n.Explain(j.lang) as a JSON string without making
// the line: its points are appended word by word, from numbers whose
// wording criteria.FormatNumber keeps. A million lines made and copied
// took a third of the time of score --json.
func (j *jsonWriter) appendExplain(b []byte, n *NodeResult) []byte {
	if s, ok := n.fixedExplain(j.lang); ok {
		return appendString(b, s)
	}
	if n.Node.Kind == criteria.Penalty {
		return appendString(b, n.Explain(j.lang))
	}
	b = appendStringBody(append(b, '"'), n.why(j.lang))
	// ": 0,75/1 điểm", as got says it.
	b = append(b, ": "...)
	b = appendStringBody(b, criteria.FormatNumber(n.Points(), j.lang))
	b = append(b, '/')
	b = appendStringBody(b, criteria.FormatNumber(n.Max(), j.lang))
	b = append(b, ' ')
	b = appendStringBody(b, criteria.Plural(j.lang, n.Max(), "điểm", "point", "points"))
	return append(b, '"')
}
