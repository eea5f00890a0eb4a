package journal

import (
	"os"
	"strconv"
	"strings"
)

// processStartTime is this process's start time in clock ticks since boot
// (field 22 of /proc/self/stat), or "0" if /proc cannot tell.
func processStartTime() string { return statStart("self") }

func statStart(pid string) string {
	_, start := procStat(pid)
	return start
}

// procStat is a process's state (field 3 of /proc/<pid>/stat: R, S, Z...)
// and start time, or "0" for the start time if /proc cannot tell.
func procStat(pid string) (state, start string) {
	b, err := os.ReadFile("/proc/" + pid + "/stat") //nolint:gosec // a process status file, pid from our own records
	if err != nil {
		return "", "0"
	}
	// The command name (field 2) is in parentheses and may hold spaces.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return "", "0"
	}
	fields := strings.Fields(s[i+1:])
	// fields[0] is field 3 (state); the start time is field 22.
	if len(fields) < 20 {
		return "", "0"
	}
	return fields[0], fields[19]
}

// processAlive reports whether pid runs and started at start: a pid
// reused by another process is not the owner, and a process that has
// exited but is not yet reaped (a zombie: a killed terraform whose parent
// has not waited for it yet, an orphaned provider under a container's
// init) runs no more.
func processAlive(pid int, start string) bool {
	state, got := procStat(strconv.Itoa(pid))
	if state == "Z" || state == "X" {
		return false
	}
	if got == "0" {
		_, err := os.Stat("/proc/" + strconv.Itoa(pid))
		return err == nil && start == "0"
	}
	return got == start
}

// processStartTimeOf is process pid's start time, as processAlive checks it.
func processStartTimeOf(pid int) string { return statStart(strconv.Itoa(pid)) }
