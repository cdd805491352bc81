package criteria

import (
	"fmt"
	"strings"
)

// openLine is a line above the one at fault that opens a block it could
// belong to: its indentation, the column its keys start in (further in
// for a list item, "- code: 1"), and whether it is a list item.
type openLine struct {
	line, ind, key int
	item           bool
}

// indentation words what is wrong with the indentation of a line (from 1)
// at which the YAML library found the block structure broken, and returns
// the line to fix: that one, or the line above it when that one is out of
// step with the lines around it.
func indentation(lines []string, line int) (int, string, string) {
	if line < 1 || line > len(lines) {
		return line, "the indentation does not fit the lines above", indentHint
	}
	ind := indentOf(lines[line-1])
	body := lines[line-1][ind:]
	if first := nextContent(lines, 0); first > 0 && first < line && ind < indentOf(lines[first-1]) {
		return first, fmt.Sprintf("the file's first line is indented %s, and line %d further left ends the file there", spaces(indentOf(lines[first-1])), line),
			"start the top-level keys (id:, title:, fields: …) in the first column"
	}
	prev := previousLine(lines, line-1)
	if prev == 0 {
		return line, "the indentation does not fit the lines above", indentHint
	}
	open := openLines(lines, line)
	p := open[0]
	pbody := lines[prev-1][p.ind:]
	if !isItem(body) && p.item && ind == p.key && !itemOpen(pbody) {
		if strings.HasPrefix(body, "{") || strings.HasPrefix(body, "[") {
			return line, "the line looks like an item of the list above but does not start with \"- \"",
				fmt.Sprintf("start it with \"- \" in the column of the other items' \"-\" (%s in)", spaces(p.ind))
		}
		return line, fmt.Sprintf("the line is indented like the inside of the list item on line %d, which is whole on its own line", prev),
			"add the key inside that item's { … }, or write the item as one key: value a line"
	}
	if ind > p.ind && !opensBlock(pbody) {
		return deeper(lines, line, ind, p, pbody)
	}
	for _, o := range open {
		if !isItem(body) && o.item && o.ind == ind {
			hint := fmt.Sprintf("start a new item with \"- \", or indent the line %s to line up with the keys of that item", spaces(o.key))
			if strings.HasPrefix(body, "-") {
				hint = "put a space after the \"-\" of a list item"
			}
			return line, fmt.Sprintf("the line lines up with the \"- \" of the list item on line %d but does not start with \"- \"", o.line), hint
		}
	}
	if isItem(body) && !p.item && ind == p.ind {
		for _, o := range open[1:] {
			if o.item && o.ind < ind {
				return line, fmt.Sprintf("the list item is indented %s like the key on line %d, which already has its value", spaces(ind), prev),
					fmt.Sprintf("indent the \"- \" %s like the item on line %d", spaces(o.ind), o.line)
			}
		}
	}
	if col, at, ok := nearestColumn(open, ind, isItem(body)); ok {
		return line, fmt.Sprintf("the line is indented %s, which lines up with no line above it (line %d is indented %s)", spaces(ind), at, spaces(col)),
			fmt.Sprintf("%s like line %d if it belongs with that line; %s", indentTo(col), at, indentHint)
	}
	return line, "the indentation does not fit the lines above", indentHint
}

// deeper words a line indented further than the line p above it, which
// already has its value. When p is out of step with the lines on both
// sides of it — less indented than both — p is more likely the line to fix.
func deeper(lines []string, line, ind int, p openLine, pbody string) (int, string, string) {
	if pp := previousLine(lines, p.line-1); pp > 0 && !p.item {
		ppInd := indentOf(lines[pp-1])
		if ppInd == ind || keyColumn(lines[pp-1][ppInd:], ppInd) == ind {
			return p.line, fmt.Sprintf("the line is indented %s, less than the lines around it (lines %d and %d are indented %s)", spaces(p.ind), pp, line, spaces(ind)),
				fmt.Sprintf("indent it %s like them; or, if it stands where it belongs, line %d is indented too far", spaces(ind), line)
		}
	}
	if p.item && ind < p.key {
		return line, fmt.Sprintf("the line is indented %s, between the \"- \" (%d) and the keys (%d) of the list item on line %d", spaces(ind), p.ind, p.key, p.line),
			fmt.Sprintf("indent it %s to go on with that item, or start the next item with \"- \" %s in", spaces(p.key), spaces(p.ind))
	}
	return line, fmt.Sprintf("the line is indented further than line %d above it, which already has its value", p.line),
		fmt.Sprintf("indent it %s like line %d if it is the next key; a block under a key is indented further than a key with no value", spaces(keyColumn(pbody, p.ind)), p.line)
}

// suspects returns the lines (from 1), in order, whose indentation does
// not fit the blocks the lines above them open, or whose quotes do not
// close: where a mistake most likely is. It reads the file once, keeping
// the open lines on a stack; content holds the indexes of the lines that
// hold YAML.
func suspects(lines []string, content []int) []int {
	var out []int
	var stack []openLine
	for _, i := range content {
		ind := indentOf(lines[i])
		body := lines[i][ind:]
		item := isItem(body)
		child := -1 // the column of the block just closed under the top
		for len(stack) > 0 && stack[len(stack)-1].ind > ind {
			child = stack[len(stack)-1].ind
			stack = stack[:len(stack)-1]
		}
		fits := len(stack) > 0 || i == content[0] || ind == 0
		if n := len(stack); n > 0 {
			top := stack[n-1]
			tbody := lines[top.line-1][top.ind:]
			switch {
			case top.ind == ind && item && !top.item && opensBlock(tbody):
				// "bands:" with its items in its own column: a child.
			case top.ind == ind:
				fits = item == top.item
				stack = stack[:n-1]
			case child >= 0:
				// Back out of a deeper block, to a column the top's
				// block does not have.
				fits = false
			default:
				fits = opensBlock(tbody) || top.item && ind == top.key && itemOpen(tbody)
			}
		}
		if m, _ := quoteTrouble(lines[i]); m != "" {
			fits = false
		}
		if !fits {
			out = append(out, i+1)
		}
		stack = append(stack, openLine{line: i + 1, ind: ind, key: keyColumn(body, ind), item: item})
	}
	return out
}

// openLines returns the lines above line (from 1) that open the blocks it
// could be in, nearest first: walking up, each line indented less than all
// the lines after it so far.
func openLines(lines []string, line int) []openLine {
	var out []openLine
	lowest := 1 << 30
	for i := line - 2; i >= 0; i-- {
		body := strings.TrimLeft(lines[i], " ")
		if body == "" || strings.HasPrefix(body, "#") {
			continue
		}
		ind := indentOf(lines[i])
		if ind >= lowest {
			continue
		}
		lowest = ind
		out = append(out, openLine{line: i + 1, ind: ind, key: keyColumn(body, ind), item: isItem(body)})
		if ind == 0 {
			break
		}
	}
	return out
}

// nearestColumn returns the column of an open line nearest to ind — for a
// list item the column of its "-" or of its keys — and the line; a tie
// goes to a column of the kind the line is (an item's "-" for an item).
// ok is false when ind is one of them.
func nearestColumn(open []openLine, ind int, item bool) (col, line int, ok bool) {
	type cand struct {
		col, line int
		item      bool
	}
	var cands []cand
	for _, o := range open {
		cands = append(cands, cand{o.ind, o.line, o.item})
		if o.item {
			cands = append(cands, cand{o.key, o.line, false})
		}
	}
	best := -1
	for i, c := range cands {
		if c.col == ind {
			return 0, 0, false
		}
		if best < 0 {
			best = i
			continue
		}
		d, bd := abs(c.col-ind), abs(cands[best].col-ind)
		if d < bd || d == bd && c.item == item && cands[best].item != item {
			best = i
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	return cands[best].col, cands[best].line, true
}

// spaces says n spaces in words.
func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

// indentTo says to indent a line n spaces.
func indentTo(n int) string {
	if n == 0 {
		return "start it in the first column"
	}
	return "indent it " + spaces(n)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// indentOf counts the spaces a line starts with.
func indentOf(s string) int {
	return len(s) - len(strings.TrimLeft(s, " "))
}

// isItem reports whether a line's text (after its indentation) is a list
// item.
func isItem(body string) bool {
	return body == "-" || strings.HasPrefix(body, "- ")
}

// keyColumn returns the column the keys of a line's mapping start in: for
// "  - code: 1" the column of "code", 4; for any other line its own.
func keyColumn(body string, ind int) int {
	col := ind
	for isItem(body) {
		rest := strings.TrimLeft(body[1:], " ")
		col += len(body) - len(rest)
		body = rest
	}
	return col
}

// itemOpen reports whether a list item's line leaves the item open to
// keys on the lines below: "- code: 1" does, "- {code: 1}" and "- text"
// do not.
func itemOpen(body string) bool {
	rest := body[keyColumn(body, 0):]
	if rest == "" || strings.ContainsAny(rest[:1], "{[\"'") {
		return rest == ""
	}
	return strings.Contains(rest, ": ") || strings.HasSuffix(strings.TrimSpace(stripComment(rest)), ":")
}

// opensBlock reports whether a line ends in a key with no value yet
// ("children:"), under which a deeper block follows.
func opensBlock(body string) bool {
	s := strings.TrimSpace(stripComment(body))
	return strings.HasSuffix(s, ":") || s == "-" || blockScalar.MatchString(s)
}

// previousLine returns the line (from 1) before line i (from 0) that holds
// more than a comment, or 0.
func previousLine(lines []string, i int) int {
	for j := i - 1; j >= 0; j-- {
		body := strings.TrimLeft(lines[j], " ")
		if body != "" && !strings.HasPrefix(body, "#") {
			return j + 1
		}
	}
	return 0
}

// nextContent returns the first line (from 1) from line i (from 0) on that
// holds more than a comment, or 0.
func nextContent(lines []string, i int) int {
	for j := i; j < len(lines); j++ {
		body := strings.TrimLeft(lines[j], " ")
		if body != "" && !strings.HasPrefix(body, "#") {
			return j + 1
		}
	}
	return 0
}
