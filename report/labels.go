package report

import "parindex/criteria"

// labels holds every piece of fixed text the workbooks show, in one
// language, so that the sheets never mix Vietnamese and English.
type labels struct {
	// sheet names
	summary, chartSheet, byField, details, criteriaSheet, info, data, instructions string

	// column headers
	rank, unit, group, groupRank, appraisal, survey, bonus, penalty, total, max,
	index, tier, prevRank, change, points, code, name, value, lost, self,
	selfDiff, evidence, explain, rule, source, minIndex string

	// words in cells
	notApplicable, yes, no, srcAppraisal, srcSurvey, year, unitsCount,
	engineVersion, criteriaID, criteriaTitle, decimals, inputs, file, sha256,
	warnings, noWarnings, unitSheetsLeftOut, unitSheetsNone, yourFields, criteriaDetail, field, bestIndex, avgIndex, unitReportNote, madeAt, legendTitle, legendLow, legendMid, legendHigh, groupTable, adjust, adjustNote, detailsCut, chartTitle, chartTopTitle,
	unitTotal, unitIndex, unitRank, unitTier, unitSelf, tiers, kindBonus,
	kindPenalty, maxShort, newUnit, ownMax string
}

var vietnamese = labels{
	summary: "Tổng hợp", chartSheet: "Biểu đồ", byField: "Theo lĩnh vực", details: "Chi tiết",
	criteriaSheet: "Bộ tiêu chí", info: "Thông tin", data: "Số liệu",
	instructions: "Hướng dẫn",

	rank: "Xếp hạng", unit: "Đơn vị", group: "Nhóm", groupRank: "Hạng trong nhóm",
	appraisal: "Điểm thẩm định", survey: "Điểm điều tra XHH", bonus: "Điểm thưởng",
	penalty: "Điểm trừ", total: "Tổng điểm", max: "Điểm tối đa", index: "Chỉ số (%)",
	tier: "Xếp loại", prevRank: "Hạng năm trước", change: "Thay đổi (bậc)",
	points: "Điểm", code: "Mã", name: "Tiêu chí", value: "Giá trị",
	lost: "Điểm bị mất", self: "Điểm tự chấm", selfDiff: "Chênh lệch (tự chấm − thẩm định)",
	evidence: "Tài liệu kiểm chứng", explain: "Giải thích", rule: "Cách chấm điểm",
	source: "Nguồn điểm", minIndex: "Chỉ số từ (%)",

	notApplicable: "KPS", yes: "có", no: "không",
	srcAppraisal: "Thẩm định", srcSurvey: "Điều tra XHH",
	year: "Năm", unitsCount: "Số đơn vị", engineVersion: "Phiên bản parindex",
	criteriaID: "Mã bộ tiêu chí", criteriaTitle: "Tên bộ tiêu chí",
	decimals: "Số chữ số thập phân", inputs: "Tệp đầu vào", file: "Tệp",
	sha256: "SHA-256", warnings: "Cảnh báo", noWarnings: "Không có cảnh báo",
	unitSheetsLeftOut: "Trang riêng chỉ lập cho %d đơn vị xếp hạng đầu trong %d đơn vị; xem trang Chi tiết cho các đơn vị còn lại.",
	unitSheetsNone:    "Không lập trang riêng cho từng đơn vị; xem trang Chi tiết.",
	madeAt:            "Thời điểm lập báo cáo",
	yourFields:        "Kết quả", criteriaDetail: "Từng tiêu chí", field: "Lĩnh vực",
	bestIndex: "Chỉ số cao nhất (%)", avgIndex: "Chỉ số bình quân (%)",
	unitReportNote: "Chỉ số cao nhất và bình quân tính trên %d đơn vị được đánh giá; trang Từng tiêu chí ghi điểm bị mất và lý do ở từng tiêu chí.",
	legendTitle:    "Màu cột chỉ số:", legendLow: "thấp nhất", legendMid: "trung vị", legendHigh: "cao nhất",
	groupTable: "Xếp hạng nhóm %s (%d đơn vị)",
	adjust:     "Điều chỉnh theo giới hạn",
	adjustNote: "Điều chỉnh theo giới hạn: phần cộng hoặc trừ để tổng điểm không vượt quá điểm tối đa và không nhỏ hơn 0; tổng điểm bằng tổng các cột điểm đứng trước.",
	detailsCut: "Trang Chi tiết chỉ có %d đơn vị xếp hạng đầu trong %d đơn vị: một trang tính có tối đa 16.384 cột; xem kết quả JSON.",
	chartTitle: "Chỉ số CCHC theo đơn vị", chartTopTitle: "Chỉ số CCHC: %d đơn vị dẫn đầu",
	unitTotal: "Tổng điểm", unitIndex: "Chỉ số (%)", unitRank: "Xếp hạng",
	unitTier: "Xếp loại", unitSelf: "Tự đánh giá", tiers: "Xếp loại",
	kindBonus: "điểm thưởng", kindPenalty: "điểm trừ", maxShort: "tối đa", newUnit: "mới",
	ownMax: "tối đa của đơn vị (có tiêu chí con KPS)",
}

var english = labels{
	summary: "Summary", chartSheet: "Chart", byField: "By field", details: "Details",
	criteriaSheet: "Criteria", info: "Information", data: "Data",
	instructions: "Instructions",

	rank: "Rank", unit: "Unit", group: "Group", groupRank: "Rank in group",
	appraisal: "Appraised points", survey: "Survey points", bonus: "Bonus",
	penalty: "Penalty", total: "Total", max: "Max", index: "Index (%)",
	tier: "Tier", prevRank: "Last year's rank", change: "Change (places)",
	points: "Points", code: "Code", name: "Criterion", value: "Value",
	lost: "Points lost", self: "Self-assessed", selfDiff: "Difference (self − appraised)",
	evidence: "Evidence", explain: "Explanation", rule: "Scoring rule",
	source: "Source", minIndex: "Index from (%)",

	notApplicable: "N/A", yes: "yes", no: "no",
	srcAppraisal: "Appraisal", srcSurvey: "Survey",
	year: "Year", unitsCount: "Units", engineVersion: "parindex version",
	criteriaID: "Criteria set id", criteriaTitle: "Criteria set",
	decimals: "Decimal places", inputs: "Input files", file: "File",
	sha256: "SHA-256", warnings: "Warnings", noWarnings: "No warnings",
	unitSheetsLeftOut: "A sheet each for the top %d of %d units only; see Details for the others.",
	unitSheetsNone:    "No sheet per unit; see Details.",
	madeAt:            "Report made",
	yourFields:        "Result", criteriaDetail: "Each criterion", field: "Field",
	bestIndex: "Best index (%)", avgIndex: "Average index (%)",
	unitReportNote: "Best and average index over the %d units assessed; the sheet Each criterion gives the points lost on each criterion and why.",
	legendTitle:    "Index colours:", legendLow: "lowest", legendMid: "median", legendHigh: "highest",
	groupTable: "Ranking of group %s (%d units)",
	adjust:     "Held to limits",
	adjustNote: "Held to limits: what is added or taken off so that the total is neither above the max nor below 0; the total is the sum of the point columns before it.",
	detailsCut: "Details holds the top %d of %d units only: a worksheet has at most 16,384 columns; see the JSON result.",
	chartTitle: "PAR index by unit", chartTopTitle: "PAR index: top %d units",
	unitTotal: "Total", unitIndex: "Index (%)", unitRank: "Rank",
	unitTier: "Tier", unitSelf: "Self-assessment", tiers: "Tiers",
	kindBonus: "bonus", kindPenalty: "penalty", maxShort: "max", newUnit: "new",
	ownMax: "the unit's max (a sub-criterion N/A)",
}

// labelsFor returns the labels of lang; Vietnamese when lang is empty.
func labelsFor(lang criteria.Lang) *labels {
	if lang == criteria.English {
		return &english
	}
	return &vietnamese
}

// langOrDefault returns lang, or Vietnamese when it is empty.
func langOrDefault(lang criteria.Lang) criteria.Lang {
	if lang == "" {
		return criteria.Vietnamese
	}
	return lang
}

// metricTypeWords says what a metric type holds, for template headers.
func metricTypeWords(t criteria.MetricType, lang criteria.Lang) string {
	vi := map[criteria.MetricType]string{
		criteria.Bool: "có/không", criteria.Count: "số đếm, số nguyên ≥ 0",
		criteria.Percent: "tỷ lệ %, từ 0 đến 100", criteria.Number: "số",
		criteria.Points: "điểm", criteria.Level: "mức, chọn trong danh sách",
	}
	en := map[criteria.MetricType]string{
		criteria.Bool: "yes/no", criteria.Count: "count, whole number ≥ 0",
		criteria.Percent: "percent, 0 to 100", criteria.Number: "number",
		criteria.Points: "points", criteria.Level: "level, chosen from the list",
	}
	if lang == criteria.English {
		return en[t]
	}
	return vi[t]
}
