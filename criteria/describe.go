package criteria

// Describe says in words how n scores, in lang, for the criteria listing
// and the report: "Ban hành kế hoạch CCHC đúng hạn: có 1 điểm, không 0
// điểm" for a boolean leaf, "tổng các tiêu chí thành phần, tối đa 5 điểm"
// for a capped parent. s supplies the metrics' names; without it the ids
// are used.
func (n *Node) Describe(s *Set, lang Lang) string {
	if lang != Vietnamese {
		lang = English
	}
	if n.Rule == nil {
		if len(n.Children) == 0 {
			return ""
		}
		text := Say(lang, "tổng các tiêu chí thành phần", "sum of the sub-criteria")
		if n.Capped() {
			text += ", " + Say(lang, "tối đa %s", "at most %s", PointsText(n.Max, lang))
		}
		return text
	}
	r := n.Rule
	k := kindOf(r.Type)
	if k == nil {
		return ""
	}
	d := describing{n: n, r: r, name: r.Metric, lang: lang}
	if s != nil {
		if m := s.Metric(r.Metric); m != nil {
			d.met, d.name = m, m.Name
			if m.ShownAsPercent() {
				d.unit = "%"
			}
		}
	}
	return k.describe(d)
}
