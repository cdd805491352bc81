package scoring

import "parindex/criteria"

// Explain says in one line why a leaf got its points, in lang:
// "tỷ lệ 87,5% thuộc khoảng từ 80% đến dưới 90%: 0,75/1 điểm". It is empty
// for a parent. The line is built on demand: a large assessment has a
// million leaves and most explanations are never read. The rule's own
// words come from its kind (criteria.Compiled.Explain); an N/A policy and a
// closed gate are said here, where they are applied.
func (n *NodeResult) Explain(lang criteria.Lang) string {
	l := n.leaf
	if l == nil {
		return ""
	}
	if !n.Applicable {
		return criteria.Say(lang, "không phát sinh: không tính điểm", "not applicable (did not occur): not scored")
	}
	if n.decided {
		return decidedExplain(n, lang)
	}
	var why string
	switch {
	case n.Value.IsNA() && l.na == criteria.NAFull:
		why = criteria.Say(lang, "không phát sinh, được điểm tối đa", "not applicable (did not occur), full points as the set provides")
	case n.Value.IsNA():
		why = criteria.Say(lang, "không phát sinh, không được điểm", "not applicable (did not occur), no points as the set provides")
	default:
		why = l.rule.Explain(n.Value, int(n.band), lang)
	}
	if n.gate != nil {
		why += criteria.Say(lang, ", nhưng 0 điểm vì tiêu chí %s không đạt điểm", ", but 0 points because criterion %s earned none", n.gate.Code)
	}
	unit := criteria.Plural(lang, n.Max, "điểm", "point", "points") // "0.5/1 point"
	got := criteria.FormatNumber(n.Points, lang) + "/" + criteria.FormatNumber(n.Max, lang) + " " + unit
	if n.Node.Kind == criteria.Penalty {
		// A penalty's points are taken off the total, not earned.
		got = criteria.Say(lang, "trừ %s", "%s taken off", got)
	}
	return why + ": " + got
}
