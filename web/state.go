package web

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"parindex/criteria"
	"parindex/scoring"
	"parindex/workspace"
)

// state is the workspace as loaded and scored at one moment, with what
// its files on disk looked like then.
type state struct {
	stamp    string               // sizes and modification times of every input
	ws       *workspace.Workspace // nil when the folder could not be read at all
	res      *scoring.Result      // nil when the inputs have problems
	problems criteria.Problems    // every problem of the inputs; empty when res is set
	units    map[string]*scoring.UnitResult
}

// loader keeps the last state and loads again when the files change.
type loader struct {
	paths workspace.Paths
	mu    sync.Mutex
	last  *state
}

// current returns the state of the workspace as it is on disk now: the
// last one when no input changed since, else a fresh load. Requests wait
// for one load rather than each starting its own.
func (l *loader) current() *state {
	l.mu.Lock()
	defer l.mu.Unlock()
	stamp := l.stamp()
	if l.last != nil && l.last.stamp == stamp {
		return l.last
	}
	l.last = load(l.paths, stamp)
	return l.last
}

// forget drops the last state, so that the next request loads again even
// if a replaced file kept its size and time.
func (l *loader) forget() {
	l.mu.Lock()
	l.last = nil
	l.mu.Unlock()
}

// load reads and scores the workspace p names.
func load(p workspace.Paths, stamp string) *state {
	st := &state{stamp: stamp}
	ws, err := workspace.Load(p, workspace.Everything)
	st.ws = ws
	if err == nil {
		st.res, err = ws.Score()
	}
	if err != nil {
		st.problems = asProblems(err)
		st.res = nil
		return st
	}
	st.units = make(map[string]*scoring.UnitResult, len(st.res.Units))
	for _, u := range st.res.Units {
		st.units[u.Unit.ID] = u
	}
	return st
}

// asProblems turns an error of loading or scoring into a list of problems.
func asProblems(err error) criteria.Problems {
	var ps criteria.Problems
	if errors.As(err, &ps) {
		return ps
	}
	var p criteria.Problem
	if errors.As(err, &p) {
		return criteria.Problems{p}
	}
	return criteria.Problems{{Msg: err.Error()}}
}

// inputKinds are the names of the inputs a folder may hold, each in every
// form it may take: a change to any of them, or one appearing, is a change
// of the workspace.
var inputKinds = []string{
	workspace.CriteriaFile, workspace.UnitsFile, workspace.PreviousFile,
	"metrics.csv", "metrics.xlsx", "metrics",
	"self.csv", "self.xlsx", "self",
	"decisions.csv", "decisions.xlsx",
	"department.csv", "department.xlsx",
	"previous.csv", "previous.xlsx",
}

// stamp describes every input as it is on disk: its size and modification
// time, or its absence; a folder of per-unit files by each of its files.
// Stat calls only, so that a page of a large workspace loads fast when
// nothing changed.
func (l *loader) stamp() string {
	var b strings.Builder
	p := l.paths
	names := []string{p.Criteria, p.Units, p.Metrics, p.Self, p.Previous, p.Decisions, p.Department}
	for _, n := range inputKinds {
		names = append(names, filepath.Join(p.Dir, n))
	}
	for _, name := range names {
		if name == "" {
			continue
		}
		stampOne(&b, name)
		if fi, err := os.Stat(name); err == nil && fi.IsDir() {
			entries, _ := os.ReadDir(name)
			for _, e := range entries {
				stampOne(&b, filepath.Join(name, e.Name()))
			}
		}
	}
	return b.String()
}

func stampOne(b *strings.Builder, name string) {
	fi, err := os.Stat(name)
	if err != nil {
		fmt.Fprintf(b, "%s:-\n", name)
		return
	}
	fmt.Fprintf(b, "%s:%d:%d:%v\n", name, fi.Size(), fi.ModTime().UnixNano(), fi.Mode())
}

// groups lists the groups of the units in units.yaml order, each once.
func (st *state) groups() []string {
	var out []string
	if st.ws == nil {
		return nil
	}
	for _, u := range st.ws.Units {
		if u.Group != "" && !slices.Contains(out, u.Group) {
			out = append(out, u.Group)
		}
	}
	return out
}
