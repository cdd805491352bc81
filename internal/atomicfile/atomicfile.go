// Package atomicfile writes a command's outputs whole or not at all: each
// into a temporary file beside its target, synced, then renamed over it,
// and never over one of the run's own inputs. Special files (a terminal, a
// pipe, a device) are written directly. Cleanup removes the temporary
// files and folders of writes under way, for an interrupt.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"parindex/criteria"
)

// ErrOverwriteInput is returned by WriteFile when the output is one of
// the run's own inputs.
var ErrOverwriteInput = errors.New("refusing to overwrite an input of this run")

// WriteFile writes the output write produces to path, whole or not at
// all: into a temporary file in the same folder, synced, then renamed over
// path. On any error the temporary file is removed and an existing file at
// path is left as it was. It refuses, before writing anything, when path is
// one of inputs (compared as cleaned absolute paths and as the same file on
// disk, so a link or another spelling does not slip through).
func WriteFile(path string, inputs []string, write func(io.Writer) error) error {
	return WriteFiles([]Output{{Path: path, Write: write}}, inputs)
}

// Output is one file a command writes, and how to produce its content.
type Output struct {
	Path  string
	Write func(io.Writer) error
}

// WriteFiles writes every output whole, or none: each goes to its
// own temporary file beside its path, and only when all of them have been
// written and synced are they renamed into place. Outputs are produced
// concurrently, at most GOMAXPROCS at a time, since each is an independent
// rendering of data the writers only read. Every path is checked against
// inputs, and against the others, before anything is written; then the
// temporary files that runs no longer alive left beside them are removed
// (see removeStale).
//
// A path that is a symbolic link is written through it: the temporary file
// goes beside the file the link names, which is replaced, and the link is
// kept. A path naming an existing file that is not a regular one — a
// device such as /dev/stdout, a named pipe — is written to directly, since
// renaming over it would replace the device with a plain file; atomicity
// does not apply there.
func WriteFiles(outputs []Output, inputs []string) error {
	targets := make([]string, len(outputs))
	direct := make([]bool, len(outputs))
	// Outputs are compared by their spellings and, when they exist, by
	// file identity, through maps: template --per-unit writes thousands.
	named := map[string]bool{}
	var same []os.FileInfo
	for i, o := range outputs {
		if err := CheckOutput(o.Path, inputs); err != nil {
			return err
		}
		targets[i], direct[i] = Target(o.Path)
		sps := spellings(targets[i])
		twice := slices.ContainsFunc(sps, func(sp string) bool { return named[sp] })
		for _, sp := range sps {
			named[sp] = true
		}
		if fi, err := os.Stat(targets[i]); err == nil && !twice {
			twice = slices.ContainsFunc(same, func(other os.FileInfo) bool { return os.SameFile(fi, other) })
			same = append(same, fi)
		}
		if twice {
			return fmt.Errorf("%s: named twice as an output", o.Path)
		}
	}
	var renamed []string
	for i, t := range targets {
		if !direct[i] {
			renamed = append(renamed, t)
		}
	}
	removeStale(renamed)
	tmps := make([]string, len(outputs))
	errs := make([]error, len(outputs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, o := range outputs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if direct[i] {
				errs[i] = writeDirect(o.Path, targets[i], o.Write)
				return
			}
			tmps[i], errs[i] = stage(o.Path, targets[i], o.Write)
		})
	}
	wg.Wait()
	if err := joinErrors(errs); err != nil {
		removeAll(tmps)
		return err
	}
	for i, o := range outputs {
		if direct[i] {
			continue
		}
		if err := os.Rename(tmps[i], targets[i]); err != nil {
			removeAll(tmps[i:])
			return fmt.Errorf("%s: %w", o.Path, unwrapPath(err))
		}
		forget(tmps[i])
	}
	return nil
}

// joinErrors joins the errors of outputs written side by side. When any
// is a list of problems, all become one list, so that each is printed with
// its hint.
func joinErrors(errs []error) error {
	var ps criteria.Problems
	listed := false
	for _, err := range errs {
		var list criteria.Problems
		switch {
		case err == nil:
		case errors.As(err, &list):
			ps, listed = append(ps, list...), true
		default:
			ps = append(ps, criteria.Problem{Msg: err.Error()})
		}
	}
	if !listed {
		return errors.Join(errs...)
	}
	return ps
}

// Target returns the file an output at path really lands on — the end of
// a chain of symbolic links, even a dangling one — and whether it is an
// existing file that is not a regular one, to be written in place.
func Target(path string) (target string, direct bool) {
	// Stat first: the kernel follows links such as /dev/stdout →
	// /proc/self/fd/1 → pipe:[…] that name no path a program could follow.
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() && !fi.IsDir() {
			return path, true
		}
		if real, err := filepath.EvalSymlinks(path); err == nil {
			return real, false
		}
		return path, false
	}
	target = path
	for range 40 { // the limit Linux puts on a chain of links
		fi, err := os.Lstat(target)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return target, false // absent: created where the chain ends
		}
		link, err := os.Readlink(target)
		if err != nil {
			return target, false
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return target, false
}

// writeDirect writes an output straight into an existing special file.
func writeDirect(path, target string, write func(io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}

// stage writes one output to a synced temporary file beside target, the
// file path really names, and returns its name; on error nothing is left
// behind.
func stage(path, target string, write func(io.Writer) error) (tmp string, err error) {
	f, err := createTracked(filepath.Dir(target), tempPattern(target))
	if err != nil {
		if errors.Is(err, errInterrupted) {
			return "", err
		}
		if errors.Is(err, fs.ErrPermission) {
			return "", criteria.Problems{{File: path,
				Msg:  fmt.Sprintf("cannot write in the folder %s: permission denied", filepath.Dir(target)),
				Hint: "name an output in a folder you may write in"}}
		}
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	name := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(name)
			forget(name)
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

// The temporary files alive now, so that an interrupted run can remove
// them (see Cleanup).
var live struct {
	sync.Mutex
	names  map[string]bool
	dirs   []string // folders MakeFolder created, innermost first
	closed bool
}

// errInterrupted is what a writer gets when the run is being stopped.
var errInterrupted = errors.New("interrupted")

// createTracked creates a temporary file and records it in one step, under
// the lock Cleanup takes: a signal between the two would otherwise leave a
// file Cleanup does not know. Once Cleanup has run no new one may live.
func createTracked(dir, pattern string) (*os.File, error) {
	live.Lock()
	defer live.Unlock()
	if live.closed {
		return nil, errInterrupted
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if live.names == nil {
		live.names = map[string]bool{}
	}
	live.names[f.Name()] = true
	return f, nil
}

// MakeFolder creates dir and any missing parents. The folders it creates
// are recorded like temporary files, so that an interrupted run removes
// them (when empty); remove does the same for a run that failed.
func MakeFolder(dir string) (remove func(), err error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		missing = append(missing, d) // innermost first
		if filepath.Dir(d) == d {
			break
		}
	}
	live.Lock()
	defer live.Unlock()
	if live.closed {
		return nil, errInterrupted
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the folder %s: %w", dir, unwrapPath(err))
	}
	live.dirs = append(live.dirs, missing...)
	return func() {
		live.Lock()
		defer live.Unlock()
		for _, d := range missing {
			os.Remove(d)
		}
	}, nil
}

// forget drops a temporary file that was renamed or removed.
func forget(name string) {
	live.Lock()
	delete(live.names, name)
	live.Unlock()
}

// Cleanup removes every temporary file the writers of this process have
// alive, and stops any from being created after it. A command calls it
// when interrupted (Ctrl+C, SIGTERM) just before exiting, so that no
// hidden .NAME.tmp-… file is left beside its outputs.
func Cleanup() {
	live.Lock()
	defer live.Unlock()
	live.closed = true
	for name := range live.names {
		os.Remove(name)
	}
	live.names = nil
	for _, d := range live.dirs {
		os.Remove(d) // only an empty folder goes
	}
	live.dirs = nil
}

func removeAll(tmps []string) {
	for _, t := range tmps {
		if t != "" {
			os.Remove(t)
			forget(t)
		}
	}
}

// CheckOutput returns the error WriteFile would give before writing
// anything: path is one of inputs, or a folder. A command writing several
// outputs checks them all first, so that it writes all or none.
func CheckOutput(path string, inputs []string) error {
	if isInput(path, inputs) {
		return fmt.Errorf("%s: %w", path, ErrOverwriteInput)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a folder", path)
	}
	return checkFolder(path)
}

// checkFolder reports an output whose folder is missing or is a file, in
// words and with what to do: the system's "no such file or directory"
// names neither the folder nor the fix.
func checkFolder(path string) error {
	target, _ := Target(path)
	dir := filepath.Dir(target)
	fi, err := os.Stat(dir)
	switch {
	case err == nil && fi.IsDir():
		return nil
	case err == nil:
		return criteria.Problems{{File: path, Msg: fmt.Sprintf("%s is a file, not a folder", dir),
			Hint: "name an output in a folder that exists"}}
	case errors.Is(err, fs.ErrNotExist):
		return criteria.Problems{{File: path, Msg: fmt.Sprintf("the folder %s does not exist", dir),
			Hint: fmt.Sprintf("create the folder first (mkdir %s), or name an output in a folder that exists", dir)}}
	}
	return nil // a folder that cannot be looked at fails, with its reason, when written
}

// isInput reports whether path names one of inputs: the same cleaned
// absolute path, before or after following symbolic links, or the same
// file on disk.
func isInput(path string, inputs []string) bool {
	names := spellings(path)
	target, statErr := os.Stat(path)
	for _, in := range inputs {
		for _, a := range spellings(in) {
			if slices.Contains(names, a) {
				return true
			}
		}
		if statErr == nil {
			if fi, err := os.Stat(in); err == nil && os.SameFile(fi, target) {
				return true
			}
		}
	}
	return false
}

// spellings returns path as a cleaned absolute path, and the same for the
// file it names once symbolic links are followed.
func spellings(path string) []string {
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return filepath.Clean(p)
		}
		return a
	}
	out := []string{abs(path)}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		out = append(out, abs(real))
	} else if t, _ := Target(path); t != path {
		out = append(out, abs(t))
	}
	return out
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
