package main

import (
	"github.com/spf13/cobra"

	"parindex/workspace"
)

// addPathFlags adds the flags that point at each input instead of its
// usual place in DIR (SPEC §1). what says which inputs the command reads.
func addPathFlags(cmd *cobra.Command, p *workspace.Paths, part workspace.Part) {
	f := cmd.Flags()
	f.StringVar(&p.Criteria, "criteria", "", "criteria set `file` (default DIR/criteria.yaml)")
	_ = cmd.MarkFlagFilename("criteria", "yaml", "yml")
	if part < workspace.Definition {
		return
	}
	f.StringVar(&p.Units, "units", "", "units `file` (default DIR/units.yaml)")
	_ = cmd.MarkFlagFilename("units", "yaml", "yml")
	if part < workspace.Everything {
		return
	}
	f.StringVar(&p.Metrics, "metrics", "", "metric values: a .csv or .xlsx `file` or a folder (default DIR/metrics.csv, metrics.xlsx or metrics/)")
	_ = cmd.MarkFlagFilename("metrics", "csv", "xlsx")
	f.StringVar(&p.Self, "self", "", "self-assessed values, laid out as the metrics (default DIR/self.csv, self.xlsx or self/ when present)")
	_ = cmd.MarkFlagFilename("self", "csv", "xlsx")
	f.StringVar(&p.Previous, "previous", "", "last year's result as written by score --json (default DIR/previous.json when present)")
	_ = cmd.MarkFlagFilename("previous", "json")
}
