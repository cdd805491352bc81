package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parindex/criteria"
)

// exitCode is the process status SPEC §5 defines.
type exitCode int

const (
	exitOK    exitCode = 0 // done
	exitError exitCode = 1 // an input or processing error
	exitUsage exitCode = 2 // wrong usage: unknown command or flag, wrong arguments
)

// Main runs parindex with the process's arguments and streams.
func Main() exitCode {
	defer stopOnSignal()()
	return run(os.Args[1:], os.Stdout, os.Stderr)
}

// run executes one command line and prints any error once, itself.
func run(args []string, stdout, stderr io.Writer) exitCode {
	root := NewCmdRoot(&env{out: stdout, errOut: stderr})
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "parindex: error: %s\n", ue.msg)
		if ue.hint != "" {
			fmt.Fprintf(stderr, "parindex: hint: %s\n", ue.hint)
		}
		fmt.Fprintf(stderr, "parindex: hint: usage: %s (see %s --help)\n", cmd.UseLine(), cmd.CommandPath())
		return exitUsage
	}
	printError(stderr, err)
	return exitError
}

// printError writes err as "parindex: error: …" lines: a list of input
// problems one a line under a count, then their hints.
func printError(w io.Writer, err error) {
	var ps criteria.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		fmt.Fprintf(w, "parindex: error: %s\n", err)
		return
	}
	if len(ps) == 1 {
		fmt.Fprintf(w, "parindex: error: %s\n", ps[0].Error())
	} else {
		fmt.Fprintf(w, "parindex: error: %d problems in the inputs\n", ps.Count())
		for _, p := range ps {
			fmt.Fprintln(w, p.Error())
		}
	}
	for _, h := range ps.Hints() {
		fmt.Fprintf(w, "parindex: hint: %s\n", h)
	}
}

// env is what every command shares: where it prints, and the language of
// the text it writes for people.
type env struct {
	out, errOut io.Writer
	lang        string
}

// Lang returns the chosen language; the root has validated it.
func (e *env) Lang() criteria.Lang { return criteria.Lang(e.lang) }

// defaultWidth is the terminal width text is fitted to when $COLUMNS does
// not say: the width every terminal has at least.
const defaultWidth = 80

// Width returns the width, in columns, that the ranking and long lines fit:
// $COLUMNS when it holds a sensible number, else 80. A terminal's real
// width is not asked for, so that output piped to a file is the same as
// on screen.
func (e *env) Width() int {
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n >= 40 && n <= 1000 {
		return n
	}
	return defaultWidth
}

// usageError is a mistake in the command line itself (exit status 2), as
// opposed to a problem in the inputs it names.
type usageError struct{ msg, hint string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// NewCmdRoot builds the parindex command and its subcommands.
func NewCmdRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "parindex <command> DIR [flags]",
		Short: "Score, rank and report a provincial PAR index (Chỉ số CCHC)",
		Long: `parindex scores, ranks and reports a Public Administration Reform index
(Chỉ số cải cách hành chính) for the units of a province.

One assessment is one folder (DIR) holding criteria.yaml, units.yaml and
the metric values (metrics.csv, metrics.xlsx or a metrics/ folder), with an
optional self-assessment (self.*) and last year's result (previous.json).`,
		Example: `  parindex check fixtures/quangnam-2019
  parindex score fixtures/quangnam-2019
  parindex explain fixtures/quangnam-2019 "Điện Bàn"`,
		Version:       engineVersion(),
		SilenceErrors: true,
		SilenceUsage:  true,
		// Without a Run the root would list an unknown word as a command
		// it cannot find with exit status 1; it is a usage mistake.
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				msg := fmt.Sprintf("unknown command %q", args[0])
				if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
					msg += fmt.Sprintf(" (did you mean %q?)", s[0])
				}
				return &usageError{msg: msg}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(e.errOut)
			_ = cmd.Help()
			return usagef("no command given")
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			switch e.lang {
			case "vi", "en":
				return nil
			}
			return usagef("--lang %q: choose vi or en", e.lang)
		},
	}
	root.SetOut(e.out)
	root.SetErr(e.errOut)
	root.SetVersionTemplate("parindex {{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{msg: err.Error()}
	})
	root.PersistentFlags().StringVar(&e.lang, "lang", "vi", "language of reports and explanations: vi or en")
	_ = root.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"vi\tTiếng Việt", "en\tEnglish"}, cobra.ShellCompDirectiveNoFileComp
	})
	root.AddCommand(
		NewCmdScore(e, nil),
		NewCmdCheck(e, nil),
		NewCmdCriteria(e, nil),
		NewCmdExplain(e, nil),
		NewCmdTemplate(e, nil),
		NewCmdServe(e, nil),
		NewCmdWhatIf(e, nil),
		NewCmdDiff(e, nil),
		NewCmdSensitivity(e, nil),
		NewCmdVersion(e),
	)
	strictCompletion(root)
	return root
}

// argsNamed checks the number of positional arguments against their
// names, as a usage error that says which are expected.
func argsNamed(names ...string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == len(names) {
			for i, a := range args {
				// An empty DIR would silently mean the current folder.
				if strings.TrimSpace(a) == "" {
					return usagef("%s is empty", names[i])
				}
			}
			// So would an empty file flag mean the default file.
			var empty error
			cmd.Flags().Visit(func(f *pflag.Flag) {
				if f.Value.Type() == "string" && strings.TrimSpace(f.Value.String()) == "" && empty == nil {
					empty = usagef("--%s is empty", f.Name)
				}
			})
			return empty
		}
		if len(args) < len(names) {
			return usagef("%s needs %s", cmd.Name(), strings.Join(names[len(args):], " and "))
		}
		return usagef("%s takes %d argument(s) (%s), got %d", cmd.Name(), len(names), strings.Join(names, " "), len(args))
	}
}

// completeDirs completes the DIR argument with folders only.
func completeDirs(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// engineVersion names the build, for the report's Thông tin sheet: the
// module version when built from a release, "devel" (with the commit when
// the build recorded it) otherwise.
func engineVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	version := "devel"
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev != "" {
		version += "+" + rev[:min(12, len(rev))] + dirty
	}
	return version
}

// NewCmdVersion builds "parindex version".
func NewCmdVersion(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the engine version",
		Example: "  parindex version",
		Args:    argsNamed(),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(e.out, "parindex %s\n", engineVersion())
			return err
		},
	}
}

// strictCompletion makes "parindex completion" without a shell, or with
// one it does not know, a usage error: cobra would print its help and
// exit 0, which a setup script would take for success.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		shells := make([]string, 0, len(c.Commands()))
		for _, sh := range c.Commands() {
			shells = append(shells, sh.Name())
		}
		c.Args = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("completion needs a shell: %s", strings.Join(shells, ", "))
			}
			return usagef("unknown shell %q: choose %s", args[0], strings.Join(shells, ", "))
		}
		c.RunE = func(cmd *cobra.Command, args []string) error { return c.Args(cmd, args) }
	}
}
