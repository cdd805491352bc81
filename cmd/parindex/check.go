package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"parindex/workspace"
)

// CheckOptions is what "parindex check" was asked to do.
type CheckOptions struct {
	env   *env
	Paths workspace.Paths
}

// NewCmdCheck builds "parindex check".
func NewCmdCheck(e *env, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{env: e}
	cmd := &cobra.Command{
		Use:   "check DIR",
		Short: "Validate criteria, units and values; list every problem",
		Long: `Read every input of the workspace and score it without writing anything.
Every problem in every file is listed at once, each with its place
(file:line or file: Sheet!C5); the exit status is 1 if there is any.`,
		Example: `  parindex check fixtures/quangnam-2019
  parindex check . --metrics ~/Downloads/so-lieu-2019.xlsx`,
		Args:              argsNamed("DIR"),
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runCheck(opts)
		},
	}
	addPathFlags(cmd, &opts.Paths, workspace.Everything)
	return cmd
}

func runCheck(opts *CheckOptions) error {
	ws, _, err := scoreWorkspace(opts.env, opts.Paths)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(opts.env.out, "ok: %d units, %d criteria\n", len(ws.Units), len(ws.Set.Leaves()))
	return err
}
