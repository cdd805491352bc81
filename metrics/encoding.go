package metrics

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"parindex/criteria"
)

// encoding is how a CSV file's bytes are read as text.
type encoding uint8

const (
	undecided encoding = iota // only ASCII so far: the same in every encoding read
	utf8Text
	utf16Text
	cp1258Text // Windows-1258, Excel's plain "CSV" on Vietnamese Windows
)

// textReader turns the bytes of a CSV file into UTF-8 text (SPEC §12).
// UTF-16 is known by its byte-order mark. Otherwise the file is ASCII
// until its first other byte: if that starts a UTF-8 sequence the file is
// UTF-8, if not it is Windows-1258, whose combining tone marks are then
// composed (NFC). Deciding there, not after reading the whole file, keeps
// memory bounded and reads a named pipe once; every byte before it means
// the same in both encodings.
type textReader struct {
	src  *bufio.Reader
	enc  encoding
	out  io.Reader // the decoded text once the encoding is known
	line int       // raw lines read while undecided, and by the Windows-1258 check
	bad  *criteria.Problem
	file string
}

func newTextReader(r io.Reader, file string) *textReader {
	return &textReader{src: bufio.NewReaderSize(r, 64<<10), line: 1, file: file}
}

// start reads a byte-order mark, if any: a UTF-8 one is dropped, a UTF-16
// one (Excel's "Unicode Text") decodes the rest.
func (t *textReader) start() {
	head, _ := t.src.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		t.src.Discard(3)
		t.enc, t.out = utf8Text, t.src
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		t.enc, t.out = utf16Text, transform.NewReader(t.src, transform.Chain(dec, norm.NFC))
	}
}

func (t *textReader) Read(p []byte) (int, error) {
	if t.out != nil {
		return t.out.Read(p)
	}
	if _, err := t.src.Peek(1); err != nil {
		return 0, err
	}
	buf, _ := t.src.Peek(t.src.Buffered())
	i := 0
	for i < len(buf) && buf[i] < utf8.RuneSelf && i < len(p) {
		if buf[i] == '\n' {
			t.line++
		}
		i++
	}
	if i > 0 {
		return t.src.Read(p[:i])
	}
	if len(p) == 0 {
		return 0, nil
	}
	seq, _ := t.src.Peek(utf8.UTFMax)
	if r, size := utf8.DecodeRune(seq); r != utf8.RuneError || size > 1 {
		t.enc, t.out = utf8Text, t.src
	} else {
		check := &cp1258Check{r: t.src, t: t}
		t.enc, t.out = cp1258Text, transform.NewReader(check, transform.Chain(charmap.Windows1258.NewDecoder(), norm.NFC))
	}
	return t.out.Read(p)
}

// cp1258Check passes the bytes of a file read as Windows-1258 and stops
// at a control byte or a byte Windows-1258 leaves undefined: such a file
// is not Vietnamese text in any encoding parindex reads.
type cp1258Check struct {
	r io.Reader
	t *textReader
}

func (c *cp1258Check) Read(p []byte) (int, error) {
	if c.t.bad != nil {
		return 0, io.EOF
	}
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.t.line++
			continue
		}
		if b < 0x20 && b != '\t' && b != '\r' || b == 0x7F || undefined1258(b) {
			c.t.bad = &criteria.Problem{File: c.t.file, Line: c.t.line,
				Msg:  fmt.Sprintf("the file is neither UTF-8 nor Windows-1258 text (byte 0x%02X)", b),
				Hint: utf8Hint}
			return i, io.EOF
		}
	}
	return n, err
}

// undefined1258 reports whether Windows-1258 gives byte b no character.
func undefined1258(b byte) bool {
	switch b {
	case 0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E:
		return true
	}
	return false
}

// mojibake says whether text looks like UTF-8 that was read as
// Windows-1252 and saved again ("ThÃ nh phá»‘" for "Thành phố"), which a
// workbook opened with the wrong encoding keeps; it returns the text as it
// was meant.
func mojibake(text string) (meant string, ok bool) {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii || !utf8.ValidString(text) {
		return "", false
	}
	raw := make([]byte, 0, len(text))
	for _, r := range text {
		switch {
		case r < 0x80:
			raw = append(raw, byte(r))
		case r <= 0x9F, r >= 0xA0 && r <= 0xFF:
			raw = append(raw, byte(r)) // C1 controls stand for 1252's five undefined bytes
		default:
			b, ok := cp1252Byte[r]
			if !ok {
				return "", false
			}
			raw = append(raw, b)
		}
	}
	if !nbspAsSpace(raw) || bytes.Equal(raw, []byte(text)) {
		return "", false
	}
	return norm.NFC.String(string(raw)), true
}

// nbspAsSpace reports whether raw is UTF-8 once each space inside a
// multi-byte sequence is read as the no-break space (0xA0) it stood for:
// "à" is C3 A0, which Windows-1252 shows as "Ã" and a no-break space, and
// copying the text often turns that into a plain space.
func nbspAsSpace(raw []byte) bool {
	for i := 0; i < len(raw); {
		n := 1
		switch b := raw[i]; {
		case b < 0x80:
		case b >= 0xC2 && b <= 0xDF:
			n = 2
		case b >= 0xE0 && b <= 0xEF:
			n = 3
		case b >= 0xF0 && b <= 0xF4:
			n = 4
		default:
			return false
		}
		if i+n > len(raw) {
			return false
		}
		for j := i + 1; j < i+n; j++ {
			if raw[j] == ' ' {
				raw[j] = 0xA0
			}
		}
		if r, size := utf8.DecodeRune(raw[i:]); r == utf8.RuneError || size != n {
			return false
		}
		i += n
	}
	return true
}

// cp1252Byte maps the characters Windows-1252 puts at 0x80–0x9F to their
// bytes.
var cp1252Byte = func() map[rune]byte {
	m := map[rune]byte{}
	dec := charmap.Windows1252.NewDecoder()
	for b := 0x80; b < 0xA0; b++ {
		s, err := dec.String(string([]byte{byte(b)}))
		if r, _ := utf8.DecodeRuneInString(s); err == nil && r != utf8.RuneError {
			m[r] = byte(b)
		}
	}
	return m
}()

// mojibakeHint is the hint for a cell whose text looks like mojibake.
func mojibakeHint(text string) string {
	meant, ok := mojibake(strings.TrimSpace(text))
	if !ok {
		return ""
	}
	return fmt.Sprintf("%s looks like UTF-8 text read as Windows-1252 (%s was meant): "+
		"the file was opened with the wrong encoding and saved; take the file as it was sent, or save it as \"CSV UTF-8\"",
		quote(strings.TrimSpace(text)), quote(meant))
}
