package atomicfile

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// tempPattern is the os.CreateTemp pattern of an output's temporary file:
// hidden, named for the output, and carrying the id of the process that
// writes it, so that a later run can tell a file left by a killed run
// (kill -9, a power cut) from one a run still alive is writing.
func tempPattern(target string) string {
	return "." + filepath.Base(target) + ".tmp-" + strconv.Itoa(os.Getpid()) + "-*"
}

// removeStale removes the temporary files that runs no longer alive left
// beside the given outputs: only files named as tempPattern names them,
// for one of these outputs, by a process that has ended. A run still going
// — in this process or another — keeps its files; so does a file whose
// maker cannot be told. Each folder is read once, however many outputs it
// holds. Failures are ignored: a leftover file harms nothing.
func removeStale(targets []string) {
	byDir := map[string]map[string]bool{}
	for _, t := range targets {
		dir, base := filepath.Split(t)
		if byDir[dir] == nil {
			byDir[dir] = map[string]bool{}
		}
		byDir[dir][base] = true
	}
	self := os.Getpid()
	for dir, bases := range byDir {
		entries, err := os.ReadDir(filepath.Clean(dir))
		if err != nil {
			continue
		}
		for _, e := range entries {
			base, pid, ok := parseTempName(e.Name())
			if !ok || !bases[base] || pid == self || !e.Type().IsRegular() || processAlive(pid) {
				continue
			}
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// parseTempName reads the output's name and the process id out of a
// temporary file's name, ".report.xlsx.tmp-1234-5678"; ok is false for
// any other name, a temporary file of an older parindex (without a
// process id) included.
func parseTempName(name string) (base string, pid int, ok bool) {
	if !strings.HasPrefix(name, ".") {
		return "", 0, false
	}
	i := strings.LastIndex(name, ".tmp-")
	if i < 2 {
		return "", 0, false
	}
	digits, random, found := strings.Cut(name[i+len(".tmp-"):], "-")
	if !found || !allDigits(digits) || !allDigits(random) || len(digits) > 10 {
		return "", 0, false
	}
	pid, err := strconv.Atoi(digits)
	if err != nil || pid <= 0 || pid > 1<<31-1 {
		return "", 0, false
	}
	return name[1:i], pid, true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
