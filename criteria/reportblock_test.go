package criteria

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const reportFields = `fields:
  - {code: "1", name: A, max: 1, rule: {type: boolean, metric: b}}
`

func TestLoadReportBlock(t *testing.T) {
	s, err := Load([]byte(head+reportFields+`report:
  issuer: [UBND TỈNH QUẢNG NAM, SỞ NỘI VỤ]
  decision: Kèm theo Quyết định số 123/QĐ-UBND ngày 15/02/2020 của UBND tỉnh
  place: Quảng Nam
  date: 2020-02-15
  group_tables: true
  signatures:
    - {title: NGƯỜI LẬP BIỂU, name: Nguyễn Văn A}
    - {title: GIÁM ĐỐC}
`), "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := &ReportBlock{
		Issuer:      []string{"UBND TỈNH QUẢNG NAM", "SỞ NỘI VỤ"},
		Decision:    "Kèm theo Quyết định số 123/QĐ-UBND ngày 15/02/2020 của UBND tỉnh",
		Place:       "Quảng Nam",
		Date:        time.Date(2020, 2, 15, 0, 0, 0, 0, time.UTC),
		Signatures:  []Signature{{"NGƯỜI LẬP BIỂU", "Nguyễn Văn A"}, {"GIÁM ĐỐC", ""}},
		GroupTables: true,
	}
	if diff := cmp.Diff(want, s.Report); diff != "" {
		t.Errorf("report block (-want +got):\n%s", diff)
	}
	if !s.Report.HasHeader() {
		t.Error("HasHeader is false for a block with an issuer")
	}
	s, err = Load([]byte(head+reportFields), "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Report != nil || s.Report.HasHeader() {
		t.Errorf("a set without report: has block %+v", s.Report)
	}
	s, err = Load([]byte(head+reportFields+"report: {group_tables: true}\n"), "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Report.HasHeader() {
		t.Error("a block asking only for group tables asks for header rows")
	}
}

func TestLoadReportBlockProblems(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"bad date and key", `report:
  issuer: [UBND TỈNH, ""]
  date: 15/02/2020
  palce: Quảng Nam
`, []string{
			`criteria.yaml:10: report: issuer: line 2 is empty`,
			`criteria.yaml:11: report: date: "15/02/2020" is not a date`,
			`criteria.yaml:12: report: unknown key "palce"`,
		}},
		{"signatures", `report:
  signatures:
    - {name: Nguyễn Văn A}
    - GIÁM ĐỐC
  group_tables: yes please
`, []string{
			`criteria.yaml:11: report: signature 1: missing required key "title"`,
			`criteria.yaml:12: report: signature 2: expected a mapping of keys (key: value), not "GIÁM ĐỐC"`,
			`criteria.yaml:13: report: group_tables: expected true or false, not "yes please"`,
		}},
		{"too many signatures", `report:
  signatures: [{title: A}, {title: B}, {title: C}, {title: D}, {title: E}]
`, []string{`criteria.yaml:10: report: signatures: 5 signatures, at most 4 fit under a table`}},
		{"not a mapping", "report: Sở Nội vụ\n", []string{
			`criteria.yaml:9: report: expected a mapping of keys (key: value), not "Sở Nội vụ"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(head+reportFields+tt.yaml), "criteria.yaml")
			ps, _ := err.(Problems)
			var got []string
			for _, p := range ps {
				got = append(got, p.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
