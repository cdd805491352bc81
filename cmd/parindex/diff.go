package main

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/internal/atomicfile"
	"parindex/metrics"
	"parindex/report"
	"parindex/workspace"
)

// DiffOptions is what "parindex diff" was asked to do.
type DiffOptions struct {
	env      *env
	Old, New string // a workspace folder or a JSON result each
	JSON     string // the diff as JSON: a file, "-" for stdout, "" for none
}

// NewCmdDiff builds "parindex diff".
func NewCmdDiff(e *env, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{env: e}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two assessments: criteria, units, ranks",
		Long: `Compare two assessments, each a workspace folder (scored as score would) or
a JSON result written by score --json: the criteria added, removed, renamed,
given another max or another rule (matched by code; a JSON result holds no
names or rules, so against one only criteria added and removed are compared),
the units added and removed, and each unit's rank and index change with the
three fields whose index moved most.`,
		Example: `  parindex diff fixtures/quangnam-2019 fixtures/quangnam-2020
  parindex diff fixtures/quangnam-2020/previous.json fixtures/quangnam-2020
  parindex diff ket-qua-2019.json fixtures/quangnam-2020 --json -`,
		Args:              argsNamed("OLD", "NEW"),
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			if err := checkJSONName(opts.JSON); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runDiff(opts)
		},
	}
	cmd.Flags().StringVar(&opts.JSON, "json", "", "write the changes as JSON to `file` (- for standard output, then nothing else is printed)")
	_ = cmd.MarkFlagFilename("json", "json")
	return cmd
}

func runDiff(opts *DiffOptions) error {
	e := opts.env
	var inputs []string
	var ps criteria.Problems
	side := func(path string) *analysis.Side {
		s, in, err := loadSide(e, path)
		inputs = append(inputs, in...)
		ps = appendErr(ps, path, err)
		return s
	}
	old, new := side(opts.Old), side(opts.New)
	if len(ps) > 0 {
		return ps
	}
	m := metrics.NewMatcher(new.Members)
	d := analysis.Compare(old, new, func(ou analysis.SideUnit) (string, bool) {
		for _, name := range []string{ou.ID, ou.Name} {
			if u, err := m.Match(name); err == nil {
				return u.ID, true
			}
		}
		return "", false
	})
	switch opts.JSON {
	case "":
		return report.WriteDiff(e.out, d, e.Lang())
	case "-":
		return d.WriteJSON(e.out)
	}
	err := atomicfile.WriteFiles([]atomicfile.Output{{Path: opts.JSON, Write: d.WriteJSON}}, inputs)
	if err != nil {
		return err
	}
	if err := report.WriteDiff(e.out, d, e.Lang()); err != nil {
		return err
	}
	_, err = io.WriteString(e.errOut, "parindex: wrote "+opts.JSON+"\n")
	return err
}

// loadSide reads one side of a diff: a folder is loaded and scored as
// score would, anything else read as a JSON result. It returns the files
// read, which an output may not replace.
func loadSide(e *env, path string) (*analysis.Side, []string, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		ws, res, err := scoreWorkspace(e, workspace.Paths{Dir: path})
		if err != nil {
			return nil, nil, err
		}
		return analysis.SideOfResult(path, res), ws.InputPaths(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, criteria.Problems{{File: path, Msg: "cannot read: " + pathErrText(err),
			Hint: "OLD and NEW are each a workspace folder or a JSON result written by score --json"}}
	}
	s, err := analysis.ReadResultSide(path, data)
	return s, []string{path}, err
}

// appendErr adds err's problems to ps, or err itself placed at file.
func appendErr(ps criteria.Problems, file string, err error) criteria.Problems {
	if err == nil {
		return ps
	}
	var list criteria.Problems
	if errors.As(err, &list) {
		return append(ps, list...)
	}
	return append(ps, criteria.Problem{File: file, Msg: err.Error()})
}

// pathErrText drops the path an os error repeats: the problem names it.
func pathErrText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
