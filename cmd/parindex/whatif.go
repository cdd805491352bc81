package main

import (
	"github.com/spf13/cobra"

	"parindex/analysis"
	"parindex/metrics"
	"parindex/report"
	"parindex/workspace"
)

// WhatIfOptions is what "parindex whatif" was asked to do.
type WhatIfOptions struct {
	env     *env
	Paths   workspace.Paths
	Changes []string // UNIT:TARGET=VALUE
	JSON    string   // "-" for the changed result on standard output
}

// NewCmdWhatIf builds "parindex whatif".
func NewCmdWhatIf(e *env, runF func(*WhatIfOptions) error) *cobra.Command {
	opts := &WhatIfOptions{env: e}
	cmd := &cobra.Command{
		Use:   "whatif DIR UNIT:TARGET=VALUE...",
		Short: "Show who would move if a value or a criterion's points were changed",
		Long: `Score the workspace with the changes applied after the council's decisions,
and print the ranking with each unit's rank and index change, then every unit
whose rank moved. TARGET is a metric id (VALUE is then the metric's value) or
a criterion code (VALUE is then its points), as in decisions.csv; write
metric:ID or code:CODE where an id is also a code. Nothing is written.`,
		Example: `  parindex whatif fixtures/quangnam-2019 dien-ban:land_dossiers_late=20
  parindex whatif fixtures/quangnam-2019 "Đại Lộc:9.1.1=5" "Quế Sơn:sipas=N/A"
  parindex whatif fixtures/quangnam-2019 dien-ban:1.1.1=0 --json - | jq '.units[0].whatif'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return argsNamed("DIR", "UNIT:TARGET=VALUE")(cmd, args)
			}
			names := []string{"DIR"}
			for range args[1:] {
				names = append(names, "UNIT:TARGET=VALUE")
			}
			return argsNamed(names...)(cmd, args) // none may be empty
		},
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths.Dir, opts.Changes = args[0], args[1:]
			if opts.JSON != "" && opts.JSON != "-" {
				return &usageError{msg: "--json takes only - here: whatif writes nothing",
					hint: "to keep a what-if, add its row to decisions.csv with the reason"}
			}
			if runF != nil {
				return runF(opts)
			}
			return runWhatIf(opts)
		},
	}
	cmd.Flags().StringVar(&opts.JSON, "json", "", "print the changed result as JSON: - for standard output")
	addPathFlags(cmd, &opts.Paths, workspace.Everything)
	return cmd
}

func runWhatIf(opts *WhatIfOptions) error {
	e := opts.env
	ws, err := workspace.Load(opts.Paths, workspace.Everything)
	if err != nil {
		return err
	}
	changes, err := metrics.ParseChanges(opts.Changes, ws.Set, ws.Units)
	if err != nil {
		return err
	}
	run := analysis.RunWhatIfStandings // the table shows standings only
	if opts.JSON == "-" {
		run = analysis.RunWhatIf
	}
	wi, err := run(ws.Input(), changes)
	if err != nil {
		return err
	}
	if ws.Previous != nil {
		wi.Result.AttachPrevious(ws.Previous)
	}
	if opts.JSON == "-" {
		return wi.Result.WriteJSON(e.out, e.Lang())
	}
	return report.WriteWhatIf(e.out, wi, opts.Changes, e.Lang())
}
