package scoring

import "parindex/criteria"

// Explain says in one line why a leaf got its points, in lang:
// "tỷ lệ 87,5% thuộc khoảng từ 80% đến dưới 90%: 0,75/1 điểm". It is empty
// for a parent. The line is built on demand: a large assessment has a
// million leaves and most explanations are never read. The rule's own
// words come from its kind (criteria.Compiled.Explain); an N/A policy and a
// closed gate are said here, where they are applied.
func (n *NodeResult) Explain(lang criteria.Lang) string {
	if s, ok := n.fixedExplain(lang); ok {
		return s
	}
	return n.why(lang) + ": " + n.got(lang)
}

// fixedExplain returns the explanation of a leaf whose line is not a why
// and its points (a parent, a leaf that did not apply, a council's
// decision), and false for any other.
func (n *NodeResult) fixedExplain(lang criteria.Lang) (string, bool) {
	switch {
	case n.leaf == nil:
		return "", true
	case !n.Applicable:
		return criteria.Say(lang, "không phát sinh: không tính điểm", "not applicable (did not occur): not scored"), true
	case n.Decided():
		return decidedExplain(n, lang), true
	}
	return "", false
}

// why is what an applicable leaf's explanation says before its points:
// the rule's reading of the value, or its N/A policy, and a closed gate.
// It depends on the leaf, its value, its band and its gate only.
func (n *NodeResult) why(lang criteria.Lang) string {
	l := n.leaf
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
	return why
}

// got is the points part of an explanation: "0,75/1 điểm", "0.5/1 point".
func (n *NodeResult) got(lang criteria.Lang) string {
	unit := criteria.Plural(lang, n.Max(), "điểm", "point", "points") // "0.5/1 point"
	got := criteria.FormatNumber(n.Points(), lang) + "/" + criteria.FormatNumber(n.Max(), lang) + " " + unit
	if n.Node.Kind == criteria.Penalty {
		// A penalty's points are taken off the total, not earned.
		got = criteria.Say(lang, "trừ %s", "%s taken off", got)
	}
	return got
}
