package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"parindex/criteria"
	"parindex/internal/atomicfile"
	"parindex/report"
	"parindex/workspace"
)

// TemplateOptions is what "parindex template" was asked to do.
type TemplateOptions struct {
	env     *env
	Paths   workspace.Paths
	Output  string // the workbook for all units; default DIR/template.xlsx
	PerUnit string // a folder for one workbook per unit
}

// NewCmdTemplate builds "parindex template".
func NewCmdTemplate(e *env, runF func(*TemplateOptions) error) *cobra.Command {
	opts := &TemplateOptions{env: e}
	cmd := &cobra.Command{
		Use:   "template DIR",
		Short: "Write the data-collection workbook for the units to fill in",
		Long: `Write the workbook the units fill in: one row a unit, one column a metric,
with the metric names and types spelt out (DIR/template.xlsx unless -o says
otherwise). With --per-unit, write instead one workbook per unit into that
folder, named <unit-id>.xlsx, ready to send out and read back as a metrics/
folder; add -o to write the combined workbook as well.

A template is never written over a workspace input, filled-in values
included.`,
		Example: `  parindex template fixtures/quangnam-2019
  parindex template fixtures/quangnam-2019 -o mau-thu-thap-2019.xlsx
  parindex template fixtures/quangnam-2019 --per-unit gui-don-vi/`,
		Args:              argsNamed("DIR"),
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths.Dir = args[0]
			hint := fmt.Sprintf("the units fill the template in with Excel: name it %s", xlsxName(opts.Output))
			if err := checkXLSXName(opts.Output, hint); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runTemplate(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the workbook to `file` (default DIR/template.xlsx)")
	_ = cmd.MarkFlagFilename("output", "xlsx")
	cmd.Flags().StringVar(&opts.PerUnit, "per-unit", "", "write one workbook per unit into `folder` (created if needed)")
	_ = cmd.MarkFlagDirname("per-unit")
	addPathFlags(cmd, &opts.Paths, workspace.Definition)
	return cmd
}

func runTemplate(opts *TemplateOptions) error {
	e := opts.env
	ws, err := workspace.Load(opts.Paths, workspace.Definition)
	if err != nil {
		return err
	}
	inputs := ws.InputPaths()
	lang := e.Lang()
	var outs []atomicfile.Output
	if opts.PerUnit == "" || opts.Output != "" {
		path := opts.Output
		if path == "" {
			path = filepath.Join(ws.Paths.Dir, "template.xlsx")
		}
		if err := refuseValuesName(ws, path, false); err != nil {
			return err
		}
		outs = append(outs, atomicfile.Output{Path: path,
			Write: func(w io.Writer) error { return report.WriteTemplate(w, ws.Set, ws.Units, lang) }})
	}
	removeFolders := func() {}
	if opts.PerUnit != "" {
		if err := refuseValuesName(ws, opts.PerUnit, true); err != nil {
			return err
		}
		if removeFolders, err = atomicfile.MakeFolder(opts.PerUnit); err != nil {
			return err
		}
		for _, u := range ws.Units {
			outs = append(outs, atomicfile.Output{Path: filepath.Join(opts.PerUnit, u.ID+".xlsx"),
				Write: func(w io.Writer) error { return report.WriteUnitTemplate(w, ws.Set, u, lang) }})
		}
	}
	if err := atomicfile.WriteFiles(outs, inputs); err != nil {
		removeFolders() // a refused or failed run leaves no trace, folders included
		return err
	}
	if opts.PerUnit != "" {
		fmt.Fprintf(e.errOut, "parindex: wrote %d unit workbooks in %s\n", len(ws.Units), opts.PerUnit)
	}
	if len(outs) > 0 && (opts.PerUnit == "" || opts.Output != "") {
		fmt.Fprintf(e.errOut, "parindex: wrote %s\n", outs[0].Path)
	}
	return nil
}

// refuseValuesName refuses a template written into the workspace folder
// under the name of one of its inputs (metrics.xlsx, self.csv,
// department.xlsx, previous.xlsx, decisions.xlsx, a metrics/ folder of
// per-unit workbooks): read back, an empty template would be taken for
// the values, or make the folder hold two forms of them. A per-unit folder
// named so is allowed while the workspace has no values of that kind, to
// be filled in place.
func refuseValuesName(ws *workspace.Workspace, path string, folder bool) error {
	base := inputKind(ws.Paths.Dir, path, folder)
	if base == "" || folder && len(otherForms(ws.Paths.Dir, base, path)) == 0 {
		return nil
	}
	return criteria.Problems{{File: path,
		Msg:  fmt.Sprintf("a template named %s in the workspace would be read as its %s values", filepath.Base(path), base),
		Hint: "write the template elsewhere (-o FILE or --per-unit FOLDER), and put the filled-in values in the workspace"}}
}

// xlsxName is path with its extension replaced by .xlsx, to suggest.
func xlsxName(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + ".xlsx"
}
