package criteria

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The hints of syntax problems, shared by several causes.
const (
	tabHint    = "indent with spaces only: replace the tabs at the start of the line with spaces (editors call it converting indentation to spaces)"
	indentHint = "the keys of one block, and the \"- \" of the items of one list, start in the same column; a block under a key is indented further than the key"
	quoteHint  = "put the value in double quotes, as name: \"Tỷ lệ: hồ sơ đúng hạn\""
	flowHint   = "close { with } and [ with ] on the same line, and inside them put a value holding a comma, colon, brace, bracket or quote mark in double quotes"
)

// maxTabLines bounds the lines listed as indented with a tab.
const maxTabLines = 20

// syntax records why data is not YAML, in words a person editing the file
// in Notepad understands and at the line that person must fix. The YAML
// library names the line where the enclosing block begins (the parent of
// the line at fault, and counted from 0 for some errors) and speaks of
// tokens and indicators; err is what it said.
func (r *reader) syntax(data []byte, err error) {
	msg, libLine := libraryError(err)
	if m, hint, ok := notText(data, msg); ok {
		r.hintf(0, hint, "%s", m)
		return
	}
	lines, ends := splitLines(data)
	content := contentLines(lines)
	var tabs []int
	for _, i := range content {
		if strings.Contains(lines[i][:indentWidth(lines[i])], "\t") {
			tabs = append(tabs, i+1)
		}
	}
	for i, n := range tabs {
		if i == maxTabLines {
			r.addf(0, "and %d more lines indented with a tab", len(tabs)-i)
			break
		}
		r.hintf(n, tabHint, "the line is indented with a tab; YAML indents with spaces only")
	}
	if len(tabs) > 0 {
		return
	}
	line := libLine
	switch {
	case strings.Contains(msg, "did not find expected ',' or"):
		line = libLine + 1 // the line the { or [ opens on, counted from 0
	case strings.HasPrefix(msg, "unknown anchor '"):
		// Said without a line: the first line naming the alias.
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		for _, i := range content {
			if strings.Contains(lines[i], "*"+name) {
				line = i + 1
				break
			}
		}
	case strings.HasPrefix(msg, "did not find expected"):
		// A parser error, given at the line its block starts on.
		if k := faultLine(data, lines, ends, content, msg); k > 0 {
			line = k
		}
	}
	line = min(max(line, 0), len(lines))
	for _, i := range content {
		if i >= line {
			break
		}
		if m, hint := quoteTrouble(lines[i]); m != "" {
			r.hintf(i+1, hint, "%s", m)
			return
		}
	}
	at, m, hint := explainSyntax(msg, lines, line)
	r.hintf(at, hint, "%s", m)
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// libraryError splits a YAML library error into its words and the line it
// gives, 0 when none.
func libraryError(err error) (string, int) {
	msg := strings.TrimSpace(err.Error())
	if first, _, ok := strings.Cut(msg, "\n"); ok {
		msg = first
	}
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return msg, 0
	}
	line, _ := strconv.Atoi(m[1])
	return m[2], line
}

// notText recognises a file that is not UTF-8 text at all: a workbook
// given as criteria.yaml, or a file saved in a legacy encoding.
func notText(data []byte, msg string) (m, hint string, ok bool) {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "the file is a workbook or another zip file, not YAML text",
			"this file is text written with a text editor (Notepad, VS Code): check that the right file is named", true
	case bytes.IndexByte(data, 0) >= 0 && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return "the file is not text: it holds zero bytes",
			"this file is text written with a text editor (Notepad, VS Code): check that the right file is named", true
	case strings.Contains(msg, "UTF-8") || strings.Contains(msg, "invalid Unicode") || strings.Contains(msg, "control characters"):
		return "the file is not UTF-8 text",
			"save it as UTF-8 (in Notepad: File → Save As → Encoding: UTF-8)", true
	}
	return "", "", false
}

// splitLines returns the lines of data without their line ends, a
// byte-order mark dropped, and where each line ends in data (after its
// line end). Lines end as YAML ends them, so that line numbers agree with
// the library's: at \n, \r\n, a lone \r (old Mac files) and the Unicode
// breaks NEL, LS and PS.
func splitLines(data []byte) (lines []string, ends []int) {
	start := 0
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		start = 3
	}
	text := string(data) // one copy: the lines are slices of it
	from := start
	for i := start; i < len(data); {
		if c := data[i]; c != '\n' && c != '\r' && c != 0xc2 && c != 0xe2 {
			i++ // no line break starts with any other byte
			continue
		}
		n := 0
		switch {
		case data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n':
			n = 2
		case data[i] == '\n' || data[i] == '\r':
			n = 1
		case bytes.HasPrefix(data[i:], []byte("\u0085")):
			n = 2
		case bytes.HasPrefix(data[i:], []byte("\u2028")), bytes.HasPrefix(data[i:], []byte("\u2029")):
			n = 3
		}
		if n == 0 {
			i++
			continue
		}
		lines = append(lines, text[from:i])
		ends = append(ends, i+n)
		i += n
		from = i
	}
	if from < len(data) || len(lines) == 0 {
		lines = append(lines, text[from:])
		ends = append(ends, len(data))
	}
	return lines, ends
}

// blockScalar matches a line that starts a literal or folded block (key: |
// or - >-), whose deeper lines are text, tabs and quotes allowed.
var blockScalar = regexp.MustCompile(`(?:^|:|-)[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$`)

// contentLines returns the indexes of the lines that hold YAML — not
// blank, not a comment, not the text of a literal or folded block.
func contentLines(lines []string) []int {
	var out []int
	scalarIndent := -1 // the indentation of a block's header; -1 outside one
	for i, l := range lines {
		ind := indentWidth(l)
		body := l[ind:]
		if body == "" {
			continue
		}
		if scalarIndent >= 0 && ind > scalarIndent {
			continue
		}
		scalarIndent = -1
		if strings.HasPrefix(body, "#") {
			continue
		}
		out = append(out, i)
		if blockScalar.MatchString(l) {
			scalarIndent = ind
		}
	}
	return out
}

// indentWidth counts the spaces and tabs a line starts with.
func indentWidth(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// quoteTrouble finds a quoted value on a line that the line does not
// close, or that text follows: the usual reasons a line of
// name: 'Điện Bàn's office' or code: "1.1 breaks the file.
func quoteTrouble(text string) (msg, hint string) {
	start := true // a value may begin here
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ' ':
		case c == '#' && (i == 0 || text[i-1] == ' '):
			return "", ""
		case start && (c == '"' || c == '\''):
			j := closingQuote(text, i)
			if j < 0 {
				return "the quoted text that starts on the line is not closed on it",
					"end it with the quote mark it starts with; inside '…' write a ' as '', inside \"…\" a \" as \\\""
			}
			rest := strings.TrimLeft(text[j+1:], " ")
			if rest != "" && !strings.ContainsRune(",}]:#", rune(rest[0])) {
				return "text follows the closing quote of a value",
					"a value in quotes ends at its closing quote: inside '…' write a ' as '' ('Điện Bàn''s'), or quote the whole value in \"…\""
			}
			i, start = j, false
		case c == '-' && start && (i+1 == len(text) || text[i+1] == ' '),
			c == '{' || c == '[' || c == ',',
			c == ':' && (i+1 == len(text) || text[i+1] == ' '):
			start = true
		default:
			start = false
		}
	}
	return "", ""
}

// closingQuote returns the index of the quote that closes the one at i,
// or -1: in "…" a backslash escapes the next character; in '…' a quote is
// written twice.
func closingQuote(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case q == '"' && s[j] == '\\':
			j++
		case s[j] == q && q == '\'' && j+1 < len(s) && s[j+1] == '\'':
			j++
		case s[j] == q:
			return j
		}
	}
	return -1
}

// Bounds on the search for the line at fault, which may read the file cut
// after a line once for each line it tries.
const (
	maxSuspects   = 8         // lines that look wrong, tried first
	maxSearchSize = 256 << 10 // past it, the file is not read again
)

// faultLine returns the first line k such that the file cut after line k
// fails as the whole file does (with the same words): the line at which
// the mistake is made. The lines that look wrong (see suspects) are tried
// first: each on its own under the lines that open its blocks, which is
// quick however long the file; then, in a file of a usual size, each by
// reading the file up to it; then every line, by halving, since a file
// that fails so at some line fails so with every line after it added. 0
// when none of these finds it.
func faultLine(data []byte, lines []string, ends []int, content []int, msg string) int {
	failsSo := func(b []byte) bool {
		_, _, err := decodeYAML(b)
		if err == nil {
			return false
		}
		m, _ := libraryError(err)
		return m == msg
	}
	sus := suspects(lines, content)
	if len(sus) > maxSuspects {
		sus = sus[:maxSuspects]
	}
	for _, k := range sus {
		chain := openLines(lines, k)
		var b strings.Builder
		for j := len(chain) - 1; j >= 0; j-- {
			b.WriteString(lines[chain[j].line-1] + "\n")
		}
		opened := b.Len()
		b.WriteString(lines[k-1] + "\n")
		if failsSo([]byte(b.String())) && !failsSo([]byte(b.String()[:opened])) {
			return k
		}
	}
	if len(data) > maxSearchSize {
		return 0
	}
	fails := func(k int) bool { return k >= 1 && failsSo(data[:ends[min(k, len(ends))-1]]) }
	for _, k := range sus {
		if fails(k) && !fails(k-1) {
			return k
		}
	}
	lo, hi := 1, len(ends)
	if !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// explainSyntax words the library's msg about a line (from 1) and returns
// the line to fix — another one, for some mistakes of indentation — and a
// hint.
func explainSyntax(msg string, lines []string, line int) (int, string, string) {
	body := ""
	if line > 0 {
		body = strings.TrimLeft(lines[line-1], " ")
	}
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		if key, ok := colonInValue(body); ok {
			return line, fmt.Sprintf("the value of %s holds \": \", which YAML reads as the start of another key", Quote(key)), quoteHint
		}
		return indentation(lines, line)
	case strings.Contains(msg, "did not find expected '-' indicator"),
		strings.Contains(msg, "did not find expected key"),
		strings.Contains(msg, "did not find expected node content"),
		strings.Contains(msg, "did not find expected <document start>"),
		strings.Contains(msg, "block sequence entries are not allowed"):
		return indentation(lines, line)
	case strings.Contains(msg, "could not find expected ':'"):
		if key, value, ok := strings.Cut(stripComment(body), ":"); ok && value != "" && value[0] != ' ' {
			return line, fmt.Sprintf("the colon after %s has no space after it, so YAML reads the line as one word", Quote(strings.TrimLeft(key, "- "))),
				"put a space after the colon, as max: 1"
		}
		return line, "the line has no colon: a key and its value are written key: value",
			"put a colon and a space after the key; a value continued from the line above is indented further than its key"
	case strings.Contains(msg, "cannot start any token"):
		if c := reservedStart(body); c != "" {
			return line, fmt.Sprintf("a value on the line starts with %s, which YAML keeps for itself", c), quoteHint
		}
	case strings.Contains(msg, "did not find expected alphabetic or numeric character"),
		strings.Contains(msg, "unknown anchor"):
		return line, "a value on the line starts with * or &, which YAML reads as a reference to another part of the file", quoteHint
	case strings.Contains(msg, "did not find expected ',' or"):
		open, close := "{", "}"
		if strings.HasSuffix(msg, "']'") {
			open, close = "[", "]"
		}
		if key, ok := colonInFlow(body); ok {
			return line, fmt.Sprintf("the value of %s holds \": \", which YAML reads as the start of another key", Quote(key)), quoteHint
		}
		if strings.Count(body, open) > strings.Count(body, close) {
			return line, fmt.Sprintf("the %s opened on the line is not closed on it", open), flowHint
		}
		return line, fmt.Sprintf("the %s … %s on the line does not read as YAML", open, close), flowHint
	case strings.Contains(msg, "found unexpected end of stream"):
		return line, "the quoted text that starts on the line is never closed",
			"end it with the quote mark it starts with; inside '…' write a ' as ''"
	case strings.Contains(msg, "unknown escape character"), strings.Contains(msg, "did not find expected hexdecimal"):
		return line, "a \\ in double-quoted text starts an escape YAML does not know",
			"in \"…\" write a backslash as \\\\, or put the text in single quotes"
	}
	return line, "the line is not valid YAML (" + Short(msg) + ")",
		"check the indentation (spaces only; one column for the keys of a block), and quote a value holding \": \" or starting with a sign such as @ or *"
}

// colonInValue reports whether a "key: value" line's value holds ": " or
// ends in ":" — a colon YAML takes for a second key — and returns the key.
func colonInValue(body string) (string, bool) {
	body = strings.TrimLeft(strings.TrimPrefix(body, "-"), " ")
	key, value, ok := strings.Cut(body, ": ")
	if !ok || strings.ContainsAny(key, "\"'{[") {
		return "", false
	}
	value = strings.TrimSpace(stripComment(value))
	if value == "" || strings.ContainsAny(value[:1], "{[\"'") {
		return "", false // a value in braces or quotes may hold colons
	}
	return strings.TrimSpace(key), strings.Contains(value, ": ") || strings.HasSuffix(value, ":")
}

// colonInFlow reports whether a value between { } or [ ] on a line holds
// an unquoted ": ", and returns its key.
func colonInFlow(body string) (string, bool) {
	for _, seg := range strings.FieldsFunc(body, func(r rune) bool { return strings.ContainsRune("{}[],", r) }) {
		if strings.ContainsAny(seg, "\"'") {
			continue
		}
		if key, value, ok := strings.Cut(seg, ": "); ok && strings.Contains(value, ": ") {
			return strings.TrimSpace(key), true
		}
	}
	return "", false
}

// stripComment drops a trailing # comment.
func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}

// reservedStart returns the character YAML keeps for itself that begins a
// value on a line (quoted, as `"@"`), or "".
func reservedStart(body string) string {
	for _, s := range []string{body, strings.TrimLeft(strings.TrimPrefix(body, "-"), " ")} {
		if s != "" && strings.ContainsRune("@`%", rune(s[0])) {
			return strconv.Quote(s[:1])
		}
		if _, v, ok := strings.Cut(s, ": "); ok {
			v = strings.TrimLeft(v, " ")
			if v != "" && strings.ContainsRune("@`%", rune(v[0])) {
				return strconv.Quote(v[:1])
			}
		}
	}
	return ""
}
