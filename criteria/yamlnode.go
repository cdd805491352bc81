package criteria

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// maxNodes bounds how many YAML nodes a reader visits, so that a file of
// nested aliases (a "billion laughs") cannot expand without end.
const maxNodes = 200000

// maxProblems bounds the problems listed for one file; past it they are
// only counted.
const maxProblems = 1000

// reader walks a parsed YAML tree and collects problems with their lines.
type reader struct {
	file    string
	ps      Problems
	more    int // problems past maxProblems
	visited int
	tooBig  *Problem // the file is past maxNodes: the only problem worth showing
	lines   []string // the file's lines, to tell a value that runs on over lines
}

// addf records a problem at line.
func (r *reader) addf(line int, format string, args ...any) {
	r.hintf(line, "", format, args...)
}

// hintf records a problem with a hint.
func (r *reader) hintf(line int, hint, format string, args ...any) {
	if len(r.ps) >= maxProblems {
		r.more++
		return
	}
	if len(r.lines) > 0 && line > len(r.lines) {
		line = len(r.lines) // the library places what ends the file after its last line
	}
	r.ps = append(r.ps, Problem{File: r.file, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// parse reads data into the root node of its only document, reporting a
// syntax error, a second document or an empty file. It never panics.
func (r *reader) parse(data []byte) (root *yaml.Node) {
	defer func() {
		if v := recover(); v != nil {
			r.addf(0, "cannot read the file as YAML: %s", Short(fmt.Sprint(v)))
			root = nil
		}
	}()
	if p := checkSize(data, r.file); p != nil {
		r.ps = append(r.ps, *p)
		return nil
	}
	doc, second, err := decodeYAML(data)
	switch {
	case err != nil:
		r.syntax(data, err)
		return nil
	case doc == nil || len(doc.Content) == 0 || isNull(doc.Content[0]) && doc.Content[0].Value == "":
		// "---" alone, or with comments, holds nothing either.
		r.addf(0, "the file is empty")
		return nil
	case second != nil:
		line := second.Line
		if len(second.Content) > 0 {
			line = second.Content[0].Line
		}
		// An empty second document after a last "---" is placed past the
		// file's end ("0\r---"): point at the file's last line instead.
		if lines, _ := splitLines(data); line > len(lines) {
			line = len(lines)
		}
		r.hintf(line, "the file is one document: remove the --- line and what follows it, or join the two",
			"a second YAML document starts here, after ---")
		return nil
	}
	r.lines, _ = splitLines(data)
	return r.resolve(doc.Content[0])
}

// decodeYAML reads the first document of data and checks that there is
// no other: yaml.Unmarshal reads one and ignores the rest, so that a line
// indented less than the first line would silently end the file there.
// second is the start of a second document, if any.
func decodeYAML(data []byte) (doc, second *yaml.Node, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	doc = &yaml.Node{}
	if err := dec.Decode(doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	next := &yaml.Node{}
	switch err := dec.Decode(next); {
	case errors.Is(err, io.EOF):
		return doc, nil, nil
	case err != nil:
		return nil, nil, err
	}
	return doc, next, nil
}

// resolve follows aliases and counts the node against the budget; nil when
// the budget is spent.
func (r *reader) resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	if n == nil || n.Kind == yaml.AliasNode {
		return nil
	}
	r.visited++
	if r.visited > maxNodes {
		if r.tooBig == nil {
			r.tooBig = &Problem{File: r.file, Line: n.Line,
				Msg: fmt.Sprintf("the file is too large (more than %d values, counting aliases)", maxNodes)}
		}
		return nil
	}
	return n
}

// entry is one key of a YAML mapping.
type entry struct {
	key, val *yaml.Node
}

// mapping reads n as a mapping whose keys must be among known; it reports
// anything else, duplicate keys included. what names n in messages
// ("node \"1.2\": "), ending in ": " or empty.
func (r *reader) mapping(n *yaml.Node, what string, known ...string) map[string]entry {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		r.addf(n.Line, "%sexpected a mapping of keys (key: value), not %s", what, describeNode(n))
		return nil
	}
	out := make(map[string]entry, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := r.resolve(n.Content[i]), n.Content[i+1]
		if k == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			r.addf(k.Line, "%sa key must be a plain word, not %s", what, describeNode(k))
			continue
		}
		name := k.Value
		if prev, dup := out[name]; dup {
			r.hintf(k.Line, "a key appears once in a block; a line that starts the next item of a list begins with \"- \"",
				"%sduplicate key %s (first at line %d)", what, Quote(name), prev.key.Line)
			continue
		}
		if !contains(known, name) {
			r.unknownKey(k, what, name, known)
			continue
		}
		v = r.resolve(v)
		if v == nil {
			continue
		}
		out[name] = entry{k, v}
	}
	return out
}

// unknownKey reports a key that is not among known, with a did-you-mean
// hint when one is close.
func (r *reader) unknownKey(k *yaml.Node, what, name string, known []string) {
	hint := ""
	if near := closest(name, known); near != "" {
		hint = fmt.Sprintf("did you mean %q?", near)
	} else {
		hint = "known keys: " + strings.Join(known, ", ")
	}
	r.hintf(k.Line, hint, "%sunknown key %s", what, Quote(name))
}

// peek returns the text of key in mapping n, so that messages about n can
// name it before it is read; "" when there is none.
func peek(n *yaml.Node, key string) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == key && v.Kind == yaml.ScalarNode && !isNull(v) {
			return strings.TrimSpace(norm.NFC.String(v.Value))
		}
	}
	return ""
}

// describeNode names a node's kind for messages.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "an empty value"
		}
		return Quote(n.Value)
	}
	return "that"
}

// isNull reports whether a scalar is YAML's null (an empty value, ~, null).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// list reads n as a sequence, its items resolved.
func (r *reader) list(n *yaml.Node, what string) []*yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.addf(n.Line, "%sexpected a list, not %s", what, describeNode(n))
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		if c = r.resolve(c); c != nil {
			r.runOn(c, what)
			out = append(out, c)
		}
	}
	return out
}

// runOn reports a list item of plain text that runs on past its line: YAML
// joins to it a line indented further than the item, so that
//
//	aliases:
//	  - Điện Bàn
//	   - TX Điện Bàn
//
// would silently hold the one alias "Điện Bàn - TX Điện Bàn".
func (r *reader) runOn(n *yaml.Node, what string) {
	if n.Kind != yaml.ScalarNode || n.Style != 0 || n.Line < 1 || n.Line > len(r.lines) ||
		strings.Contains(r.lines[n.Line-1], n.Value) {
		return
	}
	r.hintf(n.Line+1, "start each item with \"- \" in the column of the others; a line indented further than an item is read as part of it",
		"%sthe item %s of line %d runs on to this line, which YAML joins to it", what, Quote(n.Value), n.Line)
}

// text reads n as a non-empty scalar, NFC-normalised with surrounding space
// trimmed. ok is false (and a problem reported) otherwise.
func (r *reader) text(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		r.addf(n.Line, "%sexpected text, not %s", what, describeNode(n))
		return "", false
	}
	s := strings.TrimSpace(norm.NFC.String(n.Value))
	if isNull(n) || s == "" {
		r.addf(n.Line, "%s is empty", strings.TrimSuffix(what, ": "))
		return "", false
	}
	return s, true
}

// number reads n's text as a decimal: digits with an optional sign and one
// "." — never through a float.
func (r *reader) number(n *yaml.Node, what string) (decimal.Decimal, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		r.addf(n.Line, "%sexpected a number, not %s", what, describeNode(n))
		return decimal.Zero, false
	}
	s := strings.TrimSpace(n.Value)
	if !plainNumber.MatchString(s) {
		if strings.Contains(s, ",") {
			r.addf(n.Line, "%s%s is not a number (use . as the decimal mark)", what, Quote(n.Value))
		} else {
			r.addf(n.Line, "%s%s is not a number", what, Quote(n.Value))
		}
		return decimal.Zero, false
	}
	if digits := len(s) - strings.Count(s, ".") - strings.Count(s, "+") - strings.Count(s, "-"); digits > maxNumberDigits {
		r.addf(n.Line, "%s%s has %d digits; a number here may have at most %d", what, Quote(s), digits, maxNumberDigits)
		return decimal.Zero, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		r.addf(n.Line, "%s%s is not a number", what, Quote(n.Value))
		return decimal.Zero, false
	}
	return d, true
}

var plainNumber = regexp.MustCompile(`^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$`)

// integer reads n's text as a whole number that fits an int.
func (r *reader) integer(n *yaml.Node, what string) (int, bool) {
	d, ok := r.number(n, what)
	if !ok {
		return 0, false
	}
	if !d.IsInteger() || d.Abs().GreaterThan(decimal.NewFromInt(1_000_000_000)) {
		r.addf(n.Line, "%s%s is not a whole number", what, Quote(n.Value))
		return 0, false
	}
	return int(d.IntPart()), true
}

// boolean reads n's text as true or false.
func (r *reader) boolean(n *yaml.Node, what string) (bool, bool) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(strings.TrimSpace(n.Value)) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	r.addf(n.Line, "%sexpected true or false, not %s", what, describeNode(n))
	return false, false
}

// sorted returns the problems in line order, keeping the order of those on
// one line; for a file past the size budget, the size problem alone.
func (r *reader) sorted() Problems {
	if r.tooBig != nil {
		// The nodes past the budget were never read: what they seem to
		// lack (a code, a name) would be false problems.
		return Problems{*r.tooBig}
	}
	sort.SliceStable(r.ps, func(i, j int) bool { return r.ps[i].Line < r.ps[j].Line })
	if r.more > 0 {
		r.ps = append(r.ps, Problem{File: r.file, Msg: fmt.Sprintf("and %d more problems", r.more)})
	}
	return r.ps
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closest returns the word of known nearest to s, if it is near enough to
// be a typo of it (edit distance at most a third of its length, and 2).
func closest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		limit := min((len([]rune(k))+2)/3, bestD-1)
		if d := EditDistance(strings.ToLower(s), k, limit); d >= 0 {
			best, bestD = k, d
		}
	}
	return best
}
