package emulator

import "net/http"

// Handler is the emulator's HTTP handler (every API, faults included), to
// serve it on another listener, for example over TLS with
// httptest.NewTLSServer. Requests through it share the server's state and log.
func (s *Server) Handler() http.Handler { return s.http.Handler }
