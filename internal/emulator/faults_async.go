package emulator

import (
	"net/http"
	"strings"
)

// The async-fail fault lets a create succeed and makes what it created end in
// its asynchronous failure status. The request carries the fault in its
// context to the backend, which applies it (asyncFailHere) while it creates.

// asyncFailKey marks the context of a request that drew an async-fail fault
// (the value is the request's key).
type asyncFailKey struct{}

// asyncCreateKey reports whether a request key is a create whose objects
// have an asynchronous failure status (what async-fail applies to).
func asyncCreateKey(key string) bool {
	switch key {
	case "zec.CreateZecInstances", "bmc.CreateInstances":
		return true
	}
	project, ok := strings.CutPrefix(key, "clouddc.POST /v1/")
	if !ok {
		return false
	}
	project, ok = strings.CutSuffix(project, "/instances")
	return ok && project != "" && !strings.Contains(project, "/")
}

// beginAsyncFail notes, for the handler about to run, whether its request
// drew an async-fail fault. Called with s.mu held; the handler runs under
// the same hold, and endAsyncFail clears it after.
func (s *Server) beginAsyncFail(r *http.Request) {
	key, _ := r.Context().Value(asyncFailKey{}).(string)
	s.asyncFail = key
	s.asyncFailLog = -1
}

func (s *Server) endAsyncFail() { s.asyncFail, s.asyncFailLog = "", -1 }

// asyncFailHere reports whether the object id that the running create
// makes must end in its failure status. The first object counts the fault
// and logs it ("fault.async-fail"); later ones add their ids to that entry.
// Called with s.mu held.
func (s *Server) asyncFailHere(id string) bool {
	if s.asyncFail == "" {
		return false
	}
	if s.asyncFailLog < 0 || s.asyncFailLog >= len(s.log) {
		s.countFault(FaultAsyncFail, s.asyncFail)
		s.asyncFailLog = len(s.log) - 1
	}
	s.log[s.asyncFailLog].IDs = append(s.log[s.asyncFailLog].IDs, id)
	return true
}
