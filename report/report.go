// Package report writes the Excel workbooks of an assessment: the meeting
// workbook of a scored result ([Write]) and the data-collection workbooks
// the units fill in ([WriteTemplate], [WriteUnitTemplate]).
//
// # The meeting workbook
//
// Sheets, in order: Tổng hợp (the ranking; with the set's report: block,
// the official header and signatures), Biểu đồ (a bar chart of the index),
// Theo lĩnh vực (each field's points, index and rank), Chi tiết (every
// node's points for every unit), one sheet for each of the first
// [DefaultUnitSheets] units by rank (or as many as Options.UnitSheets
// says), Bộ tiêu chí (the criteria and their rules in words) and Thông tin
// (the criteria set, engine version, input files and warnings). Every
// number is a numeric cell holding the engine's exact decimal, shown with
// the set's decimal places; every sheet prints on A4 landscape, its
// header rows repeated on each page: one page wide, or, when that would be
// too small to read, across pages with its first columns repeated.
// [WriteUnitReport] writes the small workbook sent back to one unit.
//
// The large sheets are written with excelize's stream writer, so that a
// province's communes, or ten thousand units, take little memory.
package report

import (
	"fmt"
	"io"
	"slices"
	"time"

	"parindex/analysis"
	"parindex/criteria"
	"parindex/scoring"
	"parindex/workspace"
)

// InputFile is one file an assessment read, with its SHA-256 in hex.
type InputFile struct{ Name, SHA256 string }

// Options says how to write the meeting workbook.
type Options struct {
	Lang     criteria.Lang                // criteria.Vietnamese (default when empty) or criteria.English
	Version  string                       // engine version, shown on Thông tin
	Inputs   []InputFile                  // every input file with its SHA-256, shown on Thông tin
	Evidence map[string]map[string]string // unit id → metric id → evidence/note text, shown on unit sheets
	// UnitNotes holds the note columns of a wide table by unit id
	// (metrics.Table.UnitNotes): "Ghi chú: …", for the unit sheets.
	UnitNotes map[string]string
	// WarningsVI gives a warning's Vietnamese text by its English text:
	// a Vietnamese report shows that, and a warning it lacks as it is.
	WarningsVI map[string]string
	// Now is when the report is made, shown on Thông tin and the default
	// date of the official header; the clock when zero.
	Now time.Time
	// UnitSheets is how many units, first by rank, get a sheet each:
	// DefaultUnitSheets when 0, none when negative.
	UnitSheets int

	// Sensitivity, when set, adds the sheet Độ nhạy and records its seed
	// on Thông tin.
	Sensitivity *analysis.Sensitivity
}

// WorkspaceOptions is what a workbook of ws shows besides its result, as
// parindex score and the web page write it: the language, the engine
// version, every input with its SHA-256, the warnings in Vietnamese, and
// the evidence and note columns of the appraised values.
func WorkspaceOptions(ws *workspace.Workspace, lang criteria.Lang, version string) Options {
	o := Options{Lang: lang, Version: version, WarningsVI: ws.WarningsVI}
	for _, in := range ws.Inputs {
		o.Inputs = append(o.Inputs, InputFile{Name: in.Name, SHA256: in.SHA256})
	}
	if ws.Metrics != nil {
		o.Evidence = ws.Metrics.Notes
		o.UnitNotes = ws.Metrics.UnitNotes
	}
	return o
}

// Write writes the meeting workbook of res to w.
func Write(w io.Writer, res *scoring.Result, opts Options) error {
	if res == nil || res.Set == nil {
		return fmt.Errorf("report: no result to write")
	}
	b := newBook(res.Set, opts.Lang)
	b.now = madeAt(opts.Now)
	defer b.f.Close()
	l := b.l
	steps := []func() error{
		func() error { return b.writeSummary(res) },
		func() error { return b.writeByField(res) },
		func() error { return b.writeDetails(res) },
	}
	if opts.Sensitivity != nil { // after Theo lĩnh vực
		steps = slices.Insert(steps, 2, func() error { return b.writeSensitivity(res, opts.Sensitivity) })
	}
	if sheets := unitSheetCount(opts.UnitSheets, len(res.Units)); sheets > 0 {
		names := newSheetNames(l.summary, l.chartSheet, l.byField, l.details, l.criteriaSheet, l.info,
			decisionLabelsFor(opts.Lang).sheet, sensFor(b.lang).sheet)
		hasSelf := false
		for _, u := range res.Units {
			hasSelf = hasSelf || u.Self != nil
		}
		for _, u := range res.Units[:sheets] {
			name := names.name(u.Unit.Name)
			v := unitView{res: res, evidence: opts.Evidence[u.Unit.ID], hasSelf: hasSelf, hasEvidence: hasEvidence(opts.Evidence),
				note: opts.UnitNotes[u.Unit.ID]}
			steps = append(steps, func() error { return b.writeUnit(name, u, v) })
		}
	}
	if len(res.Decisions) > 0 {
		steps = append(steps, func() error { return b.writeDecisions(res) })
	}
	steps = append(steps, b.writeCriteria, func() error { return b.writeInfo(res, opts) })
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("writing the report: %w", err)
		}
	}
	if err := b.write(w); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return nil
}

// hasEvidence reports whether any unit has a note for any metric.
func hasEvidence(ev map[string]map[string]string) bool {
	for _, notes := range ev {
		for _, n := range notes {
			if n != "" {
				return true
			}
		}
	}
	return false
}
