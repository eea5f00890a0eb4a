//go:build windows

package journal

import (
	"os"
	"strconv"
	"time"
)

func processStartTime() string { return strconv.FormatInt(time.Now().UnixNano(), 36) }

// processAlive reports whether pid runs (a reused pid cannot be told apart).
func processAlive(pid int, _ string) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}

// processStartTimeOf is empty: processAlive checks no start time here.
func processStartTimeOf(int) string { return "" }
