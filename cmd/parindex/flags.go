package main

import (
	"github.com/spf13/cobra"

	"parindex/workspace"
)

// addPathFlags adds the flags that point at each input instead of its
// usual place in DIR (SPEC §1). Every command taking DIR accepts all five,
// so that one command line can be reused across commands; part says which
// inputs this one reads, and the others are accepted but not read (their
// help says so). A template still refuses to land on any of them.
func addPathFlags(cmd *cobra.Command, p *workspace.Paths, part workspace.Part) {
	unused := func(needs workspace.Part, usage string) string {
		if part < needs {
			return usage + "; not read by this command"
		}
		return usage
	}
	f := cmd.Flags()
	f.StringVar(&p.Criteria, "criteria", "", "criteria set `file` (default DIR/criteria.yaml)")
	_ = cmd.MarkFlagFilename("criteria", "yaml", "yml")
	f.StringVar(&p.Units, "units", "", unused(workspace.Definition, "units `file` (default DIR/units.yaml)"))
	_ = cmd.MarkFlagFilename("units", "yaml", "yml")
	f.StringVar(&p.Metrics, "metrics", "", unused(workspace.Everything, "metric values: a .csv or .xlsx `file` or a folder (default DIR/metrics.csv, metrics.xlsx or metrics/)"))
	_ = cmd.MarkFlagFilename("metrics", "csv", "xlsx")
	f.StringVar(&p.Self, "self", "", unused(workspace.Everything, "self-assessed values, laid out as the metrics (default DIR/self.csv, self.xlsx or self/ when present)"))
	_ = cmd.MarkFlagFilename("self", "csv", "xlsx")
	f.StringVar(&p.Previous, "previous", "", unused(workspace.Everything, "last year's result: the JSON score --json wrote, or a .csv or .xlsx table of unit, rank[, index] (default DIR/previous.json, .csv or .xlsx when present)"))
	_ = cmd.MarkFlagFilename("previous", "json", "csv", "xlsx")
	f.StringVar(&p.Decisions, "decisions", "", unused(workspace.Everything, "the appraisal council's decisions: a .csv or .xlsx `file` (default DIR/decisions.csv or decisions.xlsx when present)"))
	_ = cmd.MarkFlagFilename("decisions", "csv", "xlsx")
	f.StringVar(&p.Department, "department", "", unused(workspace.Everything, "the Department's own values of the metrics filled_by: department: a .csv or .xlsx `file` (default DIR/department.csv or department.xlsx when present)"))
	_ = cmd.MarkFlagFilename("department", "csv", "xlsx")
}
