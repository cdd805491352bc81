package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// definedName is a sheet's print titles or print area, kept until the
// workbook is written.
type definedName struct {
	name, refersTo string
	sheet          int // the sheet's index in the workbook, its localSheetId
}

// define records a defined name local to sheet. excelize's SetDefinedName
// lists every sheet for every name already defined, which made writing
// 300 unit sheets take most of a second; the names are added in one pass
// when the workbook is written instead.
func (b *book) define(name, refersTo, sheet string) error {
	idx, err := b.f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		return fmt.Errorf("no sheet %q to define %s on", sheet, name)
	}
	b.names = append(b.names, definedName{name, refersTo, idx})
	return nil
}

// write writes the workbook to w with the names define recorded.
func (b *book) write(w io.Writer) error {
	if len(b.names) == 0 {
		return b.f.Write(w)
	}
	var buf bytes.Buffer
	if err := b.f.Write(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		if f.Name != "xl/workbook.xml" {
			// copied as compressed, not compressed again
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		if err := b.copyWorkbookXML(zw, f); err != nil {
			return err
		}
	}
	return zw.Close()
}

// copyWorkbookXML copies xl/workbook.xml with the recorded names added to
// its definedNames, which follow its sheets.
func (b *book) copyWorkbookXML(zw *zip.Writer, f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	var names strings.Builder
	for _, n := range b.names {
		fmt.Fprintf(&names, `<definedName name="%s" localSheetId="%d">`, n.name, n.sheet)
		if err := xml.EscapeText(&names, []byte(n.refersTo)); err != nil {
			return err
		}
		names.WriteString("</definedName>")
	}
	doc := string(data)
	switch {
	case strings.Contains(doc, "</definedNames>"):
		doc = strings.Replace(doc, "</definedNames>", names.String()+"</definedNames>", 1)
	case strings.Contains(doc, "</sheets>"):
		doc = strings.Replace(doc, "</sheets>", "</sheets><definedNames>"+names.String()+"</definedNames>", 1)
	default:
		return fmt.Errorf("the workbook has no sheets to define print titles on")
	}
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, doc)
	return err
}
