//go:build unix && !linux

package journal

import (
	"errors"
	"strconv"
	"syscall"
	"time"
)

// processStartTime has no portable source outside Linux: the start is this
// process's own clock reading, which only this process checks.
func processStartTime() string { return strconv.FormatInt(time.Now().UnixNano(), 36) }

// processAlive reports whether pid runs. Without /proc a reused pid cannot
// be told apart, so such a record waits until that pid is gone too.
func processAlive(pid int, _ string) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// processStartTimeOf is empty: processAlive checks no start time here.
func processStartTimeOf(int) string { return "" }
