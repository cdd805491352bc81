package main

import (
	"fmt"
	"io"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"parindex/analysis"
	"parindex/internal/atomicfile"
	"parindex/report"
	"parindex/scoring"
	"parindex/workspace"
)

// sensitivityFlags are the flags that shape the sensitivity analysis
// (SPEC §11), shared by sensitivity, score and explain.
type sensitivityFlags struct {
	on      bool // score and explain: --sensitivity
	runs    int
	weights string
	seed    uint64

	opts analysis.SensitivityOptions // set by check
}

// add registers --runs, --weights and --seed, and --sensitivity when
// switch is true (score and explain, where the analysis is optional).
func (f *sensitivityFlags) add(cmd *cobra.Command, withSwitch bool) {
	fl := cmd.Flags()
	if withSwitch {
		fl.BoolVar(&f.on, "sensitivity", false, "also analyse how firmly each rank holds when the field weights change")
	}
	fl.IntVar(&f.runs, "runs", analysis.DefaultRuns, "sensitivity: Monte-Carlo runs")
	fl.StringVar(&f.weights, "weights", analysis.DefaultSpread.String(), "sensitivity: each field's weight moves within ±`P` of its max (0 ≤ P < 1)")
	fl.Uint64Var(&f.seed, "seed", 1, "sensitivity: seed of the random draws; the same seed gives the same figures")
}

// check checks the flags as usage errors and keeps the analysis's
// options; with the switch off it refuses the flags that would be unused.
func (f *sensitivityFlags) check(cmd *cobra.Command, withSwitch bool) error {
	if !withSwitch {
		f.on = true
	}
	if !f.on {
		for _, name := range []string{"runs", "weights", "seed"} {
			if cmd.Flags().Changed(name) {
				return usagef("--%s needs --sensitivity", name)
			}
		}
		return nil
	}
	p, err := decimal.NewFromString(f.weights)
	if err != nil {
		return usagef("--weights %q is not a number (0.2 lets each weight move by ±20%%)", f.weights)
	}
	f.opts = analysis.SensitivityOptions{Runs: f.runs, Spread: p, Seed: f.seed}
	if err := f.opts.Check(0); err != nil {
		return usagef("--%s", err)
	}
	return nil
}

// analyse runs the analysis when it was asked for, and returns nil
// otherwise.
func (f *sensitivityFlags) analyse(res *scoring.Result) (*analysis.Sensitivity, error) {
	if !f.on {
		return nil, nil
	}
	return analysis.RankSensitivity(res, f.opts)
}

// SensitivityOptions is what "parindex sensitivity" was asked to do.
type SensitivityOptions struct {
	env      *env
	Paths    workspace.Paths
	Analysis sensitivityFlags
	JSON     string // a file, "-" for stdout, "" for none
}

// NewCmdSensitivity builds "parindex sensitivity". runF, when set,
// replaces runSensitivity (for tests of flag handling).
func NewCmdSensitivity(e *env, runF func(*SensitivityOptions) error) *cobra.Command {
	opts := &SensitivityOptions{env: e}
	cmd := &cobra.Command{
		Use:   "sensitivity DIR",
		Short: "Show how firmly each rank holds when the field weights change",
		Long: `Score the workspace, then rank the units again --runs times with each field's
weight drawn at random within ±P (--weights) of its max, and once with each
field dropped. For every unit print its rank, median rank, the band of
ranks it takes in 90% of the runs (5th to 95th percentile), the share of
runs at its own rank and its worst rank with a field dropped. The same
--seed gives the same figures on any machine.`,
		Example: `  parindex sensitivity fixtures/quangnam-2019
  parindex sensitivity fixtures/quangnam-2019 --runs 5000 --weights 0.3 --seed 7
  parindex sensitivity fixtures/quangnam-2019 --json - --lang en | jq '.units[0]'`,
		Args:              argsNamed("DIR"),
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths.Dir = args[0]
			if err := opts.Analysis.check(cmd, false); err != nil {
				return err
			}
			if err := checkJSONName(opts.JSON); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runSensitivity(opts)
		},
	}
	opts.Analysis.add(cmd, false)
	cmd.Flags().StringVar(&opts.JSON, "json", "", "also write the figures as JSON to `file` (- for standard output, then no table is printed)")
	_ = cmd.MarkFlagFilename("json", "json")
	addPathFlags(cmd, &opts.Paths, workspace.Everything)
	return cmd
}

func runSensitivity(opts *SensitivityOptions) error {
	e := opts.env
	ws, res, err := scoreWorkspace(e, opts.Paths)
	if err != nil {
		return err
	}
	s, err := opts.Analysis.analyse(res)
	if err != nil {
		return err
	}
	switch opts.JSON {
	case "-":
		return s.WriteJSON(e.out, res.Set)
	case "":
	default:
		out := []atomicfile.Output{{Path: opts.JSON, Write: func(w io.Writer) error { return s.WriteJSON(w, res.Set) }}}
		if err := atomicfile.WriteFiles(out, ws.InputPaths()); err != nil {
			return err
		}
		defer fmt.Fprintf(e.errOut, "parindex: wrote %s\n", opts.JSON)
	}
	return report.WriteSensitivity(e.out, res, s, e.Lang())
}
