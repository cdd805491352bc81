package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"parindex/criteria"
	"parindex/metrics"
	"parindex/scoring"
)

// demoDir is the demo workspace the report is checked against.
var demoDir = filepath.Join("..", "fixtures", "quangnam-2019")

// loadedWorkspace is a loaded assessment folder.
type loadedWorkspace struct {
	set   *criteria.Set
	units []*criteria.Unit
	table *metrics.Table
}

// loadWorkspace reads criteria.yaml, units.yaml and metrics.csv of dir.
func loadWorkspace(t testing.TB, dir string) *loadedWorkspace {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "criteria.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := criteria.Load(data, "criteria.yaml")
	if err != nil {
		t.Fatalf("criteria: %v", err)
	}
	data, err = os.ReadFile(filepath.Join(dir, "units.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	units, err := criteria.LoadUnits(data, "units.yaml")
	if err != nil {
		t.Fatalf("units: %v", err)
	}
	table, err := metrics.Read(filepath.Join(dir, "metrics.csv"), set, units, metrics.Options{})
	if err != nil {
		t.Fatalf("metrics: %v", err)
	}
	return &loadedWorkspace{set: set, units: units, table: table}
}

// score scores values of the workspace's units.
func (ws *loadedWorkspace) score(t testing.TB, values map[string]criteria.Values) *scoring.Result {
	t.Helper()
	res, err := scoring.Score(scoring.Input{Set: ws.set, Units: ws.units, Values: values})
	if err != nil {
		t.Fatalf("score: %v", err)
	}
	return res
}

// demoResult scores a workspace with its self-assessment and last year's
// result when the folder has them.
func demoResult(t testing.TB, dir string) (*loadedWorkspace, *scoring.Result) {
	t.Helper()
	ws := loadWorkspace(t, dir)
	res := ws.score(t, ws.table.Values)
	if _, err := os.Stat(filepath.Join(dir, "self.csv")); err == nil {
		self, err := metrics.Read(filepath.Join(dir, "self.csv"), ws.set, ws.units, metrics.Options{Partial: true})
		if err != nil {
			t.Fatalf("self: %v", err)
		}
		sres, err := scoring.Score(scoring.Input{Set: ws.set, Units: ws.units, Values: self.Values})
		if err != nil {
			t.Fatalf("score self: %v", err)
		}
		res.AttachSelf(sres)
	}
	if f, err := os.Open(filepath.Join(dir, "previous.json")); err == nil {
		last, err := scoring.ReadLastYear(f, "previous.json")
		f.Close()
		if err != nil {
			t.Fatalf("previous: %v", err)
		}
		res.AttachPrevious(last.Units)
	}
	return ws, res
}

// writeReport writes res and opens the workbook again.
func writeReport(t testing.TB, res *scoring.Result, opts Options) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, res, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("reading the report back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}
