package emulator

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Server is a running emulator.
type Server struct {
	opts     Options
	listener net.Listener
	http     *http.Server

	mu      sync.Mutex
	log     []LogEntry
	counts  map[string]int
	buckets map[string]*bucket
	seq     int

	// zec is the ZEC backend (backends["zec"]), which tests reach directly.
	zec   *zecState
	hooks map[string][]func()
	// faultSeq counts requests per key; faultCounts the faults injected.
	faultSeq    map[string]uint64
	faultCounts map[FaultKind]int
	// faultHits counts the hits of rules with a Max, per rule and key.
	faultHits map[string]int
	// inFlight counts the API requests being handled.
	inFlight atomic.Int64
	// asyncFail is the key of the request being handled if it drew an
	// async-fail fault; asyncFailLog the index of its log entry, once logged.
	asyncFail    string
	asyncFailLog int
	// backends are the emulated APIs (ZEC, BMC, Huawei Cloud), by name.
	backends map[string]backend
	rand     *rand.Rand
}

// backend is one emulated API's state. Each registers itself with
// registerBackend from an init func in its own file.
type backend interface {
	// advance applies the transitions that are due. Called with s.mu held.
	advance(now time.Time)
	// inventory adds the backend's objects, by kind. Called with s.mu held.
	inventory(inv map[string][]string)
}

// zenlayerBackend is a backend that serves a Zenlayer API 2.0 service.
type zenlayerBackend interface {
	backend
	service() zenlayerService
}

// zenlayerService is a Zenlayer API 2.0 service, served at
// /api/v2/{name}: the versions it serves with the shape of each action in
// each (zenlayer_api.go), and its actions.
type zenlayerService struct {
	name     string
	versions map[string]apiVersion
	actions  map[string]zenlayerAction
}

// objectless is the backend of a service that owns no objects: it answers
// from a fixed catalogue (ccs) or acts on the objects of other backends
// (zrm, user), so there is nothing to advance or list.
type objectless zenlayerService

func (o objectless) service() zenlayerService    { return zenlayerService(o) }
func (objectless) advance(time.Time)             {}
func (objectless) inventory(map[string][]string) {}

// routedBackend is a backend that serves its own routes (a REST API).
type routedBackend interface {
	backend
	routes(mux *http.ServeMux)
}

var backendConstructors = map[string]func(*Server) backend{}

func registerBackend(name string, ctor func(*Server) backend) { backendConstructors[name] = ctor }

// backendOf is the backend registered as name, of its own type.
func backendOf[B backend](s *Server, name string) B {
	b, ok := s.backends[name].(B)
	if !ok {
		panic("emulator: the " + name + " backend is not registered")
	}
	return b
}

// advanceAll applies the transitions that are due. Called with s.mu held.
func (s *Server) advanceAll() {
	now := s.now()
	for _, name := range sortedKeys(s.backends) {
		s.backends[name].advance(now)
	}
}

// randFloat is a repeatable random number in [0,1). Called with s.mu held.
func (s *Server) randFloat() float64 { return s.rand.Float64() }

// Start listens and serves in the background until Close.
func Start(opts Options) (*Server, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	ln, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("emulator: listen on %s: %w", opts.Addr, err)
	}
	s := &Server{opts: opts, listener: ln, counts: map[string]int{}, buckets: map[string]*bucket{},
		backends: map[string]backend{}, rand: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))}
	mux := http.NewServeMux()
	for _, name := range sortedKeys(backendConstructors) {
		b := backendConstructors[name](s)
		s.backends[name] = b
		if rb, ok := b.(routedBackend); ok {
			rb.routes(mux)
		}
	}
	s.zec = backendOf[*zecState](s, "zec")
	mux.HandleFunc("POST /api/v2/{service}", s.serveZenlayer)
	mux.HandleFunc("GET /_emulator/calls", s.serveCalls)
	mux.HandleFunc("GET /_emulator/log", s.serveLog)
	mux.HandleFunc("GET /_emulator/inventory", s.serveInventory)
	mux.HandleFunc("/_emulator/faults", s.serveFaults)
	s.http = &http.Server{Handler: s.withFaults(mux), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.http.Serve(ln) }()
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.http.Shutdown(ctx)
}

// Endpoint is host:port of the server, the value for a provider's domain.
func (s *Server) Endpoint() string { return s.listener.Addr().String() }

// URL is the base URL of the server.
func (s *Server) URL() string { return "http://" + s.Endpoint() }

// newID returns a fresh id with a prefix, unique within this server.
func (s *Server) newID(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s-%08x%04d", prefix, uint32(s.opts.Now().UnixNano()), s.seq)
}

func (s *Server) now() time.Time { return s.opts.Now() }
