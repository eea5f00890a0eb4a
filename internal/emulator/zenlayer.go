package emulator

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// zenlayerAction handles one action: it takes the checked request and
// returns the action's output (the fields beside requestId in "response",
// which the version's model then trims or completes) and the ids it
// touched, for the log. It is called with s.mu held and the state advanced
// to now.
type zenlayerAction func(c *call) (any, []string, error)

// call is one request to an action: its checked body, and the version it
// was made in with the shape of the action there.
type call struct {
	params
	version string
	shape   apiShape
}

// answers reports whether the action's answer in this version has the
// field at path (a version may lack a field another has).
func (c *call) answers(path string) bool { return c.shape.response.has(path) }

// serviceNamed is the Zenlayer service of that name, if a backend serves
// it: each backend is registered under its service's name, so only that
// backend's actions are built for a request.
func (s *Server) serviceNamed(name string) (zenlayerService, bool) {
	if zb, ok := s.backends[name].(zenlayerBackend); ok {
		if zs := zb.service(); zs.name == name {
			return zs, true
		}
	}
	return zenlayerService{}, false
}

func (s *Server) serveZenlayer(w http.ResponseWriter, r *http.Request) {
	service := r.PathValue("service")
	action := r.Header.Get("X-ZC-Action")
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20+1))
	requestID := ""
	s.mu.Lock()
	requestID = s.newRequestID()
	entry := LogEntry{Time: s.now(), API: service, Action: action}
	s.mu.Unlock()

	fail := func(e *errAPI) {
		s.mu.Lock()
		entry.Status, entry.Code, entry.Message = e.status, e.code, e.message
		s.record(entry)
		s.mu.Unlock()
		writeJSON(w, e.status, map[string]any{"requestId": requestID, "code": e.code, "message": e.message})
	}
	if err != nil || len(body) > 1<<20 {
		fail(apiErr(http.StatusBadRequest, codeInvalidParameter, "The request body could not be read or is larger than 1 MiB."))
		return
	}
	zs, served := s.serviceNamed(service)
	if e := s.checkZenlayerRequest(r, zs, served, service, action, body); e != nil {
		fail(e)
		return
	}
	version := r.Header.Get("X-ZC-Version")

	s.runHooks(service + "." + action)
	s.runPageHooks(service+"."+action, body)
	s.mu.Lock()
	key := accessKeyOf(r)
	if ok, wait := s.allow(key); !ok {
		s.mu.Unlock()
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		fail(apiErr(http.StatusTooManyRequests, codeRateLimit, "Request rate limit exceeded, please try again later."))
		return
	}
	handler, shape, e := zs.action(version, action)
	if e != nil {
		s.mu.Unlock()
		fail(e)
		return
	}
	p, e := decodeParams(body, shape.request)
	if e != nil {
		s.mu.Unlock()
		fail(e)
		return
	}
	s.advanceAll()
	s.beginAsyncFail(r)
	answer, ids, herr := handler(&call{params: p, version: version, shape: shape})
	s.endAsyncFail()
	entry.IDs = ids
	var out map[string]any
	if herr == nil {
		// Shaped under the lock: the answer may share slices with the state.
		out, herr = shape.response.project(answer)
	}
	s.mu.Unlock()
	if herr != nil {
		var e *errAPI
		if !errors.As(herr, &e) {
			e = apiErr(http.StatusInternalServerError, codeInternal, "%v", herr)
		}
		fail(e)
		return
	}
	out["requestId"] = requestID
	s.mu.Lock()
	entry.Status = http.StatusOK
	s.record(entry)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"requestId": requestID, "response": out})
}

func (s *Server) newRequestID() string {
	s.seq++
	return fmt.Sprintf("T%08X-%04X-EMUL-%012d", uint32(s.now().UnixNano()), s.seq&0xffff, s.seq)
}

// checkZenlayerRequest verifies the common request parameters and the signature.
func (s *Server) checkZenlayerRequest(r *http.Request, zs zenlayerService, served bool, service, action string, body []byte) *errAPI {
	if !served {
		return apiErr(http.StatusNotFound, codeInvalidService, "The service %q does not exist.", service)
	}
	if action == "" {
		return apiErr(http.StatusBadRequest, codeMissingParameter, "The header X-ZC-Action is missing.")
	}
	if v := r.Header.Get("X-ZC-Version"); zs.versions[v] == nil {
		return apiErr(http.StatusBadRequest, codeInvalidVersion, "The version %q is not supported by service %s (supported: %s).",
			v, service, strings.Join(sortedKeys(zs.versions), ", "))
	}
	ct := r.Header.Get("Content-Type")
	if !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		return apiErr(http.StatusBadRequest, codeInvalidContentType, "Content-Type must be application/json, got %q.", ct)
	}
	return s.authenticateZenlayer(r, ct, body)
}

// action is the handler of an action and its shape in a version the
// service serves: INVALID_ACTION if the version has no such action.
func (zs zenlayerService) action(version, action string) (zenlayerAction, apiShape, *errAPI) {
	shape, ok := zs.versions[version][action]
	handler := zs.actions[action]
	if !ok || handler == nil {
		return nil, apiShape{}, apiErr(http.StatusBadRequest, codeInvalidAction, "The action %q is not supported by service %s in version %s.", action, zs.name, version)
	}
	return handler, shape, nil
}

func errMissing(name string) *errAPI {
	return apiErr(http.StatusBadRequest, codeMissingParameter, "The parameter %s is required.", name)
}

const defaultResourceGroup = "rg-default-emulator"

// resourceGroupName is the name of a resource group: the default one has a
// name, any other is named by its id.
func resourceGroupName(id string) string {
	if id == defaultResourceGroup {
		return "Default Resource Group"
	}
	return id
}
