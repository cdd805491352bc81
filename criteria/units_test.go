package criteria

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

func TestLoadUnitsValid(t *testing.T) {
	units, err := LoadUnits(readTestdata(t, "valid-units.yaml"), "units.yaml")
	if err != nil {
		t.Fatalf("LoadUnits: %v", err)
	}
	want := []*Unit{
		{ID: "dien-ban", Name: "Thị xã Điện Bàn", Group: "Đồng bằng", Aliases: []string{"Điện Bàn", "TX Điện Bàn", "Dien Ban"}, Line: 2},
		{ID: "que-son", Name: "Huyện Quế Sơn", Group: "Trung du", Aliases: []string{"Quế Sơn"}, Line: 6},
		{ID: "nam-tra-my", Name: "Huyện Nam Trà My", Group: "Miền núi", Line: 10},
	}
	if diff := cmp.Diff(want, units); diff != "" {
		t.Errorf("LoadUnits mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadUnitsProblems(t *testing.T) {
	nfd := norm.NFD.String("Điện Bàn")
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"no groups at all", "units:\n  - {id: a, name: A}\n  - {id: b, name: B}\n", nil},
		{"NFD name clashes with NFC alias", "units:\n  - {id: a, name: Thị xã Điện Bàn, aliases: [Điện Bàn]}\n  - {id: b, name: " + nfd + "}\n", []string{
			`units.yaml:3: unit "b": name "Điện Bàn" clashes with the alias "Điện Bàn" of unit "a" (line 2)`,
		}},
		{"alias clash ignoring case", "units:\n  - {id: a, name: A, aliases: [Quế Sơn]}\n  - {id: b, name: B, aliases: [QUẾ SƠN]}\n", []string{
			`units.yaml:3: unit "b": alias "QUẾ SƠN" clashes with the alias "Quế Sơn" of unit "a" (line 2)`,
		}},
		{"alias equal to another unit's id", "units:\n  - {id: a, name: A}\n  - {id: b, name: B, aliases: [a]}\n", []string{
			`units.yaml:3: unit "b": alias "a" clashes with the id "a" of unit "a" (line 2)`,
		}},
		{"own name repeated as alias", "units:\n  - {id: a, name: A, aliases: [a, A]}\n", nil},
		{"duplicate id", "units:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", []string{
			`units.yaml:3: unit "a": id "a" clashes with the id "a" of unit "a" (line 2)`,
		}},
		{"group on some units only", "units:\n  - {id: a, name: A, group: Núi}\n  - {id: b, name: B}\n  - {id: c, name: C}\n", []string{
			`units.yaml:3: unit "b": no group, while unit "a" (line 2) has one`,
			`units.yaml:4: unit "c": no group, while unit "a" (line 2) has one`,
		}},
		{"bad and missing keys", "units:\n  - {id: Điện Bàn, nmae: x}\n  - {name: B}\n", []string{
			`units.yaml:2: unit "Điện Bàn": unknown key "nmae"`,
			`units.yaml:2: unit "Điện Bàn": the id may hold only a-z, 0-9 and -`,
			`units.yaml:2: unit "Điện Bàn": missing required key "name"`,
			`units.yaml:3: unit 2: missing required key "id"`,
		}},
		{"empty list", "units: []\n", []string{`units.yaml:1: units: the list is empty`}},
		{"empty value", "units:\n", []string{`units.yaml:1: units: the list is empty`}},
		{"no units key", "unit: []\n", []string{
			`units.yaml:1: unknown key "unit"`,
			`units.yaml:1: missing required key "units"`,
		}},
		{"windows device names", "units:\n  - {id: con, name: A}\n  - {id: nul, name: B}\n  - {id: com1, name: C}\n  - {id: lpt9, name: D}\n  - {id: aux, name: E}\n  - {id: prn, name: F}\n", []string{
			`units.yaml:2: unit "con": the id "con" is a name Windows keeps for a device: the unit's workbook con.xlsx could not be opened there`,
			`units.yaml:3: unit "nul": the id "nul" is a name Windows keeps for a device: the unit's workbook nul.xlsx could not be opened there`,
			`units.yaml:4: unit "com1": the id "com1" is a name Windows keeps for a device: the unit's workbook com1.xlsx could not be opened there`,
			`units.yaml:5: unit "lpt9": the id "lpt9" is a name Windows keeps for a device: the unit's workbook lpt9.xlsx could not be opened there`,
			`units.yaml:6: unit "aux": the id "aux" is a name Windows keeps for a device: the unit's workbook aux.xlsx could not be opened there`,
			`units.yaml:7: unit "prn": the id "prn" is a name Windows keeps for a device: the unit's workbook prn.xlsx could not be opened there`,
		}},
		{"a device name in capitals", "units:\n  - {id: CON, name: A}\n", []string{
			`units.yaml:2: unit "CON": the id may hold only a-z, 0-9 and -`,
			`units.yaml:2: unit "CON": the id "CON" is a name Windows keeps for a device: the unit's workbook CON.xlsx could not be opened there`,
		}},
		{"names near a device are ids", "units:\n  - {id: con-1, name: A}\n  - {id: com10, name: B}\n  - {id: lpt0x, name: C}\n  - {id: aux-nul, name: D}\n", nil},
		{"id of 64 characters", "units:\n  - {id: " + strings.Repeat("a", 64) + ", name: A}\n", nil},
		{"id of 65 characters", "units:\n  - {id: " + strings.Repeat("a", 65) + ", name: A}\n", []string{
			`units.yaml:2: unit "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…": the id has 65 characters; an id may have at most 64`,
		}},
		{"aliases not a list", "units:\n  - {id: a, name: A, aliases: {x: y}}\n", []string{
			`units.yaml:2: unit "a": aliases: expected a list, not a mapping`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadUnits([]byte(tt.yaml), "units.yaml")
			got := problemTexts(t, err)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			ps, _ := err.(Problems)
			for _, p := range ps {
				if strings.Contains(p.Msg, "Windows") && !strings.Contains(p.Hint, "choose another id") ||
					strings.Contains(p.Msg, "at most 64") && !strings.Contains(p.Hint, "short label") {
					t.Errorf("%s: hint %q does not say what to do", p.Msg, p.Hint)
				}
			}
		})
	}
}
