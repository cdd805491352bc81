package report

import (
	"strings"

	"parindex/criteria"
)

// instructionText is the how-to of a data-collection workbook, by
// language; the first line differs between the wide and per-unit layouts.
var instructionText = map[criteria.Lang]struct {
	heading, wide, perUnit, byDept string
	rules                          []string
	table                          []string
}{
	criteria.Vietnamese: {
		heading: "Hướng dẫn điền số liệu",
		wide:    "Điền số liệu vào trang «Số liệu»: mỗi dòng một đơn vị, mỗi cột một chỉ số. Không đổi tên đơn vị ở cột «Đơn vị», không sửa dòng tiêu đề của bảng, không thêm hay xoá cột; cột «Ghi chú» ghi tự do.",
		perUnit: "Điền cột «Giá trị» của trang «Số liệu»: mỗi dòng một chỉ số. Ghi số, ký hiệu văn bản hoặc tài liệu kiểm chứng vào cột «Tài liệu kiểm chứng», ghi chú khác vào cột «Ghi chú». Không sửa cột «Mã chỉ số» và dòng tiêu đề của bảng.",
		byDept:  "Các chỉ số có người điền là «Sở Nội vụ» trong bảng dưới đây (điểm điều tra xã hội học, SIPAS…) do Sở Nội vụ tự điền: biểu này không có ô cho các chỉ số đó, đơn vị không điền.",
		rules: []string{
			"Nhập số trực tiếp vào ô. Nếu nhập dưới dạng văn bản thì dùng dấu chấm (.) làm dấu thập phân, ví dụ 87.5; không dùng dấu phân cách hàng nghìn.",
			"Tỷ lệ % nhập số từ 0 đến 100, ví dụ 87.5 cho 87,5%; không nhập dạng 0,875.",
			"Chỉ số có/không: chọn «có» hoặc «không» trong danh sách (cũng nhận x, 1/0, true/false).",
			"Nội dung không phát sinh trong năm: nhập KPS (hoặc N/A, -); tiêu chí dùng chỉ số đó không tính cho đơn vị, kể cả điểm tối đa.",
			"Không để trống: ô trống là thiếu số liệu và bị báo lỗi, trừ chỉ số có giá trị mặc định trong bảng dưới đây.",
			"Các tỷ lệ (trễ hạn, trực tuyến…) được tính từ số liệu gốc (tử số, mẫu số): chỉ nhập số liệu gốc.",
		},
		table: []string{"Mã chỉ số", "Tên chỉ số", "Loại", "Giá trị cho phép", "Mặc định khi để trống", "Người điền", "Dùng ở tiêu chí"},
	},
	criteria.English: {
		heading: "How to fill in this workbook",
		wide:    "Fill in the Data sheet: one row a unit, one column a metric. Do not change the unit names in the Unit column, the table's header row, or the columns; write anything in the Note column.",
		perUnit: "Fill in the Value column of the Data sheet, one row a metric. Put document numbers and other evidence in the Evidence column, anything else in the Note column. Do not change the Metric column or the table's header row.",
		byDept:  "The metrics the table below says the Department fills in (survey points, SIPAS…) are filled in by the Department itself: this form has no cell for them.",
		rules: []string{
			"Type numbers into the cells. A number typed as text takes . as the decimal mark, e.g. 87.5, and no thousands separator.",
			"A percent is a number from 0 to 100, e.g. 87.5 for 87.5%; not 0.875.",
			"A yes/no metric: choose yes or no from the list (x, 1/0 and true/false are also read).",
			"When the thing did not occur this year, enter N/A (or KPS, -): the criteria using it do not count for the unit, max included.",
			"Do not leave a cell empty: an empty cell is missing data and an error, unless the metric has a default in the table below.",
			"Rates (late, online…) are computed from their raw counts (numerator, denominator): enter only the counts.",
		},
		table: []string{"Metric id", "Name", "Type", "Allowed values", "Default when empty", "Filled in by", "Used by criteria"},
	},
}

// writeInstructions writes Hướng dẫn: how to fill in, the value rules, and
// a table of the metrics asked for with the criteria that use each.
func (b *book) writeInstructions(perUnit bool) error {
	txt := instructionText[b.lang]
	tw := templateWords[b.lang]
	inputs := b.set.Inputs()
	usedBy := metricUsers(b.set)
	ids, names, users, allowed := []string{}, []string{}, []string{}, []string{}
	byDept := false
	for _, m := range inputs {
		ids, names = append(ids, m.ID), append(names, m.Name)
		users = append(users, strings.Join(usedBy[m.ID], ", "))
		allowed = append(allowed, b.allowedWords(m))
		byDept = byDept || m.ByDepartment
	}
	widths := []float64{fit(12, 30, ids...), fit(30, 60, names...), fit(12, 24, metricTypeWords(criteria.Percent, b.lang)),
		fit(12, 22, allowed...), fit(12, 16, longestWord(txt.table[4])), fit(10, 14, tw.byDept), fit(14, 40, users...)}
	s, err := b.newSheet(b.l.instructions, widths)
	if err != nil {
		return err
	}
	if err := s.titleBlock(txt.heading); err != nil {
		return err
	}
	lines := append([]string{txt.wide}, txt.rules...)
	if perUnit {
		lines[0] = txt.perUnit
	}
	if byDept {
		lines = append(lines, txt.byDept)
	}
	for i, line := range lines {
		if err := s.add([]any{b.integer(i+1, kInt), b.text(line, kPlain)}, 0); err != nil {
			return err
		}
	}
	s.skip()
	if err := s.header(txt.table); err != nil {
		return err
	}
	headRow := s.row
	for i, m := range inputs {
		who := tw.byUnit
		if m.ByDepartment {
			who = tw.byDept
		}
		cells := []any{b.text(m.ID, kText), b.text(m.Name, kTextWrap), b.text(metricTypeWords(m.Type, b.lang), kText),
			b.text(allowed[i], kTextWrap), b.text(b.defaultWords(m), kCenter), b.text(who, kCenter), b.text(users[i], kTextWrap)}
		if err := s.add(cells, s.heightFor([]string{"", m.Name, "", allowed[i], "", "", users[i]}, false)); err != nil {
			return err
		}
	}
	if err := s.printTitles(headRow, headRow); err != nil {
		return err
	}
	return s.flush()
}

// defaultWords says what an empty cell of m takes, or nothing.
func (b *book) defaultWords(m *criteria.Metric) string {
	switch d := m.Default; {
	case d == nil:
		return ""
	case d.IsNA():
		return b.l.notApplicable
	case d.IsBool() && d.Bool():
		return b.l.yes
	case d.IsBool():
		return b.l.no
	case d.IsLevel() && d.Level() < len(m.Levels):
		return m.Levels[d.Level()]
	}
	return criteria.FormatNumber(m.Default.Round(b.places+2), b.lang)
}

// metricUsers maps each input metric to the codes of the leaves that read
// it, directly or as a part of a derived ratio.
func metricUsers(set *criteria.Set) map[string][]string {
	out := map[string][]string{}
	for _, n := range set.Leaves() {
		seen := map[string]bool{}
		ids := []string{n.Rule.Metric}
		if m := set.Metric(n.Rule.Metric); m != nil && m.Ratio != nil {
			ids = append(append(ids, m.Ratio.Numerator...), m.Ratio.Denominator...)
		}
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out[id] = append(out[id], n.Code)
			}
		}
	}
	return out
}
