package emulator

import (
	"net/http"
	"slices"
	"sort"
	"time"
)

// What tests, the benchmark and the /_emulator/ endpoints read of a server:
// the request log, the call counters and the inventory.

// LogEntry is one request as the emulator saw it.
type LogEntry struct {
	Time    time.Time `json:"time"`
	API     string    `json:"api"`
	Action  string    `json:"action"`
	IDs     []string  `json:"ids,omitempty"`
	Status  int       `json:"status"`
	Code    string    `json:"code,omitempty"`
	Message string    `json:"message,omitempty"`
}

// Calls returns how often an action was called, by "api.Action" (for example "zec.ReleaseDisk").
func (s *Server) Calls() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copyOf(s.counts)
}

// CallCount is the count for one "api.Action".
func (s *Server) CallCount(action string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[action]
}

// Log returns a copy of the request log.
func (s *Server) Log() []LogEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]LogEntry(nil), s.log...)
}

// Actions returns the "api.Action" of each logged request in order, for
// the requests that touched id (all requests if id is empty).
func (s *Server) Actions(id string) []string {
	var out []string
	for _, e := range s.Log() {
		if id == "" || slices.Contains(e.IDs, id) {
			out = append(out, e.API+"."+e.Action)
		}
	}
	return out
}

// ResetLog clears the log and the counters.
func (s *Server) ResetLog() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
	s.counts = map[string]int{}
}

func (s *Server) record(e LogEntry) {
	// Called with s.mu held.
	s.log = append(s.log, e)
	s.counts[e.API+"."+e.Action]++
	if s.opts.Logf != nil {
		s.opts.Logf("%s %s.%s ids=%v -> %d %s", e.Time.Format("15:04:05.000"), e.API, e.Action, e.IDs, e.Status, e.Code)
	}
}

func (s *Server) serveCalls(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Calls())
}

func (s *Server) serveLog(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Log())
}

// Inventory lists every object the emulator holds, by kind, sorted by id.
func (s *Server) Inventory() map[string][]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advanceAll()
	inv := map[string][]string{}
	for _, name := range sortedKeys(s.backends) {
		s.backends[name].inventory(inv)
	}
	for _, ids := range inv {
		sort.Strings(ids)
	}
	return inv
}

// addInventory adds the ids of m to inv under kind (nothing when m is empty).
func addInventory[V any](inv map[string][]string, kind string, m map[string]V) {
	for id := range m {
		inv[kind] = append(inv[kind], id)
	}
}

func (s *Server) serveInventory(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Inventory())
}
