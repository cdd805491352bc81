package metrics

import (
	"fmt"
	"io"
	"os"

	"parindex/criteria"
)

// The limits on what is read, chosen for real provincial files: a table of
// 10,000 units × 300 metrics is 3 million cells, a CSV file of a few tens
// of megabytes and a workbook whose sheet unzips to about 100 MB. Each
// error that stops at a limit names it, and README.md lists them all.
const (
	// maxFile is the largest CSV file or xlsx workbook read, in bytes.
	maxFile = 64 << 20
	// maxCells is the most cells a table may hold: CSV cells, or filled
	// cells of a sheet.
	maxCells = 4_000_000
	// maxColumns is the most cells a row may hold: Excel's own limit.
	maxColumns = 16_384
	// maxPart is the most bytes one part of a workbook (a sheet's XML, its
	// shared strings) may unzip to.
	maxPart = 256 << 20
	// maxSharedStrings is the most bytes the workbook's shared strings (the
	// text of its text cells, each once) may unzip to: they are held in
	// memory while the sheet is read.
	maxSharedStrings = 64 << 20
	// maxStrings is the most shared strings a workbook may hold: each
	// distinct text of its cells once. Unit names, headers and yes/no
	// words are a few thousand; numbers stored as text a few hundred
	// thousand at most.
	maxStrings = 1_000_000
	// maxUnzipped is the most bytes all the parts of a workbook together
	// may unzip to.
	maxUnzipped = 512 << 20
	// maxParts is the most files a workbook's zip archive may hold.
	maxParts = 10_000
)

// mib writes a byte count limit for a message: "64 MiB".
func mib(n int64) string { return fmt.Sprintf("%d MiB", n>>20) }

// tooLarge is the problem of a file past maxFile.
func tooLarge(file string) *criteria.Problem {
	return &criteria.Problem{File: file,
		Msg:  fmt.Sprintf("the file is larger than %s, the limit for a table of metric values", mib(maxFile)),
		Hint: "a province's table of metric values is a few megabytes: check that this is the right file"}
}

// tooManyCells is the problem of a table past maxCells.
func tooManyCells(file string) *criteria.Problem {
	return &criteria.Problem{File: file,
		Msg: fmt.Sprintf("the table has more than %d cells, the limit for a table of metric values (10,000 units × 400 metrics)", maxCells)}
}

// cappedReader reads at most limit bytes of r and notes when r holds more:
// a named pipe or a growing file has no size to check beforehand.
type cappedReader struct {
	r     io.Reader
	n     int64
	limit int64
	over  bool
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		// One more byte says whether the input goes on past the limit.
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			c.over = true
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.limit-c.n {
		p = p[:c.limit-c.n]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// statTooLarge reports whether f is a regular file larger than limit, so
// that a huge file is refused before any of it is read.
func statTooLarge(f *os.File, limit int64) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode().IsRegular() && fi.Size() > limit
}
