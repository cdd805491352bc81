package criteria

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// MaxFileSize is the most bytes criteria.yaml or units.yaml may hold, 4 MiB.
// A real criteria set is a few dozen kilobytes, and the units of a
// national commune-scale assessment (10,000 units with their aliases)
// about 2 MB; past it the file is surely not what was meant, and reading
// it whole would only cost memory and time.
const MaxFileSize = 4 << 20

// maxNumberDigits bounds the digits of a number in criteria.yaml: real
// maxima, points and bounds have a handful, and a number of thousands of
// digits would make every sum slow.
const maxNumberDigits = 24

// ReadYAML reads criteria.yaml or units.yaml from r, at most MaxFileSize
// bytes: a larger (or endless) file is refused once the limit is passed,
// without reading the rest, as a Problems naming the limit. file names it
// in the message.
func ReadYAML(r io.Reader, file string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, Problems{{File: file, Msg: "cannot read: " + err.Error()}}
	}
	if p := checkSize(data, file); p != nil {
		return nil, Problems{*p}
	}
	return data, nil
}

// checkSize returns the problem of a file over MaxFileSize, or nil.
func checkSize(data []byte, file string) *Problem {
	if len(data) <= MaxFileSize {
		return nil
	}
	return &Problem{File: file,
		Msg:  fmt.Sprintf("the file is larger than %d MiB, the most parindex reads of a criteria set or a list of units", MaxFileSize>>20),
		Hint: "a criteria set is a few dozen kilobytes and a list of units at most a few megabytes: check that this is the right file"}
}
