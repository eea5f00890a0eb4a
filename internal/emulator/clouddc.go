package emulator

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// CloudDC, the bare-metal API of the emulated Huawei Cloud (routed in
// huaweicloud.go): instances (an OS installed on one of the customer's
// physical servers, clouddc_instances*.go) and the physical servers
// (clouddc_servers.go), with the documented constraints and error codes
// (iMetal.0001 / 0002 400, 0004 403, 0099 500, 0100 404, 0101 400, 0200 404,
// 0201 400 for an operation the instance's state does not allow).

const (
	cdcMaxNICs         = 2
	cdcMaxMetadata     = 10
	cdcMaxDescription  = 255
	cdcMaxIDsPerFilter = 100
	cdcMaxBatch        = 50 // DeleteInstances and ReinstallOs (the newer document; the SDK says 10)
	cdcMinLimit        = 10
	cdcMaxLimit        = 1000
	cdcFirstHostOctet  = 10
	cdcPasswordSpecial = "!@$%^-_=+[{}]:,./?"
	cdcTimeFormat      = time.RFC3339
)

func invalidParam(format string, args ...any) *errAPI {
	return apiErr(http.StatusBadRequest, cdcCodeInvalidParameter, "A request parameter contains invalid or unsupported value: "+format, args...)
}

func missingParams(names ...string) *errAPI {
	return apiErr(http.StatusBadRequest, cdcCodeMissingParameter, "Missing required parameters: %s", strings.Join(names, ", "))
}

// requiredString is the error of a required string parameter that is absent or empty (nil: it is given).
func requiredString(name string, v *string) *errAPI {
	if v == nil || *v == "" {
		return missingParams(name)
	}
	return nil
}

func instancesNotFound(ids ...string) *errAPI {
	return apiErr(http.StatusNotFound, cdcCodeInstanceNotFound, "Instances not found: [%s]", strings.Join(ids, ", "))
}

func instanceStateErr(i *cdcInstance, op string, allowed ...string) *errAPI {
	return apiErr(http.StatusBadRequest, cdcCodeInstanceState, "Instances state does not allow %s: [%s] is %s (allowed: %s)", op, i.ID, i.State, strings.Join(allowed, ", "))
}

// decodeCDC decodes a body strictly: unknown fields and wrong types are
// iMetal.0001. A wrong type is named by its JSON path, never by the Go
// types the emulator decodes into (the API knows nothing of them).
func decodeCDC(body []byte, v any) *errAPI {
	err := decodeJSON(body, v)
	var wrongType *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &wrongType):
		return invalidParam("the body is not valid: field %s: a JSON %s where %s is expected", wrongType.Field, wrongType.Value, wrongType.Type)
	}
	return invalidParam("the body is not valid: %v", err)
}

// cdcRequest is what a CloudDC handler sees of a request.
type cdcRequest struct {
	r    *http.Request
	body []byte
	id   string // the {id} path value, if any
}

// cdcAnswer is what a handler answers: a status, a JSON body (nil: none),
// the ids it touched and a note for the log (the state a status read answered).
type cdcAnswer struct {
	status int
	body   any
	ids    []string
	note   string
}

// cdcHandler handles one CloudDC operation. It is called with s.mu held
// and the state advanced to now.
type cdcHandler func(req cdcRequest) (cdcAnswer, *errAPI)

// handle wraps a CloudDC operation: it reads the body, authenticates the
// request like the API gateway, checks the project, runs the test hooks,
// injected faults and the rate limit, and logs the answer.
func (h *huaweiState) handle(action string, fn cdcHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := h.s
		requestID := h.requestID()
		w.Header().Set("X-Request-Id", requestID)
		entry := LogEntry{API: "clouddc", Action: action}
		if id := r.PathValue("id"); id != "" {
			entry.IDs = []string{id}
		}
		fail := func(e *errAPI) {
			s.mu.Lock()
			entry.Time, entry.Status, entry.Code, entry.Message = s.now(), e.status, e.code, e.message
			s.record(entry)
			s.mu.Unlock()
			writeHuaweiError(w, e, requestID)
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20+1))
		if err != nil || len(body) > 1<<20 {
			fail(apiErr(http.StatusBadRequest, cdcCodeInvalidParameter, "A request parameter contains invalid or unsupported value: the body could not be read or is larger than 1 MiB"))
			return
		}
		s.mu.Lock()
		principal, e := h.authenticate(r, body)
		if e == nil && r.PathValue("project_id") != principal.projectID {
			e = apiErr(http.StatusForbidden, cdcCodeForbidden, "Insufficient permissions: project %s is not the project of these credentials", r.PathValue("project_id"))
		}
		s.mu.Unlock()
		if e != nil {
			fail(e)
			return
		}

		s.runHooks("clouddc." + action)
		s.mu.Lock()
		if e := h.takeFault("clouddc." + action); e != nil {
			s.mu.Unlock()
			fail(e)
			return
		}
		if ok, _ := s.allow("huawei:" + principal.key); !ok {
			s.mu.Unlock()
			fail(&errAPI{status: http.StatusTooManyRequests}) // the API's 429 has no body
			return
		}
		s.advanceAll()
		s.beginAsyncFail(r)
		ans, herr := fn(cdcRequest{r: r, body: body, id: r.PathValue("id")})
		s.endAsyncFail()
		s.mu.Unlock()
		if herr != nil {
			fail(herr)
			return
		}
		s.mu.Lock()
		if len(ans.ids) > 0 {
			entry.IDs = ans.ids
		}
		entry.Time, entry.Status, entry.Message = s.now(), ans.status, ans.note
		s.record(entry)
		s.mu.Unlock()
		if ans.body == nil {
			w.WriteHeader(ans.status)
			return
		}
		writeJSON(w, ans.status, ans.body)
	}
}

// cdcLimit is the limit of a marker-paged listing: 10 to 1000 (a value
// outside is brought inside), 1000 when absent.
func cdcLimit(q url.Values) (int, *errAPI) {
	v := q.Get("limit")
	if v == "" {
		return cdcMaxLimit, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, invalidParam("limit %q is not a number", v)
	}
	return min(max(n, cdcMinLimit), cdcMaxLimit), nil
}

// markerPage is one page of a marker-paged listing (ListInstances,
// ListServers): at most limit of the objects after the one named marker
// (from the first when marker is empty), and its page_info: current_count,
// next_marker when more follow, and previous_marker when previous is set
// and objects come before (ListServers documents no previous_marker). what
// names the objects ("a server") in the error for an unknown marker.
func markerPage[O any](match []O, marker string, limit int, what string, previous bool, idOf func(O) string) ([]O, map[string]any, *errAPI) {
	start := 0
	if marker != "" {
		start = -1
		for k, o := range match {
			if idOf(o) == marker {
				start = k + 1
			}
		}
		if start < 0 {
			return nil, nil, invalidParam("marker %q is not %s of this listing", marker, what)
		}
	}
	end := min(len(match), start+limit)
	info := map[string]any{"current_count": end - start}
	if end < len(match) && end > start {
		info["next_marker"] = idOf(match[end-1])
	}
	if previous && start > 0 {
		info["previous_marker"] = idOf(match[start-1])
	}
	return match[start:end], info, nil
}
