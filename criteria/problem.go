package criteria

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with an input, and where it is.
type Problem struct {
	File string // file name as the user gave it, e.g. "metrics.csv"
	Line int    // 1-based line; 0 when the place is a cell or unknown
	Cell string // "Sheet1!C5" in a workbook; empty otherwise
	Msg  string // lowercase, no trailing punctuation
	Hint string // optional advice on how to fix it
	// Omitted, when above 0, makes this entry stand for that many problems
	// past the first MaxListed, which are counted but not kept.
	Omitted int
}

// MaxListed is the most problems a list keeps (SPEC §12): a sheet of a
// million bad rows must not become a million lines, nor hold them all in
// memory. The rest are only counted, in one last entry.
const MaxListed = 200

// Error formats the problem as "file:line: msg" or "file: Sheet!A1: msg".
func (p Problem) Error() string {
	if p.Omitted > 0 {
		return fmt.Sprintf("… and %d more %s", p.Omitted, pluralProblems(p.Omitted))
	}
	var b strings.Builder
	b.WriteString(p.File)
	switch {
	case p.Line > 0:
		fmt.Fprintf(&b, ":%d", p.Line)
	case p.Cell != "":
		b.WriteString(": ")
		b.WriteString(p.Cell)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every problem found in a set of inputs. Readers collect them
// all rather than stopping at the first.
type Problems []Problem

// Error lists every problem, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Count returns how many problems ps stands for: those listed and those
// counted past MaxListed.
func (ps Problems) Count() int {
	n := len(ps)
	if n > 0 && ps[n-1].Omitted > 0 {
		n += ps[n-1].Omitted - 1
	}
	return n
}

// Append adds problems to ps, keeping the first MaxListed and counting the
// rest in a last entry whose Omitted says how many there are. A list that
// was capped itself adds its count.
func (ps *Problems) Append(more ...Problem) {
	for _, p := range more {
		list := *ps
		n := len(list)
		switch {
		case n > 0 && list[n-1].Omitted > 0:
			list[n-1].Omitted += max(p.Omitted, 1)
		case p.Omitted == 0 && n < MaxListed:
			*ps = append(list, p)
		default:
			*ps = append(list, Problem{Omitted: max(p.Omitted, 1)})
		}
	}
}

func pluralProblems(n int) string {
	if n == 1 {
		return "problem"
	}
	return "problems"
}

// Err returns ps as an error, or nil when there is no problem.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Hints returns the distinct hints of ps, in order.
func (ps Problems) Hints() []string {
	var hints []string
	seen := map[string]bool{}
	for _, p := range ps {
		if p.Hint != "" && !seen[p.Hint] {
			seen[p.Hint] = true
			hints = append(hints, p.Hint)
		}
	}
	return hints
}

// Add appends a problem at file:line.
func (ps *Problems) Add(file string, line int, format string, args ...any) {
	ps.Append(Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}
