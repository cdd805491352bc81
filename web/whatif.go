package web

import (
	"fmt"
	"net/http"
	"strings"

	"parindex/analysis"
	"parindex/metrics"
	"parindex/scoring"
	"parindex/workspace"
)

// Change is one what-if change, UNIT:TARGET=VALUE in SPEC §10's words:
// the unit (id, name or alias), a metric id or a leaf's code, and the new
// value written as in a cell.
type Change struct{ Unit, Target, Value string }

// WhatIf scores ws with changes applied and returns the changed result,
// or the problems of the changes (criteria.Problems) in the words of a bad
// value. It saves nothing and leaves ws as it was.
type WhatIf func(ws *workspace.Workspace, changes []Change) (*scoring.Result, error)

// ScoreWhatIf is the what-if of SPEC §10: each change is read as a
// decision of the council would be — a metric's value, or a leaf's points
// — and applied after the council's decisions, and the workspace is scored
// again. A change that cannot be applied is a problem placed at the change
// as written, UNIT:TARGET=VALUE.
func ScoreWhatIf(ws *workspace.Workspace, changes []Change) (*scoring.Result, error) {
	if ws == nil || ws.Set == nil || ws.Metrics == nil {
		return nil, fmt.Errorf("what-if: the workspace has no values")
	}
	texts := make([]string, len(changes))
	for i, c := range changes {
		texts[i] = c.Unit + ":" + c.Target + "=" + c.Value
	}
	decs, err := metrics.ParseChanges(texts, ws.Set, ws.Units)
	if err != nil {
		return nil, err
	}
	wi, err := analysis.RunWhatIf(ws.Input(), decs)
	if err != nil {
		return nil, err
	}
	return wi.Result, nil
}

// whatifView is the result of a what-if: the unit's new standing and
// every unit whose rank moves.
type whatifView struct {
	Line     string
	Moved    []moved
	Problems []problemView
}

type moved struct {
	ID, Name                string
	RankBefore, RankAfter   int
	IndexBefore, IndexAfter string
}

// whatif scores the unit's what-if changes (target[], value[] pairs of
// the form) and shows the unit's page with their result.
func (s *Server) whatif(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	s.withState(w, "ranking", func(st *state) {
		u := st.units[r.PathValue("id")]
		if u == nil {
			s.message(w, http.StatusNotFound, fmt.Sprintf(s.words["unknownUnit"], r.PathValue("id")))
			return
		}
		targets, vals := r.PostForm["target"], r.PostForm["value"]
		var changes []Change
		for i, t := range targets {
			if i < len(vals) && strings.TrimSpace(t) != "" && strings.TrimSpace(vals[i]) != "" {
				changes = append(changes, Change{Unit: u.Unit.ID, Target: t, Value: vals[i]})
			}
		}
		v := s.unitView(st, u)
		for i := range changes {
			v.Changes = append(v.Changes, &changes[i])
		}
		v.WhatIf = s.runWhatIf(st, u, changes)
		status := http.StatusOK
		if len(v.WhatIf.Problems) > 0 {
			status = http.StatusUnprocessableEntity
		}
		s.render(w, status, "unit", &page{Nav: "ranking", Title: u.Unit.Name, Set: st.res.Set, Unit: v})
	})
}

// runWhatIf scores the changes and compares every unit's rank with the
// unchanged result.
func (s *Server) runWhatIf(st *state, u *scoring.UnitResult, changes []Change) *whatifView {
	if len(changes) == 0 {
		return &whatifView{Problems: []problemView{{Msg: s.words["noChange"]}}}
	}
	res, err := s.opts.WhatIf(st.ws, changes)
	if err != nil {
		return &whatifView{Problems: s.problemViews(asProblems(err))}
	}
	set := res.Set
	v := &whatifView{}
	for _, after := range res.Units {
		before := st.units[after.Unit.ID]
		if before == nil {
			continue
		}
		if after.Unit.ID == u.Unit.ID {
			v.Line = fmt.Sprintf(s.words["unitNewRank"], u.Unit.Name, after.Rank, before.Rank,
				s.num(set, after.Index), s.num(set, before.Index))
		}
		if after.Rank != before.Rank {
			v.Moved = append(v.Moved, moved{ID: after.Unit.ID, Name: after.Unit.Name,
				RankBefore: before.Rank, RankAfter: after.Rank,
				IndexBefore: s.num(set, before.Index), IndexAfter: s.num(set, after.Index)})
		}
	}
	return v
}
