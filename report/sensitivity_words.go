package report

import (
	"fmt"

	"github.com/shopspring/decimal"

	"parindex/analysis"
	"parindex/criteria"
)

// sensWords is the fixed text about the sensitivity of the ranks, in one
// language, shared by the Độ nhạy sheet and the terminal.
type sensWords struct {
	sheet, heading, rank, unit, median, low, high, band, share, worst, field string
	// what the figures mean, in plain words: runs, P as a percentage
	meaning, dropped, summary string
	// the terminal's shorter headers
	tMedian, tBand, tShare, tWorst, tField                                  string
	chartTitle, chartTopTitle                                               string
	infoLabel, info, explainBand, explainKept, explainWorst, explainNoWorse string
}

var sensVietnamese = sensWords{
	sheet: "Độ nhạy", heading: "Độ nhạy của xếp hạng khi thay đổi trọng số các lĩnh vực",
	rank: "Xếp hạng", unit: "Đơn vị", median: "Hạng trung vị",
	low: "Khoảng: từ hạng (5%)", high: "Khoảng: đến hạng (95%)", band: "Khoảng 5–95%",
	share: "Giữ nguyên hạng (% số lần)", worst: "Hạng kém nhất khi bỏ một lĩnh vực",
	field:   "Lĩnh vực bị bỏ",
	tMedian: "Trung vị", tBand: "5–95%", tShare: "Giữ hạng", tWorst: "Kém nhất khi bỏ 1 lĩnh vực", tField: "Lĩnh vực đó",
	meaning: "Bảng xếp hạng được tính lại %s lần; mỗi lần, trọng số của từng lĩnh vực được thay đổi ngẫu nhiên " +
		"trong phạm vi ±%s%% so với điểm tối đa của lĩnh vực. Khoảng 5–95%% là các hạng mà đơn vị đạt được " +
		"trong 90%% số lần tính lại: khoảng càng hẹp, thứ hạng của đơn vị càng ít phụ thuộc vào cách đặt trọng số.",
	dropped: "Hạng kém nhất khi bỏ một lĩnh vực: lần lượt tính chỉ số không có từng lĩnh vực, lấy hạng thấp nhất của đơn vị.",
	summary: "Bình quân mỗi đơn vị lệch %s bậc so với hạng công bố. Số khởi tạo ngẫu nhiên (seed): %d — " +
		"tính lại với cùng số này cho đúng các kết quả trên. Đây là phân tích tham khảo, không thay đổi kết quả xếp hạng.",
	chartTitle: "Hạng công bố (vạch đậm) và khoảng 5–95%", chartTopTitle: "Hạng công bố (vạch đậm) và khoảng 5–95%%: %d đơn vị dẫn đầu",
	infoLabel:    "Phân tích độ nhạy",
	info:         "%s lần tính lại, trọng số ±%s%%, seed %d",
	explainBand:  "Độ nhạy (%s lần tính lại, trọng số ±%s%%, seed %d): trong 90%% số lần tính lại, đơn vị xếp hạng %s (trung vị %d)",
	explainKept:  "giữ hạng %d trong %s%% số lần",
	explainWorst: "kém nhất hạng %d khi bỏ lĩnh vực %s", explainNoWorse: "không tụt hạng khi bỏ bất kỳ lĩnh vực nào",
}

var sensEnglish = sensWords{
	sheet: "Sensitivity", heading: "How firmly the ranking holds when the field weights change",
	rank: "Rank", unit: "Unit", median: "Median rank",
	low: "Band: from rank (5%)", high: "Band: to rank (95%)", band: "5–95% band",
	share: "Runs at its rank (%)", worst: "Worst rank with a field dropped", field: "Field dropped",
	tMedian: "Median", tBand: "5–95%", tShare: "At rank", tWorst: "Worst without a field", tField: "That field",
	meaning: "The ranking was worked out again %s times, each time with every field's weight moved at random " +
		"within ±%s%% of the field's max points. The 5–95%% band holds the ranks the unit took in 90%% of those runs: " +
		"the narrower the band, the less the unit's rank depends on how the fields are weighted.",
	dropped: "Worst rank with a field dropped: the index worked out without each field in turn; the unit's lowest rank.",
	summary: "On average a unit's rank moved %s places from the published one. Seed: %d — " +
		"the same seed gives these figures again. This is an analysis for reference; it does not change the ranking.",
	chartTitle: "Published rank (dark mark) and 5–95% band", chartTopTitle: "Published rank (dark mark) and 5–95%% band: top %d units",
	infoLabel:    "Sensitivity analysis",
	info:         "%s runs, weights ±%s%%, seed %d",
	explainBand:  "Sensitivity (%s runs, weights ±%s%%, seed %d): in 90%% of runs the unit ranks %s (median %d)",
	explainKept:  "at rank %d in %s%% of runs",
	explainWorst: "worst rank %d with field %s dropped", explainNoWorse: "no lower rank with any field dropped",
}

func sensFor(lang criteria.Lang) *sensWords {
	if lang == criteria.English {
		return &sensEnglish
	}
	return &sensVietnamese
}

// sensBand words a band: "3–5", or "4" when it is one rank.
func sensBand(u *analysis.UnitSensitivity) string {
	if u.Low == u.High {
		return fmt.Sprint(u.Low)
	}
	return fmt.Sprintf("%d–%d", u.Low, u.High)
}

// sensPercent is the share of runs at the unit's rank as a percentage
// with one place, worked from the count so it is rounded once.
func sensPercent(u *analysis.UnitSensitivity, runs int) decimal.Decimal {
	return decimal.NewFromInt(int64(u.Kept)*100).DivRound(decimal.NewFromInt(int64(runs)), 1)
}

// sensMeaning is the sentence saying what the band means, with the runs
// and P filled in.
func sensMeaning(s *analysis.Sensitivity, lang criteria.Lang) string {
	w := sensFor(lang)
	return fmt.Sprintf(w.meaning, sensCount(s.Runs, lang), criteria.FormatNumber(s.Spread.Shift(2), lang))
}

// sensSummary is the sentence with the mean shift and the seed.
func sensSummary(s *analysis.Sensitivity, lang criteria.Lang) string {
	return fmt.Sprintf(sensFor(lang).summary, criteria.FormatFixed(s.MeanShift, 2, lang), s.Seed)
}

// sensCount writes a count with the thousands separator people expect:
// "1.000" in Vietnamese, "1,000" in English.
func sensCount(n int, lang criteria.Lang) string {
	digits := fmt.Sprint(n)
	sep := "."
	if lang == criteria.English {
		sep = ","
	}
	out := ""
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out += sep
		}
		out += string(r)
	}
	return out
}
