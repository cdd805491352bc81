package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// workbookZip is the zip writer of every workbook parindex writes. It
// compresses at deflate's fastest level (compressing took a third of
// writing the demo's workbook at the default level, for a file only
// somewhat smaller), and it writes the parts in the order of their names,
// with the overrides of [Content_Types].xml sorted: the spreadsheet library
// hands them over in the order of its maps, which changed from one run to
// the next, and the same result now gives the same bytes every time. A
// part is kept compressed in memory until the workbook is closed.
type workbookZip struct {
	w     io.Writer
	parts []*zipPart
	open  *zipPart // the part being written
}

// zipPart is one part of a workbook, compressed as it is written.
type zipPart struct {
	name       string
	crc        hash.Hash32
	size       uint64
	compressed bytes.Buffer
	fw         *flate.Writer
}

func newWorkbookZip(w io.Writer) excelize.ZipWriter { return &workbookZip{w: w} }

// Create starts the part name; the part before it is complete.
func (z *workbookZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name, crc: crc32.NewIEEE()}
	p.fw = compressor(&p.compressed)
	z.parts = append(z.parts, p)
	z.open = p
	return p, nil
}

func (p *zipPart) Write(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

// AddFS adds the files of fsys, as zip.Writer.AddFS does.
func (z *workbookZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			return errors.New("zip: cannot add non-regular file")
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// finish completes the open part and gives its compressor back.
func (z *workbookZip) finish() error {
	p := z.open
	if p == nil {
		return nil
	}
	z.open = nil
	err := p.fw.Close()
	compressors.Put(p.fw)
	p.fw = nil
	return err
}

// Close writes the parts in the order of their names.
func (z *workbookZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	slices.SortFunc(z.parts, func(a, b *zipPart) int { return strings.Compare(a.name, b.name) })
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		if p.name == "[Content_Types].xml" {
			if err := p.sortTypes(); err != nil {
				return err
			}
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate,
			CRC32: p.crc.Sum32(), CompressedSize64: uint64(p.compressed.Len()), UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		if _, err := p.compressed.WriteTo(w); err != nil {
			return err
		}
	}
	return zw.Close()
}

// typeEntries are the <Default …></Default> and <Override …></Override>
// elements of [Content_Types].xml.
var typeEntries = []*regexp.Regexp{
	regexp.MustCompile(`<Default [^>]*>(?:</Default>)?`),
	regexp.MustCompile(`<Override [^>]*>(?:</Override>)?`),
}

// sortTypes rewrites [Content_Types].xml with its defaults, which follow
// each other, sorted, and its overrides too: their order means nothing.
func (p *zipPart) sortTypes() error {
	text, err := io.ReadAll(flate.NewReader(bytes.NewReader(p.compressed.Bytes())))
	if err != nil {
		return err
	}
	sorted := text
	for _, entry := range typeEntries {
		sorted = sortRun(sorted, entry)
	}
	p.compressed.Reset()
	fw := compressor(&p.compressed)
	defer compressors.Put(fw)
	if _, err := fw.Write(sorted); err != nil {
		return err
	}
	p.crc.Reset()
	p.crc.Write(sorted)
	p.size = uint64(len(sorted))
	return fw.Close()
}

// sortRun returns text with the run of elements entry matches sorted; text
// as it is when they do not follow each other.
func sortRun(text []byte, entry *regexp.Regexp) []byte {
	at := entry.FindAllIndex(text, -1)
	if len(at) < 2 {
		return text
	}
	from, to := at[0][0], at[len(at)-1][1]
	items := entry.FindAll(text[from:to], -1)
	if len(bytes.Join(items, nil)) != to-from {
		return text // something lies between them: left as it is
	}
	slices.SortFunc(items, bytes.Compare)
	return slices.Concat(text[:from], bytes.Join(items, nil), text[to:])
}

// compressors keeps deflate compressors for the parts of workbooks: each
// holds about a megabyte of tables, and a workbook has dozens of parts.
var compressors sync.Pool

// compressor returns a compressor at deflate's fastest level writing to w.
func compressor(w io.Writer) *flate.Writer {
	if fw, ok := compressors.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fw
	}
	fw, _ := flate.NewWriter(w, flate.BestSpeed) // BestSpeed is a valid level
	return fw
}
