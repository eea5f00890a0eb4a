package emulator

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// Zenlayer API 2.0 common error codes the emulator answers.
const (
	codeAuthMissing        = "AUTHFAILURE_MISSING_AUTHORIZATION"
	codeAuthInvalid        = "AUTHFAILURE_INVALID_AUTHORIZATION"
	codeAuthSecretNotFound = "AUTHFAILURE_SECRET_ID_NOT_FOUND"
	codeAuthSignature      = "AUTHFAILURE_SIGNATURE_FAILURE"
	codeAuthExpired        = "AUTHFAILURE_SIGNATURE_EXPIRED"
	codeInvalidAction      = "INVALID_ACTION"
	codeInvalidVersion     = "INVALID_VERSION"
	codeInvalidService     = "INVALID_SERVICE"
	codeMissingParameter   = "MISSING_PARAMETER"
	codeInvalidParameter   = "INVALID_PARAMETER"
	codeInvalidValue       = "INVALID_PARAMETER_VALUE"
	codeInvalidContentType = "INVALID_CONTENT_TYPE"
	codeRateLimit          = "REQUEST_LIMIT_EXCEEDED"
	codeInternal           = "INTERNAL_SERVER_ERROR"
)

// zenlayerAction handles one action: it takes the request body (action
// decodes it for the handlers) and returns the action's output (the fields
// beside requestId in "response") and the ids it touched, for the log.
// It is called with s.mu held and the state advanced to now.
type zenlayerAction func(body []byte) (map[string]any, []string, error)

// zenlayerVersions are the versions each service serves: the APIVersion of
// the SDK's package of the service (zenlayercloud-sdk-go v0.2.40,
// zenlayercloud/zec20250901/client.go and bmc20221120/client.go, const APIVersion).
var zenlayerVersions = map[string]string{"zec": "2025-09-01", "bmc": "2022-11-20"}

func (s *Server) zenlayerActions(service string) map[string]zenlayerAction {
	for _, b := range s.backends {
		if zb, ok := b.(zenlayerBackend); ok && zb.zenlayerService() == service {
			return zb.actions()
		}
	}
	return nil
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
	if e := s.checkZenlayerRequest(r, service, action, body); e != nil {
		fail(e)
		return
	}

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
	handler := s.zenlayerActions(service)[action]
	if handler == nil {
		s.mu.Unlock()
		fail(apiErr(http.StatusBadRequest, codeInvalidAction, "The action %q is not supported by service %s.", action, service))
		return
	}
	s.advanceAll()
	s.beginAsyncFail(r)
	out, ids, herr := handler(body)
	s.endAsyncFail()
	entry.IDs = ids
	s.mu.Unlock()
	if herr != nil {
		var e *errAPI
		if !errors.As(herr, &e) {
			e = apiErr(http.StatusInternalServerError, codeInternal, "%v", herr)
		}
		fail(e)
		return
	}
	if out == nil {
		out = map[string]any{}
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
func (s *Server) checkZenlayerRequest(r *http.Request, service, action string, body []byte) *errAPI {
	version, ok := zenlayerVersions[service]
	if !ok {
		return apiErr(http.StatusNotFound, codeInvalidService, "The service %q does not exist.", service)
	}
	if action == "" {
		return apiErr(http.StatusBadRequest, codeMissingParameter, "The header X-ZC-Action is missing.")
	}
	if v := r.Header.Get("X-ZC-Version"); v != version {
		return apiErr(http.StatusBadRequest, codeInvalidVersion, "The version %q is not supported by service %s (supported: %s).", v, service, version)
	}
	ct := r.Header.Get("Content-Type")
	if !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		return apiErr(http.StatusBadRequest, codeInvalidContentType, "Content-Type must be application/json, got %q.", ct)
	}
	return s.authenticateZenlayer(r, ct, body)
}

// action makes a zenlayerAction of a handler that takes its request
// decoded: the body is decoded into a new T first, as decodeStrict does.
func action[T any](handle func(req *T) (map[string]any, []string, error)) zenlayerAction {
	return func(body []byte) (map[string]any, []string, error) {
		req := new(T)
		if e := decodeStrict(body, req); e != nil {
			return nil, nil, e
		}
		return handle(req)
	}
}

// decodeStrict decodes an action's body, refusing unknown fields and wrong
// types as the API does (INVALID_PARAMETER).
func decodeStrict(body []byte, v any) *errAPI {
	if err := decodeJSON(body, v); err != nil {
		return apiErr(http.StatusBadRequest, codeInvalidParameter, "The request body is invalid: %v.", err)
	}
	return nil
}

func errMissing(name string) *errAPI {
	return apiErr(http.StatusBadRequest, codeMissingParameter, "The parameter %s is required.", name)
}

const defaultResourceGroup = "rg-default-emulator"
