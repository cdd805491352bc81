package metrics

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"parindex/criteria"
)

// DefaultRound is the round (vòng) a decision without one belongs to.
const DefaultRound = "1"

// maxDecisions bounds the rows read: a council decides tens of rows a
// year, and a file of a million is not a list of decisions.
const maxDecisions = 100_000

// The columns of decisions.csv, and the headers that name each (compared
// as criteria.LooseKey compares names: any case, with or without
// diacritics).
const (
	colUnit = iota
	colTarget
	colValue
	colReason
	colRound
	nCols
)

var decisionHeaders = map[string]int{
	"unit": colUnit, "don vi": colUnit,
	"target": colTarget, "tieu chi": colTarget, "chi so": colTarget,
	"value": colValue, "gia tri": colValue,
	"reason": colReason, "ly do": colReason,
	"round": colRound, "vong": colRound,
}

var decisionColumnNames = [nCols]string{"unit (đơn vị)", "target (tiêu chí)", "value (giá trị)", "reason (lý do)", "round (vòng)"}

// ReadDecisions reads the appraisal council's decisions (SPEC §9) from a
// .csv file or the first sheet of an .xlsx workbook: a header row, then
// one decision a row, in the order they apply. Every problem is returned
// at once as criteria.Problems, each with its place, and then no
// decision. Whether a decided leaf applies to its unit depends on the
// values and is checked when scoring.
func ReadDecisions(path string, set *criteria.Set, units []*criteria.Unit) ([]criteria.Decision, error) {
	ds, _, err := ReadDecisionsSum(path, set, units)
	return ds, err
}

// ReadDecisionsSum is [ReadDecisions] that also returns the SHA-256 of the
// bytes it read, for the report's list of inputs: hashing the file again
// could hash other bytes, or hang on a named pipe.
func ReadDecisionsSum(path string, set *criteria.Set, units []*criteria.Unit) ([]criteria.Decision, string, error) {
	dr := &decisionReader{parser: newDecisionParser(set, units)}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".xlsx", ".xlsm", ".xls":
	default:
		return nil, "", criteria.Problems{{File: path, Msg: "not a .csv or .xlsx file",
			Hint: "the council's decisions are read from decisions.csv or decisions.xlsx"}}
	}
	sum, fatal := scanFile(path, path, &dr.probs, dr.row)
	if fatal != nil {
		return nil, "", criteria.Problems{*fatal}
	}
	if !dr.headerSeen && len(dr.probs) == 0 {
		dr.probs = append(dr.probs, criteria.Problem{File: path,
			Msg: "the file is empty: it needs a header row (unit, target, value, reason, round) and one decision a row"})
	}
	if len(dr.probs) > 0 {
		return nil, "", dr.probs
	}
	return dr.decisions, sum, nil
}

// decisionReader reads decisions.csv row by row.
type decisionReader struct {
	parser     *decisionParser
	headerSeen bool
	stop       bool
	cols       [nCols]int // column of each field; -1 when absent
	decisions  []criteria.Decision
	probs      criteria.Problems
}

func (dr *decisionReader) row(g *grid, r *row) {
	switch {
	case dr.stop, r.blank(), r.damaged:
	case !dr.headerSeen:
		dr.header(g, r)
	case len(dr.decisions) >= maxDecisions:
		add(&dr.probs, g.at(r, -1), "more than %d decisions: this is not a list of the council's decisions", maxDecisions)
		dr.stop = true
	default:
		dr.data(g, r)
	}
}

func (dr *decisionReader) header(g *grid, r *row) {
	dr.headerSeen = true
	for i := range dr.cols {
		dr.cols[i] = -1
	}
	for col, c := range r.cells {
		k := key(c.text)
		if k == "" {
			continue
		}
		f, ok := decisionHeaders[criteria.LooseKey(k)]
		switch {
		case !ok:
			add(&dr.probs, g.at(r, col), "unknown column %s: the columns are unit, target, value, reason and round (đơn vị, tiêu chí, giá trị, lý do, vòng)", quote(k))
			dr.stop = true
		case dr.cols[f] >= 0:
			add(&dr.probs, g.at(r, col), "column %s appears twice", decisionColumnNames[f])
			dr.stop = true
		default:
			dr.cols[f] = col
		}
	}
	for f := range colRound {
		if dr.cols[f] < 0 {
			p := g.at(r, -1)
			p.Hint = "the first row names the columns: unit,target,value,reason,round"
			add(&dr.probs, p, "no column %s", decisionColumnNames[f])
			dr.stop = true
		}
	}
}

func (dr *decisionReader) data(g *grid, r *row) {
	text := func(f int) string {
		if dr.cols[f] < 0 {
			return ""
		}
		return strings.TrimSpace(norm.NFC.String(r.text(dr.cols[f])))
	}
	for col := range r.cells {
		if !r.cells[col].blank() && !dr.known(col) {
			add(&dr.probs, g.at(r, col), "a value in %s, which has no header", g.colName(col))
			return
		}
	}
	round := text(colRound)
	if round == "" {
		round = DefaultRound
	}
	d, ok := dr.parser.parse(g, r, decisionCells{
		unit: text(colUnit), unitCol: dr.cols[colUnit],
		target: text(colTarget), targetCol: dr.cols[colTarget],
		valueCol: dr.cols[colValue],
		reason:   text(colReason), reasonCol: dr.cols[colReason],
		round: round,
	}, &dr.probs)
	if ok {
		dr.decisions = append(dr.decisions, d)
	}
}

func (dr *decisionReader) known(col int) bool {
	for _, c := range dr.cols {
		if c == col {
			return true
		}
	}
	return false
}

// decisionCells is one decision as written, with the column of each cell
// for messages.
type decisionCells struct {
	unit, target, reason, round  string
	unitCol, targetCol, valueCol int
	reasonCol                    int
}

// decisionParser reads decisions and what-if changes against one criteria
// set and its units: both are written the same way and have the same
// problems.
type decisionParser struct {
	set    *criteria.Set
	match  *Matcher
	leaves map[string]*criteria.Node // every node by code; leaves and parents
}

func newDecisionParser(set *criteria.Set, units []*criteria.Unit) *decisionParser {
	dp := &decisionParser{set: set, match: NewMatcher(units), leaves: map[string]*criteria.Node{}}
	for _, n := range set.Nodes() {
		dp.leaves[n.Code] = n
	}
	return dp
}

// parse reads one decision, adding its problems to probs; ok is false
// when it has any.
func (dp *decisionParser) parse(g *grid, r *row, c decisionCells, probs *criteria.Problems) (d criteria.Decision, ok bool) {
	n := len(*probs)
	d.Place = g.at(r, -1)
	d.Place.Msg = ""
	d.Reason, d.Round = c.reason, c.round
	u, err := dp.match.Match(c.unit)
	if err != nil {
		add(probs, g.at(r, c.unitCol), "%s", err)
	}
	d.Unit = u
	who := fmt.Sprintf("unit %q: ", c.unit)
	if u != nil {
		who = fmt.Sprintf("unit %q: ", u.Name)
	}
	metric, leaf, msg, hint := dp.target(c.target)
	if msg != "" {
		p := g.at(r, c.targetCol)
		p.Hint = hint
		add(probs, p, "%s%s", who, msg)
	}
	d.Metric, d.Leaf = metric, leaf
	if c.valueCol >= 0 && c.valueCol < len(r.cells) {
		d.Text = strings.TrimSpace(r.cells[c.valueCol].text)
	}
	switch {
	case d.Text == "":
		p := g.at(r, c.valueCol)
		p.Hint = "write the value or points the council decided"
		add(probs, p, "%sno value given", who)
	case metric != nil:
		v, msg, hint := g.value(metric, r, c.valueCol)
		if msg != "" {
			p := g.at(r, c.valueCol)
			p.Hint = hint
			add(probs, p, "%smetric %q: %s", who, metric.ID, msg)
		}
		d.Value = v
	case leaf != nil:
		d.Points, msg = dp.points(g, r, c.valueCol, leaf)
		if msg != "" {
			add(probs, g.at(r, c.valueCol), "%scriterion %s: %s", who, leaf.Code, msg)
		}
	}
	if c.reason == "" {
		p := g.at(r, c.reasonCol)
		p.Hint = "every decision of the council carries its reason (lý do), as the minutes record it"
		add(probs, p, "%sno reason given", who)
	}
	return d, len(*probs) == n
}

// target finds the metric or the leaf a target names: a metric id or a
// leaf code, or either made explicit as metric:ID or code:CODE.
func (dp *decisionParser) target(t string) (m *criteria.Metric, leaf *criteria.Node, msg, hint string) {
	if t == "" {
		return nil, nil, "no target given: write a metric id or a criterion code", ""
	}
	kind, name, explicit := strings.Cut(t, ":")
	if !explicit {
		name = t
	}
	name = strings.TrimSpace(name)
	switch strings.ToLower(strings.TrimSpace(kind)) {
	case "metric":
		if explicit {
			return dp.metric(name)
		}
	case "code":
		if explicit {
			return dp.leaf(name)
		}
	}
	if explicit {
		name = t // a colon of some other kind: take the target whole
	}
	_, isMetric := dp.metricLookup(name)
	_, isNode := dp.leaves[name]
	switch {
	case isMetric && isNode:
		return nil, nil, fmt.Sprintf("target %q is both a metric id and a criterion code", name),
			fmt.Sprintf("write metric:%s for the metric or code:%s for the criterion", name, name)
	case isNode:
		return dp.leaf(name)
	case isMetric:
		return dp.metric(name)
	}
	return nil, nil, fmt.Sprintf("unknown target %s: neither a metric id nor a criterion code of the set%s",
		quote(name), suggestMetric(dp.set, name)), ""
}

func (dp *decisionParser) metricLookup(id string) (*criteria.Metric, bool) {
	m := dp.set.Metric(id)
	if m == nil {
		m = dp.set.Metric(strings.ToLower(id))
	}
	return m, m != nil
}

func (dp *decisionParser) metric(id string) (*criteria.Metric, *criteria.Node, string, string) {
	m, msg := lookupMetric(dp.set, id)
	if msg != "" {
		return nil, nil, msg, ""
	}
	return m, nil, "", ""
}

func (dp *decisionParser) leaf(code string) (*criteria.Metric, *criteria.Node, string, string) {
	n, ok := dp.leaves[code]
	switch {
	case !ok:
		return nil, nil, fmt.Sprintf("unknown criterion %s: no criterion of the set has that code", quote(code)), ""
	case !n.IsLeaf():
		return nil, nil, fmt.Sprintf("criterion %s has sub-criteria: give points to one of them, or change a metric value", code), ""
	}
	return nil, n, "", ""
}

// points reads the points a decision gives a leaf: a number in [0, max]
// with at most the set's decimal places.
func (dp *decisionParser) points(g *grid, r *row, col int, leaf *criteria.Node) (d decimal.Decimal, msg string) {
	pm := &criteria.Metric{ID: leaf.Code, Type: criteria.Points}
	v, msg, _ := g.value(pm, r, col)
	switch {
	case msg != "":
		return d, msg
	case !v.IsNumber():
		return d, fmt.Sprintf("%s is not points: a criterion's points are a number", quote(v.String()))
	}
	num, _ := v.Fraction()
	switch {
	case num.Sign() < 0 || num.GreaterThan(leaf.Max):
		return d, fmt.Sprintf("%s points is outside 0 to %s, the range of the criterion", num, leaf.Max)
	case !num.Equal(num.Round(dp.set.Decimals)):
		return d, fmt.Sprintf("%s has more than %d decimal places, the places of the set", num, dp.set.Decimals)
	}
	return num, ""
}

// ParseChanges reads what-if changes (SPEC §10), each UNIT:TARGET=VALUE
// with TARGET as in a decision: a metric id or a criterion code (or
// metric:ID, code:CODE). Every problem is returned at once, each placed at
// the change as written, in the words a decision's problem has.
func ParseChanges(changes []string, set *criteria.Set, units []*criteria.Unit) ([]criteria.Decision, error) {
	dp := newDecisionParser(set, units)
	var out []criteria.Decision
	var probs criteria.Problems
	for _, ch := range changes {
		g := &grid{file: ch}
		left, value, hasValue := strings.Cut(ch, "=")
		unit, target, hasTarget := splitChange(left)
		if !hasValue || !hasTarget {
			probs = append(probs, criteria.Problem{File: ch,
				Msg:  "a change is written UNIT:TARGET=VALUE",
				Hint: `for example dien-ban:dossiers_late=0 or "Điện Bàn:1.3.2=0.5"`})
			continue
		}
		r := &row{cells: []cell{{text: strings.TrimSpace(value)}}}
		d, ok := dp.parse(g, r, decisionCells{
			unit: strings.TrimSpace(norm.NFC.String(unit)), unitCol: -1,
			target: strings.TrimSpace(target), targetCol: -1,
			valueCol: 0, reason: "what-if", reasonCol: -1, round: "what-if",
		}, &probs)
		if ok {
			out = append(out, d)
		}
	}
	for i := range probs {
		probs[i].Line, probs[i].Cell = 0, ""
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return out, nil
}

// splitChange splits UNIT:TARGET at the colon before the target, which
// may itself be metric:ID or code:CODE.
func splitChange(s string) (unit, target string, ok bool) {
	for _, kind := range []string{":metric:", ":code:"} {
		if i := strings.Index(strings.ToLower(s), kind); i >= 0 {
			return s[:i], s[i+1:], true
		}
	}
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}
