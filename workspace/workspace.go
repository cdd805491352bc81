package workspace

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"parindex/criteria"
	"parindex/metrics"
	"parindex/scoring"
)

// The file names SPEC §1 gives the inputs of a workspace folder.
const (
	CriteriaFile = "criteria.yaml"
	UnitsFile    = "units.yaml"
	PreviousFile = "previous.json"
	// DepartmentBase names the Department's own table, department.csv
	// or department.xlsx (SPEC §12).
	DepartmentBase = "department"
)

// Paths names the inputs of one assessment. A field left empty is looked
// for in Dir under its usual name; a field set (from --criteria and the
// like) is used as it is.
type Paths struct {
	Dir      string
	Criteria string
	Units    string
	Metrics  string // metrics.csv, metrics.xlsx or a metrics/ folder
	Self     string // optional: self.csv, self.xlsx or a self/ folder
	Previous string // optional: last year's result as JSON
	// Decisions is optional: the appraisal council's decisions,
	// decisions.csv or decisions.xlsx (SPEC §9).
	Decisions string
	// Department is optional: the Department's own values of the metrics
	// filled_by: department, department.csv or department.xlsx (SPEC §12).
	Department string
}

// Input is one file a run read, named as the user would write it, with its
// SHA-256 so that the report can show exactly which data it was made from.
type Input struct {
	Name   string
	SHA256 string // lowercase hex
}

// Workspace is an assessment folder read into memory.
type Workspace struct {
	Paths    Paths // as resolved: every input that exists has its path
	Set      *criteria.Set
	Units    []*criteria.Unit
	Metrics  *metrics.Table               // nil when only the definition was loaded
	Self     *metrics.Table               // nil without a self-assessment
	Previous map[string]criteria.Previous // by unit id; nil without previous.json
	Last     *scoring.LastYear            // previous.json as read, with its criteria set; nil without it
	// Decisions are the council's decisions in file order; nil without them.
	Decisions []criteria.Decision
	Inputs    []Input // every file read, in the order read
	// WarningsVI gives, by its English text, the Vietnamese text of each
	// warning Score added, for a report in Vietnamese.
	WarningsVI map[string]string

	lastYearUnknown []string // rows of previous.csv naming no unit of units.yaml, placed
}

// Part says how much of a workspace a command needs: the criteria tree
// needs no units, a data-collection template needs no values.
type Part int

// The parts of a workspace, each including the ones before it.
const (
	CriteriaOnly Part = iota + 1 // criteria.yaml
	Definition                   // criteria.yaml and units.yaml
	Everything                   // and the values, self-assessment and previous result
)

// Load reads the given part of the workspace p names. Every problem in every
// file is returned at once as criteria.Problems: a broken criteria.yaml does
// not hide the problems of units.yaml. Values are read only when criteria
// and units loaded cleanly, since they are checked against both.
func Load(p Paths, part Part) (*Workspace, error) {
	l := &loader{ws: &Workspace{}}
	l.resolve(p, part)
	ws := l.ws
	if ws.Paths.Criteria != "" {
		if data, ok := l.read(ws.Paths.Criteria); ok {
			set, err := criteria.Load(data, ws.Paths.Criteria)
			l.add(ws.Paths.Criteria, err)
			ws.Set = set
		}
	}
	// The metric values are read while units.yaml is: a table's rows
	// wait for their units only to be matched (about a third of the
	// reading of 10,000 units is units.yaml).
	var early *earlyRead
	if part >= Everything && len(l.problems) == 0 && ws.Set != nil && ws.Paths.Units != "" && ws.Paths.Metrics != "" {
		early = l.startMetrics()
	}
	if part >= Definition && ws.Paths.Units != "" {
		if data, ok := l.read(ws.Paths.Units); ok {
			units, err := criteria.LoadUnits(data, ws.Paths.Units)
			l.add(ws.Paths.Units, err)
			ws.Units = units
		}
	}
	if early != nil {
		if len(l.problems) == 0 && ws.Units != nil {
			early.units <- ws.Units
		} else {
			early.units <- nil // not wanted: values are read only against sound units
			<-early.done
			early = nil
		}
	}
	if part >= Everything && len(l.problems) == 0 {
		l.values(early)
	}
	if len(l.problems) > 0 {
		return ws, l.problems
	}
	return ws, nil
}

// earlyRead is the reading of the metric values started before the units
// are read (metrics.ReadAwaiting): units takes them, or nil, and done is
// closed once t and err are set.
type earlyRead struct {
	units chan []*criteria.Unit
	done  chan struct{}
	t     *metrics.Table
	err   error
}

// startMetrics starts reading the metric values on a goroutine of its own.
func (l *loader) startMetrics() *earlyRead {
	e := &earlyRead{units: make(chan []*criteria.Unit, 1), done: make(chan struct{})}
	path, set, opts := l.ws.Paths.Metrics, l.ws.Set, l.metricOptions(metrics.Options{})
	go func() {
		defer close(e.done)
		e.t, e.err = metrics.ReadAwaiting(path, set, e.units, opts)
	}()
	return e
}

// metricOptions returns o for the workspace's metric tables: with the
// Department's own table, its metrics may be absent from the others.
func (l *loader) metricOptions(o metrics.Options) metrics.Options {
	if l.ws.Paths.Department == "" {
		return o
	}
	return metrics.DepartmentOptions(l.ws.Set, o)
}

// values reads the metric values, the self-assessment and last year's
// result, after the definition has loaded cleanly. When any of them has
// problems, the values that could be read are checked as Score would check
// them too, so that one run lists every problem: a ratio above 100% is not
// held back until a mistyped cell elsewhere is fixed.
func (l *loader) values(early *earlyRead) {
	ws := l.ws
	var tables []*metrics.Table
	dept := l.department()
	opts := l.metricOptions
	if ws.Paths.Metrics != "" {
		var t *metrics.Table
		var err error
		if early != nil {
			<-early.done
			t, err = early.t, early.err
		} else {
			t, err = metrics.Read(ws.Paths.Metrics, ws.Set, ws.Units, opts(metrics.Options{}))
		}
		l.add(ws.Paths.Metrics, err)
		tables = append(tables, t)
		if err == nil && dept != nil {
			err = t.Merge(dept, ws.Set, ws.Units, false).Err()
			l.add(ws.Paths.Department, err)
		}
		if err == nil {
			ws.Metrics = l.hashTable(t)
		}
	}
	if ws.Paths.Self != "" {
		t, err := metrics.Read(ws.Paths.Self, ws.Set, ws.Units, opts(metrics.Options{Partial: true}))
		l.add(ws.Paths.Self, err)
		tables = append(tables, t)
		if err == nil && dept != nil {
			// The units do not assess what the Department fills in: their
			// self-assessment takes the Department's values where it
			// has none of its own.
			err = t.Merge(dept, ws.Set, ws.Units, true).Err()
			l.add(ws.Paths.Self, err)
		}
		if err == nil {
			ws.Self = l.hashTable(t)
		}
	}
	if ws.Paths.Previous != "" {
		l.previous(ws.Paths.Previous)
	}
	l.decisions()
	if len(l.problems) == 0 {
		return
	}
	for _, t := range tables {
		l.problems.Append(checkPartial(ws.Set, ws.Units, t)...)
	}
	sortProblems(l.problems)
}

// checkPartial returns the problems scoring would find in the values of
// t, which may be incomplete; nothing when no table came back.
func checkPartial(set *criteria.Set, units []*criteria.Unit, t *metrics.Table) criteria.Problems {
	if t == nil || set == nil {
		return nil
	}
	return scoring.Check(scoring.Input{Set: set, Units: units, Values: t.Values, Place: t.Place})
}

// sortProblems orders problems by file, then by row (a CSV line or a
// workbook cell's row), keeping the order found within a row, so that a
// reading problem and a scoring problem of the same file read top down.
// Problems of no file come first; the count of problems past the list's
// limit stays last.
func sortProblems(ps criteria.Problems) {
	if n := len(ps); n > 0 && ps[n-1].Omitted > 0 {
		ps = ps[:n-1]
	}
	slices.SortStableFunc(ps, func(a, b criteria.Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return cmp.Compare(problemRow(a), problemRow(b))
	})
}

// problemRow is the row a problem points at: its line, or the row of its
// cell ("Sheet1!C5" is 5); 0 for a whole file.
func problemRow(p criteria.Problem) int {
	if p.Line > 0 {
		return p.Line
	}
	i := len(p.Cell)
	for i > 0 && p.Cell[i-1] >= '0' && p.Cell[i-1] <= '9' {
		i--
	}
	n, _ := strconv.Atoi(p.Cell[i:])
	return n
}

// Score scores a fully loaded workspace: the appraised values, then the
// self-assessed ones by the same rules (only the units that gave any), and
// attaches those and last year's standing to the result.
func (ws *Workspace) Score() (*scoring.Result, error) {
	return ws.score(false)
}

// ScoreOnce is Score for a caller that scores the workspace once and then
// only writes the result (score, check): the appraised values are let go
// as soon as they are scored, so that they are not held while the result
// is written — at 10,000 units × 100 criteria they take about 30 MB.
// ws.Metrics.Values is nil afterwards; the notes stay.
func (ws *Workspace) ScoreOnce() (*scoring.Result, error) {
	return ws.score(true)
}

func (ws *Workspace) score(once bool) (*scoring.Result, error) {
	if ws.Set == nil || ws.Metrics == nil {
		return nil, errors.New("workspace: Score needs a workspace loaded with Everything")
	}
	var warnings []string
	in := ws.Input()
	if once && len(in.Decisions) == 0 && !in.DecisionsGiven {
		// The warnings read the values too: they are found first. With
		// decisions the scorer scores the values more than once.
		warnings = ws.warnings()
		ws.Metrics.Values = nil
	}
	var ps criteria.Problems
	res, err := scoring.Score(in)
	ps = appendProblems(ps, "", err)
	var self *scoring.Result
	if ws.Self != nil {
		var units []*criteria.Unit
		for _, u := range ws.Units {
			if _, ok := ws.Self.Values[u.ID]; ok {
				units = append(units, u)
			}
		}
		if len(units) > 0 {
			self, err = scoring.Score(scoring.Input{
				Set: ws.Set, Units: units, Values: ws.Self.Values, Place: ws.Self.Place,
			})
			ps = appendProblems(ps, ws.Paths.Self, err)
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	if self != nil {
		res.AttachSelf(self)
	}
	if ws.Previous != nil {
		res.AttachPrevious(ws.Previous)
	}
	if !once || ws.Metrics.Values != nil {
		warnings = ws.warnings()
	}
	res.Warnings = append(res.Warnings, warnings...)
	return res, nil
}

// InputPaths returns the path of every file read, for atomicfile.WriteFiles to
// refuse writing over one of them. Resolved paths not yet read are included
// too, so an output can never land on an input even after a failed read.
func (ws *Workspace) InputPaths() []string {
	var out []string
	for _, in := range ws.Inputs {
		out = append(out, in.Name)
	}
	p := ws.Paths
	for _, s := range []string{p.Criteria, p.Units, p.Metrics, p.Self, p.Previous, p.Decisions, p.Department} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// loader collects the problems of every file of one workspace.
type loader struct {
	ws       *Workspace
	problems criteria.Problems
}

// read reads a whole file and records its hash; a file that cannot be read
// is a problem, reported with a hint when it is simply absent.
func (l *loader) read(name string) ([]byte, bool) {
	f, err := os.Open(name)
	if err != nil {
		l.problems.Append(fileProblem(name, err))
		return nil, false
	}
	defer f.Close()
	// ReadYAML stops past criteria.MaxFileSize, so that a huge or endless
	// file (a sparse file, /dev/zero) is refused without being held whole.
	data, err := criteria.ReadYAML(f, name)
	if err != nil {
		l.add(name, err)
		return nil, false
	}
	sum := sha256.Sum256(data)
	l.ws.Inputs = append(l.ws.Inputs, Input{Name: name, SHA256: hex.EncodeToString(sum[:])})
	return data, true
}

// previous reads last year's result, hashing the bytes as they are read.
// A file past scoring.MaxPreviousSize is refused before any of it is read.
func (l *loader) previous(name string) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".xlsx", ".xlsm", ".xls":
		l.previousTable(name)
		return
	}
	f, err := os.Open(name)
	if err != nil {
		l.problems.Append(fileProblem(name, err))
		return
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > scoring.MaxPreviousSize {
		l.problems.Append(scoring.PreviousTooLarge(name))
		return
	}
	h := sha256.New()
	last, err := scoring.ReadLastYear(io.TeeReader(f, h), name)
	l.add(name, err)
	if last != nil {
		l.ws.Inputs = append(l.ws.Inputs, Input{Name: name, SHA256: hex.EncodeToString(h.Sum(nil))})
		l.ws.Last, l.ws.Previous = last, last.Units
	}
}

// department reads the Department's own table, when there is one.
func (l *loader) department() *metrics.Table {
	name := l.ws.Paths.Department
	if name == "" {
		return nil
	}
	t, err := metrics.ReadDepartment(name, l.ws.Set, l.ws.Units)
	l.add(name, err)
	if err != nil {
		return nil
	}
	return l.hashTable(t)
}

// previousTable reads last year's ranking from previous.csv or
// previous.xlsx (SPEC §12), which names no criteria set or year.
func (l *loader) previousTable(name string) {
	ly, err := metrics.ReadLastYear(name, l.ws.Units)
	l.add(name, err)
	if ly == nil {
		return
	}
	l.ws.Inputs = append(l.ws.Inputs, Input{Name: name, SHA256: ly.Sum})
	l.ws.Last = &scoring.LastYear{Units: ly.Units}
	l.ws.Previous = ly.Units
	l.ws.lastYearUnknown = ly.Unknown
}

// hashTable records the hash of every file a metrics table was read from,
// as the reader took it from the bytes it read: opening a file a second
// time would hang on a named pipe, and could hash other bytes than were
// read if the file changed meanwhile.
func (l *loader) hashTable(t *metrics.Table) *metrics.Table {
	if t == nil {
		return nil
	}
	for i, f := range t.Files {
		l.ws.Inputs = append(l.ws.Inputs, Input{Name: f, SHA256: t.Sums[i]})
	}
	return t
}

// add records the problems of err, read from file.
func (l *loader) add(file string, err error) {
	l.problems = appendProblems(l.problems, file, err)
}

// appendProblems adds err to ps: each problem of a criteria.Problems list,
// or err itself placed in file.
func appendProblems(ps criteria.Problems, file string, err error) criteria.Problems {
	if err == nil {
		return ps
	}
	var list criteria.Problems
	if errors.As(err, &list) {
		ps.Append(list...)
		return ps
	}
	var one criteria.Problem
	if errors.As(err, &one) {
		return append(ps, one)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return append(ps, fileProblem(pe.Path, err))
	}
	return append(ps, criteria.Problem{File: file, Msg: err.Error()})
}

// fileProblem describes a file that could not be opened.
func fileProblem(name string, err error) criteria.Problem {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	p := criteria.Problem{File: name, Msg: "cannot read: " + err.Error()}
	if errors.Is(err, fs.ErrNotExist) {
		p.Msg = "no such file"
		p.Hint = "a workspace folder holds " + CriteriaFile + ", " + UnitsFile +
			" and metrics.csv (or metrics.xlsx, or a metrics/ folder); flags such as --criteria point at a file elsewhere"
	}
	return p
}

// resolve fills in the paths of p left empty from its folder, and checks
// that the folder holds at most one form of each kind of values.
func (l *loader) resolve(p Paths, part Part) {
	dir := p.Dir
	if dir == "" {
		dir = "."
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		msg := "not a folder"
		if err != nil {
			msg = "no such folder"
		}
		l.problems = append(l.problems, criteria.Problem{File: dir, Msg: msg})
		return
	}
	if p.Criteria == "" {
		p.Criteria = filepath.Join(dir, CriteriaFile)
	}
	if p.Units == "" {
		p.Units = filepath.Join(dir, UnitsFile)
	}
	// The values are looked for even when not read, so that an output
	// (a template, say) can refuse to land on them; only a command that
	// reads them is stopped by their absence or ambiguity.
	report := part >= Everything
	if p.Metrics == "" {
		p.Metrics = l.find(dir, "metrics", "--metrics", true, report)
	}
	if p.Self == "" {
		p.Self = l.find(dir, "self", "--self", false, report)
	}
	if p.Previous == "" {
		p.Previous = l.findOptional(dir, "previous", "--previous", report, PreviousFile, "previous.csv", "previous.xlsx")
	}
	if p.Decisions == "" {
		p.Decisions = l.findDecisions(dir, report)
	}
	if p.Department == "" {
		p.Department = l.findOptional(dir, "department", "--department", report, DepartmentBase+".csv", DepartmentBase+".xlsx")
	}
	p.Dir = dir
	l.ws.Paths = p
}

// find looks in dir for base.csv, base.xlsx or the folder base/; more than
// one is ambiguous, none is a problem when required. Problems are recorded
// only when report is set.
func (l *loader) find(dir, base, flag string, required, report bool) string {
	var found []string
	for _, name := range []string{base + ".csv", base + ".xlsx", base} {
		if exists(filepath.Join(dir, name)) {
			found = append(found, name)
		}
	}
	switch {
	case len(found) == 1:
		return filepath.Join(dir, found[0])
	case !report:
	case len(found) > 1:
		l.problems = append(l.problems, criteria.Problem{
			File: dir,
			Msg:  fmt.Sprintf("more than one %s input: %s", base, strings.Join(found, ", ")),
			Hint: fmt.Sprintf("choose one with %s, or remove the others", flag),
		})
	case required:
		l.problems = append(l.problems, criteria.Problem{
			File: dir,
			Msg:  fmt.Sprintf("no %s input: expected %s.csv, %s.xlsx or a %s/ folder", base, base, base, base),
			Hint: fmt.Sprintf("point at the values elsewhere with %s", flag),
		})
	}
	return ""
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
