package analysis

import (
	"bufio"
	"encoding/json"
	"io"

	"parindex/criteria"
)

// SensitivitySchema names the shape [Sensitivity.WriteJSON] writes.
const SensitivitySchema = "parindex.sensitivity/v1"

type jsonSensitivity struct {
	Schema    string           `json:"schema"`
	Criteria  string           `json:"criteria"`
	Runs      int              `json:"runs"`
	Weights   string           `json:"weights"`
	Seed      uint64           `json:"seed"`
	MeanShift string           `json:"mean_rank_shift"`
	Fields    []jsonField      `json:"fields"`
	Units     []jsonUnitResult `json:"units"`
}

type jsonField struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type jsonUnitResult struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Rank         int    `json:"rank"`
	Median       int    `json:"median_rank"`
	Low          int    `json:"rank_p5"`
	High         int    `json:"rank_p95"`
	Kept         int    `json:"runs_at_rank"`
	Share        string `json:"share_at_rank"`
	WorstDropped int    `json:"worst_rank_field_dropped"`
	WorstField   string `json:"worst_field,omitempty"`
}

// WriteJSON writes s in the parindex.sensitivity/v1 shape: units in rank
// order, shares and the mean shift as decimal strings. set names the
// criteria set analysed.
func (s *Sensitivity) WriteJSON(w io.Writer, set *criteria.Set) error {
	out := jsonSensitivity{
		Schema: SensitivitySchema, Criteria: set.ID, Runs: s.Runs, Weights: s.Spread.String(),
		Seed: s.Seed, MeanShift: s.MeanShift.StringFixed(2),
		Fields: make([]jsonField, len(s.Fields)), Units: make([]jsonUnitResult, len(s.Units)),
	}
	for i, f := range s.Fields {
		out.Fields[i] = jsonField{Code: f.Code, Name: f.Name}
	}
	for i, u := range s.Units {
		ju := jsonUnitResult{ID: u.Unit.ID, Name: u.Unit.Name, Rank: u.Rank, Median: u.Median,
			Low: u.Low, High: u.High, Kept: u.Kept, Share: u.Share.StringFixed(4), WorstDropped: u.WorstDropped}
		if u.WorstField != nil {
			ju.WorstField = u.WorstField.Code
		}
		out.Units[i] = ju
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	return bw.Flush()
}
