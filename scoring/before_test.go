package scoring_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"parindex/criteria"
	"parindex/metrics"
	"parindex/scoring"
	"parindex/workspace"
)

// TestScoreWithBefore checks that handing Score the result without
// decisions, as a what-if does, changes nothing in the result.
func TestScoreWithBefore(t *testing.T) {
	ws, err := workspace.Load(workspace.Paths{Dir: filepath.Join("..", "fixtures", "quangnam-2019")}, workspace.Everything)
	if err != nil {
		t.Fatal(err)
	}
	changes, err := metrics.ParseChanges([]string{"dien-ban:land_dossiers_late=20", "Đại Lộc:9.1.1=5"}, ws.Set, ws.Units)
	if err != nil {
		t.Fatal(err)
	}
	in := ws.Input()
	before, err := scoring.Score(in)
	if err != nil {
		t.Fatal(err)
	}
	in.Decisions = changes
	var want, got bytes.Buffer
	res, err := scoring.Score(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.WriteJSON(&want, criteria.English); err != nil {
		t.Fatal(err)
	}
	in.Before = before
	res, err = scoring.Score(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.WriteJSON(&got, criteria.English); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("the result scored with Before differs from the one scored without")
	}
	if !bytes.Contains(got.Bytes(), []byte(`"whatif"`)) && !bytes.Contains(got.Bytes(), []byte(`"decision"`)) {
		t.Error("the changes left no mark on the result: the test compares nothing")
	}
}
