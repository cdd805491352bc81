package report

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"time"
)

// TestReportSameBytes: the same result makes the same workbook, to the
// byte, however the spreadsheet library orders its parts from one run to
// the next; and its parts are in the order of their names.
func TestReportSameBytes(t *testing.T) {
	_, res := demoResult(t, demoDir)
	opts := Options{Lang: "vi", Now: time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC)}
	_, first := writeReport(t, res, opts)
	for range 5 {
		if _, again := writeReport(t, res, opts); !bytes.Equal(first, again) {
			t.Fatal("the same result made two different workbooks")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil || len(zr.File) < 10 {
		t.Fatalf("reading the workbook as a zip: %v", err)
	}
	for i := 1; i < len(zr.File); i++ {
		if a, b := zr.File[i-1].Name, zr.File[i].Name; a >= b {
			t.Errorf("part %s comes after %s", b, a)
		}
	}
}

// TestSortRun checks the sorting of [Content_Types].xml's entries, and
// that text with something between them is left as it is.
func TestSortRun(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<T><Default Extension="xml"></Default><Default Extension="bmp"></Default><Override PartName="/b"></Override><Override PartName="/a"></Override></T>`,
			`<T><Default Extension="bmp"></Default><Default Extension="xml"></Default><Override PartName="/a"></Override><Override PartName="/b"></Override></T>`},
		{`<T><Override PartName="/b"/><Override PartName="/a"/></T>`, `<T><Override PartName="/a"/><Override PartName="/b"/></T>`},
		{`<T><Override PartName="/b"></Override>x<Override PartName="/a"></Override></T>`, `<T><Override PartName="/b"></Override>x<Override PartName="/a"></Override></T>`},
		{`<T></T>`, `<T></T>`},
	} {
		got := string(sortRun(sortRun([]byte(tt.in), typeEntries[0]), typeEntries[1]))
		if got != tt.want {
			t.Errorf("sorted %s\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
	var z workbookZip
	var out bytes.Buffer
	z.w = &out
	w, _ := z.Create("[Content_Types].xml")
	w.Write([]byte(`<T><Override PartName="/b"></Override><Override PartName="/a"></Override></T>`))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil || len(zr.File) != 1 {
		t.Fatalf("reading the zip back: %v", err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc) // checks the CRC-32 and size written
	if want := `<T><Override PartName="/a"></Override><Override PartName="/b"></Override></T>`; err != nil || string(got) != want {
		t.Errorf("[Content_Types].xml reads back as %q (%v), want %q", got, err, want)
	}
}
