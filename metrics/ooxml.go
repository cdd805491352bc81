package metrics

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"strings"

	"parindex/criteria"
)

// book is an xlsx workbook's zip archive whose every part has been read
// through once and found whole: its size within the limits and its CRC-32
// right. A workbook that fails either is refused before any value is
// read, so that a damaged file is never read half.
type book struct {
	file  string
	parts map[string]*zip.File // by name, without a leading "/"
}

// openBook opens the zip archive in data and checks every part.
func openBook(data []byte, file string) (*book, *criteria.Problem) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		p := workbookProblem(file, err)
		return nil, &p
	}
	bad := func(format string, args ...any) *criteria.Problem {
		return &criteria.Problem{File: file, Msg: fmt.Sprintf(format, args...), Hint: damagedHint}
	}
	if len(zr.File) > maxParts {
		return nil, bad("the workbook holds more than %d parts, the limit for a workbook of metric values", maxParts)
	}
	b := &book{file: file, parts: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		// The sizes are checked before anything is unzipped: a part that
		// unzips past what its entry says is refused as it is read.
		if f.UncompressedSize64 > maxPart {
			return nil, bad("the workbook's part %s unzips to %d MiB, more than the limit of %s a part",
				criteria.Quote(f.Name), f.UncompressedSize64>>20, mib(maxPart))
		}
		if total += f.UncompressedSize64; total > maxUnzipped {
			return nil, bad("the workbook unzips to more than %s, the limit for a workbook of metric values", mib(maxUnzipped))
		}
		b.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	buf := make([]byte, 32<<10)
	for _, f := range zr.File {
		if err := readWhole(f, buf); err != nil {
			if errors.Is(err, zip.ErrChecksum) {
				return nil, bad("the workbook is damaged: its part %s fails its checksum (CRC-32)", criteria.Quote(f.Name))
			}
			return nil, bad("the workbook is damaged or cut short: its part %s cannot be unzipped", criteria.Quote(f.Name))
		}
	}
	return b, nil
}

// readWhole reads part f to its end, which is when archive/zip checks its
// size and CRC-32. archive/zip leaves a CRC-32 of 0 unchecked, taking it
// for one not written: a part that holds bytes is checked here too.
func readWhole(f *zip.File, buf []byte) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	h := crc32.NewIEEE()
	if _, err = io.CopyBuffer(h, rc, buf); err != nil {
		return err
	}
	if f.UncompressedSize64 > 0 && h.Sum32() != f.CRC32 {
		return zip.ErrChecksum
	}
	return nil
}

// maxDepth is the deepest XML nesting read: a sheet nests six deep, and a
// part of a million nested elements would otherwise hold them all.
const maxDepth = 64

// xmlPart reads one XML part of the workbook, element by element.
type xmlPart struct {
	name string
	rc   io.ReadCloser
	dec  *xml.Decoder
	open []xml.Name // the elements open, to match their end tags
}

// open returns a reader of the part called name, or nil when there is
// none.
func (b *book) open(name string) (*xmlPart, error) {
	f := b.parts[name]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &xmlPart{name: name, rc: rc, dec: xml.NewDecoder(rc)}, nil
}

func (x *xmlPart) close() { x.rc.Close() }

// next returns the next token; io.EOF only at the end of a whole
// document: an element left open at the end, or an end tag that does not
// match its start, is an error. Names keep their prefixes (RawToken is
// twice as fast as Token, which resolves them), so elements are told
// apart by their local names.
func (x *xmlPart) next() (xml.Token, error) {
	tok, err := x.dec.RawToken()
	if err == io.EOF && len(x.open) > 0 {
		return nil, x.syntax("the element <%s> is not closed", x.open[len(x.open)-1].Local)
	}
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(x.open) == maxDepth {
			return nil, x.syntax("elements nested more than %d deep", maxDepth)
		}
		x.open = append(x.open, t.Name)
	case xml.EndElement:
		if n := len(x.open); n == 0 || x.open[n-1] != t.Name {
			return nil, x.syntax("the end tag </%s> matches no start tag", t.Name.Local)
		}
		x.open = x.open[:len(x.open)-1]
	}
	return tok, nil
}

// syntax returns an XML syntax error at the decoder's line.
func (x *xmlPart) syntax(format string, args ...any) error {
	line, _ := x.dec.InputPos()
	return &xml.SyntaxError{Msg: fmt.Sprintf(format, args...), Line: line}
}

// partError is the problem of a part that is not whole, well-formed XML.
func (b *book) partError(name string, err error) *criteria.Problem {
	msg := "the workbook is damaged: its part %s is cut off or is not well-formed XML"
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg += fmt.Sprintf(" (line %d)", se.Line)
	}
	return &criteria.Problem{File: b.file, Msg: fmt.Sprintf(msg, criteria.Quote(name)), Hint: damagedHint}
}

// walk calls visit with every token of the part called name, which must
// be whole. A missing part is not an error: walk does nothing.
func (b *book) walk(name string, visit func(x *xmlPart, tok xml.Token) error) *criteria.Problem {
	x, err := b.open(name)
	if err != nil {
		return b.partError(name, err)
	}
	if x == nil {
		return nil
	}
	defer x.close()
	root := false
	for {
		tok, err := x.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return b.partError(name, err)
		}
		if _, ok := tok.(xml.StartElement); ok {
			root = true
		}
		if err := visit(x, tok); err != nil {
			var p *criteria.Problem
			if errors.As(err, &p) {
				return p
			}
			return b.partError(name, err)
		}
	}
	if !root {
		return b.partError(name, errors.New("no root element"))
	}
	return nil
}

// attr returns the attribute of se with the local name local.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relationship is one entry of a .rels part.
type relationship struct{ typ, target string }

// rels reads the relationships of the part called name, by id, with their
// targets resolved to part names.
func (b *book) rels(name string) (map[string]relationship, *criteria.Problem) {
	relsName := "_rels/.rels" // the package's own
	if name != "" {
		relsName = path.Join(path.Dir(name), "_rels", path.Base(name)+".rels")
	}
	out := map[string]relationship{}
	p := b.walk(relsName, func(x *xmlPart, tok xml.Token) error {
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			target := attr(se, "Target")
			if strings.HasPrefix(target, "/") {
				target = path.Clean(target[1:])
			} else {
				target = path.Join(path.Dir(name), target)
			}
			out[attr(se, "Id")] = relationship{typ: attr(se, "Type"), target: target}
		}
		return nil
	})
	return out, p
}

// byType returns the target of the first relationship whose type ends in
// suffix, or fallback.
func byType(rels map[string]relationship, suffix, fallback string) string {
	for _, r := range rels {
		if strings.HasSuffix(r.typ, suffix) {
			return r.target
		}
	}
	return fallback
}

// firstSheet finds the workbook part and its first sheet: its name and
// part, and the workbook's relationships.
func (b *book) firstSheet() (name, part string, wbRels map[string]relationship, p *criteria.Problem) {
	root, p := b.rels("")
	if p != nil {
		return "", "", nil, p
	}
	wb := byType(root, "/officeDocument", "xl/workbook.xml")
	if b.parts[wb] == nil {
		return "", "", nil, &criteria.Problem{File: b.file, Hint: damagedHint,
			Msg: "the file is a zip archive but not a complete xlsx workbook (truncated or damaged)"}
	}
	if wbRels, p = b.rels(wb); p != nil {
		return "", "", nil, p
	}
	var id string
	found := false
	p = b.walk(wb, func(x *xmlPart, tok xml.Token) error {
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "sheet" && !found {
			found = true
			name = attr(se, "name")
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					id = a.Value
				}
			}
		}
		return nil
	})
	if p != nil {
		return "", "", nil, p
	}
	if !found {
		return "", "", nil, &criteria.Problem{File: b.file, Msg: "the workbook has no sheet"}
	}
	rel, ok := wbRels[id]
	if !ok || b.parts[rel.target] == nil {
		return "", "", nil, &criteria.Problem{File: b.file, Hint: damagedHint,
			Msg: fmt.Sprintf("the workbook is damaged: its sheet %s has no part", criteria.Quote(name))}
	}
	return name, rel.target, wbRels, nil
}

// sharedStrings reads the workbook's shared strings: the text of each
// string item, its runs joined, phonetic guides left out.
func (b *book) sharedStrings(name string) ([]string, *criteria.Problem) {
	// The strings are kept, unlike the sheet, which is read as it streams.
	if f := b.parts[name]; f != nil && f.UncompressedSize64 > maxSharedStrings {
		return nil, &criteria.Problem{File: b.file, Msg: fmt.Sprintf(
			"the workbook's shared strings unzip to %d MiB, more than the limit of %s for them", f.UncompressedSize64>>20, mib(maxSharedStrings))}
	}
	var out []string
	var text []byte
	inSI, inT, phonetic := false, false, 0
	p := b.walk(name, func(x *xmlPart, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI, text = true, text[:0]
			case "t":
				inT = inSI && phonetic == 0
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if len(out) == maxStrings {
					return &criteria.Problem{File: b.file,
						Msg: fmt.Sprintf("the workbook holds more than %d shared strings (distinct texts), the limit for a table of metric values", maxStrings)}
				}
				out = append(out, string(text))
				inSI = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT && len(text) <= maxCell {
				text = append(text, t...)
			}
		}
		return nil
	})
	return out, p
}

// percentStyles reads which cell formats (by index) show a number as a
// percentage: the built-in formats 0% and 0.00% (ids 9 and 10), or a
// custom format with a % sign.
func (b *book) percentStyles(name string) ([]bool, *criteria.Problem) {
	custom := map[string]bool{}
	var out []bool
	inXfs := false
	p := b.walk(name, func(x *xmlPart, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				custom[attr(t, "numFmtId")] = formatHasPercent(attr(t, "formatCode"))
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					if len(out) == maxCells {
						return errors.New("too many cell formats")
					}
					id := attr(t, "numFmtId")
					out = append(out, id == "9" || id == "10" || custom[id])
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
		return nil
	})
	return out, p
}

// cellRefCol reads the column of a cell reference such as "AB12": 0 for
// A. ok is false when ref is not a reference.
func cellRefCol(ref []byte) (col int, ok bool) {
	i := 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	if i == 0 || i == len(ref) || col > maxColumns {
		return 0, false
	}
	if _, ok := atoi(ref[i:]); !ok {
		return 0, false
	}
	return col - 1, true
}
