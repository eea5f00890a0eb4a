// Package emulator is a local HTTP server that speaks the wire formats of
// the cloud APIs this provider calls: request signing and its errors, the
// response envelopes and error bodies, asynchronous status machines on
// configurable durations, rate limits, and a log and per-action counters
// that tests and benchmarks read. It follows the API documents, not the
// provider: every documented constraint is enforced.
package emulator

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"reflect"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// Test credentials the emulator accepts unless told otherwise. They are not secrets.
const (
	DefaultAccessKeyID       = "EMULATORKEYID0001"
	DefaultAccessKeyPassword = "emulator-access-key-password"
)

// ReleaseMode says what a release does to an object.
type ReleaseMode string

const (
	// ReleaseImmediate frees the object at once (DELETING → gone).
	ReleaseImmediate ReleaseMode = "immediate"
	// ReleaseRecycle moves the object to the recycle bin first
	// (RECYCLING → RECYCLED / RECYCLE); a second release frees it.
	ReleaseRecycle ReleaseMode = "recycle"
)

// Durations are how long each asynchronous transition takes. A zero field
// takes its value from FastDurations.
type Durations struct {
	DiskCreate  time.Duration
	DiskAttach  time.Duration
	DiskDetach  time.Duration
	DiskResize  time.Duration
	DiskRelease time.Duration
	// DiskRecycle is RECYCLING → RECYCLED.
	DiskRecycle time.Duration

	// ZEC instances: InstanceCreate is PENDING → DEPLOYING → RUNNING (whole),
	// InstanceStart STARTING → RUNNING, InstanceStop STOPPING → STOPPED,
	// InstanceRelease RELEASING → gone, InstanceRecycle RECYCLING → RECYCLE,
	// InstanceChange any other in-operation status (resize, reset).
	InstanceCreate  time.Duration
	InstanceStart   time.Duration
	InstanceStop    time.Duration
	InstanceRelease time.Duration
	InstanceRecycle time.Duration
	InstanceChange  time.Duration

	// BMC instances: BMCCreate is PENDING → CREATING → INSTALLING (whole),
	// BMCInstall INSTALLING → RUNNING, BMCStart BOOTING → RUNNING,
	// BMCStop STOPPING → STOPPED, BMCTerminate RECYCLING → RECYCLE,
	// BMCRelease RELEASING → gone.
	BMCCreate    time.Duration
	BMCInstall   time.Duration
	BMCStart     time.Duration
	BMCStop      time.Duration
	BMCTerminate time.Duration
	BMCRelease   time.Duration

	// Huawei CloudDC: CloudDCCreate pending → running, CloudDCStop
	// stopping → stopped, CloudDCReinstall reinstalling → running,
	// CloudDCDelete shutting-down → terminated, CloudDCTerminatedVisible how
	// long a terminated instance is still listed before it answers 404.
	CloudDCCreate            time.Duration
	CloudDCStop              time.Duration
	CloudDCReinstall         time.Duration
	CloudDCDelete            time.Duration
	CloudDCTerminatedVisible time.Duration
}

// FastDurations keep tests quick while still making every wait wait.
func FastDurations() Durations {
	const ms = time.Millisecond
	return Durations{
		DiskCreate: 300 * ms, DiskAttach: 200 * ms, DiskDetach: 200 * ms,
		DiskResize: 200 * ms, DiskRelease: 200 * ms, DiskRecycle: 200 * ms,
		InstanceCreate: 500 * ms, InstanceStart: 300 * ms, InstanceStop: 300 * ms,
		InstanceRelease: 300 * ms, InstanceRecycle: 300 * ms, InstanceChange: 300 * ms,
		BMCCreate: 300 * ms, BMCInstall: 300 * ms, BMCStart: 300 * ms, BMCStop: 300 * ms,
		BMCTerminate: 300 * ms, BMCRelease: 300 * ms,
		CloudDCCreate: 500 * ms, CloudDCStop: 300 * ms, CloudDCReinstall: 300 * ms,
		CloudDCDelete: 300 * ms, CloudDCTerminatedVisible: 2 * time.Second,
	}
}

// withDefaults fills every zero field of d from def.
func (d Durations) withDefaults(def Durations) Durations {
	v := reflect.ValueOf(&d).Elem()
	dv := reflect.ValueOf(def)
	for i := range v.NumField() {
		if v.Field(i).Int() == 0 {
			v.Field(i).Set(dv.Field(i))
		}
	}
	return d
}

// Scale multiplies every duration by f (the benchmark's "realistic" durations).
func (d Durations) Scale(f float64) Durations {
	v := reflect.ValueOf(&d).Elem()
	for i := range v.NumField() {
		v.Field(i).SetInt(int64(float64(v.Field(i).Int()) * f))
	}
	return d
}

// Options configure a Server.
type Options struct {
	// Addr to listen on (default 127.0.0.1:0, a free loopback port).
	Addr string
	// Credentials maps access key ids to their passwords (default: the test pair).
	Credentials map[string]string
	// BearerTokens are accepted as "Authorization: Bearer <token>".
	BearerTokens []string
	Durations    Durations
	// ZECReleaseMode chooses what ReleaseDisk does (default immediate).
	ZECReleaseMode ReleaseMode
	// MaxClockSkew is how far a request timestamp may be from now (default 5m).
	MaxClockSkew time.Duration
	// RateLimit is the sustained requests per second allowed per key
	// (0: unlimited); RateBurst is the bucket size (default 2*RateLimit).
	RateLimit float64
	RateBurst int
	// CreateFailRate is the share (0..1) of instance creates that end in a
	// failure status (CREATE_FAILED, INSTALL_FAILED, failed).
	CreateFailRate float64
	// Huawei configures the emulated Huawei Cloud (CloudDC and IAM): the
	// credentials it accepts (AK/SK pairs, IAM users, static tokens), the
	// IAM token lifetime and the catalogue of physical servers. Zero fields
	// take the Huawei* test defaults of huaweicloud.go.
	Huawei HuaweiOptions
	// Seed makes every random choice of the emulator repeatable (0: 1).
	Seed uint64
	// Faults are injected into a share of the requests (see faults.go).
	Faults []FaultRule
	// Now is the emulator's clock (default time.Now).
	Now func() time.Time
	// Logf, if set, receives one line per request.
	Logf func(format string, args ...any)
}

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
	// backends are the other APIs (BMC, Huawei CloudDC), by name.
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

// zenlayerBackend is a backend that serves a Zenlayer API 2.0 service at /api/v2/{service}.
type zenlayerBackend interface {
	backend
	zenlayerService() string
	actions() map[string]zenlayerAction
}

// routedBackend is a backend that serves its own routes (a REST API).
type routedBackend interface {
	backend
	routes(mux *http.ServeMux)
}

var backendConstructors = map[string]func(*Server) backend{}

func registerBackend(name string, ctor func(*Server) backend) { backendConstructors[name] = ctor }

// randFloat is a repeatable random number in [0,1). Called with s.mu held.
func (s *Server) randFloat() float64 { return s.rand.Float64() }

// Start listens and serves in the background until Close.
func Start(opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if opts.Credentials == nil {
		opts.Credentials = map[string]string{DefaultAccessKeyID: DefaultAccessKeyPassword}
	}
	opts.Durations = opts.Durations.withDefaults(FastDurations())
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.ZECReleaseMode == "" {
		opts.ZECReleaseMode = ReleaseImmediate
	}
	if opts.ZECReleaseMode != ReleaseImmediate && opts.ZECReleaseMode != ReleaseRecycle {
		return nil, fmt.Errorf("emulator: unknown release mode %q", opts.ZECReleaseMode)
	}
	if opts.MaxClockSkew <= 0 {
		opts.MaxClockSkew = 5 * time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.RateLimit > 0 && opts.RateBurst <= 0 {
		opts.RateBurst = max(1, int(2*opts.RateLimit))
	}
	ln, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("emulator: listen on %s: %w", opts.Addr, err)
	}
	s := &Server{opts: opts, listener: ln, counts: map[string]int{}, buckets: map[string]*bucket{},
		backends: map[string]backend{}, rand: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))}
	s.zec = newZECState(s)
	mux := http.NewServeMux()
	names := make([]string, 0, len(backendConstructors))
	for name := range backendConstructors {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		b := backendConstructors[name](s)
		s.backends[name] = b
		if rb, ok := b.(routedBackend); ok {
			rb.routes(mux)
		}
	}
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

// Calls returns how often an action was called, by "api.Action" (for example "zec.ReleaseDisk").
func (s *Server) Calls() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
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
		if id == "" || containsString(e.IDs, id) {
			out = append(out, e.API+"."+e.Action)
		}
	}
	return out
}

// OnceBefore runs f once, just before the next call of action ("zec.ReleaseDisk")
// is handled, outside the emulator's lock: tests use it to change the world
// at an exact moment (a disk released or busy behind the provider's back).
func (s *Server) OnceBefore(action string, f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hooks == nil {
		s.hooks = map[string][]func(){}
	}
	s.hooks[action] = append(s.hooks[action], f)
}

// runHooks runs and forgets the hooks of action. Called without s.mu.
func (s *Server) runHooks(action string) {
	s.mu.Lock()
	hooks := s.hooks[action]
	delete(s.hooks, action)
	s.mu.Unlock()
	for _, f := range hooks {
		f()
	}
}

// OnceBeforePage is OnceBefore for the call of a listing action
// ("zec.DescribeInstances") that asks for page num (pageNum; 1 when it is
// absent): tests use it to change the world between two pages of one
// listing, as when an object is deleted while a client pages through them.
func (s *Server) OnceBeforePage(action string, num int, f func()) {
	s.OnceBefore(pageHookKey(action, num), f)
}

// runPageHooks runs and forgets the OnceBeforePage hooks of the page of
// action that body asks for. Called without s.mu.
func (s *Server) runPageHooks(action string, body []byte) {
	var req struct {
		PageNum *int `json:"pageNum"`
	}
	if json.Unmarshal(body, &req) != nil {
		return
	}
	num := 1
	if req.PageNum != nil {
		num = *req.PageNum
	}
	s.runHooks(pageHookKey(action, num))
}

func pageHookKey(action string, num int) string { return fmt.Sprintf("%s page %d", action, num) }

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

// newID returns a fresh id with a prefix, unique within this server.
func (s *Server) newID(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s-%08x%04d", prefix, uint32(s.opts.Now().UnixNano()), s.seq)
}

func (s *Server) now() time.Time { return s.opts.Now() }

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
	for id := range s.zec.disks {
		inv["zec_disk"] = append(inv["zec_disk"], id)
	}
	for id := range s.zec.instances {
		inv["zec_instance"] = append(inv["zec_instance"], id)
	}
	for _, name := range sortedKeys(s.backends) {
		s.backends[name].inventory(inv)
	}
	for _, ids := range inv {
		sort.Strings(ids)
	}
	return inv
}

func (s *Server) serveInventory(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Inventory())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// bucket is a token bucket for one key.
type bucket struct {
	tokens float64
	last   time.Time
}

// allow takes a token for key, or says how long until one is there.
// Called with s.mu held.
func (s *Server) allow(key string) (bool, time.Duration) {
	if s.opts.RateLimit <= 0 {
		return true, 0
	}
	now := s.now()
	b := s.buckets[key]
	if b == nil {
		b = &bucket{tokens: float64(s.opts.RateBurst), last: now}
		s.buckets[key] = b
	}
	b.tokens = min(float64(s.opts.RateBurst), b.tokens+now.Sub(b.last).Seconds()*s.opts.RateLimit)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / s.opts.RateLimit * float64(time.Second))
}

// errAPI is an error answer of an emulated action.
type errAPI struct {
	status  int
	code    string
	message string
}

func (e *errAPI) Error() string { return e.code + ": " + e.message }

func apiErr(status int, code, format string, args ...any) *errAPI {
	return &errAPI{status: status, code: code, message: fmt.Sprintf(format, args...)}
}
