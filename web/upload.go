package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"parindex/criteria"
	"parindex/internal/atomicfile"
	"parindex/workspace"
)

// uploadKinds are the inputs an upload may replace, by their base name in
// the folder. Nothing else is ever written.
var uploadKinds = []string{"metrics", "self", "decisions"}

// uploadRefusal says why an input cannot be replaced from the page, or ""
// when it can: one given by flag lives outside the folder and is the
// officer's own file, and a per-unit folder is many files, not one.
func (s *Server) uploadRefusal(kind string) string {
	p := s.opts.Paths
	flagged := map[string]string{"metrics": p.Metrics, "self": p.Self, "decisions": p.Decisions}
	if f := flagged[kind]; f != "" {
		return fmt.Sprintf("%s is read from %s, given by --%s: replace that file itself, or start parindex serve without --%s",
			kind, f, kind, kind)
	}
	if fi, err := os.Stat(filepath.Join(p.Dir, kind)); err == nil && fi.IsDir() {
		return fmt.Sprintf("%s is kept as a folder of per-unit files (%s/): replace those files in the folder itself",
			kind, kind)
	}
	return ""
}

// upload checks a metrics, self or decisions file and, when it is clean,
// puts it in place of the old one, which is kept as NAME.bak-…; with
// problems it is refused and they are listed, and nothing changes.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	kind := r.PostFormValue("kind")
	if !slices.Contains(uploadKinds, kind) {
		s.refuse(w, r, http.StatusBadRequest, fmt.Sprintf("unknown input %q: choose %s", kind, strings.Join(uploadKinds, ", ")))
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		s.refuseUpload(w, "", criteria.Problems{{Msg: "no file was sent"}})
		return
	}
	defer f.Close()
	shown := uploadName(hdr.Filename)
	if why := s.uploadRefusal(kind); why != "" {
		s.refuseUpload(w, shown, criteria.Problems{{File: shown, Msg: why}})
		return
	}
	ext := strings.ToLower(filepath.Ext(shown))
	if ext != ".csv" && ext != ".xlsx" {
		s.refuseUpload(w, shown, criteria.Problems{{File: shown, Msg: "not a .csv or .xlsx file",
			Hint: "save the table as CSV UTF-8 or as an Excel workbook (.xlsx)"}})
		return
	}
	data, err := io.ReadAll(f)
	if err != nil {
		s.refuseUpload(w, shown, criteria.Problems{{File: shown, Msg: "cannot read the file sent: " + err.Error()}})
		return
	}
	s.uploadMu.Lock()
	defer s.uploadMu.Unlock()
	if ps := s.checkUpload(kind, ext, shown, data); len(ps) > 0 {
		s.refuseUpload(w, shown, ps)
		return
	}
	kept, err := s.replace(kind, ext, data)
	s.state.forget()
	if err != nil {
		s.refuseUpload(w, shown, criteria.Problems{{File: kind + ext, Msg: err.Error()}})
		return
	}
	msg := fmt.Sprintf(s.words["uploadNew"], kind+ext)
	if len(kept) > 0 {
		msg = fmt.Sprintf(s.words["uploadDone"], kind+ext, strings.Join(kept, ", "))
	}
	http.Redirect(w, r, "/?notice="+s.setNotice(msg), http.StatusSeeOther)
}

// uploadName is the base name of a file as the browser named it, for
// messages only: it never reaches the file system.
func uploadName(name string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	if strings.TrimSpace(name) == "" {
		return "upload"
	}
	return name
}

// refuseUpload shows the Files page with why the file was refused.
func (s *Server) refuseUpload(w http.ResponseWriter, shown string, ps criteria.Problems) {
	st := s.state.current()
	p := s.filesPage(st)
	p.Notice = fmt.Sprintf(s.words["uploadRefused"], shown)
	p.Problems = s.problemViews(ps)
	s.render(w, http.StatusUnprocessableEntity, "files", p)
}

// checkUpload loads the workspace with data in place of the input kind,
// from a temporary folder, and returns the problems that stop it from
// replacing the old file: those of the file itself, and those of
// criteria.yaml and units.yaml, without which it cannot be checked.
// Problems that other inputs already had do not stop it.
func (s *Server) checkUpload(kind, ext, shown string, data []byte) criteria.Problems {
	tmp, err := os.MkdirTemp("", "parindex-upload-")
	if err != nil {
		return criteria.Problems{{Msg: "cannot check the file: " + err.Error()}}
	}
	defer os.RemoveAll(tmp)
	name := filepath.Join(tmp, kind+ext)
	if err := os.WriteFile(name, data, 0o600); err != nil {
		return criteria.Problems{{Msg: "cannot check the file: " + err.Error()}}
	}
	p := s.opts.Paths
	switch kind {
	case "metrics":
		p.Metrics = name
	case "self":
		p.Self = name
	case "decisions":
		p.Decisions = name
	}
	ws, err := workspace.Load(p, workspace.Everything)
	if err == nil {
		_, err = ws.Score()
	}
	if err == nil {
		return nil
	}
	var stop criteria.Problems
	for _, pr := range asProblems(err) {
		switch pr.File {
		case name:
			pr.File = shown
			stop = append(stop, pr)
		case "", ws.Paths.Criteria, ws.Paths.Units:
			stop = append(stop, pr)
		}
	}
	return stop
}

// replace writes data as DIR/kind+ext, atomically, keeping every form of
// the input already in the folder (kind.csv, kind.xlsx) as
// NAME.bak-YYYYMMDD-HHMMSS; it returns the names kept.
func (s *Server) replace(kind, ext string, data []byte) ([]string, error) {
	dir := s.opts.Paths.Dir
	target := filepath.Join(dir, kind+ext)
	stamp := time.Now().Format("20060102-150405")
	var kept []string
	// The file replaced is kept by a second link to it, so that the new
	// one can then be renamed over it: the input is never missing.
	if _, err := os.Stat(target); err == nil {
		bak, err := keep(target, stamp, true)
		if err != nil {
			return nil, err
		}
		kept = append(kept, filepath.Base(bak))
	}
	err := atomicfile.WriteFile(target, nil, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, other := range []string{kind + ".csv", kind + ".xlsx"} {
		name := filepath.Join(dir, other)
		if other == kind+ext {
			continue
		}
		if _, err := os.Stat(name); err == nil {
			bak, err := keep(name, stamp, false)
			if err != nil {
				return kept, err
			}
			kept = append(kept, filepath.Base(bak))
		}
	}
	return kept, nil
}

// keep links (link set) or moves name to NAME.bak-stamp, or
// NAME.bak-stamp-2 and so on when that is taken, and returns the name
// used. Where the file system has no hard links, a link is a copy.
func keep(name, stamp string, link bool) (string, error) {
	for i := 1; i < 100; i++ {
		bak := name + ".bak-" + stamp
		if i > 1 {
			bak += fmt.Sprintf("-%d", i)
		}
		if _, err := os.Lstat(bak); err == nil {
			continue
		}
		var err error
		if link {
			// A symbolic link is copied: a second link to it would name
			// the new file once the old one is replaced through it.
			err = errors.ErrUnsupported
			if fi, lerr := os.Lstat(name); lerr == nil && fi.Mode()&os.ModeSymlink == 0 {
				err = os.Link(name, bak)
			}
			if err != nil && !errors.Is(err, os.ErrExist) {
				err = copyFile(name, bak)
			}
		} else {
			err = os.Rename(name, bak)
		}
		if err != nil {
			return "", fmt.Errorf("keeping %s: %w", filepath.Base(name), err)
		}
		return bak, nil
	}
	return "", fmt.Errorf("keeping %s: too many copies made this second", filepath.Base(name))
}

// copyFile copies from to a new file to.
func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
