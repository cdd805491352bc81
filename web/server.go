package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"parindex/criteria"
	"parindex/workspace"
)

// MaxBody is the largest request body the server reads: a province's
// metrics workbook is a few megabytes.
const MaxBody = 20 << 20

//go:embed assets
var assets embed.FS

// Options says what to serve and how.
type Options struct {
	// Paths are the workspace's inputs as the command line gave them: Dir,
	// and any file given by flag (which an upload may not replace).
	Paths   workspace.Paths
	Lang    criteria.Lang // criteria.Vietnamese (default) or criteria.English
	Version string        // engine version, for the report's Thông tin sheet
	// AnyHost turns off the check of the Host header, for a server
	// listening beyond loopback (--addr naming another address).
	AnyHost bool
	// WhatIf scores a what-if; nil means [ScoreWhatIf].
	WhatIf WhatIf
	// Log receives one line per refused or failed request; nil: the
	// standard logger.
	Log *log.Logger
}

// Server is the web page of one workspace.
type Server struct {
	opts  Options
	words map[string]string
	token string
	pages *template.Template
	state *loader
	mux   *http.ServeMux

	uploadMu sync.Mutex // one upload at a time checks and replaces files
	noticeMu sync.Mutex
	notices  map[string]string // messages for the page an upload redirects to
}

// New prepares a server for the workspace opts names; it reads nothing
// until the first request.
func New(opts Options) (*Server, error) {
	if opts.Lang == "" {
		opts.Lang = criteria.Vietnamese
	}
	if opts.WhatIf == nil {
		opts.WhatIf = ScoreWhatIf
	}
	if opts.Log == nil {
		opts.Log = log.Default()
	}
	if opts.Paths.Dir == "" {
		return nil, errors.New("web: no workspace folder")
	}
	var raw [24]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return nil, fmt.Errorf("web: making the form token: %w", err)
	}
	s := &Server{
		opts:    opts,
		words:   wordsFor(opts.Lang),
		token:   hex.EncodeToString(raw[:]),
		state:   &loader{paths: opts.Paths},
		notices: map[string]string{},
	}
	pages, err := template.New("").Funcs(s.funcs()).ParseFS(assets, "assets/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: reading the page templates: %w", err)
	}
	s.pages = pages
	s.routes()
	return s, nil
}

// Warm loads and scores the workspace, so that the first page does not
// wait for it: parindex serve calls it while the browser opens.
func (s *Server) Warm() { s.state.current() }

// Watch checks the files every interval until ctx ends, and loads them
// again as soon as one changes: an officer who saves metrics.xlsx in Excel
// and then reloads the page does not wait for 10,000 units to be read.
// Each page still checks the files itself.
func (s *Server) Watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.state.current()
		}
	}
}

// Token returns the token every form post must carry.
func (s *Server) Token() string { return s.token }

func (s *Server) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(assets, "assets")
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	m.HandleFunc("GET /{$}", s.ranking)
	m.HandleFunc("GET /fields", s.fields)
	m.HandleFunc("GET /unit/{id}", s.unit)
	m.HandleFunc("POST /unit/{id}/whatif", s.whatif)
	m.HandleFunc("GET /criteria", s.criteriaPage)
	m.HandleFunc("GET /problems", s.problemsPage)
	m.HandleFunc("GET /files", s.files)
	m.HandleFunc("POST /upload", s.upload)
	m.HandleFunc("GET /download/{name}", s.download)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.message(w, http.StatusNotFound, s.words["notFound"])
	})
	s.mux = m
}

// ServeHTTP answers one request, after the checks every request passes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if !s.opts.AnyHost && !loopbackHost(r.Host) {
		s.refuse(w, r, http.StatusMisdirectedRequest, "host "+r.Host+" is not this machine")
		return
	}
	if r.Method == http.MethodPost {
		if r.ContentLength > MaxBody {
			s.refuse(w, r, http.StatusRequestEntityTooLarge, s.words["tooLarge"])
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
	}
	s.mux.ServeHTTP(w, r)
}

// loopbackHost reports whether a Host header names this machine: a
// loopback address or localhost, with any port.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// parseForm reads a posted form, multipart or not, and checks its token.
// It answers the request itself and returns false when the body is too
// large (413) or the token is missing or wrong (403).
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request) bool {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		err = r.ParseMultipartForm(8 << 20)
	} else {
		err = r.ParseForm()
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		s.refuse(w, r, http.StatusRequestEntityTooLarge, s.words["tooLarge"])
		return false
	case err != nil:
		s.refuse(w, r, http.StatusBadRequest, err.Error())
		return false
	}
	got := r.PostFormValue("token")
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) != 1 {
		s.refuse(w, r, http.StatusForbidden, s.words["badToken"])
		return false
	}
	return true
}

// refuse answers with a short page saying why, and logs it.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, why string) {
	s.opts.Log.Printf("parindex serve: %s %s: %d %s", r.Method, r.URL.Path, status, why)
	if status == http.StatusRequestEntityTooLarge {
		w.Header().Set("Connection", "close") // the rest of the body is not read
	}
	s.message(w, status, why)
}

// message answers with a page holding one message.
func (s *Server) message(w http.ResponseWriter, status int, msg string) {
	s.render(w, status, "message", &page{Title: msg, Message: msg})
}

// render executes a page template into a buffer first, so that a failure
// half-way does not send half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, p *page) {
	p.W, p.Token, p.Lang = s.words, s.token, string(s.opts.Lang)
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, p); err != nil {
		s.opts.Log.Printf("parindex serve: page %s: %v", name, err)
		http.Error(w, "internal error: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// funcs are the few helpers the page templates use.
func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"sub": func(a, b int) int { return a - b },
		"changeOf": func(w map[string]string, targets []target, c *Change) changeRow {
			return changeRow{Targets: targets, Change: c, MetricsLabel: w["targetMetrics"], LeavesLabel: w["targetLeaves"]}
		},
		"problemsOf": func(w map[string]string, ps []problemView) *page {
			return &page{W: w, Problems: ps}
		},
	}
}
