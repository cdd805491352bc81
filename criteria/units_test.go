package criteria

import (
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
		{"aliases not a list", "units:\n  - {id: a, name: A, aliases: {x: y}}\n", []string{
			`units.yaml:2: unit "a": aliases: expected a list, not a mapping`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadUnits([]byte(tt.yaml), "units.yaml")
			var got []string
			if err != nil {
				ps, ok := err.(Problems)
				if !ok {
					t.Fatalf("LoadUnits: got %T, want Problems", err)
				}
				for _, p := range ps {
					got = append(got, p.Error())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
