package analysis

import (
	"parindex/criteria"
	"parindex/scoring"
)

// WhatIf is an assessment scored again with changes on top of its values
// and the council's decisions (SPEC §10): the question of an appeal, "if
// this one score were changed, who would move?".
type WhatIf struct {
	// Result is the changed assessment, in its new rank order; each unit's
	// WhatIf holds its standing in Base.
	Result *scoring.Result
	// Base is the assessment as it stands, decisions applied.
	Base *scoring.Result
	// Moved lists the units whose rank changed, in the new rank order.
	Moved []*scoring.UnitResult
}

// RunWhatIf scores in as it stands and again with changes applied after
// its decisions, each a row as a decision would be. Where no change can
// move another unit's points, only the changed units are scored again and
// every unit ranked again (scoring.Rescore); a change to a metric a
// relative or minmax rule reads moves every unit's points, and then the
// whole assessment is scored again. A change that cannot be applied
// (points on a criterion that does not apply, a ratio above 100%…) is
// returned as criteria.Problems placed at the change.
func RunWhatIf(in scoring.Input, changes []criteria.Decision) (*WhatIf, error) {
	return runWhatIf(in, changes, true, false)
}

// RunWhatIfStandings is RunWhatIf for a caller that shows standings only,
// as the terminal's table does: the units the changes do not name keep
// their standing and no node results (scoring.Input's Standings). At
// 10,000 units it spares a million node results.
func RunWhatIfStandings(in scoring.Input, changes []criteria.Decision) (*WhatIf, error) {
	return runWhatIf(in, changes, true, true)
}

// runWhatIf is RunWhatIf, with fast false to score the whole assessment
// again whatever the changes, which tests compare the fast path with, and
// standings true for RunWhatIfStandings.
func runWhatIf(in scoring.Input, changes []criteria.Decision, fast, standings bool) (*WhatIf, error) {
	in.Steps, in.Before = false, nil
	if standings {
		in.Standings, in.Detail = true, map[string]bool{}
		for _, d := range changes {
			if d.Unit != nil {
				in.Detail[d.Unit.ID] = true
			}
		}
	}
	base, err := scoring.Score(in)
	if err != nil {
		return nil, err
	}
	if fast {
		res, ok, err := scoring.Rescore(in, base, changes)
		if err != nil {
			return nil, err
		}
		if ok {
			return compare(res, base), nil
		}
	}
	changed := in
	changed.Decisions = append(append([]criteria.Decision{}, in.Decisions...), changes...)
	if len(in.Decisions) == 0 && !in.DecisionsGiven {
		// base is the folder scored without any decision: what the
		// changed run would score first.
		changed.Before = base
	}
	res, err := scoring.Score(changed)
	if err != nil {
		return nil, err
	}
	// The changes are not the council's: what the result records of the
	// decisions is what it recorded before them.
	res.Decisions = base.Decisions
	return compare(res, base), nil
}

// compare records in res each unit's standing in base, and who moved.
func compare(res, base *scoring.Result) *WhatIf {
	wi := &WhatIf{Result: res, Base: base}
	for _, u := range res.Units {
		b := base.Unit(u.Unit.ID)
		u.BeforeDecisions = b.BeforeDecisions
		u.WhatIf = &scoring.Standing{Points: b.Points, Index: b.Index, Rank: b.Rank}
		if u.Rank != b.Rank {
			wi.Moved = append(wi.Moved, u)
		}
	}
	return wi
}
