package scoring

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parindex/criteria"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// sample is a small assessment touching every part of the JSON shape.
func sample(t testing.TB) *Result {
	set := newSet([]*criteria.Metric{metric("plan", criteria.Bool), metric("late", criteria.Count), metric("total", criteria.Count),
		ratio("late_rate", criteria.Percent, []string{"late"}, []string{"total"}), metric("sat", criteria.Number), metric("bo", criteria.Points)},
		parent("1", leaf("1.1", "1", boolRule("plan")),
			leaf("1.2", "1", criteria.Rule{Type: criteria.BandsRule, Metric: "late_rate", Bands: []criteria.Band{
				{LT: nd("5"), Points: d("1")}, {GTE: nd("5"), LT: nd("15"), Points: d("0.75")}}})),
		withSource(criteria.Survey, parent("2", leaf("2.1", "2", criteria.Rule{Type: criteria.RelativeRule, Metric: "sat"}))),
		withKind(criteria.Bonus, capped("T", "1", leaf("T.1", "1", criteria.Rule{Type: criteria.PointsRule, Metric: "bo"}))))
	set.Metrics[0].Name = "Ban hành kế hoạch CCHC đúng hạn"
	set.Tiers = []criteria.Tier{{Name: "Tốt", Min: d("90")}, {Name: "Khá", Min: d("0")}}
	in := input(set,
		criteria.ValuesOf(map[string]criteria.Value{"plan": yes, "late": num("1"), "total": num("12"), "sat": num("75"), "bo": na}),
		criteria.ValuesOf(map[string]criteria.Value{"plan": no, "late": num("0"), "total": num("0"), "sat": num("100"), "bo": num("0.5")}),
	)
	in.Units[0].Name, in.Units[0].ID, in.Units[0].Group = "Thị xã Điện Bàn", "dien-ban", "Đồng bằng"
	in.Units[1].Name, in.Units[1].ID, in.Units[1].Group = "Huyện \"Nam\" Giang", "nam-giang", "Miền núi"
	in.Values = map[string]criteria.Values{"dien-ban": in.Values["u1"], "nam-giang": in.Values["u2"]}
	res := mustScore(t, in)
	self := mustScore(t, in)
	res.AttachSelf(self)
	res.AttachPrevious(map[string]criteria.Previous{"dien-ban": {Rank: 2, Index: d("88.1")}})
	return res
}

func TestWriteJSONGolden(t *testing.T) {
	for _, lang := range []criteria.Lang{criteria.Vietnamese, criteria.English} {
		var buf bytes.Buffer
		if err := sample(t).WriteJSON(&buf, lang); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "result-"+string(lang)+".golden")
		if *update {
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from the output; run go test -update and review the diff\n%s", golden, buf.String())
		}
	}
}

// TestWriteJSONShape parses the output and checks SPEC §6's shape.
func TestWriteJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := sample(t).WriteJSON(&buf, criteria.Vietnamese); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema   string
		Criteria struct {
			ID       string
			Decimals int
		}
		Units []map[string]any
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if doc.Schema != Schema || doc.Criteria.ID != "test-set" || doc.Criteria.Decimals != 2 || len(doc.Units) != 2 {
		t.Fatalf("header: %+v", doc)
	}
	u := doc.Units[0]
	// Điện Bàn: 1 + 0.75 + 1.5 = 3.25 of 4 → 81.25; Nam Giang: 0 + 2 + 0.5 bonus = 2.5 of 3 → 83.33
	checks := map[string]any{"id": "nam-giang", "points": "2.50", "max": "3.00", "index": "83.33", "rank": 1.0,
		"group_rank": 1.0, "tier": "Khá", "bonus": "0.50", "group": "Miền núi"}
	for k, want := range checks {
		if u[k] != want {
			t.Errorf("unit 1 %s = %v, want %v", k, u[k], want)
		}
	}
	if _, ok := u["penalty"]; ok {
		t.Error("penalty present without a penalty field")
	}
	if _, ok := u["previous"]; ok {
		t.Error("previous present for a unit absent last year")
	}
	nodes := u["nodes"].([]any)
	if len(nodes) != 7 {
		t.Fatalf("%d nodes, want 7", len(nodes))
	}
	n12 := nodes[2].(map[string]any)
	if n12["code"] != "1.2" || n12["points"] != nil || n12["applicable"] != false || n12["value"] != "N/A" {
		t.Errorf("node 1.2 of Nam Giang: %v", n12)
	}
	u2 := doc.Units[1]
	prev := u2["previous"].(map[string]any)
	if prev["rank_change"] != 0.0 || prev["index"] != "88.10" {
		t.Errorf("previous of Điện Bàn: %v", prev)
	}
	n12 = u2["nodes"].([]any)[2].(map[string]any)
	// 1/12 × 100 = 8.3333… in [5, 15): 0.75
	if n12["value"] != "8.3333" || n12["explain"] != "tỷ lệ 8,3333% thuộc khoảng từ 5% đến dưới 15%: 0,75/1 điểm" {
		t.Errorf("node 1.2 of Điện Bàn: %v", n12)
	}
	if f := u2["nodes"].([]any)[0].(map[string]any); f["rank"] != 1.0 {
		t.Errorf("field 1 of Điện Bàn: %v, want rank 1", f)
	}
	if self := u2["self"].(map[string]any); self["index"] != "81.25" {
		t.Errorf("self of Điện Bàn: %v", self)
	}
}

func TestExplain(t *testing.T) {
	res := sample(t)
	u := res.Unit("dien-ban")
	tests := []struct {
		code string
		lang criteria.Lang
		want string
	}{
		{"1.1", criteria.Vietnamese, "Ban hành kế hoạch CCHC đúng hạn — có: 1/1 điểm"},
		{"1.1", criteria.English, "Ban hành kế hoạch CCHC đúng hạn — yes: 1/1 point"},
		{"2.1", criteria.Vietnamese, "giá trị 75 so với mức cao nhất 100: 1,5/2 điểm"},
		{"2.1", criteria.English, "value 75 against the highest 100: 1.5/2 points"},
		{"T.1", criteria.Vietnamese, "không phát sinh: không tính điểm"},
		{"1", criteria.Vietnamese, ""},
	}
	for _, tt := range tests {
		if got := node(t, u, tt.code).Explain(tt.lang); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.code, tt.lang, got, tt.want)
		}
	}
}

func TestReadPrevious(t *testing.T) {
	var buf bytes.Buffer
	if err := sample(t).WriteJSON(&buf, criteria.English); err != nil {
		t.Fatal(err)
	}
	last, err := ReadLastYear(&buf, "previous.json")
	if err != nil {
		t.Fatal(err)
	}
	prev := last.Units
	if p := prev["dien-ban"]; p.Rank != 2 || p.Index.StringFixed(2) != "81.25" || len(prev) != 2 {
		t.Errorf("ReadLastYear: %v", prev)
	}
	bad := []struct{ in, want string }{
		{`{"schema": "other/v1", "units": []}`, `previous.json: schema "other/v1", want "parindex.result/v1"`},
		{`{"units": []}`, `previous.json: no schema, want "parindex.result/v1"`},
		{"{\n\"schema\": ,}", "previous.json:2: not valid JSON"},
		{`{"schema": "parindex.result/v1", "units": [{"id": "a", "rank": 1, "index": "x"}]}`, `previous.json:1: unit "a": index "x" is not a number`},
		// Read as a decimal, it would be written out with a billion digits.
		{`{"schema": "parindex.result/v1", "units": [{"id": "a", "rank": 1, "index": "1e999999999"}]}`,
			`previous.json:1: unit "a": index "1e999999999" is not a number`},
		{`{"schema": "parindex.result/v1", "units": [{"id": "a", "rank": 1, "index": "1` + strings.Repeat("0", 100_000) + `"}]}`,
			`previous.json:1: unit "a": index "1000000000000000000000000000000000000000…" is not a number`},
	}
	for _, b := range bad {
		_, err := ReadLastYear(strings.NewReader(b.in), "previous.json")
		if err == nil || !strings.HasPrefix(err.Error(), b.want) || len(err.Error()) > 200 {
			t.Errorf("ReadLastYear(%s): %v, want %s…", b.in, err, b.want)
		}
	}
}

func TestReadPreviousPlacesProblems(t *testing.T) {
	doc := `{"schema": "parindex.result/v1",
 "criteria": {"id": "x"},
 "units": [
  {"id": "a", "rank": 1, "index": "90.00"},
  {"id": "b", "rank": 0, "index": "80.00"},
  {"id": "c", "rank": 3,
   "index": "x"}, {"id": "a", "rank": 4, "index": "70.00"}
 ]}`
	_, err := ReadLastYear(strings.NewReader(doc), "previous.json")
	want := `previous.json:5: unit "b": rank 0 is not a rank
previous.json:6: unit "c": index "x" is not a number
previous.json:7: unit "a" appears twice`
	if err == nil || err.Error() != want {
		t.Errorf("ReadLastYear problems:\n%v\nwant:\n%s", err, want)
	}
}

func TestReadPreviousWrongType(t *testing.T) {
	doc := "{\"schema\": \"parindex.result/v1\",\n\"units\": [{\"id\": \"a\", \"rank\": \"1\", \"index\": \"90.00\"}]}"
	_, err := ReadLastYear(strings.NewReader(doc), "previous.json")
	want := `previous.json:2: not a parindex result: "units.rank" holds a string where a number belongs`
	if err == nil || err.Error() != want {
		t.Errorf("ReadLastYear: %v, want %s", err, want)
	}
}
