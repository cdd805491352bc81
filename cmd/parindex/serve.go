package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os/exec"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"parindex/web"
	"parindex/workspace"
)

// ServeOptions is what "parindex serve" was asked to do.
type ServeOptions struct {
	env   *env
	Paths workspace.Paths
	Addr  string
	Open  bool
}

// NewCmdServe builds "parindex serve".
func NewCmdServe(e *env, runF func(*ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{env: e}
	cmd := &cobra.Command{
		Use:   "serve DIR",
		Short: "Show the assessment as web pages in your own browser",
		Long: `Start a web server on this machine showing the workspace: the ranking, the
fields, one page per unit with a what-if form, the criteria set, and the
problems of the inputs when they have any. A metrics, self or decisions file
can be uploaded from the Files page; the report, the template and the JSON
result download from it. Every page shows the files as they are on disk.

It listens on 127.0.0.1:8383 (this machine only) unless --addr says
otherwise, and runs until stopped with Ctrl+C.`,
		Example: `  parindex serve fixtures/quangnam-2019 --open
  parindex serve . --addr 127.0.0.1:9000 --lang en`,
		Args:              argsNamed("DIR"),
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths.Dir = args[0]
			if _, _, err := net.SplitHostPort(opts.Addr); err != nil {
				return usagef("--addr %q: give HOST:PORT, such as 127.0.0.1:8383", opts.Addr)
			}
			if runF != nil {
				return runF(opts)
			}
			return runServe(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:8383", "`address` to listen on; another than loopback lets other machines in")
	cmd.Flags().BoolVar(&opts.Open, "open", false, "open the page in the default browser")
	addPathFlags(cmd, &opts.Paths, workspace.Everything)
	return cmd
}

func runServe(ctx context.Context, opts *ServeOptions) error {
	e := opts.env
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", opts.Addr, err)
	}
	host, _, _ := net.SplitHostPort(ln.Addr().String())
	loopback := net.ParseIP(host).IsLoopback()
	srv, err := web.New(web.Options{Paths: opts.Paths, Lang: e.Lang(), Version: engineVersion(),
		AnyHost: !loopback, Log: log.New(e.errOut, "", log.LstdFlags)})
	if err != nil {
		ln.Close()
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	go srv.Warm()
	go srv.Watch(ctx, 2*time.Second)
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.errOut, "parindex: serving %s at %s (Ctrl+C to stop)\n", opts.Paths.Dir, url)
	if !loopback {
		fmt.Fprintf(e.errOut, "parindex: warning: %s is reachable from other machines\n", opts.Addr)
	}
	if opts.Open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(e.errOut, "parindex: warning: cannot open a browser: %v; open %s yourself\n", err, url)
		}
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// openBrowser opens url in the default browser of the system.
func openBrowser(url string) error {
	var c *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		c = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		c = exec.Command("open", url)
	default:
		c = exec.Command("xdg-open", url)
	}
	if err := c.Start(); err != nil {
		return err
	}
	go func() { _ = c.Wait() }()
	return nil
}
