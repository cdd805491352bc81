package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"parindex/criteria"
	"parindex/metrics"
	"parindex/report"
	"parindex/workspace"
)

// ExplainOptions is what "parindex explain" was asked to do.
type ExplainOptions struct {
	env   *env
	Paths workspace.Paths
	Unit  string // id, name or alias
	Sens  sensitivityFlags
}

// NewCmdExplain builds "parindex explain".
func NewCmdExplain(e *env, runF func(*ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{env: e}
	cmd := &cobra.Command{
		Use:   "explain DIR UNIT",
		Short: "Show where one unit lost points and its gap to the next rank",
		Long: `Score the workspace and show one unit: its rank, points and tier, the gap to
the units ranked just above and below, and every criterion on which it lost
points, largest loss first, with why. UNIT is the unit's id, name or one of
its aliases; diacritics may be left out ("Dien Ban").`,
		Example: `  parindex explain fixtures/quangnam-2019 dien-ban
  parindex explain fixtures/quangnam-2019 "Điện Bàn"
  parindex explain fixtures/quangnam-2019 "nui thanh" --lang en`,
		Args: argsNamed("DIR", "UNIT"),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 1 {
				return unitIDs(args[0]), cobra.ShellCompDirectiveNoFileComp
			}
			return completeDirs(cmd, args, "")
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths.Dir, opts.Unit = args[0], args[1]
			if err := opts.Sens.check(cmd, true); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runExplain(opts)
		},
	}
	opts.Sens.add(cmd, true)
	addPathFlags(cmd, &opts.Paths, workspace.Everything)
	return cmd
}

func runExplain(opts *ExplainOptions) error {
	ws, err := workspace.Load(opts.Paths, workspace.Everything)
	if err != nil {
		return err
	}
	unit, err := metrics.NewMatcher(ws.Units).Match(opts.Unit)
	if err != nil {
		hint := fmt.Sprintf("UNIT is a unit's id, name or alias as listed in %s", ws.Paths.Units)
		if len(ws.Units) > 0 {
			u := ws.Units[0]
			hint += fmt.Sprintf(", such as %s or %q", u.ID, u.Name)
		}
		return criteria.Problems{{Msg: err.Error(), Hint: hint}}
	}
	res, err := ws.Score()
	if err != nil {
		return err
	}
	printWarnings(opts.env.errOut, res.Warnings)
	s, err := opts.Sens.analyse(res)
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := report.WriteUnitExplain(&b, res, unit.ID, opts.env.Lang()); err != nil {
		return err
	}
	if s != nil {
		if err := report.WriteUnitSensitivity(&b, s, unit.ID, opts.env.Lang()); err != nil {
			return err
		}
	}
	_, err = io.WriteString(opts.env.out, report.Wrap(b.String(), opts.env.Width()))
	return err
}

// unitIDs lists the unit ids of the workspace in dir, for completion; it
// offers nothing when units.yaml does not load.
func unitIDs(dir string) []string {
	ws, err := workspace.Load(workspace.Paths{Dir: dir}, workspace.Definition)
	if err != nil {
		return nil
	}
	ids := make([]string, len(ws.Units))
	for i, u := range ws.Units {
		ids[i] = u.ID + "\t" + u.Name
	}
	return ids
}
