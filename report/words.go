package report

import "parindex/criteria"

// Words returns, by name, the fixed texts the meeting workbook shows in
// lang, so that a page showing the same figures (parindex serve) labels
// them as the workbook does. The names are the labels' own: "rank",
// "unit", "appraisal", "notApplicable" and so on; those of the Điều chỉnh
// sheet start with "dec".
func Words(lang criteria.Lang) map[string]string {
	l := labelsFor(lang)
	w := map[string]string{
		"summary": l.summary, "byField": l.byField, "criteriaSheet": l.criteriaSheet, "info": l.info,
		"rank": l.rank, "unit": l.unit, "group": l.group, "groupRank": l.groupRank,
		"appraisal": l.appraisal, "survey": l.survey, "bonus": l.bonus, "penalty": l.penalty,
		"total": l.total, "max": l.max, "index": l.index, "tier": l.tier,
		"prevRank": l.prevRank, "change": l.change, "points": l.points, "code": l.code,
		"name": l.name, "value": l.value, "lost": l.lost, "self": l.self, "selfDiff": l.selfDiff,
		"evidence": l.evidence, "explain": l.explain, "rule": l.rule, "source": l.source,
		"minIndex": l.minIndex, "notApplicable": l.notApplicable, "yes": l.yes, "no": l.no,
		"srcAppraisal": l.srcAppraisal, "srcSurvey": l.srcSurvey, "year": l.year,
		"unitsCount": l.unitsCount, "engineVersion": l.engineVersion, "criteriaID": l.criteriaID,
		"inputs": l.inputs, "file": l.file, "sha256": l.sha256, "warnings": l.warnings,
		"noWarnings": l.noWarnings, "chartTitle": l.chartTitle, "unitSelf": l.unitSelf,
		"tiers": l.tiers, "maxShort": l.maxShort, "newUnit": l.newUnit, "ownMax": l.ownMax,
	}
	dl := decisionLabelsFor(lang)
	for k, v := range map[string]string{
		"decSheet": dl.sheet, "decHeading": dl.heading, "decTarget": dl.target, "decBefore": dl.before,
		"decAfter": dl.after, "decPointsBefore": dl.pointsBefore, "decPointsAfter": dl.pointsAfter,
		"decRankBefore": dl.rankBefore, "decRankAfter": dl.rankAfter, "decReason": dl.reason,
		"decRound": dl.round, "decMark": dl.mark,
	} {
		w[k] = v
	}
	return w
}

// RuleWords says how node n of set scores, as the workbook's Bộ tiêu chí
// sheet says it: a leaf's rule in words, a field's kind, a parent's cap.
func RuleWords(set *criteria.Set, n *criteria.Node, lang criteria.Lang) string {
	lang = langOrDefault(lang)
	b := &book{set: set, lang: lang, l: labelsFor(lang), places: set.Decimals}
	return b.ruleWords(n)
}
