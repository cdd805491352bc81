package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"parindex/report"
	"parindex/workspace"
)

// CriteriaOptions is what "parindex criteria" was asked to do.
type CriteriaOptions struct {
	env   *env
	Paths workspace.Paths
}

// NewCmdCriteria builds "parindex criteria".
func NewCmdCriteria(e *env, runF func(*CriteriaOptions) error) *cobra.Command {
	opts := &CriteriaOptions{env: e}
	cmd := &cobra.Command{
		Use:   "criteria DIR",
		Short: "Print the criteria tree with max points and rules in words",
		Long: `Print the criteria set of the workspace as a tree: every field, criterion and
sub-criterion with its maximum points, and under each scored criterion its
rule in words. Only criteria.yaml is read.`,
		Example: `  parindex criteria fixtures/quangnam-2019
  parindex criteria fixtures/quangnam-2019 --lang en | less`,
		Args:              argsNamed("DIR"),
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runCriteria(opts)
		},
	}
	addPathFlags(cmd, &opts.Paths, workspace.CriteriaOnly)
	return cmd
}

func runCriteria(opts *CriteriaOptions) error {
	ws, err := workspace.Load(opts.Paths, workspace.CriteriaOnly)
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := report.WriteCriteriaTree(&b, ws.Set, opts.env.Lang(), opts.env.Width()); err != nil {
		return err
	}
	_, err = io.WriteString(opts.env.out, report.Wrap(b.String(), opts.env.Width()))
	return err
}
