package workspace

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// ErrOverwriteInput is returned by WriteFileAtomic when the output is one of
// the run's own inputs.
var ErrOverwriteInput = errors.New("refusing to overwrite an input of this run")

// WriteFileAtomic writes the output write produces to path, whole or not at
// all: into a temporary file in the same folder, synced, then renamed over
// path. On any error the temporary file is removed and an existing file at
// path is left as it was. It refuses, before writing anything, when path is
// one of inputs (compared as cleaned absolute paths and as the same file on
// disk, so a link or another spelling does not slip through).
func WriteFileAtomic(path string, inputs []string, write func(io.Writer) error) error {
	return WriteFilesAtomic([]Output{{Path: path, Write: write}}, inputs)
}

// Output is one file a command writes, and how to produce its content.
type Output struct {
	Path  string
	Write func(io.Writer) error
}

// WriteFilesAtomic writes every output whole, or none: each goes to its
// own temporary file beside its path, and only when all of them have been
// written and synced are they renamed into place. Outputs are produced
// concurrently, at most GOMAXPROCS at a time, since each is an independent
// rendering of data the writers only read. Every path is checked against
// inputs, and against the others, before anything is written.
func WriteFilesAtomic(outputs []Output, inputs []string) error {
	seen := make([]string, 0, len(outputs))
	for _, o := range outputs {
		if err := CheckOutput(o.Path, inputs); err != nil {
			return err
		}
		if isInput(o.Path, seen) {
			return fmt.Errorf("%s: named twice as an output", o.Path)
		}
		seen = append(seen, o.Path)
	}
	tmps := make([]string, len(outputs))
	errs := make([]error, len(outputs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, o := range outputs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			tmps[i], errs[i] = stage(o.Path, o.Write)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		removeAll(tmps)
		return err
	}
	for i, o := range outputs {
		if err := os.Rename(tmps[i], o.Path); err != nil {
			removeAll(tmps[i:])
			return fmt.Errorf("%s: %w", o.Path, unwrapPath(err))
		}
	}
	return nil
}

// stage writes one output to a synced temporary file beside path and
// returns its name; on error nothing is left behind.
func stage(path string, write func(io.Writer) error) (tmp string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	name := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(name)
		}
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	// CreateTemp makes the file private; an output is an ordinary document.
	if err := f.Chmod(0o644); err != nil {
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := f.Sync(); err != nil {
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return name, nil
}

func removeAll(tmps []string) {
	for _, t := range tmps {
		if t != "" {
			os.Remove(t)
		}
	}
}

// CheckOutput returns the error WriteFileAtomic would give before writing
// anything: path is one of inputs, or a folder. A command writing several
// outputs checks them all first, so that it writes all or none.
func CheckOutput(path string, inputs []string) error {
	if isInput(path, inputs) {
		return fmt.Errorf("%s: %w", path, ErrOverwriteInput)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a folder", path)
	}
	return nil
}

// isInput reports whether path names one of inputs.
func isInput(path string, inputs []string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	target, statErr := os.Stat(path)
	for _, in := range inputs {
		inAbs, err := filepath.Abs(in)
		if err != nil {
			inAbs = filepath.Clean(in)
		}
		if inAbs == abs {
			return true
		}
		if statErr == nil {
			if fi, err := os.Stat(in); err == nil && os.SameFile(fi, target) {
				return true
			}
		}
	}
	return false
}

// unwrapPath drops the operation and temporary name a *PathError carries:
// the message already names the output.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
