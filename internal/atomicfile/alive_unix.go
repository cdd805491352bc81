//go:build unix

package atomicfile

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with id pid runs on this machine.
// Signal 0 checks without signalling: no such process is ESRCH, while
// EPERM is a process of another user, alive.
func processAlive(pid int) bool {
	if pid <= 0 {
		return true // 0 and below name process groups: never judge them
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
