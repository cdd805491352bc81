package analysis

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/scoring"
)

// ReadResultSide reads a JSON result, as score --json writes it, as a side
// of a diff. A result holds no names of criteria and no rules: its nodes
// are known by code only, and its fields are the nodes that carry a rank.
// file names the input in problems.
func ReadResultSide(file string, data []byte) (*Side, error) {
	// ReadLastYear checks the schema and every unit's rank and index, and
	// places each problem; what it does not keep is read here.
	if _, err := scoring.ReadLastYear(bytes.NewReader(data), file); err != nil {
		return nil, err
	}
	var doc struct {
		Criteria struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			Year  int    `json:"year"`
			Dec   int32  `json:"decimals"`
		} `json:"criteria"`
		Units []struct {
			ID    string `json:"id"`
			Name  string `json:"name"`
			Rank  int    `json:"rank"`
			Index string `json:"index"`
			Nodes []struct {
				Code  string  `json:"code"`
				Index *string `json:"index"`
				Rank  *int    `json:"rank"`
			} `json:"nodes"`
		} `json:"units"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, criteria.Problems{{File: file, Msg: "not a parindex result: " + err.Error(),
			Hint: "give a folder, or a file parindex score --json wrote"}}
	}
	s := &Side{Name: file, ID: doc.Criteria.ID, Title: doc.Criteria.Title, Year: doc.Criteria.Year, Decimals: doc.Criteria.Dec}
	seen := map[string]bool{}
	fields := map[string]bool{}
	for _, u := range doc.Units {
		for _, n := range u.Nodes {
			if !seen[n.Code] {
				seen[n.Code] = true
				s.Nodes = append(s.Nodes, SideNode{Code: n.Code})
			}
			if n.Rank != nil {
				fields[n.Code] = true
			}
		}
	}
	var ps criteria.Problems
	for _, u := range doc.Units {
		idx, _ := decimal.NewFromString(u.Index) // checked by ReadLastYear
		su := SideUnit{ID: u.ID, Name: u.Name, Rank: u.Rank, Index: idx, Fields: map[string]decimal.Decimal{}}
		for _, n := range u.Nodes {
			if !fields[n.Code] || n.Index == nil {
				continue
			}
			fi, err := decimal.NewFromString(*n.Index)
			if err != nil {
				ps = append(ps, criteria.Problem{File: file, Msg: "unit " + u.ID + ": node " + n.Code + ": index " + *n.Index + " is not a number"})
				continue
			}
			su.Fields[n.Code] = fi
		}
		name := u.Name
		if name == "" {
			name = u.ID
		}
		s.Units = append(s.Units, su)
		s.Members = append(s.Members, &criteria.Unit{ID: u.ID, Name: name})
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return s, nil
}

// DiffSchema names the shape WriteJSON writes.
const DiffSchema = "parindex.diff/v1"

// WriteJSON writes d for machines: decimals as strings, units in the new
// ranking's order.
func (d *Diff) WriteJSON(w io.Writer) error {
	type side struct {
		Name  string `json:"name"`
		ID    string `json:"id"`
		Title string `json:"title"`
		Year  int    `json:"year"`
	}
	type named struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	type pair struct {
		Old    any `json:"old"`
		New    any `json:"new"`
		Change any `json:"change"`
	}
	type field struct {
		Code   string `json:"code"`
		Old    string `json:"old"`
		New    string `json:"new"`
		Change string `json:"change"`
	}
	type unit struct {
		ID     string  `json:"id"`
		Name   string  `json:"name"`
		Rank   pair    `json:"rank"`
		Index  pair    `json:"index"`
		Fields []field `json:"fields"`
	}
	type node struct {
		Code   string `json:"code"`
		Change string `json:"change"`
		Old    string `json:"old,omitempty"`
		New    string `json:"new,omitempty"`
	}
	doc := struct {
		Schema        string  `json:"schema"`
		Old           side    `json:"old"`
		New           side    `json:"new"`
		RulesCompared bool    `json:"rules_compared"`
		Criteria      []node  `json:"criteria"`
		UnitsAdded    []named `json:"units_added"`
		UnitsRemoved  []named `json:"units_removed"`
		Units         []unit  `json:"units"`
	}{
		Schema:        DiffSchema,
		Old:           side{d.Old.Name, d.Old.ID, d.Old.Title, d.Old.Year},
		New:           side{d.New.Name, d.New.ID, d.New.Title, d.New.Year},
		RulesCompared: d.RulesCompared,
		Criteria:      []node{}, UnitsAdded: []named{}, UnitsRemoved: []named{}, Units: []unit{},
	}
	for _, n := range d.Nodes {
		doc.Criteria = append(doc.Criteria, node{n.Code, n.Kind, n.Old, n.New})
	}
	for _, u := range d.UnitsAdded {
		doc.UnitsAdded = append(doc.UnitsAdded, named{u.ID, u.Name})
	}
	for _, u := range d.UnitsRemoved {
		doc.UnitsRemoved = append(doc.UnitsRemoved, named{u.ID, u.Name})
	}
	places := max(d.Old.Decimals, d.New.Decimals)
	fixed := func(x decimal.Decimal) string { return x.StringFixed(places) }
	for _, u := range d.Units {
		ju := unit{ID: u.New.ID, Name: u.New.Name,
			Rank:   pair{u.Old.Rank, u.New.Rank, u.Up},
			Index:  pair{fixed(u.Old.Index), fixed(u.New.Index), fixed(u.IndexChange)},
			Fields: []field{}}
		for _, f := range u.Fields {
			ju.Fields = append(ju.Fields, field{f.Code, fixed(f.Old), fixed(f.New), fixed(f.Change)})
		}
		doc.Units = append(doc.Units, ju)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}

// Same reports whether d found no change at all.
func (d *Diff) Same() bool {
	if len(d.Nodes) > 0 || len(d.UnitsAdded) > 0 || len(d.UnitsRemoved) > 0 {
		return false
	}
	for _, u := range d.Units {
		if u.Up != 0 || !u.IndexChange.IsZero() {
			return false
		}
		for _, f := range u.Fields {
			if !f.Change.IsZero() {
				return false
			}
		}
	}
	return true
}
