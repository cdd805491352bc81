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

func TestTemplateRoundTrip(t *testing.T) {
	ws := loadWorkspace(t, demoDir)
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, ws.set, ws.units, criteria.Vietnamese); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] != vietnamese.data || sheets[1] != vietnamese.instructions {
		t.Fatalf("sheets %q", sheets)
	}
	data := sheets[0]
	inputs := ws.set.Inputs()
	if a1, _ := f.GetCellValue(data, "A1"); a1 != "unit" {
		t.Errorf("A1 = %q, want unit", a1)
	}
	for j, m := range inputs {
		head, _ := f.GetCellValue(data, cellRef(j+2, 1))
		if id, rest, _ := strings.Cut(head, "\n"); id != m.ID || !strings.Contains(rest, m.Name) {
			t.Errorf("header %q, want %s then its name", head, m.ID)
		}
	}
	checkValidations(t, f, data, inputs, len(ws.units))
	for i, u := range ws.units {
		if name, _ := f.GetCellValue(data, cellRef(1, i+2)); name != u.Name {
			t.Errorf("row %d names %q, want %q", i+2, name, u.Name)
		}
		for j, m := range inputs {
			fill(t, f, data, cellRef(j+2, i+2), m, ws.table.Values[u.ID][m.ID])
		}
	}
	path := filepath.Join(t.TempDir(), "filled.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	back, err := metrics.Read(path, ws.set, ws.units, metrics.Options{})
	if err != nil {
		t.Fatalf("reading the filled template: %v", err)
	}
	want := resultJSON(t, ws.score(t, ws.table.Values))
	if got := resultJSON(t, ws.score(t, back.Values)); got != want {
		t.Errorf("scoring the filled template differs from scoring metrics.csv")
	}
	rows, _ := f.GetRows(vietnamese.instructions)
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"KPS", "dấu chấm", "có", inputs[0].ID, "dossiers_late"} {
		if !strings.Contains(text, want) {
			t.Errorf("Hướng dẫn lacks %q", want)
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
		ref := colRange(j+2, 2, n+1)
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
		case criteria.Count, criteria.Percent:
			if dv.Type != "custom" || !strings.Contains(dv.Formula1, "KPS") || !strings.Contains(dv.Formula1, ">=0") {
				t.Errorf("%s: %s %q, want a custom check ≥ 0 that lets KPS through", ref, dv.Type, dv.Formula1)
			}
		}
	}
}

func TestUnitTemplateRoundTrip(t *testing.T) {
	ws := loadWorkspace(t, demoDir)
	u := ws.units[2]
	for _, lang := range []criteria.Lang{criteria.Vietnamese, criteria.English} {
		var buf bytes.Buffer
		if err := WriteUnitTemplate(&buf, ws.set, u, lang); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[0]
		if a2, _ := f.GetCellValue(sheet, "B2"); a2 != u.Name {
			t.Errorf("%s: B2 = %q, want the unit's name", lang, a2)
		}
		for i, m := range ws.set.Inputs() {
			r := i + 3
			if id, _ := f.GetCellValue(sheet, cellRef(1, r)); id != m.ID {
				t.Fatalf("%s: A%d = %q, want %s", lang, r, id, m.ID)
			}
			fill(t, f, sheet, cellRef(2, r), m, ws.table.Values[u.ID][m.ID])
			if i == 0 {
				_ = f.SetCellStr(sheet, cellRef(5, r), "QĐ 12/QĐ-UBND")
			}
		}
		dir := t.TempDir()
		if err := f.SaveAs(filepath.Join(dir, "x.xlsx")); err != nil {
			t.Fatal(err)
		}
		f.Close()
		back, err := metrics.Read(dir, ws.set, ws.units, metrics.Options{Partial: true})
		if err != nil {
			t.Fatalf("%s: reading the filled unit template: %v", lang, err)
		}
		for _, m := range ws.set.Inputs() {
			got, want := back.Values[u.ID][m.ID], ws.table.Values[u.ID][m.ID]
			if got.String() != want.String() {
				t.Errorf("%s: %s = %s, want %s", lang, m.ID, got, want)
			}
		}
		if note := back.Notes[u.ID][ws.set.Inputs()[0].ID]; !strings.Contains(note, "QĐ 12/QĐ-UBND") {
			t.Errorf("%s: evidence %q not read back", lang, note)
		}
	}
}
