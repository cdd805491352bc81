package main

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"parindex/criteria"
	"parindex/report"
	"parindex/workspace"
)

// TestScoreFlags checks that flags land in ScoreOptions, gh style: the
// command is built with a runF that captures its options.
func TestScoreFlags(t *testing.T) {
	tests := []struct {
		args []string
		want ScoreOptions
	}{
		{[]string{"ws"}, ScoreOptions{UnitSheets: report.DefaultUnitSheets, Paths: workspace.Paths{Dir: "ws"}}},
		{[]string{"ws", "-o", "r.xlsx", "--json", "-"}, ScoreOptions{UnitSheets: report.DefaultUnitSheets, Paths: workspace.Paths{Dir: "ws"}, Output: "r.xlsx", JSON: "-"}},
		{[]string{"ws", "--no-report", "--metrics", "m.xlsx", "--self", "s/", "--previous", "p.json", "--criteria", "c.yaml", "--units", "u.yaml"},
			ScoreOptions{UnitSheets: report.DefaultUnitSheets, NoReport: true, Paths: workspace.Paths{Dir: "ws", Metrics: "m.xlsx", Self: "s/", Previous: "p.json", Criteria: "c.yaml", Units: "u.yaml"}}},
	}
	for _, tt := range tests {
		var got *ScoreOptions
		e := &env{out: &bytes.Buffer{}, errOut: &bytes.Buffer{}}
		cmd := NewCmdScore(e, func(o *ScoreOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		got.env = nil
		if diff := cmp.Diff(tt.want, *got, cmp.AllowUnexported(ScoreOptions{}), cmpopts.IgnoreFields(ScoreOptions{}, "Sens")); diff != "" {
			t.Errorf("%v: options differ (-want +got):\n%s", tt.args, diff)
		}
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		want exitCode
	}{
		{[]string{"version"}, exitOK},
		{[]string{"--help"}, exitOK},
		{[]string{"score"}, exitUsage},
		{[]string{"score", "--bogus", "x"}, exitUsage},
		{[]string{"bogus"}, exitUsage},
		{[]string{"check", "testdata/no-such-folder"}, exitError},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		if got := run(tt.args, &out, &errOut); got != tt.want {
			t.Errorf("parindex %v: exit %d, want %d (stderr %q)", tt.args, got, tt.want, errOut.String())
		}
	}
}

func TestPrintError(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{errors.New("disk full"), "parindex: error: disk full\n"},
		{criteria.Problems{{File: "m.csv", Line: 3, Msg: "missing value", Hint: "write 0"}},
			"parindex: error: m.csv:3: missing value\nparindex: hint: write 0\n"},
		{criteria.Problems{
			{File: "m.csv", Line: 3, Msg: "missing value", Hint: "write 0"},
			{File: "m.xlsx", Cell: "Sheet1!C5", Msg: "not a number", Hint: "write 0"},
		}, "parindex: error: 2 problems in the inputs\nm.csv:3: missing value\nm.xlsx: Sheet1!C5: not a number\nparindex: hint: write 0\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		printError(&b, tt.err)
		if b.String() != tt.want {
			t.Errorf("printError(%v) =\n%s\nwant\n%s", tt.err, b.String(), tt.want)
		}
	}
}
