package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"parindex/criteria"
	"parindex/internal/atomicfile"
	"parindex/internal/memlimit"
	"parindex/report"
	"parindex/scoring"
	"parindex/workspace"
)

// ScoreOptions is what "parindex score" was asked to do.
type ScoreOptions struct {
	env      *env
	Paths    workspace.Paths
	Output   string // the Excel report; default DIR/report.xlsx
	JSON     string // the JSON result: a file, "-" for stdout, "" for none
	NoReport bool
	// UnitSheets is --unit-sheets: how many units, first by rank, get a
	// sheet each; 0 none.
	UnitSheets int
	// PerUnit is --per-unit-reports: a folder for one workbook per unit.
	PerUnit string
	Sens    sensitivityFlags // --sensitivity adds the sheet Độ nhạy
}

// NewCmdScore builds "parindex score". runF, when set, replaces runScore
// (for tests of flag handling).
func NewCmdScore(e *env, runF func(*ScoreOptions) error) *cobra.Command {
	opts := &ScoreOptions{env: e}
	cmd := &cobra.Command{
		Use:   "score DIR",
		Short: "Score and rank the units, write the Excel report",
		Long: `Score every unit, rank them, write the Excel report (DIR/report.xlsx unless
-o says otherwise) and print the ranking.

Nothing is written unless every input is valid; each output is written whole
to a temporary file and then renamed, and never over one of the inputs.`,
		Example: `  parindex score fixtures/quangnam-2019
  parindex score fixtures/quangnam-2019 -o ~/hop/xep-hang-2019.xlsx
  parindex score fixtures/quangnam-2019 --json result.json --no-report
  parindex score fixtures/quangnam-2019 --json - --lang en | jq '.units[0]'`,
		Args:              argsNamed("DIR"),
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths.Dir = args[0]
			if opts.NoReport && cmd.Flags().Changed("output") {
				return usagef("-o names a report that --no-report says not to write")
			}
			if err := checkXLSXName(opts.Output, "for the JSON result use score --json FILE"); err != nil {
				return err
			}
			if err := checkJSONName(opts.JSON); err != nil {
				return err
			}
			if opts.UnitSheets < 0 {
				return usagef("--unit-sheets %d: give a number of units, 0 for none", opts.UnitSheets)
			}
			if err := opts.Sens.check(cmd, true); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runScore(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the Excel report to `file` (default DIR/report.xlsx)")
	_ = cmd.MarkFlagFilename("output", "xlsx")
	cmd.Flags().StringVar(&opts.JSON, "json", "", "also write the result as JSON to `file` (- for standard output, then no ranking is printed)")
	_ = cmd.MarkFlagFilename("json", "json")
	cmd.Flags().BoolVar(&opts.NoReport, "no-report", false, "do not write the Excel report")
	cmd.Flags().IntVar(&opts.UnitSheets, "unit-sheets", report.DefaultUnitSheets, "write a sheet for each of the first `N` units by rank (0 writes none)")
	cmd.Flags().StringVar(&opts.PerUnit, "per-unit-reports", "", "also write one small workbook per unit into `folder`, OUTDIR/<unit-id>.xlsx")
	_ = cmd.MarkFlagDirname("per-unit-reports")
	opts.Sens.add(cmd, true)
	addPathFlags(cmd, &opts.Paths, workspace.Everything)
	return cmd
}

func runScore(opts *ScoreOptions) error {
	e := opts.env
	ws, res, err := scoreWorkspace(e, opts.Paths)
	if err != nil {
		return err
	}

	// The JSON result and the report are written together, whole or not
	// at all: a refusal or failure of one leaves no new file of the other.
	reportPath := opts.Output
	if reportPath == "" {
		reportPath = filepath.Join(ws.Paths.Dir, "report.xlsx")
	}
	if !opts.NoReport {
		if err := refuseReportsAsValues(ws, reportPath, false); err != nil {
			return err
		}
	}
	lang := e.Lang()
	var outputs []atomicfile.Output
	if opts.JSON != "" && opts.JSON != "-" {
		outputs = append(outputs, atomicfile.Output{Path: opts.JSON,
			Write: func(w io.Writer) error { return res.WriteJSON(w, lang) }})
	}
	if !opts.NoReport {
		ro := report.WorkspaceOptions(ws, e.Lang(), engineVersion())
		ro.UnitSheets = opts.UnitSheets
		if ro.UnitSheets == 0 {
			ro.UnitSheets = -1 // the report's 0 is its default
		}
		if ro.Sensitivity, err = opts.Sens.analyse(res); err != nil {
			return err
		}
		outputs = append(outputs, atomicfile.Output{Path: reportPath,
			Write: func(w io.Writer) error { return report.Write(w, res, ro) }})
	}
	removeFolder := func() {}
	if opts.PerUnit != "" {
		if err := refuseReportsAsValues(ws, opts.PerUnit, true); err != nil {
			return err
		}
		if removeFolder, err = atomicfile.MakeFolder(opts.PerUnit); err != nil {
			return err
		}
		ro := report.WorkspaceOptions(ws, e.Lang(), engineVersion())
		for _, u := range res.Units {
			outputs = append(outputs, atomicfile.Output{Path: filepath.Join(opts.PerUnit, u.Unit.ID+".xlsx"),
				Write: func(w io.Writer) error { return report.WriteUnitReport(w, res, u.Unit.ID, ro) }})
		}
	}
	if err := atomicfile.WriteFiles(outputs, ws.InputPaths()); err != nil {
		removeFolder() // a refused or failed run leaves no trace, the folder included
		return err
	}
	// With --json - the JSON takes the place of the ranking; the report
	// is still written, and said so, as every output is.
	if opts.JSON == "-" {
		err = res.WriteJSON(e.out, lang)
	} else {
		err = report.WriteRankingFit(e.out, res, lang, e.Width())
	}
	if err != nil {
		return err
	}
	for _, o := range outputs[:len(outputs)-perUnitCount(opts, res)] {
		fmt.Fprintf(e.errOut, "parindex: wrote %s\n", o.Path)
	}
	if opts.PerUnit != "" {
		fmt.Fprintf(e.errOut, "parindex: wrote %d unit reports in %s\n", len(res.Units), opts.PerUnit)
	}
	return nil
}

// scoreWorkspace reads every input of the workspace, scores it and prints
// the warnings: what score and check share.
func scoreWorkspace(e *env, paths workspace.Paths) (*workspace.Workspace, *scoring.Result, error) {
	ws, err := workspace.Load(paths, workspace.Everything)
	if err != nil {
		return nil, nil, err
	}
	// Every caller only writes the result: the values need not outlive
	// the scoring.
	res, err := ws.ScoreOnce()
	if err != nil {
		return nil, nil, err
	}
	printWarnings(e.errOut, res.Warnings)
	memlimit.Settle() // what follows writes the result out: mostly garbage
	return ws, res, nil
}

// printWarnings writes things worth a look that did not stop the run.
func printWarnings(w io.Writer, warnings []string) {
	for _, s := range warnings {
		fmt.Fprintf(w, "parindex: warning: %s\n", s)
	}
}

// checkXLSXName makes an -o that does not end in .xlsx a usage error: the
// output is always an Excel workbook, and one named r.csv or r.json would
// be taken for something it is not. hint says what the command offers
// instead, since score and template differ.
func checkXLSXName(path, hint string) error {
	if path == "" || strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return nil
	}
	return &usageError{
		msg:  fmt.Sprintf("-o %s: the output is an Excel workbook and needs a name ending in .xlsx", path),
		hint: hint,
	}
}

// checkJSONName makes a --json naming a spreadsheet a usage error: JSON
// written as report.xlsx or data.csv would not open where it is expected
// to.
func checkJSONName(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xls", ".xlsm", ".csv":
		return &usageError{
			msg:  fmt.Sprintf("--json %s: the JSON result would be written under a spreadsheet's name", path),
			hint: "name it .json (--json result.json); the Excel report is -o FILE.xlsx",
		}
	}
	return nil
}

// perUnitCount is how many of a run's outputs are per-unit reports.
func perUnitCount(opts *ScoreOptions, res *scoring.Result) int {
	if opts.PerUnit == "" {
		return 0
	}
	return len(res.Units)
}

// refuseReportsAsValues refuses a report, or a folder of unit reports,
// written into the workspace folder under the name of one of its inputs
// (metrics.xlsx, self/, decisions.xlsx…): the next run would read the
// reports as the units' values.
func refuseReportsAsValues(ws *workspace.Workspace, path string, folder bool) error {
	base := inputKind(ws.Paths.Dir, path, folder)
	if base == "" {
		return nil
	}
	if folder {
		return criteria.Problems{{File: path,
			Msg:  fmt.Sprintf("unit reports in the workspace's %s folder would be read as its %s", filepath.Base(path), base),
			Hint: "write the unit reports elsewhere (--per-unit-reports FOLDER outside the workspace, or under another name)"}}
	}
	return criteria.Problems{{File: path,
		Msg:  fmt.Sprintf("a report named %s in the workspace would be read as its %s", filepath.Base(path), base),
		Hint: "name the report otherwise (-o report.xlsx), or write it outside the workspace"}}
}
