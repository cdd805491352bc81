package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"parindex/criteria"
	"parindex/metrics"
	"parindex/scoring"
)

// cellText is what a unit would type for v.
func cellText(m *criteria.Metric, v criteria.Value) (text string, numeric bool) {
	switch {
	case v.IsNA():
		return "KPS", false
	case v.IsBool() && v.Bool():
		return "có", false
	case v.IsBool():
		return "không", false
	case v.IsLevel():
		return m.Levels[v.Level()], false
	case v.IsMissing():
		return "", false
	}
	num, _ := v.Fraction()
	return num.String(), true
}

// fill writes v into sheet!cell as a person would: numbers as numbers.
func fill(t *testing.T, f *excelize.File, sheet, cell string, m *criteria.Metric, v criteria.Value) {
	t.Helper()
	text, numeric := cellText(m, v)
	var err error
	if numeric {
		err = f.SetCellDefault(sheet, cell, text)
	} else {
		err = f.SetCellStr(sheet, cell, text)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func resultJSON(t *testing.T, res *scoring.Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf, criteria.Vietnamese); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// withDepartment adds to the values read back from a template the values
// of the metrics the Department fills in, which the template does not
// ask for, as department.csv would give them.
func withDepartment(t *testing.T, ws *loadedWorkspace, back map[string]criteria.Values) map[string]criteria.Values {
	t.Helper()
	for _, m := range ws.set.Inputs() {
		if !m.ByDepartment {
			continue
		}
		for id, vals := range back {
			if vals.Has(m.ID) {
				t.Errorf("%s: the template asked the unit for %s, which the Department fills in", id, m.ID)
			}
			vals.Set(m.ID, ws.table.Values[id].Get(m.ID))
			back[id] = vals
		}
	}
	return back
}

// TestTemplateRoundTrip fills in the wide template in both languages, as
// written — title rows, STT column, notes — reads it back and scores it.
func TestTemplateRoundTrip(t *testing.T) {
	ws := loadWorkspace(t, demoDir)
	want := resultJSON(t, ws.score(t, ws.table.Values))
	inputs := unitInputs(ws.set)
	if len(inputs) == len(ws.set.Inputs()) {
		t.Fatal("the demo marks no metric filled_by: department")
	}
	for _, lang := range []criteria.Lang{criteria.Vietnamese, criteria.English} {
		var buf bytes.Buffer
		if err := WriteTemplate(&buf, ws.set, ws.units, lang); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		l := labelsFor(lang)
		sheets := f.GetSheetList()
		if len(sheets) != 2 || sheets[0] != l.data || sheets[1] != l.instructions {
			t.Fatalf("sheets %q", sheets)
		}
		data := sheets[0]
		tw := templateWords[lang]
		a1, _ := f.GetCellValue(data, "A1")
		if !strings.Contains(a1, ws.set.Title) || !strings.Contains(a1, "2019") {
			t.Errorf("%s: A1 = %q, want the set's title and year", lang, a1)
		}
		if a2, _ := f.GetCellValue(data, "A2"); a2 != tw.heading {
			t.Errorf("%s: A2 = %q, want %q", lang, a2, tw.heading)
		}
		for col, want := range []string{tw.stt, tw.unit} {
			if got, _ := f.GetCellValue(data, cellRef(col+1, 4)); got != want {
				t.Errorf("%s: header %s = %q, want %q", lang, cellRef(col+1, 4), got, want)
			}
		}
		if got, _ := f.GetCellValue(data, cellRef(len(inputs)+3, 4)); got != tw.note {
			t.Errorf("%s: last header %q, want %q", lang, got, tw.note)
		}
		for j, m := range inputs {
			head, _ := f.GetCellValue(data, cellRef(j+3, 4))
			if id, rest, _ := strings.Cut(head, "\n"); id != m.ID || !strings.Contains(rest, m.Name) {
				t.Errorf("header %q, want %s then its name", head, m.ID)
			}
			if m.Type == criteria.Points && !strings.Contains(head, "0") {
				t.Errorf("header %q lacks the range of its points", head)
			}
		}
		if lang == criteria.Vietnamese {
			checkValidations(t, f, data, inputs, len(ws.units))
		}
		for i, u := range ws.units {
			r := i + 5
			if name, _ := f.GetCellValue(data, cellRef(2, r)); name != u.Name {
				t.Errorf("row %d names %q, want %q", r, name, u.Name)
			}
			for j, m := range inputs {
				fill(t, f, data, cellRef(j+3, r), m, ws.table.Values[u.ID].Get(m.ID))
			}
		}
		_ = f.SetCellStr(data, cellRef(len(inputs)+3, 6), "đã đối chiếu")
		path := filepath.Join(t.TempDir(), "filled.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		checkInstructions(t, f, lang, ws.set)
		f.Close()
		back, err := metrics.Read(path, ws.set, ws.units, metrics.DepartmentOptions(ws.set, metrics.Options{}))
		if err != nil {
			t.Fatalf("%s: reading the filled template: %v", lang, err)
		}
		if got := resultJSON(t, ws.score(t, withDepartment(t, ws, back.Values))); got != want {
			t.Errorf("%s: scoring the filled template differs from scoring metrics.csv", lang)
		}
		if got := back.UnitNotes[ws.units[1].ID]; got != tw.note+": đã đối chiếu" {
			t.Errorf("%s: note %q not read back", lang, got)
		}
	}
}

// checkInstructions checks the instructions sheet: the rules, every
// metric, and the metrics the Department fills in marked as such.
func checkInstructions(t *testing.T, f *excelize.File, lang criteria.Lang, set *criteria.Set) {
	t.Helper()
	rows, _ := f.GetRows(labelsFor(lang).instructions)
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	wants := []string{"KPS", "dấu chấm", "có", "dossiers_late", "sipas|", "|Sở Nội vụ|", "do Sở Nội vụ tự điền"}
	if lang == criteria.English {
		wants = []string{"N/A", "decimal mark", "sipas|", "|Department|", "filled in by the Department itself"}
	}
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s: instructions lack %q", lang, want)
		}
	}
	for _, r := range rows {
		if len(r) > 5 && r[0] == "citizen_survey" && (r[5] != templateWords[lang].byDept || !strings.Contains(r[3], "7")) {
			t.Errorf("%s: citizen_survey row %q: want its range and the Department as who fills it in", lang, r)
		}
	}
}

// checkValidations checks the data sheet's checks: a drop-down for yes/no,
// a formula that lets KPS through for numbers, warnings rather than stops.
func checkValidations(t *testing.T, f *excelize.File, sheet string, inputs []*criteria.Metric, n int) {
	t.Helper()
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	byRef := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byRef[dv.Sqref] = dv
	}
	for j, m := range inputs {
		ref := colRange(j+3, 5, n+4)
		dv := byRef[ref]
		if dv == nil {
			t.Errorf("%s (%s): no data validation", ref, m.ID)
			continue
		}
		if dv.ErrorStyle == nil || *dv.ErrorStyle != "warning" || !dv.ShowInputMessage {
			t.Errorf("%s: validation must warn and show a message", ref)
		}
		switch m.Type {
		case criteria.Bool:
			if dv.Type != "list" || !strings.Contains(dv.Formula1, "có") || !strings.Contains(dv.Formula1, "KPS") {
				t.Errorf("%s: %s %q, want a list of có, không, KPS", ref, dv.Type, dv.Formula1)
			}
		case criteria.Level:
			if dv.Type != "list" || !strings.Contains(dv.Formula1, "KPS") {
				t.Errorf("%s: %s %q, want a list of the levels and KPS", ref, dv.Type, dv.Formula1)
			}
			for _, l := range m.Levels {
				if !strings.Contains(dv.Formula1, l) {
					t.Errorf("%s: list %q lacks the level %q", ref, dv.Formula1, l)
				}
			}
		case criteria.Count, criteria.Percent, criteria.Points:
			if dv.Type != "custom" || !strings.Contains(dv.Formula1, "KPS") || !strings.Contains(dv.Formula1, ">=0") {
				t.Errorf("%s: %s %q, want a custom check ≥ 0 that lets KPS through", ref, dv.Type, dv.Formula1)
			}
		}
	}
}

// TestUnitTemplateRoundTrip fills in every unit's per-unit template, as
// template --per-unit writes them, in both languages, reads the folder
// back and scores it.
func TestUnitTemplateRoundTrip(t *testing.T) {
	ws := loadWorkspace(t, demoDir)
	want := resultJSON(t, ws.score(t, ws.table.Values))
	inputs := unitInputs(ws.set)
	for _, lang := range []criteria.Lang{criteria.Vietnamese, criteria.English} {
		dir := t.TempDir()
		tw := templateWords[lang]
		for k, u := range ws.units {
			var buf bytes.Buffer
			if err := WriteUnitTemplate(&buf, ws.set, u, lang); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			sheet := f.GetSheetList()[0]
			if k == 0 {
				a1, _ := f.GetCellValue(sheet, "A1")
				a2, _ := f.GetCellValue(sheet, "A2")
				if !strings.Contains(a1, "2019") || !strings.Contains(a2, u.Name) {
					t.Errorf("%s: title %q, %q: want the year and the unit", lang, a1, a2)
				}
				for col, h := range []string{tw.stt, tw.metric, tw.name, tw.typ, tw.allowed, tw.value, tw.evidence, tw.note} {
					if got, _ := f.GetCellValue(sheet, cellRef(col+1, 4)); got != h {
						t.Errorf("%s: header %s = %q, want %q", lang, cellRef(col+1, 4), got, h)
					}
				}
			}
			if f5, _ := f.GetCellValue(sheet, "F5"); f5 != u.Name {
				t.Errorf("%s: F5 = %q, want the unit's name", lang, f5)
			}
			for i, m := range inputs {
				r := i + 6
				if id, _ := f.GetCellValue(sheet, cellRef(2, r)); id != m.ID {
					t.Fatalf("%s: B%d = %q, want %s", lang, r, id, m.ID)
				}
				fill(t, f, sheet, cellRef(6, r), m, ws.table.Values[u.ID].Get(m.ID))
				if i == 0 {
					_ = f.SetCellStr(sheet, cellRef(7, r), "QĐ 12/QĐ-UBND")
				}
			}
			if err := f.SaveAs(filepath.Join(dir, u.ID+".xlsx")); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		back, err := metrics.Read(dir, ws.set, ws.units, metrics.DepartmentOptions(ws.set, metrics.Options{}))
		if err != nil {
			t.Fatalf("%s: reading the filled unit templates: %v", lang, err)
		}
		if got := resultJSON(t, ws.score(t, withDepartment(t, ws, back.Values))); got != want {
			t.Errorf("%s: scoring the filled unit templates differs from scoring metrics.csv", lang)
		}
		u := ws.units[2]
		if note := back.Notes[u.ID][inputs[0].ID]; !strings.Contains(note, "QĐ 12/QĐ-UBND") {
			t.Errorf("%s: evidence %q not read back", lang, note)
		}
	}
}

func TestAllowedWords(t *testing.T) {
	ws := loadWorkspace(t, demoDir)
	tests := []struct {
		id   string
		lang criteria.Lang
		want string
	}{
		{"citizen_survey", criteria.Vietnamese, "từ 0 đến 7 điểm"},
		{"citizen_survey", criteria.English, "0 to 7 points"},
		{"sipas", criteria.Vietnamese, "tỷ lệ %, từ 0 đến 100"},
		{"legal_docs_procedure", criteria.Vietnamese, "có, không, KPS"},
		{"legal_docs_procedure", criteria.English, "yes, no, N/A"},
		{"plan_timing", criteria.Vietnamese, "đúng hạn, chậm, không ban hành, KPS"},
		{"plan_timing", criteria.English, "đúng hạn, chậm, không ban hành, N/A"},
		{"revenue_actual", criteria.Vietnamese, "một số"},
	}
	for _, tt := range tests {
		b := newBook(ws.set, tt.lang)
		m := ws.set.Metric(tt.id)
		if m == nil {
			t.Fatalf("no metric %s in the demo", tt.id)
		}
		if got := b.allowedWords(m); got != tt.want {
			t.Errorf("allowedWords(%s, %s) = %q, want %q", tt.id, tt.lang, got, tt.want)
		}
		if got := b.metricHeader(m); !strings.HasPrefix(got, tt.id+"\n") || !strings.HasSuffix(got, "("+tt.want+")") {
			t.Errorf("metricHeader(%s) = %q", tt.id, got)
		}
		b.f.Close()
	}
}
