package web

import (
	"maps"

	"parindex/criteria"
	"parindex/report"
)

// pageWords are the texts only the pages show: navigation, forms and
// messages. The labels the pages share with the workbook come from
// report.Words, so that a column is named as on the sheet the meeting has.
var pageWords = map[criteria.Lang]map[string]string{
	criteria.Vietnamese: {
		"lang": "vi", "appName": "parindex — Chỉ số CCHC",
		"navRanking": "Xếp hạng", "navFields": "Theo lĩnh vực", "navCriteria": "Bộ tiêu chí",
		"navFiles": "Tệp dữ liệu", "navProblems": "Lỗi trong dữ liệu",
		"allGroups": "Tất cả các nhóm", "filter": "Lọc", "page": "Trang", "of": "trên",
		"prev": "‹ Trang trước", "next": "Trang sau ›", "unitsShown": "Đơn vị %d–%d trên %d",
		"problemsTitle": "Dữ liệu có lỗi: chưa thể chấm điểm",
		"problemsLead":  "Sửa các lỗi dưới đây trong tệp, lưu lại rồi tải lại trang. Mỗi lỗi ghi tệp và dòng (hoặc ô) có lỗi.",
		"place":         "Vị trí", "problem": "Lỗi", "hint": "Gợi ý",
		"standing": "Kết quả", "lastYear": "Năm trước", "bySource": "Theo nguồn điểm",
		"criteriaOf": "Điểm từng tiêu chí", "selfIndex": "Chỉ số tự đánh giá",
		"whatifTitle": "Giả định: nếu thay đổi số liệu",
		"whatifLead":  "Đổi giá trị một chỉ tiêu hoặc điểm một tiêu chí của đơn vị này (sau các điều chỉnh của Hội đồng) để xem thứ hạng mới và các đơn vị bị thay đổi thứ hạng. Không có gì được lưu lại.",
		"target":      "Chỉ tiêu hoặc tiêu chí", "newValue": "Giá trị hoặc điểm mới", "addChange": "Thêm thay đổi", "run": "Tính lại",
		"whatifResult": "Kết quả giả định", "rankBefore": "Hạng hiện tại", "rankAfter": "Hạng giả định",
		"indexBefore": "Chỉ số hiện tại", "indexAfter": "Chỉ số giả định",
		"unitNewRank": "%s: hạng %d (hiện tại %d), chỉ số %s (hiện tại %s).",
		"moved":       "Các đơn vị thay đổi thứ hạng", "noneMoved": "Không đơn vị nào thay đổi thứ hạng.",
		"whatifRefused": "Không tính được giả định",
		"filesTitle":    "Tệp dữ liệu", "folder": "Thư mục", "size": "Dung lượng", "modified": "Sửa lúc",
		"upload": "Tải lên", "uploadLead": "Kéo tệp .csv hoặc .xlsx thả vào ô dưới đây, hoặc chọn tệp. Tệp được kiểm tra trước; có lỗi thì không thay tệp cũ. Tệp cũ được giữ lại với tên TÊN.bak-NĂMTHÁNGNGÀY-GIỜPHÚTGIÂY.",
		"kind": "Loại số liệu", "kindMetrics": "Số liệu thẩm định (metrics)", "kindSelf": "Số liệu tự đánh giá (self)",
		"kindDecisions": "Quyết định của Hội đồng (decisions)", "chooseFile": "Chọn tệp", "dropHere": "Thả tệp vào đây",
		"uploadRefused": "Không nhận tệp %s", "uploadDone": "Đã cập nhật %s. Tệp cũ được giữ lại: %s.",
		"uploadNew": "Đã lưu %s.",
		"downloads": "Tải về", "dlReport": "Báo cáo Excel (report.xlsx)", "dlTemplate": "Biểu mẫu thu thập số liệu (template.xlsx)",
		"dlJSON": "Kết quả JSON (result.json)", "backups": "Bản lưu tệp cũ",
		"notFound": "Không tìm thấy trang này.", "unknownUnit": "Không có đơn vị %q trong units.yaml.",
		"badToken": "Biểu mẫu đã cũ hoặc không hợp lệ: tải lại trang rồi thử lại.",
		"tooLarge": "Tệp quá lớn: tối đa 20 MiB.", "back": "Quay lại",
		"rulesLead": "Điểm tối đa và cách chấm của từng tiêu chí.", "units": "đơn vị", "illustrative": "",
		"printed": "In trang", "emptyGroup": "Không có đơn vị nào trong nhóm này.",
		"noChange":      "Chưa có thay đổi nào: chọn chỉ tiêu hoặc tiêu chí và nhập giá trị hoặc điểm mới.",
		"targetMetrics": "Giá trị chỉ tiêu", "targetLeaves": "Điểm tiêu chí",
		"rankBeforeCouncil": "Hạng trước điều chỉnh của Hội đồng", "indexBeforeCouncil": "Chỉ số trước điều chỉnh",
		"moreProblems": "… và %d lỗi khác (sửa các lỗi trên rồi tải lại trang để xem tiếp)",
	},
	criteria.English: {
		"lang": "en", "appName": "parindex — PAR index",
		"navRanking": "Ranking", "navFields": "By field", "navCriteria": "Criteria",
		"navFiles": "Files", "navProblems": "Problems in the data",
		"allGroups": "All groups", "filter": "Filter", "page": "Page", "of": "of",
		"prev": "‹ Previous", "next": "Next ›", "unitsShown": "Units %d–%d of %d",
		"problemsTitle": "The data has problems: nothing can be scored yet",
		"problemsLead":  "Fix the problems below in the files, save them and reload this page. Each names its file and line (or cell).",
		"place":         "Place", "problem": "Problem", "hint": "Hint",
		"standing": "Result", "lastYear": "Last year", "bySource": "By source",
		"criteriaOf": "Points per criterion", "selfIndex": "Self-assessed index",
		"whatifTitle": "What if the data were different",
		"whatifLead":  "Change a metric's value or a criterion's points for this unit (after the council's decisions) to see its new rank and every unit whose rank would move. Nothing is saved.",
		"target":      "Metric or criterion", "newValue": "New value or points", "addChange": "Add a change", "run": "Score again",
		"whatifResult": "What-if result", "rankBefore": "Rank now", "rankAfter": "Rank if changed",
		"indexBefore": "Index now", "indexAfter": "Index if changed",
		"unitNewRank": "%s: rank %d (now %d), index %s (now %s).",
		"moved":       "Units whose rank moves", "noneMoved": "No unit's rank moves.",
		"whatifRefused": "The what-if could not be scored",
		"filesTitle":    "Files", "folder": "Folder", "size": "Size", "modified": "Modified",
		"upload": "Upload", "uploadLead": "Drop a .csv or .xlsx file on the box below, or choose one. It is checked first; with problems it does not replace the old file. The old file is kept as NAME.bak-YYYYMMDD-HHMMSS.",
		"kind": "Input", "kindMetrics": "Appraised values (metrics)", "kindSelf": "Self-assessed values (self)",
		"kindDecisions": "Council decisions (decisions)", "chooseFile": "Choose a file", "dropHere": "Drop a file here",
		"uploadRefused": "%s was not accepted", "uploadDone": "%s was updated. The old file is kept as %s.",
		"uploadNew": "%s was saved.",
		"downloads": "Downloads", "dlReport": "Excel report (report.xlsx)", "dlTemplate": "Data-collection template (template.xlsx)",
		"dlJSON": "JSON result (result.json)", "backups": "Copies of replaced files",
		"notFound": "No such page.", "unknownUnit": "No unit %q in units.yaml.",
		"badToken": "The form is out of date or not valid: reload the page and try again.",
		"tooLarge": "The file is too large: 20 MiB at most.", "back": "Back",
		"rulesLead": "Each criterion's maximum points and how it is scored.", "units": "units", "illustrative": "",
		"printed": "Print", "emptyGroup": "No unit in this group.",
		"noChange":      "No change given: choose a metric or criterion and enter its new value or points.",
		"targetMetrics": "A metric's value", "targetLeaves": "A criterion's points",
		"rankBeforeCouncil": "Rank before the council", "indexBeforeCouncil": "Index before the council",
		"moreProblems": "… and %d more (fix those above and reload the page to see them)",
	},
}

// wordsFor returns every text a page of lang shows: the workbook's labels
// and the pages' own.
func wordsFor(lang criteria.Lang) map[string]string {
	if lang != criteria.English {
		lang = criteria.Vietnamese
	}
	w := report.Words(lang)
	maps.Copy(w, pageWords[lang])
	return w
}
