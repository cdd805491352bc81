package web

import (
	"fmt"
	"html/template"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/report"
	"parindex/scoring"
)

// pageSize is how many units a page of the ranking or the fields shows: a
// province's communes fit on a few pages, and 10,000 units still load fast.
const pageSize = 100

// page is what a template shows; each page fills the parts it needs.
type page struct {
	W      map[string]string
	Token  string
	Lang   string
	Nav    string // the menu entry of this page
	Title  string
	Set    *criteria.Set
	Notice string // a message above the page, such as an upload done

	Message  string
	Problems []problemView
	Warnings []string

	Ranking *rankingView
	Fields  *fieldsView
	Unit    *unitPage
	Tree    []treeRow
	Files   *filesView
}

// problemView is one problem of the inputs: where, what, and the hint.
type problemView struct{ Place, Msg, Hint string }

// maxProblems is the most problems a page lists: a file with a column
// shifted has a problem on every row, and the first ones show the mistake.
const maxProblems = 200

func (s *Server) problemViews(ps criteria.Problems) []problemView {
	out := make([]problemView, 0, min(len(ps), maxProblems+1))
	for i, p := range ps {
		// A list the readers capped ends in an entry that counts the rest.
		if i == maxProblems || p.Omitted > 0 {
			out = append(out, problemView{Msg: fmt.Sprintf(s.words["moreProblems"], ps.Count()-i)})
			break
		}
		out = append(out, problemView{Place: s.placeOf(p), Msg: p.Msg, Hint: p.Hint})
	}
	return out
}

// placeOf is a problem's place as parindex check prints it: "metrics.csv:14"
// or "metrics.xlsx: Sheet1!C5", a file in the workspace folder named
// within it, as the officer sees it there.
func (s *Server) placeOf(p criteria.Problem) string {
	p.Msg = ""
	if p.File != "" && filepath.IsAbs(p.File) == filepath.IsAbs(s.opts.Paths.Dir) {
		if rel, err := filepath.Rel(s.opts.Paths.Dir, p.File); err == nil && rel != "." && filepath.IsLocal(rel) {
			p.File = rel
		}
	}
	return strings.TrimSuffix(p.Error(), ": ")
}

// num writes a decimal with the set's places in the page's language.
func (s *Server) num(set *criteria.Set, d decimal.Decimal) string {
	return criteria.FormatFixed(d, set.Decimals, s.opts.Lang)
}

// change words a rank change as the ranking table does: ↑2, ↓1, =, or
// new for a unit absent from last year's result; with a class for its
// colour.
func (s *Server) change(p *criteria.Previous) (text, class string) {
	switch {
	case p == nil:
		return s.words["newUnit"], "new"
	case p.RankChange > 0:
		return fmt.Sprintf("▲ %d", p.RankChange), "up"
	case p.RankChange < 0:
		return fmt.Sprintf("▼ %d", -p.RankChange), "down"
	}
	return "–", "same"
}

// withState loads the workspace as it is on disk and answers with the
// problems page when it does not score; else it calls show.
func (s *Server) withState(w http.ResponseWriter, nav string, show func(st *state)) {
	st := s.state.current()
	if st.res == nil {
		s.showProblems(w, st, nav)
		return
	}
	show(st)
}

// showProblems answers with every problem of the inputs, in place of the
// numbers a page would show.
func (s *Server) showProblems(w http.ResponseWriter, st *state, nav string) {
	p := &page{Nav: nav, Title: s.words["problemsTitle"], Problems: s.problemViews(st.problems)}
	if st.ws != nil {
		p.Set = st.ws.Set
	}
	s.render(w, http.StatusOK, "problems", p)
}

// problemsPage lists the problems; with none, it says so under the
// ranking's menu.
func (s *Server) problemsPage(w http.ResponseWriter, r *http.Request) {
	st := s.state.current()
	if st.res != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.showProblems(w, st, "problems")
}

// pager is the position of one page in a long table.
type pager struct {
	Page, Pages, First, Last, Total int
	PrevURL, NextURL                template.URL
	Shown, PrevText, NextText       string
}

// pageOf picks the rows of the page the request asks for (?page=N, from
// 1), and the links to the pages beside it, keeping the group filter.
func (s *Server) pageOf(r *http.Request, total int, group string) (lo, hi int, pg *pager) {
	pages := max(1, (total+pageSize-1)/pageSize)
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 {
		n = 1
	}
	n = min(n, pages)
	lo, hi = (n-1)*pageSize, min(n*pageSize, total)
	pg = &pager{Page: n, Pages: pages, First: lo + 1, Last: hi, Total: total,
		PrevText: s.words["prev"], NextText: s.words["next"]}
	link := func(to int) template.URL {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(to))
		if group == "" {
			q.Del("group")
		}
		return template.URL(r.URL.Path + "?" + q.Encode())
	}
	if n > 1 {
		pg.PrevURL = link(n - 1)
	}
	if n < pages {
		pg.NextURL = link(n + 1)
	}
	pg.Shown = fmt.Sprintf(s.words["unitsShown"], pg.First, pg.Last, total)
	return lo, hi, pg
}

// filterGroup keeps the units of group, or all of them when group is
// empty.
func filterGroup(units []*scoring.UnitResult, group string) []*scoring.UnitResult {
	if group == "" {
		return units
	}
	var out []*scoring.UnitResult
	for _, u := range units {
		if u.Unit.Group == group {
			out = append(out, u)
		}
	}
	return out
}

// unit shows one unit's page, or 404 for an id units.yaml does not have.
func (s *Server) unit(w http.ResponseWriter, r *http.Request) {
	s.withState(w, "ranking", func(st *state) {
		u := st.units[r.PathValue("id")]
		if u == nil {
			s.message(w, http.StatusNotFound, fmt.Sprintf(s.words["unknownUnit"], r.PathValue("id")))
			return
		}
		s.render(w, http.StatusOK, "unit", &page{Nav: "ranking", Title: u.Unit.Name, Set: st.res.Set,
			Unit: s.unitView(st, u)})
	})
}

// treeRow is one node of the criteria set, with its rule in words.
type treeRow struct {
	Code, Name, Max, Rule, Source string
	Depth                         int
	Field                         bool
}

// criteriaPage shows the criteria set with every rule in words. It needs
// only criteria.yaml, so it shows even when the values have problems.
func (s *Server) criteriaPage(w http.ResponseWriter, r *http.Request) {
	st := s.state.current()
	if st.ws == nil || st.ws.Set == nil || hasProblemIn(st.problems, st.ws.Paths.Criteria) {
		s.showProblems(w, st, "criteria")
		return
	}
	set := st.ws.Set
	var rows []treeRow
	for _, n := range set.Nodes() {
		row := treeRow{Code: n.Code, Name: n.Name, Depth: min(n.Depth, 5), Field: n.Depth == 0,
			Max:  criteria.FormatFixed(n.MaxPoints(), set.Decimals, s.opts.Lang),
			Rule: report.RuleWords(set, n, s.opts.Lang)}
		if n.Source == criteria.Survey {
			row.Source = s.words["srcSurvey"]
		}
		rows = append(rows, row)
	}
	s.render(w, http.StatusOK, "criteria", &page{Nav: "criteria", Title: s.words["navCriteria"], Set: set, Tree: rows})
}

// hasProblemIn reports whether any problem is in file.
func hasProblemIn(ps criteria.Problems, file string) bool {
	for _, p := range ps {
		if p.File == file {
			return true
		}
	}
	return false
}
