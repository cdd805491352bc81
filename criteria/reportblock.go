package criteria

import (
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"
)

// ReportBlock is the official header and footer that a Vietnamese
// administrative document carries (SPEC §13): who issues it, under which
// decision, where and when, and who signs.
type ReportBlock struct {
	Issuer     []string    // top left, one line each; the last is the issuing office, bold
	Decision   string      // "Kèm theo Quyết định số …", under the title
	Place      string      // "Quảng Nam" in "Quảng Nam, ngày 15 tháng 02 năm 2020"
	Date       time.Time   // zero: the day of the run
	Signatures []Signature // left to right under the table
	// GroupTables asks for one ranking table per group on Tổng hợp,
	// after the whole ranking.
	GroupTables bool
}

// Signature is one signing block: a title (NGƯỜI LẬP BIỂU, GIÁM ĐỐC) over
// a name.
type Signature struct {
	Title, Name string
}

// HasHeader reports whether the block asks for the header rows: an issuer,
// a decision line or a place and date.
func (r *ReportBlock) HasHeader() bool {
	return r != nil && (len(r.Issuer) > 0 || r.Decision != "" || r.Place != "" || !r.Date.IsZero())
}

var (
	reportKeys    = []string{"issuer", "decision", "place", "date", "signatures", "group_tables"}
	signatureKeys = []string{"title", "name"}
)

// maxSignatures is how many signing blocks fit side by side under a table.
const maxSignatures = 4

// reportBlock reads the report: block of criteria.yaml.
func (l *loader) reportBlock(n *yaml.Node) *ReportBlock {
	m := l.mapping(n, "report: ", reportKeys...)
	if m == nil {
		return nil
	}
	r := &ReportBlock{}
	if e, ok := m["issuer"]; ok {
		if e.val.Kind == yaml.ScalarNode {
			if s, ok := l.text(e.val, "report: issuer: "); ok {
				r.Issuer = []string{s}
			}
		} else {
			for i, it := range l.list(e.val, "report: issuer: ") {
				if s, ok := l.text(it, fmt.Sprintf("report: issuer: line %d: ", i+1)); ok {
					r.Issuer = append(r.Issuer, s)
				}
			}
		}
	}
	if e, ok := m["decision"]; ok {
		r.Decision, _ = l.text(e.val, "report: decision: ")
	}
	if e, ok := m["place"]; ok {
		r.Place, _ = l.text(e.val, "report: place: ")
	}
	if e, ok := m["date"]; ok {
		if s, ok := l.text(e.val, "report: date: "); ok {
			d, err := time.Parse("2006-01-02", s)
			if err != nil {
				l.hintf(e.val.Line, "write the date as YYYY-MM-DD, for example 2020-02-15",
					"report: date: %q is not a date", s)
			}
			r.Date = d
		}
	}
	if e, ok := m["signatures"]; ok {
		items := l.list(e.val, "report: signatures: ")
		if len(items) > maxSignatures {
			l.addf(e.val.Line, "report: signatures: %d signatures, at most %d fit under a table", len(items), maxSignatures)
		}
		for i, it := range items {
			what := fmt.Sprintf("report: signature %d: ", i+1)
			sm := l.mapping(it, what, signatureKeys...)
			if sm == nil {
				continue
			}
			sig := Signature{}
			if e, ok := sm["title"]; ok {
				sig.Title, _ = l.text(e.val, what+"title: ")
			} else {
				l.addf(it.Line, "%smissing required key \"title\"", what)
			}
			if e, ok := sm["name"]; ok {
				sig.Name, _ = l.text(e.val, what+"name: ")
			}
			r.Signatures = append(r.Signatures, sig)
		}
	}
	if e, ok := m["group_tables"]; ok {
		r.GroupTables, _ = l.boolean(e.val, "report: group_tables: ")
	}
	return r
}
