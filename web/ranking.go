package web

import (
	"net/http"
	"slices"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// rankingView is the Tổng hợp table of one page of units, with its chart.
type rankingView struct {
	Groups                                     []string
	Group                                      string
	Grouped, HasPrev, HasTiers, Bonus, Penalty bool
	Council                                    bool // the council's decisions were given: rank before them shown
	Rows                                       []rankRow
	Pager                                      *pager
	Chart                                      *chart
}

// rankRow is one unit's line of the ranking, its figures as text.
type rankRow struct {
	ID, Name, Group                                      string
	Rank, GroupRank                                      int
	Appraisal, Survey, Bonus, Penalty, Total, Max, Index string
	Tier, PrevRank, Change, ChangeClass                  string
	RankBeforeCouncil                                    int
}

// chart is the bar chart of the index of the units on a page, drawn as
// inline SVG: nothing to fetch, and it prints.
type chart struct {
	Title         string
	Width, Height int
	LabelWidth    int
	BarArea       int
	Bars          []bar
	Ticks         []tick
}

type bar struct {
	Y, TextY    int
	Width       string // in pixels, from the exact index
	Label, Text string
	ValueX      string
}

type tick struct {
	X     int
	Label string
}

// ranking shows the ranking as the workbook's Tổng hợp sheet: rank, unit,
// group, points by source, total, index, tier and last year's rank, a page
// of units at a time, filtered by group (?group=…).
func (s *Server) ranking(w http.ResponseWriter, r *http.Request) {
	s.withState(w, "ranking", func(st *state) {
		res := st.res
		v := &rankingView{Groups: st.groups(), Grouped: res.Grouped, HasTiers: len(res.Set.Tiers) > 0}
		if g := r.URL.Query().Get("group"); slices.Contains(v.Groups, g) {
			v.Group = g
		}
		for _, f := range res.Set.Fields {
			v.Bonus = v.Bonus || f.Kind == criteria.Bonus
			v.Penalty = v.Penalty || f.Kind == criteria.Penalty
		}
		units := filterGroup(res.Units, v.Group)
		lo, hi, pg := s.pageOf(r, len(units), v.Group)
		v.Pager = pg
		for _, u := range res.Units {
			v.HasPrev = v.HasPrev || u.Previous != nil
			v.Council = v.Council || u.BeforeDecisions != nil
		}
		for _, u := range units[lo:hi] {
			v.Rows = append(v.Rows, s.rankRow(res.Set, u, v.HasPrev))
		}
		v.Chart = s.indexChart(res.Set, units[lo:hi])
		p := &page{Nav: "ranking", Title: s.words["summary"], Set: res.Set, Ranking: v,
			Warnings: res.Warnings, Notice: s.notice(r)}
		s.render(w, http.StatusOK, "ranking", p)
	})
}

func (s *Server) rankRow(set *criteria.Set, u *scoring.UnitResult, hasPrev bool) rankRow {
	row := rankRow{
		ID: u.Unit.ID, Name: u.Unit.Name, Group: u.Unit.Group, Rank: u.Rank, GroupRank: u.GroupRank,
		Appraisal: s.num(set, u.Appraisal), Survey: s.num(set, u.Survey),
		Bonus: s.num(set, u.Bonus), Penalty: s.num(set, u.Penalty.Neg()),
		Total: s.num(set, u.Points), Max: s.num(set, u.Max), Index: s.num(set, u.Index), Tier: u.Tier,
	}
	if u.BeforeDecisions != nil {
		row.RankBeforeCouncil = u.BeforeDecisions.Rank
	}
	if hasPrev {
		row.Change, row.ChangeClass = s.change(u.Previous)
		row.PrevRank = s.words["newUnit"]
		if u.Previous != nil {
			row.PrevRank = itoa(u.Previous.Rank)
		}
	}
	return row
}

// The chart's layout, in pixels.
const (
	barHeight  = 18
	barGap     = 6
	barArea    = 520
	chartTop   = 8
	axisHeight = 22
)

// indexChart draws the index of units as horizontal bars, first rank at
// the top, on a 0–100 axis as the workbook's chart.
func (s *Server) indexChart(set *criteria.Set, units []*scoring.UnitResult) *chart {
	if len(units) == 0 {
		return nil
	}
	label := 40
	for _, u := range units {
		label = max(label, min(7*len([]rune(u.Unit.Name))+10, 260))
	}
	c := &chart{Title: s.words["chartTitle"], LabelWidth: label, BarArea: barArea,
		Width: label + barArea + 60, Height: chartTop + len(units)*(barHeight+barGap) + axisHeight}
	hundred := decimal.NewFromInt(100)
	for i, u := range units {
		y := chartTop + i*(barHeight+barGap)
		idx := decimal.Max(decimal.Min(u.Index, hundred), decimal.Zero)
		px := idx.Mul(decimal.NewFromInt(barArea)).Div(hundred)
		c.Bars = append(c.Bars, bar{Y: y, TextY: y + barHeight - 5, Width: px.StringFixed(1),
			Label: u.Unit.Name, Text: s.num(set, u.Index), ValueX: px.Add(decimal.NewFromInt(int64(label + 4))).StringFixed(1)})
	}
	for v := 0; v <= 100; v += 20 {
		c.Ticks = append(c.Ticks, tick{X: label + v*barArea/100, Label: itoa(v)})
	}
	return c
}

// fieldsView is the Theo lĩnh vực table: each field's points, index and
// rank for a page of units.
type fieldsView struct {
	Heads []string
	Rows  []fieldRow
	Pager *pager
}

type fieldRow struct {
	ID, Name string
	Rank     int
	Cells    []fieldCell
}

type fieldCell struct {
	Applicable          bool
	Points, Index, Rank string
	Shade               string // a class for the colour scale of the index
}

// fields shows every ordinary field's points, index and rank per unit.
func (s *Server) fields(w http.ResponseWriter, r *http.Request) {
	s.withState(w, "fields", func(st *state) {
		res := st.res
		set := res.Set
		pos := map[*criteria.Node]int{}
		for i, n := range set.Nodes() {
			pos[n] = i
		}
		var fields []*criteria.Node
		v := &fieldsView{}
		for _, f := range set.Fields {
			if f.Kind == criteria.Ordinary {
				fields = append(fields, f)
				v.Heads = append(v.Heads, f.Code+". "+f.Name+" ("+s.words["maxShort"]+" "+s.num(set, f.MaxPoints())+")")
			}
		}
		lo, hi, pg := s.pageOf(r, len(res.Units), "")
		v.Pager = pg
		for _, u := range res.Units[lo:hi] {
			row := fieldRow{ID: u.Unit.ID, Name: u.Unit.Name, Rank: u.Rank}
			for _, f := range fields {
				nr := u.Nodes[pos[f]]
				if !nr.Applicable {
					row.Cells = append(row.Cells, fieldCell{})
					continue
				}
				row.Cells = append(row.Cells, fieldCell{Applicable: true, Points: s.num(set, nr.Points()),
					Index: s.num(set, nr.Index()), Rank: itoa(int(nr.Rank)), Shade: shade(nr.Index())})
			}
			v.Rows = append(v.Rows, row)
		}
		s.render(w, http.StatusOK, "fields", &page{Nav: "fields", Title: s.words["byField"], Set: set, Fields: v})
	})
}

// shade is the class of an index on the colour scale: red below 50, then
// through yellow to green at 100, as the workbook's three-colour scale.
func shade(index decimal.Decimal) string {
	switch {
	case index.GreaterThanOrEqual(decimal.NewFromInt(90)):
		return "s4"
	case index.GreaterThanOrEqual(decimal.NewFromInt(80)):
		return "s3"
	case index.GreaterThanOrEqual(decimal.NewFromInt(65)):
		return "s2"
	case index.GreaterThanOrEqual(decimal.NewFromInt(50)):
		return "s1"
	}
	return "s0"
}
