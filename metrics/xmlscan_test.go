package metrics

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// scanEvents lists the tokens of the XML in data as xmlScanner reads them,
// consecutive text joined; err is its error.
func scanEvents(data []byte) (events []string, err error) {
	x := newXMLScanner(bytes.NewReader(data))
	text := ""
	flush := func() {
		if strings.Trim(text, " \t\r\n") != "" {
			events = append(events, "text "+text)
		}
		text = ""
	}
	for {
		kind, err := x.next()
		if err != nil {
			return events, err
		}
		switch kind {
		case xmlEOF:
			flush()
			return events, nil
		case xmlText:
			text += string(x.text)
		case xmlStart:
			flush()
			e := "start " + string(x.name)
			for _, a := range x.attrs {
				e += fmt.Sprintf(" %s=%q", a.name, a.value)
			}
			events = append(events, e)
		case xmlEnd:
			flush()
			events = append(events, "end "+string(x.name))
		}
	}
}

// stdEvents lists the same from encoding/xml's RawToken, with the checks
// Token makes: end tags match, nothing is left open.
func stdEvents(data []byte) (events []string, err error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var open []xml.Name
	text := ""
	name := func(n xml.Name) string {
		if n.Space != "" {
			return n.Space + ":" + n.Local
		}
		return n.Local
	}
	flush := func() {
		if strings.Trim(text, " \t\r\n") != "" {
			events = append(events, "text "+text)
		}
		text = ""
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(open) > 0 {
				return events, fmt.Errorf("unclosed")
			}
			flush()
			return events, nil
		}
		if err != nil {
			return events, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			text += string(t)
		case xml.StartElement:
			flush()
			e := "start " + name(t.Name)
			for _, a := range t.Attr {
				e += fmt.Sprintf(" %s=%q", name(a.Name), a.Value)
			}
			events = append(events, e)
			open = append(open, t.Name)
		case xml.EndElement:
			flush()
			if len(open) == 0 || open[len(open)-1] != t.Name {
				return events, fmt.Errorf("mismatched end")
			}
			open = open[:len(open)-1]
			events = append(events, "end "+name(t.Name))
		}
	}
}

// FuzzXMLScanner checks the sheet's XML scanner against encoding/xml: what
// the scanner accepts, encoding/xml accepts too, and reads the same.
func FuzzXMLScanner(f *testing.F) {
	for _, s := range []string{
		sheetXML(inline(1, true, wideRow...) + inline(2, false, "Điện Bàn", "#1", "#12.5")),
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<x:a b='1 &amp; 2'><!-- c --><x:b/>t&#x1EA1;<![CDATA[<]]]>]]></x:a>`,
		`<a><b></a></b>`,
		`<a>x`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := scanEvents(data)
		if err != nil {
			return
		}
		want, stdErr := stdEvents(data)
		if stdErr != nil {
			t.Fatalf("the scanner accepts what encoding/xml refuses (%v):\n%q", stdErr, data)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("the scanner reads\n%s\nencoding/xml reads\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}
