package criteria

import (
	"strings"
	"testing"
)

// syntaxCase is a realistic mistake made on one line of
// testdata/syntax/base.yaml, and the problem it must give: the line a
// person must fix, words of the message, and words of its hint.
type syntaxCase struct {
	name   string
	line   int                 // the line of base.yaml changed
	change func(string) string // how
	at     int                 // the line the problem must name
	msg    string              // the whole message
	hint   string              // words the hint must hold
}

func replace(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

func dedent(n int) func(string) string { return func(s string) string { return s[n:] } }

func indent(n int) func(string) string {
	return func(s string) string { return strings.Repeat(" ", n) + s }
}

var syntaxCases = []syntaxCase{
	{"a tab for the indentation", 22, func(s string) string { return "\t" + strings.TrimLeft(s, " ") }, 22,
		"the line is indented with a tab; YAML indents with spaces only", "replace the tabs"},
	{"spaces then a tab", 22, func(s string) string { return "    \t" + strings.TrimLeft(s, " ") }, 22,
		"the line is indented with a tab; YAML indents with spaces only", "spaces only"},
	{"a key one space short", 22, dedent(1), 22,
		"the line is indented 7 spaces, which lines up with no line above it (line 21 is indented 8 spaces)", "indent it 8 spaces like line 21"},
	{"a key in the column of the items' dash", 22, dedent(2), 22,
		`the line lines up with the "- " of the list item on line 20 but does not start with "- "`, "indent the line 8 spaces"},
	{"a key back in its parent's column", 22, dedent(4), 22,
		"the line is indented 4 spaces, less than the lines around it (lines 21 and 23 are indented 8 spaces)", "indent it 8 spaces like them"},
	{"a key one space too far", 22, indent(1), 22,
		"the line is indented further than line 21 above it, which already has its value", "indent it 8 spaces like line 21"},
	{"a key two spaces too far", 22, indent(2), 22,
		"the line is indented further than line 21 above it, which already has its value", "a block under a key"},
	{"a nested key back one level", 29, dedent(2), 29,
		"the line is indented 8 spaces, less than the lines around it (lines 28 and 30 are indented 10 spaces)", "indent it 10 spaces"},
	{"an item one space short", 24, dedent(1), 24,
		"the line is indented 5 spaces, which lines up with no line above it (line 20 is indented 6 spaces)", "indent it 6 spaces like line 20"},
	{"an item one space too far", 24, indent(1), 24,
		"the line is indented 7 spaces, which lines up with no line above it (line 20 is indented 6 spaces)", "indent it 6 spaces like line 20"},
	{"an item in the column of the keys", 24, indent(2), 24,
		"the list item is indented 8 spaces like the key on line 23, which already has its value", `indent the "- " 6 spaces like the item on line 20`},
	{"a band one space short", 32, dedent(1), 32,
		"the line is indented 11 spaces, which lines up with no line above it (line 31 is indented 12 spaces)", "indent it 12 spaces"},
	{"a top-level key one space in", 15, indent(1), 15,
		"the line is indented 1 space, which lines up with no line above it (line 7 is indented 0 spaces)", "start it in the first column like line 7"},
	{"the first line indented", 1, indent(2), 1,
		"the file's first line is indented 2 spaces, and line 2 further left ends the file there", "first column"},
	{"a flow item without its dash", 14, replace("- ", "  "), 14,
		`the line looks like an item of the list above but does not start with "- "`, `start it with "- "`},
	{"a key under an item written in braces", 14, func(s string) string { return s + "\n    default: 0" }, 15,
		"the line is indented like the inside of the list item on line 14, which is whole on its own line", "inside that item's { … }"},
	{"a dash without its space", 24, replace("- code", "-code"), 24,
		`the line lines up with the "- " of the list item on line 20 but does not start with "- "`, `a space after the "-"`},
	{"an unquoted colon in a value", 21, func(s string) string { return s + ": năm 2019" }, 21,
		`the value of "name" holds ": ", which YAML reads as the start of another key`, "double quotes"},
	{"a value ending in a colon", 21, func(s string) string { return s + ":" }, 21,
		`the value of "name" holds ": ", which YAML reads as the start of another key`, "double quotes"},
	{"an unquoted colon in braces", 13, replace("Số hồ sơ trễ hạn", "Số hồ sơ: trễ hạn"), 13,
		`the value of "name" holds ": ", which YAML reads as the start of another key`, "double quotes"},
	{"a brace not closed", 23, func(s string) string { return strings.TrimSuffix(s, "}") }, 23,
		"the { opened on the line is not closed on it", "close { with }"},
	{"a bracket not closed", 12, replace("dossiers_late]", "dossiers_late"), 12,
		"the [ opened on the line is not closed on it", "close { with } and [ with ]"},
	{"a quote not closed", 20, replace(`"1.1"`, `"1.1`), 20,
		"the quoted text that starts on the line is not closed on it", "end it with the quote mark"},
	{"a quote not closed in a long value", 10, replace("name: ", `name: "`), 10,
		"the quoted text that starts on the line is not closed on it", "end it with the quote mark"},
	{"text after a closing quote", 13, replace("Số hồ sơ trễ hạn", `"Số hồ sơ" trễ hạn`), 13,
		"text follows the closing quote of a value", "ends at its closing quote"},
	{"an apostrophe inside single quotes", 21, replace("name: Ban hành kế hoạch CCHC năm", "name: 'Kế hoạch 'CCHC' năm'"), 21,
		"text follows the closing quote of a value", "write a ' as ''"},
	{"a backslash in double quotes", 21, replace("name: Ban hành kế hoạch CCHC năm", `name: "C:\Users\kế hoạch"`), 21,
		`a \ in double-quoted text starts an escape YAML does not know`, "single quotes"},
	{"a value starting with @", 21, replace("name: ", "name: @"), 21,
		`a value on the line starts with "@", which YAML keeps for itself`, "double quotes"},
	{"a value starting with a backtick", 21, replace("name: ", "name: `"), 21,
		"a value on the line starts with \"`\", which YAML keeps for itself", "double quotes"},
	{"a value starting with %", 21, replace("name: ", "name: %"), 21,
		`a value on the line starts with "%", which YAML keeps for itself`, "double quotes"},
	{"a value starting with *", 21, replace("name: ", "name: *"), 21,
		"a value on the line starts with * or &, which YAML reads as a reference to another part of the file", "double quotes"},
	{"a key without its colon", 22, replace("max: 1", "max 1"), 22,
		"the line has no colon: a key and its value are written key: value", "a colon and a space"},
	{"no space after the colon", 22, replace("max: 1", "max:1"), 22,
		`the colon after "max" has no space after it, so YAML reads the line as one word`, "max: 1"},
}

// TestSyntaxProblems checks that each realistic mistake is reported on
// the line to fix, in words, with a hint — the same with Windows line
// ends — and that the YAML library's words do not show.
func TestSyntaxProblems(t *testing.T) {
	data := readTestdata(t, "syntax/base.yaml")
	if _, err := Load(data, "criteria.yaml"); err != nil {
		t.Fatalf("base.yaml: %v", err)
	}
	base := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for _, tt := range syntaxCases {
		for _, crlf := range []bool{false, true} {
			lines := append([]string(nil), base...)
			lines[tt.line-1] = tt.change(lines[tt.line-1])
			text := strings.Join(lines, "\n") + "\n"
			if crlf {
				text = strings.ReplaceAll(text, "\n", "\r\n")
			}
			_, err := Load([]byte(text), "criteria.yaml")
			ps, _ := err.(Problems)
			if len(ps) != 1 {
				t.Errorf("%s (CRLF %v): got %v, want one problem", tt.name, crlf, err)
				continue
			}
			p := ps[0]
			if p.Line != tt.at || p.Msg != tt.msg || !strings.Contains(p.Hint, tt.hint) {
				t.Errorf("%s (CRLF %v):\n got %d: %s\n      hint: %s\nwant %d: %s\n      hint with %q", tt.name, crlf, p.Line, p.Msg, p.Hint, tt.at, tt.msg, tt.hint)
			}
			for _, w := range []string{"yaml:", "indicator", "token", "mapping values", "expected key"} {
				if strings.Contains(p.Msg, w) {
					t.Errorf("%s: the message speaks the YAML library's words (%q): %s", tt.name, w, p.Msg)
				}
			}
		}
	}
}

var unitsSyntaxCases = []syntaxCase{
	{"a tab before a key", 5, func(s string) string { return "\t" + strings.TrimLeft(s, " ") }, 5,
		"the line is indented with a tab; YAML indents with spaces only", "replace the tabs"},
	{"a key one space short", 5, dedent(1), 5,
		"the line is indented 3 spaces, which lines up with no line above it (line 4 is indented 4 spaces)", "indent it 4 spaces like line 4"},
	{"an alias one space too far", 12, indent(1), 12,
		`unit "dien-ban": aliases: the item "Điện Bàn - TX Điện Bàn" of line 11 runs on to this line, which YAML joins to it`, `start each item with "- "`},
	{"an alias without its dash", 12, replace("- ", "  "), 12,
		`unit "dien-ban": aliases: the item "Điện Bàn TX Điện Bàn" of line 11 runs on to this line, which YAML joins to it`, `start each item with "- "`},
	{"a name with a colon", 8, func(s string) string { return s + ": trung tâm" }, 8,
		`the value of "name" holds ": ", which YAML reads as the start of another key`, "double quotes"},
	{"an apostrophe in a quoted alias", 11, replace("Điện Bàn", "'Điện Bàn's'"), 11,
		"text follows the closing quote of a value", "write a ' as ''"},
	{"aliases not closed", 6, replace("Tam Ky]", "Tam Ky"), 6,
		"the [ opened on the line is not closed on it", "close { with } and [ with ]"},
	{"a unit without its dash", 7, replace("- ", "  "), 7,
		`unit "tam-ky": duplicate key "id" (first at line 3)`, `begins with "- "`},
}

// TestSyntaxProblemsUnits checks realistic mistakes in units.yaml as
// TestSyntaxProblems does in criteria.yaml, by the first problem each
// gives (a unit without its dash gives one for each key it repeats).
func TestSyntaxProblemsUnits(t *testing.T) {
	data := readTestdata(t, "syntax/units.yaml")
	if _, err := LoadUnits(data, "units.yaml"); err != nil {
		t.Fatalf("units.yaml: %v", err)
	}
	base := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for _, tt := range unitsSyntaxCases {
		lines := append([]string(nil), base...)
		lines[tt.line-1] = tt.change(lines[tt.line-1])
		_, err := LoadUnits([]byte(strings.Join(lines, "\n")+"\n"), "units.yaml")
		ps, _ := err.(Problems)
		if len(ps) == 0 || ps[0].Line != tt.at || ps[0].Msg != tt.msg || !strings.Contains(ps[0].Hint, tt.hint) {
			t.Errorf("%s:\n got %v\nwant units.yaml:%d: %s (hint with %q)", tt.name, err, tt.at, tt.msg, tt.hint)
		}
	}
}

// TestSyntaxProblemsWholeFile checks mistakes that concern the whole file
// rather than a line of it, in criteria.yaml and units.yaml alike.
func TestSyntaxProblemsWholeFile(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // problems as printed
		hint       string
	}{
		{"a workbook named criteria.yaml", "PK\x03\x04\x14\x00\x06\x00rest of a zip",
			[]string{"f.yaml: the file is a workbook or another zip file, not YAML text"}, "the right file"},
		{"saved in Windows-1258", "id: t\ntitle: B\xd2 ch\xec s\xf4\n",
			[]string{"f.yaml: the file is not UTF-8 text"}, "UTF-8"},
		{"two tabbed lines", "units:\n\t- id: a\n\t  name: A\n",
			[]string{"f.yaml:2: the line is indented with a tab; YAML indents with spaces only",
				"f.yaml:3: the line is indented with a tab; YAML indents with spaces only"}, "spaces only"},
		{"a second document", "units:\n  - {id: a, name: A}\n---\nunits:\n  - {id: b, name: B}\n",
			[]string{"f.yaml:4: a second YAML document starts here, after ---"}, "one document"},
		{"a unit's key one space short", "units:\n  - id: a\n    name: A\n  - id: b\n   name: B\n",
			[]string{`f.yaml:5: the line is indented 3 spaces, between the "- " (2) and the keys (4) of the list item on line 4`}, "indent it 4 spaces"},
		{"a document marker alone", "---", []string{"f.yaml: the file is empty"}, ""},
		{"a document marker and comments", "# units\n---\n# none yet\n", []string{"f.yaml: the file is empty"}, ""},
		{"old Mac line ends", "units:\r  - id: a\r    name: A\r  - id: b\r   name: B\r",
			[]string{`f.yaml:5: the line is indented 3 spaces, between the "- " (2) and the keys (4) of the list item on line 4`}, "indent it 4 spaces"},
		{"Unicode line separators", "units:\u2028  - id: a\u2029    name: A\u0085  - id: b\r\n   name: B\n",
			[]string{`f.yaml:5: the line is indented 3 spaces, between the "- " (2) and the keys (4) of the list item on line 4`}, "indent it 4 spaces"},
		{"an alias with a colon", "units:\n  - id: a\n    name: A\n    aliases: [TP: A]\n",
			nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadUnits([]byte(tt.text), "f.yaml")
			ps, _ := err.(Problems)
			var got []string
			for _, p := range ps {
				got = append(got, p.Error())
				if !strings.Contains(p.Hint, tt.hint) {
					t.Errorf("%s: hint %q, want one with %q", p.Error(), p.Hint, tt.hint)
				}
			}
			if tt.want == nil {
				return
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestTabsInBlockText checks that a tab inside a literal block's text is
// not taken for indentation.
func TestTabsInBlockText(t *testing.T) {
	lines, _ := splitLines([]byte("a: |\n\tx\n\t\ty\nb:\n\t- c\n"))
	var tabbed []int
	for _, i := range contentLines(lines) {
		if strings.Contains(lines[i][:indentWidth(lines[i])], "\t") {
			tabbed = append(tabbed, i+1)
		}
	}
	if len(tabbed) != 1 || tabbed[0] != 5 {
		t.Errorf("lines indented with a tab: %v, want [5]", tabbed)
	}
}
