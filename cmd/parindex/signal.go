package main

import (
	"os"
	"os/signal"
	"syscall"

	"parindex/internal/atomicfile"
)

// exitInterrupted is the status of a run stopped by Ctrl+C: 128 + SIGINT,
// as shells report it.
const exitInterrupted exitCode = 130

// stopOnSignal makes Ctrl+C (SIGINT) and SIGTERM remove the temporary
// files of outputs being written before the process exits: Go's default
// would end it at once and leave hidden .NAME.tmp-… files beside them.
// An output already renamed into place is whole, and stays. The returned
// function stops listening.
func stopOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			atomicfile.Cleanup()
			os.Exit(int(exitInterrupted))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
