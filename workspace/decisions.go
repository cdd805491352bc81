package workspace

import (
	"fmt"
	"path/filepath"
	"strings"

	"parindex/criteria"
	"parindex/metrics"
	"parindex/scoring"
)

// DecisionsBase is the name, without its extension, of the council's
// decisions in a workspace folder: decisions.csv or decisions.xlsx.
const DecisionsBase = "decisions"

// findDecisions looks in dir for decisions.csv or decisions.xlsx; both is
// ambiguous (a problem when report is set), neither is fine.
func (l *loader) findDecisions(dir string, report bool) string {
	return l.findOptional(dir, "decisions", "--decisions", report, DecisionsBase+".csv", DecisionsBase+".xlsx")
}

// findOptional looks in dir for the one of names that exists, for an
// optional input: none is fine, more than one is ambiguous (a problem
// recorded when report is set).
func (l *loader) findOptional(dir, what, flag string, report bool, names ...string) string {
	var found []string
	for _, name := range names {
		if exists(filepath.Join(dir, name)) {
			found = append(found, name)
		}
	}
	switch {
	case len(found) == 1:
		return filepath.Join(dir, found[0])
	case len(found) > 1 && report:
		l.problems = append(l.problems, criteria.Problem{
			File: dir,
			Msg:  fmt.Sprintf("more than one %s input: %s", what, strings.Join(found, ", ")),
			Hint: fmt.Sprintf("choose one with %s, or remove the others", flag),
		})
	}
	return ""
}

// decisions reads the council's decisions, once the definition has loaded.
func (l *loader) decisions() {
	ws := l.ws
	if ws.Paths.Decisions == "" {
		return
	}
	ds, sum, err := metrics.ReadDecisionsSum(ws.Paths.Decisions, ws.Set, ws.Units)
	l.add(ws.Paths.Decisions, err)
	if err == nil {
		l.hashTable(&metrics.Table{Files: []string{ws.Paths.Decisions}, Sums: []string{sum}})
		ws.Decisions = ds
	}
}

// Input is what scoring the appraised values reads: the values with the
// council's decisions, and the standing after each decision in turn.
func (ws *Workspace) Input() scoring.Input {
	return scoring.Input{
		Set: ws.Set, Units: ws.Units, Values: ws.Metrics.Values, Place: ws.Metrics.Place,
		Decisions: ws.Decisions, DecisionsGiven: ws.Paths.Decisions != "", Steps: len(ws.Decisions) > 0,
	}
}
