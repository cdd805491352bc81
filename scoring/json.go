package scoring

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"parindex/criteria"
	"parindex/internal/exact"
)

// Schema names the JSON result's shape (SPEC §6).
const Schema = "parindex.result/v1"

// WriteJSON writes r in the parindex.result/v1 shape, explanations in lang.
// It writes one unit at a time, so a result of 10,000 units is never held
// as one document.
func (r *Result) WriteJSON(w io.Writer, lang criteria.Lang) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	j := jsonWriter{set: r.Set, dec: r.Set.Decimals, lang: lang, grouped: r.Grouped}
	for _, n := range r.Set.Fields {
		j.hasBonus = j.hasBonus || n.Kind == criteria.Bonus
		j.hasPen = j.hasPen || n.Kind == criteria.Penalty
	}
	var b []byte
	b = append(b, `{"schema":`...)
	b = appendString(b, Schema)
	b = append(b, `,"criteria":{"id":`...)
	b = appendString(b, r.Set.ID)
	b = append(b, `,"title":`...)
	b = appendString(b, r.Set.Title)
	b = append(b, `,"year":`...)
	b = strconv.AppendInt(b, int64(r.Set.Year), 10)
	b = append(b, `,"decimals":`...)
	b = strconv.AppendInt(b, int64(r.Set.Decimals), 10)
	b = append(b, `},"units":[`...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	// Units are rendered a batch at a time, the batch split across the
	// processors (a million explanations take seconds on one), and
	// written in rank order while the next batch is rendered.
	err := pipeline(bw, len(r.Units), func(lo int, parts [][]byte) {
		units := r.Units[lo : lo+len(parts)]
		parallelFrom(len(units), 16, func(from, to int) { // a unit is a hundred nodes
			w := j // each goroutine its own copy: j carries no shared buffer
			for k := from; k < to; k++ {
				p := parts[k][:0]
				if lo+k > 0 {
					p = append(p, ',')
				}
				p = append(p, "\n"...)
				parts[k] = w.unit(p, units[k])
			}
		})
	})
	if err != nil {
		return err
	}
	b = append(b[:0], "\n]}\n"...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

// pipeline writes n items to w, rendered a batch at a time by render into
// parts (the items lo to lo+len(parts)), each batch written by a second
// goroutine while the next is rendered: writing a result of 186 MB took
// a tenth of the time with both processors idle but one.
func pipeline(w io.Writer, n int, render func(lo int, parts [][]byte)) error {
	const batch = 128 // at 18 KB a unit of 100 criteria, about 2 MB a batch
	free := make(chan [][]byte, 2)
	for range 2 {
		free <- make([][]byte, min(batch, n))
	}
	jobs := make(chan [][]byte, 1)
	done := make(chan error, 1)
	var failed atomic.Bool
	go func() {
		var err error
		for parts := range jobs {
			for _, p := range parts {
				if err != nil {
					break
				}
				_, err = w.Write(p)
			}
			if err != nil {
				failed.Store(true)
			}
			free <- parts[:cap(parts)]
		}
		done <- err
	}()
	for lo := 0; lo < n && !failed.Load(); lo += batch {
		parts := <-free
		parts = parts[:min(batch, n-lo)]
		render(lo, parts)
		jobs <- parts
	}
	close(jobs)
	return <-done
}

type jsonWriter struct {
	set              *criteria.Set
	dec              int32
	lang             criteria.Lang
	grouped          bool
	hasBonus, hasPen bool
}

func (j *jsonWriter) unit(b []byte, u *UnitResult) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, u.Unit.ID)
	b = append(b, `,"name":`...)
	b = appendString(b, u.Unit.Name)
	if j.grouped {
		b = append(b, `,"group":`...)
		b = appendString(b, u.Unit.Group)
	}
	b = j.field(b, "points", u.Points)
	b = j.field(b, "max", u.Max)
	b = j.field(b, "index", u.Index)
	b = append(b, `,"rank":`...)
	b = strconv.AppendInt(b, int64(u.Rank), 10)
	if j.grouped {
		b = append(b, `,"group_rank":`...)
		b = strconv.AppendInt(b, int64(u.GroupRank), 10)
	}
	switch {
	case len(j.set.Tiers) == 0:
	case u.Tier == "": // below every tier's min
		b = append(b, `,"tier":null`...)
	default:
		b = append(b, `,"tier":`...)
		b = appendString(b, u.Tier)
	}
	b = append(b, `,"by_source":{`...)
	b = j.pair(b, "appraisal", u.Appraisal)
	b = j.field(b, "survey", u.Survey)
	b = append(b, '}')
	if j.hasBonus {
		b = j.field(b, "bonus", u.Bonus)
	}
	if j.hasPen {
		b = j.field(b, "penalty", u.Penalty)
	}
	b = append(b, `,"nodes":[`...)
	for i, n := range u.Nodes {
		if i > 0 {
			b = append(b, ',')
		}
		b = j.node(b, n)
	}
	b = append(b, ']')
	if u.Self != nil {
		b = append(b, `,"self":{`...)
		b = j.pair(b, "points", u.Self.Points)
		b = j.field(b, "index", u.Self.Index)
		b = append(b, '}')
	}
	if p := u.Previous; p != nil {
		b = append(b, `,"previous":{"rank":`...)
		b = strconv.AppendInt(b, int64(p.Rank), 10)
		if !p.NoIndex {
			b = j.field(b, "index", p.Index)
		}
		b = append(b, `,"rank_change":`...)
		b = strconv.AppendInt(b, int64(p.RankChange), 10)
		b = append(b, '}')
	}
	return append(j.unitDecisions(b, u), '}')
}

func (j *jsonWriter) node(b []byte, n *NodeResult) []byte {
	b = append(b, "\n  "...)
	b = append(b, `{"code":`...)
	b = appendString(b, n.Node.Code)
	if n.Applicable {
		// Written from the counts of 10^-decimals the result holds:
		// three million numbers need no decimal made.
		b = j.scaled(b, "points", n.pts)
		b = j.scaled(b, "max", n.max)
		b = j.scaled(b, "index", n.index())
	} else {
		b = append(b, `,"points":null,"max":null,"index":null`...)
	}
	if n.Node.Depth == 0 && n.Node.Kind == criteria.Ordinary && n.Applicable && n.Rank > 0 {
		b = append(b, `,"rank":`...)
		b = strconv.AppendInt(b, int64(n.Rank), 10)
	}
	b = append(b, `,"applicable":`...)
	b = strconv.AppendBool(b, n.Applicable)
	if g := n.GatedBy(); g != "" {
		b = append(b, `,"gated_by":`...)
		b = appendString(b, g)
	}
	if n.Node.IsLeaf() {
		b = append(b, `,"value":`...)
		b = appendString(b, j.value(n))
		b = append(b, `,"explain":`...)
		b = j.appendExplain(b, n)
		b = j.leafDecision(b, n.Decision)
	}
	return append(b, '}')
}

// value writes the value a leaf read: a derived ratio to decimals+2 places,
// a level as its label, anything else as read.
func (j *jsonWriter) value(n *NodeResult) string {
	v := n.Value
	if v.IsLevel() && n.leaf != nil {
		return n.leaf.met.Label(v)
	}
	if v.IsNumber() && n.Node.Rule != nil {
		if m := j.set.Metric(n.Node.Rule.Metric); m != nil && m.Ratio != nil {
			return v.Round(j.dec + 2).StringFixed(j.dec + 2)
		}
	}
	return v.String()
}

// field appends `,"key":"d"` with d at exactly the set's places.
func (j *jsonWriter) field(b []byte, key string, d decimal.Decimal) []byte {
	return j.pair(append(b, ','), key, d)
}

// pair appends `"key":"d"`.
func (j *jsonWriter) pair(b []byte, key string, d decimal.Decimal) []byte {
	b = append(b, '"')
	b = append(b, key...)
	b = append(b, `":"`...)
	b = appendFixed(b, d, j.dec)
	return append(b, '"')
}

// appendFixed appends d with exactly places places. The decimals Score
// makes are integers scaled by 10^-places, written without StringFixed's
// allocations.
func appendFixed(b []byte, d decimal.Decimal, places int32) []byte {
	c, ok := exact.Coef(d)
	if !ok || d.Exponent() != -places || places == 0 {
		return append(b, d.StringFixed(places)...)
	}
	return appendScaled(b, c, places)
}

// scaled appends `,"key":"c × 10^-decimals"`.
func (j *jsonWriter) scaled(b []byte, key string, c int64) []byte {
	if j.dec == 0 {
		return j.field(b, key, decimal.New(c, 0))
	}
	b = append(b, `,"`...)
	b = append(b, key...)
	b = append(b, `":"`...)
	b = appendScaled(b, c, j.dec)
	return append(b, '"')
}

// appendScaled appends c × 10^-places with exactly places places, places
// from 1 to 18.
func appendScaled(b []byte, c int64, places int32) []byte {
	if c == math.MinInt64 {
		return append(b, decimal.New(c, -places).StringFixed(places)...)
	}
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	b = strconv.AppendInt(b, c/exact.Pow10[places], 10)
	b = append(b, '.')
	// The fraction's digits, zero-padded, written in place from the right:
	// three million numbers must not each allocate.
	frac, at := c%exact.Pow10[places], len(b)
	b = append(b, "000000000000000000"[:places]...)
	for i := len(b) - 1; i >= at; i-- {
		b[i] = byte('0' + frac%10)
		frac /= 10
	}
	return b
}

// appendString appends s as a JSON string.
func appendString(b []byte, s string) []byte {
	return append(appendStringBody(append(b, '"'), s), '"')
}

// appendStringBody appends s escaped as inside a JSON string, without the
// quotes.
func appendStringBody(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		return appendStringSlow(b, s)
	}
	// Valid UTF-8, as nearly every string is: copied a run at a time
	// between the bytes that need a look. A million explanations are
	// written at 10,000 units.
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !jsonSpecial[c] {
			continue
		}
		if c == 0xe2 && (i+2 >= len(s) || s[i+1] != 0x80 || s[i+2] != 0xa8 && s[i+2] != 0xa9) {
			continue // another rune than U+2028 and U+2029
		}
		b = append(b, s[start:i]...)
		if c == 0xe2 {
			b = appendStringSlow(b, s[i:i+3])
			i += 2
		} else {
			b = appendStringSlow(b, s[i:i+1])
		}
		start = i + 1
	}
	return append(b, s[start:]...)
}

// jsonSpecial marks the bytes appendStringBody must look at: control
// characters, the quote and backslash, and the first byte of U+2028 and
// U+2029, which JavaScript does not allow in a string.
var jsonSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'], t[0xe2] = true, true, true
	return t
}()

// appendStringSlow is appendStringBody a rune at a time, for a string that
// is not valid UTF-8: each bad byte becomes U+FFFD.
func appendStringSlow(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, `\u202`...)
			b = append(b, hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// LastYear is last year's result as ReadLastYear reads it: which criteria
// set it was scored on, and each unit's standing.
type LastYear struct {
	CriteriaID string
	Title      string
	Year       int
	Units      map[string]criteria.Previous // by unit id
}

// ReadLastYear reads last year's result, as WriteJSON wrote it, with the
// criteria set it names, so that a caller can warn when it is not last
// year's. file names the input in messages.
func ReadLastYear(r io.Reader, file string) (*LastYear, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxPreviousSize+1))
	if err != nil {
		return nil, criteria.Problems{{File: file, Msg: err.Error()}}
	}
	if len(data) > MaxPreviousSize {
		return nil, criteria.Problems{PreviousTooLarge(file)}
	}
	var doc struct {
		Schema   *string `json:"schema"`
		Criteria struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			Year  int    `json:"year"`
		} `json:"criteria"`
		Units []struct {
			ID    string `json:"id"`
			Rank  int    `json:"rank"`
			Index string `json:"index"`
		} `json:"units"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
			return nil, criteria.Problems{{File: file, Line: line, Msg: "not valid JSON: " + se.Error(),
				Hint: "give the file parindex score --json wrote last year"}}
		}
		msg := "not a parindex result"
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			line := 1 + bytes.Count(data[:min(int(te.Offset), len(data))], []byte("\n"))
			return nil, criteria.Problems{{File: file, Line: line,
				Msg:  fmt.Sprintf("%s: %q holds a %s where a %s belongs", msg, te.Field, te.Value, jsonKind(te.Type.Kind().String())),
				Hint: "give the file parindex score --json wrote last year"}}
		}
		return nil, criteria.Problems{{File: file, Msg: msg, Hint: "give the file parindex score --json wrote last year"}}
	}
	if doc.Schema == nil || *doc.Schema != Schema {
		got := "no schema"
		if doc.Schema != nil {
			got = fmt.Sprintf("schema %q", *doc.Schema)
		}
		return nil, criteria.Problems{{File: file, Msg: fmt.Sprintf("%s, want %q", got, Schema),
			Hint: "give the file parindex score --json wrote last year"}}
	}
	var ps criteria.Problems
	lines := unitLines(data)
	bad := func(i int, format string, args ...any) {
		pr := criteria.Problem{File: file, Msg: fmt.Sprintf(format, args...)}
		if i < len(lines) {
			pr.Line = lines[i]
		}
		ps.Append(pr)
	}
	out := make(map[string]criteria.Previous, len(doc.Units))
	for i, u := range doc.Units {
		idx, ok := indexNumber(u.Index)
		switch {
		case u.ID == "":
			bad(i, "unit %d has no id", i+1)
			continue
		case !ok:
			bad(i, "unit %s: index %s is not a number", criteria.Quote(u.ID), criteria.Quote(u.Index))
			continue
		case u.Rank < 1:
			bad(i, "unit %s: rank %d is not a rank", criteria.Quote(u.ID), u.Rank)
			continue
		}
		if _, dup := out[u.ID]; dup {
			bad(i, "unit %s appears twice", criteria.Quote(u.ID))
		}
		out[u.ID] = criteria.Previous{Rank: u.Rank, Index: idx}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return &LastYear{CriteriaID: doc.Criteria.ID, Title: doc.Criteria.Title, Year: doc.Criteria.Year, Units: out}, nil
}

// MaxPreviousSize is the largest previous.json read, in bytes: the result
// of 10,000 units × 100 criteria, explanations and all, is 173 MB.
const MaxPreviousSize = 256 << 20

// PreviousTooLarge is the problem of a previous.json past MaxPreviousSize.
func PreviousTooLarge(file string) criteria.Problem {
	return criteria.Problem{File: file,
		Msg:  fmt.Sprintf("the file is larger than %d MiB, the limit for last year's result", MaxPreviousSize>>20),
		Hint: "give the file parindex score --json wrote last year"}
}

// indexNumber reads an index as WriteJSON writes it: digits with an
// optional sign and point, at most 40 characters. An exponent is refused:
// "1e999999999" is no index, and writing it out would take a billion
// digits.
func indexNumber(s string) (decimal.Decimal, bool) {
	if len(s) == 0 || len(s) > 40 || strings.ContainsAny(s, "eE") {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// unitLines returns the line on which each element of the top-level
// "units" array starts, for messages; nil when the document cannot be
// walked (it has been decoded already, so that is not an error here).
func unitLines(data []byte) []int {
	dec := json.NewDecoder(bytes.NewReader(data))
	// Offsets only grow: each unit's line is counted on from the last,
	// not from the start of the file again, which made 8,000 units slow.
	line, counted := 1, 0
	lineAt := func(off int64) int {
		end := min(int(off), len(data))
		line += bytes.Count(data[counted:end], []byte("\n"))
		counted = end
		return line
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil
		}
		if key != "units" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return nil
		}
		var lines []int
		for dec.More() {
			// InputOffset is just past the previous element (or "["):
			// the element starts at the next non-space, non-comma byte
			off := dec.InputOffset()
			for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
				off++
			}
			lines = append(lines, lineAt(off))
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return lines
			}
		}
		return lines
	}
	return nil
}

// jsonKind names a Go kind as JSON calls it.
func jsonKind(k string) string {
	switch k {
	case "int", "int64", "float64":
		return "number"
	case "struct", "map":
		return "object"
	case "slice", "array":
		return "list"
	}
	return k
}
