package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script with the actual")

// TestMain lets the test binary run as the parindex command in scripts.
func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(int(Main()))
	}
	testscript.Main(m, map[string]func(){
		"parindex": func() { os.Exit(int(Main())) },
	})
}

// TestScript runs the command-line scenarios of testdata/script. $FIXTURES
// is the repository's fixtures folder; scripts copy a workspace from it
// with cpdir before writing into it.
func TestScript(t *testing.T) {
	fixtures, err := filepath.Abs(filepath.Join("..", "..", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("testdata", "script"),
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("FIXTURES", fixtures)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"cpdir":     cmdCpdir,
			"status":    cmdStatus,
			"jsonshape": cmdJSONShape,
			"xlsx":      cmdXLSX,
			"noglob":    cmdNoGlob,
			"sparse":    cmdSparse,
		},
	})
}

// cmdCpdir copies the inputs of a workspace folder: cpdir SRC DST. Only
// the files SPEC names as inputs are copied — never what a run of parindex
// left there (report.xlsx, template.xlsx, a per-unit folder, a JSON
// result, a temporary file), so that no script depends on the commands a
// person ran on the demo before running the tests.
func cmdCpdir(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cpdir SRC DST")
	}
	src, dst := ts.MkAbs(args[0]), ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(dst, 0o755))
	entries, err := os.ReadDir(src)
	ts.Check(err)
	for _, e := range entries {
		if !workspaceInput(e.Name(), e.IsDir()) {
			continue
		}
		ts.Check(copyTree(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())))
	}
}

// workspaceInput reports whether a name in a workspace folder is one of
// the inputs SPEC §1, §9 and §12 name: the files, or the metrics/ and
// self/ folders of per-unit files.
func workspaceInput(name string, dir bool) bool {
	if dir {
		return name == "metrics" || name == "self"
	}
	switch name {
	case "criteria.yaml", "units.yaml", "previous.json", "decisions.csv", "decisions.xlsx":
		return true
	}
	base, ext, _ := strings.Cut(name, ".")
	switch base {
	case "metrics", "self", "previous", "department":
		return ext == "csv" || ext == "xlsx"
	}
	return false
}

// copyTree copies a file, or a folder and everything in it.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// cmdStatus runs a program and checks its exit status: status N PROG ARGS...
// Its output is then checked with stdout and stderr as after exec.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("%s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdNoGlob fails when any file matches one of the patterns: a temporary
// file left behind, say.
func cmdNoGlob(ts *testscript.TestScript, neg bool, args []string) {
	for _, p := range args {
		m, err := filepath.Glob(ts.MkAbs(p))
		ts.Check(err)
		if len(m) > 0 && !neg {
			ts.Fatalf("files left behind: %v", m)
		}
	}
}

// cmdSparse makes a file of the given size in MiB without writing it:
// sparse FILE MIB. Huge inputs are tested without gigabytes on disk.
func cmdSparse(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sparse FILE MIB")
	}
	mib, err := strconv.Atoi(args[1])
	ts.Check(err)
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(f.Truncate(int64(mib) << 20))
	ts.Check(f.Close())
}

// cmdXLSX checks that a file is a workbook with the given sheets, and
// optionally a cell's value: xlsx FILE SHEET... [SHEET!CELL=VALUE...].
func cmdXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: xlsx FILE [SHEET | SHEET!CELL=VALUE]...")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	if err != nil {
		ts.Fatalf("%s: not a workbook: %v", args[0], err)
	}
	defer f.Close()
	sheets := map[string]bool{}
	for _, s := range f.GetSheetList() {
		sheets[s] = true
	}
	cellArg := regexp.MustCompile(`^(.+)!([A-Z]+[0-9]+)=(.*)$`)
	for _, a := range args[1:] {
		if m := cellArg.FindStringSubmatch(a); m != nil {
			v, err := f.GetCellValue(m[1], m[2])
			ts.Check(err)
			if v != m[3] {
				ts.Fatalf("%s: %s!%s = %q, want %q", args[0], m[1], m[2], v, m[3])
			}
			continue
		}
		if !sheets[a] {
			ts.Fatalf("%s: no sheet %q (sheets: %v)", args[0], a, f.GetSheetList())
		}
	}
}

// cmdJSONShape checks a JSON result against SPEC §6: jsonshape FILE UNITS.
func cmdJSONShape(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: jsonshape FILE UNITS")
	}
	wantUnits, err := strconv.Atoi(args[1])
	ts.Check(err)
	var doc map[string]any
	if err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &doc); err != nil {
		ts.Fatalf("%s: not JSON: %v", args[0], err)
	}
	if err := checkResultShape(doc, wantUnits); err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
}

// checkResultShape checks the keys and value forms of a parindex.result/v1.
func checkResultShape(doc map[string]any, wantUnits int) error {
	if doc["schema"] != "parindex.result/v1" {
		return fmt.Errorf("schema = %v", doc["schema"])
	}
	crit, ok := doc["criteria"].(map[string]any)
	if !ok {
		return errors.New("no criteria object")
	}
	for _, k := range []string{"id", "title", "year", "decimals"} {
		if _, ok := crit[k]; !ok {
			return fmt.Errorf("criteria has no %q", k)
		}
	}
	places, ok := crit["decimals"].(float64)
	if !ok {
		return errors.New("criteria.decimals is not a number")
	}
	dec := regexp.MustCompile(fmt.Sprintf(`^-?[0-9]+\.[0-9]{%d}$`, int(places)))
	units, ok := doc["units"].([]any)
	if !ok || len(units) != wantUnits {
		return fmt.Errorf("%d units, want %d", len(units), wantUnits)
	}
	lastRank := 0
	for i, x := range units {
		u, ok := x.(map[string]any)
		if !ok {
			return fmt.Errorf("units[%d] is not an object", i)
		}
		for _, k := range []string{"id", "name", "points", "max", "index", "rank", "by_source", "nodes"} {
			if _, ok := u[k]; !ok {
				return fmt.Errorf("units[%d] has no %q", i, k)
			}
		}
		for _, k := range []string{"points", "max", "index"} {
			if s, _ := u[k].(string); !dec.MatchString(s) {
				return fmt.Errorf("units[%d].%s = %v, want a string with %d places", i, k, u[k], int(places))
			}
		}
		rank := int(u["rank"].(float64))
		if rank < lastRank {
			return fmt.Errorf("units[%d] has rank %d after rank %d: not in rank order", i, rank, lastRank)
		}
		lastRank = rank
		if err := checkNodes(u["nodes"], dec); err != nil {
			return fmt.Errorf("units[%d]: %v", i, err)
		}
	}
	return nil
}

func checkNodes(x any, dec *regexp.Regexp) error {
	nodes, ok := x.([]any)
	if !ok || len(nodes) == 0 {
		return errors.New("nodes is not a non-empty list")
	}
	for j, y := range nodes {
		n, ok := y.(map[string]any)
		if !ok {
			return fmt.Errorf("nodes[%d] is not an object", j)
		}
		applicable, ok := n["applicable"].(bool)
		if _, hasCode := n["code"].(string); !ok || !hasCode {
			return fmt.Errorf("nodes[%d] lacks code or applicable", j)
		}
		for _, k := range []string{"points", "max", "index"} {
			v, present := n[k]
			switch {
			case !present:
				return fmt.Errorf("nodes[%d] has no %q", j, k)
			case !applicable && v != nil:
				return fmt.Errorf("nodes[%d] does not apply but %s = %v", j, k, v)
			case applicable && !dec.MatchString(fmt.Sprint(v)):
				return fmt.Errorf("nodes[%d].%s = %v, want a fixed-places string", j, k, v)
			}
		}
	}
	return nil
}
