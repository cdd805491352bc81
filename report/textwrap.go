package report

import (
	"strings"
)

// Wrap breaks the lines of text longer than width terminal columns at
// spaces, for explain and the criteria tree on a narrow terminal. A
// continuation line starts under the line's last column — after its last
// run of two spaces within the width, when that leaves 30 columns or more
// — or else four columns in from the line's own indent. A word longer
// than the room left is not broken. width ≤ 0 leaves text as it is.
func Wrap(text string, width int) string {
	if width <= 0 {
		return text
	}
	var b strings.Builder
	lines := strings.SplitAfter(text, "\n")
	for _, line := range lines {
		body := strings.TrimSuffix(line, "\n")
		wrapLine(&b, body, width)
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// minRoom is the fewest columns a continuation may be left with.
const minRoom = 30

func wrapLine(b *strings.Builder, line string, width int) {
	if textWidth(line) <= width {
		b.WriteString(line)
		return
	}
	lead := len(line) - len(strings.TrimLeft(line, " "))
	indent := lead + 4
	col, at := lastColumn(line, width)
	switch {
	case col > 0 && width-col >= minRoom:
		indent = col
	case col > 0:
		// Too little room left for the last cell: it starts a line of
		// its own, so that its first word is not left alone.
		b.WriteString(strings.TrimRight(line[:at], " "))
		line = line[at:]
		b.WriteString("\n" + strings.Repeat(" ", indent))
		room := width - indent
		for line != "" {
			head, rest := cutAt(line, room, false, 0)
			b.WriteString(strings.TrimRight(head, " "))
			if line = strings.TrimLeft(rest, " "); line != "" {
				b.WriteString("\n" + strings.Repeat(" ", indent))
			}
		}
		return
	}
	if width-indent < minRoom {
		indent = max(0, min(lead, width-minRoom))
	}
	first := true
	for line != "" {
		room := width
		if !first {
			room = width - indent
		}
		head, rest := cutAt(line, room, first, lead)
		if !first {
			b.WriteString("\n" + strings.Repeat(" ", indent))
		}
		b.WriteString(strings.TrimRight(head, " "))
		line = strings.TrimLeft(rest, " ")
		first = false
	}
}

// lastColumn returns the screen column, and the byte, where the last cell
// of a table row starts within width: after its last run of two or more
// spaces that is not the line's indent. 0 when there is none.
func lastColumn(line string, width int) (col, at int) {
	c, spaces, seenText := 0, 0, false
	for i, r := range line {
		if c >= width {
			break
		}
		switch {
		case r == ' ':
			spaces++
		default:
			if spaces >= 2 && seenText {
				col, at = c, i
			}
			spaces, seenText = 0, true
		}
		c += textWidth(string(r))
	}
	return col, at
}

// cutAt splits line after at most room columns, at the last space that
// keeps the head within room (and past the indent of a first line); a
// line with no such space is cut after its first word.
func cutAt(line string, room int, first bool, lead int) (head, rest string) {
	if textWidth(line) <= room {
		return line, ""
	}
	col, lastSpace := 0, -1
	for i, r := range line {
		w := textWidth(string(r))
		if col+w > room {
			break
		}
		if r == ' ' && (!first || i > lead) {
			lastSpace = i
		}
		col += w
	}
	if lastSpace <= 0 {
		// No space fits: the first word goes whole.
		i := strings.IndexByte(strings.TrimLeft(line, " "), ' ')
		if i < 0 {
			return line, ""
		}
		i += len(line) - len(strings.TrimLeft(line, " "))
		return line[:i], line[i:]
	}
	return line[:lastSpace], line[lastSpace:]
}
