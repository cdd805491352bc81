package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"parindex/report"
)

// filesView is the Files page: the inputs as they are on disk, the upload
// form, the downloads and the copies kept of replaced files.
type filesView struct {
	Folder                                 string
	Inputs                                 []fileRow
	Kinds                                  []kindRow
	Backups                                []fileRow
	CanDownloadResult, CanDownloadTemplate bool
}

type fileRow struct{ Name, Size, Modified, SHA256 string }

// kindRow is an input an upload may replace, or why it may not.
type kindRow struct{ Kind, Label, Refusal string }

// files shows the Files page.
func (s *Server) files(w http.ResponseWriter, r *http.Request) {
	p := s.filesPage(s.state.current())
	p.Notice = s.notice(r)
	s.render(w, http.StatusOK, "files", p)
}

func (s *Server) filesPage(st *state) *page {
	v := &filesView{Folder: s.opts.Paths.Dir, CanDownloadResult: st.res != nil}
	if abs, err := filepath.Abs(v.Folder); err == nil {
		v.Folder = abs
	}
	p := &page{Nav: "files", Title: s.words["filesTitle"], Files: v}
	if st.ws != nil {
		p.Set = st.ws.Set
		v.CanDownloadTemplate = st.ws.Set != nil && st.ws.Units != nil &&
			!hasProblemIn(st.problems, st.ws.Paths.Criteria) && !hasProblemIn(st.problems, st.ws.Paths.Units)
		for _, in := range st.ws.Inputs {
			row := statRow(in.Name)
			row.SHA256 = in.SHA256
			v.Inputs = append(v.Inputs, row)
		}
	}
	for _, k := range uploadKinds {
		v.Kinds = append(v.Kinds, kindRow{Kind: k, Label: s.words["kind"+strings.ToUpper(k[:1])+k[1:]], Refusal: s.uploadRefusal(k)})
	}
	entries, _ := os.ReadDir(s.opts.Paths.Dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".bak-") && e.Type().IsRegular() {
			v.Backups = append(v.Backups, statRow(filepath.Join(s.opts.Paths.Dir, e.Name())))
		}
	}
	slices.Reverse(v.Backups) // newest first: the names end with the time
	return p
}

// statRow is a file's name, size and modification time.
func statRow(name string) fileRow {
	row := fileRow{Name: name}
	if fi, err := os.Stat(name); err == nil {
		row.Size = humanSize(fi.Size())
		row.Modified = fi.ModTime().Format("2006-01-02 15:04:05")
	}
	return row
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return itoa(int(n>>20)) + " MiB"
	case n >= 1<<10:
		return itoa(int(n>>10)) + " KiB"
	}
	return itoa(int(n)) + " B"
}

// downloads are the files the page builds on request, by the name the
// request gives; no other name is answered.
var downloads = map[string]string{
	"report.xlsx":   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"template.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"result.json":   "application/json",
}

// download builds the report, the template or the JSON result of the
// workspace as it is now, and sends it.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	ctype, ok := downloads[name]
	if !ok {
		s.message(w, http.StatusNotFound, s.words["notFound"])
		return
	}
	st := s.state.current()
	var write func(io.Writer) error
	switch {
	case name == "template.xlsx" && st.ws != nil && s.filesPage(st).Files.CanDownloadTemplate:
		write = func(w io.Writer) error { return report.WriteTemplate(w, st.ws.Set, st.ws.Units, s.opts.Lang) }
	case st.res == nil:
		s.showProblems(w, st, "files")
		return
	case name == "report.xlsx":
		write = func(w io.Writer) error {
			return report.Write(w, st.res, report.WorkspaceOptions(st.ws, s.opts.Lang, s.opts.Version))
		}
	case name == "result.json":
		write = func(w io.Writer) error { return st.res.WriteJSON(w, s.opts.Lang) }
	default:
		s.showProblems(w, st, "files")
		return
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		s.refuse(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}

// setNotice keeps a message for the page an upload redirects to, under a
// random key: a link cannot put text of its own on the page.
func (s *Server) setNotice(msg string) string {
	var raw [8]byte
	_, _ = rand.Read(raw[:])
	key := hex.EncodeToString(raw[:])
	s.noticeMu.Lock()
	defer s.noticeMu.Unlock()
	if len(s.notices) > 100 {
		clear(s.notices)
	}
	s.notices[key] = msg
	return key
}

// notice is the message ?notice= names, if the server kept one.
func (s *Server) notice(r *http.Request) string {
	s.noticeMu.Lock()
	defer s.noticeMu.Unlock()
	return s.notices[r.URL.Query().Get("notice")]
}
