package metrics

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner reads a sheet's XML as a stream of start tags, end tags and
// text, for the one part that may be hundreds of megabytes: encoding/xml
// allocates for every name and attribute, and took seconds for a million
// cells. It is strict: it refuses what is not well-formed — a tag left
// open at the end, an end tag that does not match, an unknown entity,
// text that is not UTF-8 — and a DOCTYPE, which a sheet never has and
// which could declare entities. FuzzXMLScanner checks that it accepts
// nothing encoding/xml refuses, and reads what that reads.
type xmlScanner struct {
	br        *bufio.Reader
	line      int
	openNames []byte // the names of the elements open, one after another
	openEnds  []int  // where each ends in openNames
	root      bool   // the root element has been seen
	selfClose bool   // the last start tag closed itself: its end comes next
	name      []byte // the current tag's name
	attrs     []xmlAttr
	text      []byte // the current text, entities decoded, up to maxCell bytes
	long      bool   // the current text is longer than maxCell: the rest is not kept
	buf       []byte // the current tag's names and attribute values
}

// xmlAttr is one attribute of the current start tag; its slices are
// valid until the next call to next.
type xmlAttr struct{ name, value []byte }

// The kinds of token next returns.
const (
	xmlEOF = iota
	xmlStart
	xmlEnd
	xmlText
)

func newXMLScanner(r io.Reader) *xmlScanner {
	s := &xmlScanner{br: bufio.NewReaderSize(r, 64<<10), line: 1}
	if bom, err := s.br.Peek(3); err == nil && string(bom) == "\xef\xbb\xbf" {
		s.br.Discard(3)
	}
	return s
}

// errorf returns a syntax error at the current line.
func (s *xmlScanner) errorf(format string, args ...any) error {
	return &xml.SyntaxError{Msg: fmt.Sprintf(format, args...), Line: s.line}
}

func (s *xmlScanner) byte() (byte, error) {
	b, err := s.br.ReadByte()
	if err == io.EOF {
		return 0, s.errorf("the part ends inside a tag")
	}
	if b == '\n' {
		s.line++
	}
	return b, err
}

// local returns the current name without its prefix: "c" for "x:c".
func (s *xmlScanner) local() []byte {
	if i := bytes.LastIndexByte(s.name, ':'); i >= 0 {
		return s.name[i+1:]
	}
	return s.name
}

// attr returns the value of the attribute whose local name is local.
func (s *xmlScanner) attr(local string) []byte {
	for _, a := range s.attrs {
		n := a.name
		if i := bytes.LastIndexByte(n, ':'); i >= 0 {
			if string(n[:i]) == "xmlns" {
				continue
			}
			n = n[i+1:]
		}
		if string(n) == local {
			return a.value
		}
	}
	return nil
}

// next reads the next token: a start tag (its end, for a tag that closes
// itself, comes as the following token), an end tag, or text. It returns
// xmlEOF only at the end of a whole document.
func (s *xmlScanner) next() (int, error) {
	if s.selfClose {
		s.selfClose = false
		return s.end()
	}
	s.text, s.long = s.text[:0], false
	for {
		b, err := s.br.ReadByte()
		if err == io.EOF {
			if s.depth() > 0 {
				return 0, s.errorf("the element <%s> is not closed", s.openName())
			}
			if !s.root {
				return 0, s.errorf("no root element")
			}
			if _, err := s.textToken(); err != nil {
				return 0, err
			}
			return xmlEOF, nil
		}
		if b == '<' {
			if len(s.text) > 0 {
				s.br.UnreadByte()
				return s.textToken()
			}
			kind, err := s.tag()
			if err != nil || kind != 0 {
				return kind, err
			}
			continue // a comment or processing instruction
		}
		if b == '\n' {
			s.line++
		}
		if b == '\r' {
			// A line break is \n however the file wrote it.
			if next, err := s.br.Peek(1); err == nil && next[0] == '\n' {
				continue
			}
			b = '\n'
		}
		if b == '&' {
			if err := s.entity(); err != nil {
				return 0, err
			}
			continue
		}
		if b == '>' && bytes.HasSuffix(s.text, []byte("]]")) {
			return 0, s.errorf("]]> in text")
		}
		s.appendText(b)
	}
}

// appendText adds b to the current text, which keeps at most maxCell
// bytes: longer text is of no use, and must not be held.
func (s *xmlScanner) appendText(b byte) {
	if len(s.text) < maxCell {
		s.text = append(s.text, b)
	} else {
		s.long = true
	}
}

// textToken ends a run of text. Text outside the root element may be
// only white space.
func (s *xmlScanner) textToken() (int, error) {
	if !s.long && !validChars(s.text) {
		return 0, s.errorf("text that is not UTF-8, or holds a control character")
	}
	if s.depth() == 0 && (s.long || len(bytes.TrimLeft(s.text, " \t\r\n")) > 0) {
		return 0, s.errorf("text outside the root element")
	}
	return xmlText, nil
}

// tag reads what follows a "<": a start or end tag, or 0 for a comment or
// processing instruction, which are skipped.
func (s *xmlScanner) tag() (int, error) {
	b, err := s.byte()
	if err != nil {
		return 0, err
	}
	s.buf, s.attrs = s.buf[:0], s.attrs[:0]
	switch b {
	case '?':
		return 0, s.procInst()
	case '!':
		return s.bang()
	case '/':
		if err := s.readName(); err != nil {
			return 0, err
		}
		b, err := s.skipSpace()
		if err != nil {
			return 0, err
		}
		if b != '>' {
			return 0, s.errorf("a > is missing after </%s", s.name)
		}
		return s.end()
	}
	s.br.UnreadByte()
	if s.depth() == 0 && s.root {
		return 0, s.errorf("a second root element")
	}
	if s.depth() == maxDepth {
		return 0, s.errorf("elements nested more than %d deep", maxDepth)
	}
	if err := s.readName(); err != nil {
		return 0, err
	}
	return s.startAttrs()
}

// depth is the number of elements open.
func (s *xmlScanner) depth() int { return len(s.openEnds) }

// openName returns the name of the innermost element open.
func (s *xmlScanner) openName() []byte {
	n := len(s.openEnds)
	start := 0
	if n > 1 {
		start = s.openEnds[n-2]
	}
	return s.openNames[start:s.openEnds[n-1]]
}

// end closes the element named s.name.
func (s *xmlScanner) end() (int, error) {
	n := len(s.openEnds)
	if n == 0 || !bytes.Equal(s.openName(), s.name) {
		return 0, s.errorf("the end tag </%s> matches no start tag", s.name)
	}
	s.openNames = s.openNames[:len(s.openNames)-len(s.name)]
	s.openEnds = s.openEnds[:n-1]
	return xmlEnd, nil
}

// startAttrs reads the attributes of a start tag whose name is read.
func (s *xmlScanner) startAttrs() (int, error) {
	s.root = true
	name := s.name
	for {
		b, err := s.skipSpace()
		if err != nil {
			return 0, err
		}
		switch b {
		case '/':
			if b, err = s.byte(); err != nil || b != '>' {
				return 0, s.errorf("a > is missing after /")
			}
			s.selfClose = true
			fallthrough
		case '>':
			s.openNames = append(s.openNames, name...)
			s.openEnds = append(s.openEnds, len(s.openNames))
			s.name = name
			return xmlStart, nil
		}
		s.br.UnreadByte()
		if err := s.readAttr(); err != nil {
			return 0, err
		}
	}
}

// readAttr reads name="value" or name='value'.
func (s *xmlScanner) readAttr() error {
	if err := s.readName(); err != nil {
		return err
	}
	for _, a := range s.attrs {
		if bytes.Equal(a.name, s.name) {
			return s.errorf("the attribute %s is given twice", s.name)
		}
	}
	name := s.name
	b, err := s.skipSpace()
	if err != nil || b != '=' {
		return s.errorf("an = is missing after the attribute %s", name)
	}
	quote, err := s.skipSpace()
	if err != nil || quote != '"' && quote != '\'' {
		return s.errorf("the value of the attribute %s is not quoted", name)
	}
	s.text, s.long = s.text[:0], false
	for {
		b, err := s.byte()
		if err != nil {
			return err
		}
		if b == quote {
			break
		}
		switch b {
		case '<':
			return s.errorf("a < in the value of the attribute %s", name)
		case '&':
			if err := s.entity(); err != nil {
				return err
			}
			continue
		case '\r':
			if next, err := s.br.Peek(1); err == nil && next[0] == '\n' {
				continue
			}
			b = '\n'
		}
		if len(s.text) >= maxCell {
			return s.errorf("the value of the attribute %s is longer than %d KiB", name, maxCell>>10)
		}
		s.text = append(s.text, b)
	}
	if s.long {
		return s.errorf("the value of the attribute %s is longer than %d KiB", name, maxCell>>10)
	}
	s.buf = append(s.buf, s.text...) // kept beside the names
	value := s.buf[len(s.buf)-len(s.text) : len(s.buf) : len(s.buf)]
	s.text = s.text[:0]
	if !validChars(value) {
		return s.errorf("the value of the attribute %s is not UTF-8, or holds a control character", name)
	}
	s.attrs = append(s.attrs, xmlAttr{name: name, value: value})
	return nil
}

// readName reads a tag or attribute name into s.name, kept in s.buf.
func (s *xmlScanner) readName() error {
	start := len(s.buf)
	for {
		b, err := s.byte()
		if err != nil {
			return err
		}
		if !isNameByte(b, len(s.buf) == start) {
			s.br.UnreadByte()
			if b == '\n' {
				s.line--
			}
			break
		}
		if len(s.buf)-start >= 256 {
			return s.errorf("a name longer than 256 bytes")
		}
		s.buf = append(s.buf, b)
	}
	if len(s.buf) == start {
		return s.errorf("a name is missing")
	}
	s.name = s.buf[start:len(s.buf):len(s.buf)]
	if s.name[0] == ':' || s.name[len(s.name)-1] == ':' || bytes.Count(s.name, []byte(":")) > 1 {
		return s.errorf("%q is not a name", s.name)
	}
	return nil
}

// isNameByte reports whether b may be in a name (first: may start one).
// A sheet's names are ASCII; others are refused.
func isNameByte(b byte, first bool) bool {
	switch {
	case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b == '_', b == ':':
		return true
	case b >= '0' && b <= '9', b == '-', b == '.':
		return !first
	}
	return false
}

func (s *xmlScanner) skipSpace() (byte, error) {
	for {
		b, err := s.byte()
		if err != nil {
			return 0, err
		}
		if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			return b, nil
		}
	}
}

// procInst skips a processing instruction after "<?". The XML
// declaration may name no encoding but UTF-8.
func (s *xmlScanner) procInst() error {
	if err := s.readName(); err != nil {
		return err
	}
	target := string(s.name)
	start := len(s.buf)
	for !bytes.HasSuffix(s.buf[start:], []byte("?>")) {
		b, err := s.byte()
		if err != nil {
			return err
		}
		if len(s.buf)-start > 4096 {
			s.buf = append(s.buf[:start], s.buf[len(s.buf)-2:]...)
		}
		s.buf = append(s.buf, b)
	}
	body := s.buf[start : len(s.buf)-2]
	if target == "xml" {
		if s.root || len(s.openEnds) > 0 {
			return s.errorf("an XML declaration after the start")
		}
		if v, ok := declared(body, "version"); ok && string(v) != "1.0" {
			return s.errorf("an XML version other than 1.0")
		}
		if v, ok := declared(body, "encoding"); ok && !bytes.EqualFold(v, []byte("utf-8")) {
			return s.errorf("an encoding other than UTF-8")
		}
	}
	if len(body) > 0 && body[0] != ' ' && body[0] != '\t' && body[0] != '\r' && body[0] != '\n' {
		return s.errorf("a processing instruction without a space after its name")
	}
	return nil
}

// declared returns the value of name="value" in an XML declaration; ok
// is false when name is absent. A value not quoted is not one.
func declared(body []byte, name string) (value []byte, ok bool) {
	i := bytes.Index(body, []byte(name+"="))
	if i < 0 {
		return nil, false
	}
	v := body[i+len(name)+1:]
	if len(v) == 0 || v[0] != '"' && v[0] != '\'' {
		return nil, true
	}
	end := bytes.IndexByte(v[1:], v[0])
	if end < 0 {
		return nil, true
	}
	return v[1 : 1+end], true
}

// comment skips a comment after "<!--": "--" may appear in it only to end
// it.
func (s *xmlScanner) comment() error {
	var prev1, prev2 byte
	for {
		b, err := s.byte()
		if err != nil {
			return err
		}
		if prev2 == '-' && prev1 == '-' {
			if b != '>' {
				return s.errorf("-- inside a comment")
			}
			return nil
		}
		prev2, prev1 = prev1, b
	}
}

// validChars reports whether text is UTF-8 holding only characters XML
// allows.
func validChars(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size == 1 || !isXMLChar(r) {
			return false
		}
		i += size
	}
	return true
}

// bang reads what follows "<!": a comment, or CDATA as text. A DOCTYPE
// is refused.
func (s *xmlScanner) bang() (int, error) {
	head, err := s.br.Peek(2)
	if err == nil && string(head) == "--" {
		s.br.Discard(2)
		return 0, s.comment()
	}
	head, err = s.br.Peek(7)
	if err != nil || string(head) != "[CDATA[" {
		return 0, s.errorf("a DOCTYPE or other declaration, which a sheet does not have")
	}
	s.br.Discard(7)
	if s.depth() == 0 {
		return 0, s.errorf("CDATA outside the root element")
	}
	// "]" bytes are held back until what follows them shows whether they
	// end the section.
	brackets := 0
	for {
		b, err := s.byte()
		if err != nil {
			return 0, err
		}
		switch {
		case b == ']':
			brackets++
			continue
		case b == '>' && brackets >= 2:
			for range brackets - 2 {
				s.appendText(']')
			}
			return s.textToken()
		}
		for range brackets {
			s.appendText(']')
		}
		brackets = 0
		s.appendText(b)
	}
}

// entity reads an entity after "&" onto s.text.
func (s *xmlScanner) entity() error {
	var name [12]byte
	n := 0
	for {
		b, err := s.byte()
		if err != nil {
			return err
		}
		if b == ';' {
			break
		}
		if n == len(name) {
			return s.errorf("an entity that is not one")
		}
		name[n] = b
		n++
	}
	switch e := string(name[:n]); e {
	case "lt":
		s.appendText('<')
	case "gt":
		s.appendText('>')
	case "amp":
		s.appendText('&')
	case "quot":
		s.appendText('"')
	case "apos":
		s.appendText('\'')
	default:
		var r uint64
		var err error
		switch {
		case len(e) > 2 && e[0] == '#' && e[1] == 'x':
			r, err = strconv.ParseUint(e[2:], 16, 32)
		case len(e) > 1 && e[0] == '#':
			r, err = strconv.ParseUint(e[1:], 10, 32)
		default:
			return s.errorf("the unknown entity &%s;", e)
		}
		if err != nil || !isXMLChar(rune(r)) {
			return s.errorf("the entity &%s; is no character", e)
		}
		var enc [utf8.UTFMax]byte
		for _, b := range enc[:utf8.EncodeRune(enc[:], rune(r))] {
			s.appendText(b)
		}
	}
	return nil
}

// isXMLChar reports whether r may appear in an XML document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
