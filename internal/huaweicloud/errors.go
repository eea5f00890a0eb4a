package huaweicloud

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// APIError is an error answer of a Huawei Cloud API (or of its gateway), or
// an answer the client could not make sense of.
type APIError struct {
	// Service and Operation name the call ("clouddc", "DeleteInstance").
	Service    string
	Operation  string
	HTTPStatus int
	Code       string
	Message    string
	RequestID  string
	// Hint, if set, says what the user can do about the error.
	Hint string
}

func (e *APIError) Error() string {
	return transport.ErrorMessage{Call: "huaweicloud " + e.Service + " " + e.Operation, Status: e.HTTPStatus, Code: e.Code, Message: e.Message,
		RequestIDLabel: "request id", RequestID: e.RequestID, Hint: e.Hint}.String()
}

// Error codes the provider treats specially (CloudDC "iMetal" codes and the API gateway's).
const (
	CodeInvalidParameter   = "iMetal.0001"
	CodeMissingParameter   = "iMetal.0002"
	CodeUnauthorized       = "iMetal.0003"
	CodeForbidden          = "iMetal.0004"
	CodeTooManyRequests    = "iMetal.0005"
	CodeInternalError      = "iMetal.0099"
	CodeServerNotFound     = "iMetal.0100"
	CodeServerNotReady     = "iMetal.0101"
	CodeInstanceNotFound   = "iMetal.0200"
	CodeInstanceState      = "iMetal.0201"
	CodeGatewayAuthFailure = "APIGW.0301"
	// CodeMalformedResponse is the client's own code for an answer it cannot decode.
	CodeMalformedResponse = "MALFORMED_RESPONSE"
)

// HasCode reports whether err is an API error with the given code.
func HasCode(err error, code string) bool {
	return transport.ErrorIs(err, func(ae *APIError) bool { return ae.Code == code })
}

// IsAuthError reports whether err is an authentication failure (HTTP 401).
func IsAuthError(err error) bool {
	return transport.ErrorIs(err, func(ae *APIError) bool { return ae.HTTPStatus == http.StatusUnauthorized })
}

// IsNotFoundCode reports whether err is the API's answer "no such
// instance" (404 iMetal.0200). A 404 without that code (a wrong endpoint,
// an unpublished API) is not: it must never make an instance look deleted.
// Only finders use it; everything else checks *NotFoundError.
func IsNotFoundCode(err error) bool {
	return transport.ErrorIs(err, func(ae *APIError) bool {
		return ae.HTTPStatus == http.StatusNotFound && ae.Code == CodeInstanceNotFound
	})
}

// NotFoundError is what finders return when the object does not exist.
type NotFoundError = transport.NotFoundError

// IsNotFound reports whether err is (or wraps) a *NotFoundError.
func IsNotFound(err error) bool { return transport.IsNotFound(err) }

// decodeError builds the APIError of a non-2xx answer. Huawei Cloud APIs
// answer {"error_code", "error_msg"}; some use {"code", "message"}; IAM
// (Keystone) nests {"error": {"code", "message", "title"}}; a 429 may have
// no body at all. The request id is the X-Request-Id header (or a
// "request_id" field of the body).
func decodeError(service, operation string, status int, header http.Header, body []byte) *APIError {
	e := &APIError{Service: service, Operation: operation, HTTPStatus: status, RequestID: header.Get("X-Request-Id")}
	var obj map[string]any
	if json.Unmarshal(body, &obj) == nil && obj != nil {
		e.Code, e.Message = findCodeMessage(obj, 0)
		if e.RequestID == "" {
			if rid, ok := obj["request_id"].(string); ok {
				e.RequestID = rid
			}
		}
	}
	// A hostile body must not flood the diagnostics.
	e.Code, e.Message, e.RequestID = transport.ClipAnswer(e.Code, e.Message, e.RequestID)
	if e.Code == "" {
		e.Code = "HTTP_" + strconv.Itoa(status)
		if e.Message == "" {
			e.Message = statusText(status, body)
		}
	}
	return e
}

// decodeBody decodes a 2xx answer into out. An answer it cannot use (no
// body, not JSON, cut short, fields of the wrong type) is a
// CodeMalformedResponse error naming the call, the status, the request id
// and the start of the body. Callers do not retry it, reads included: such
// an answer comes from something between the client and the API (a proxy)
// or from an API change, which a second try does not fix; for a create it
// is ambiguous (the API may have acted), so the create is looked up by its
// token, never re-sent. The same goes for an answer over maxResponseBytes
// (exchange).
func decodeBody(service, operation string, ans answer, out any) error {
	problem := ""
	if len(bytes.TrimSpace(ans.body)) == 0 {
		problem = "the answer has no body"
	} else if err := json.Unmarshal(ans.body, out); err != nil {
		problem = transport.DecodeProblem(err)
	}
	if problem == "" {
		return nil
	}
	return &APIError{Service: service, Operation: operation, HTTPStatus: ans.status, Code: CodeMalformedResponse,
		Message: problem + ": " + transport.Excerpt(ans.body), RequestID: ans.header.Get("X-Request-Id")}
}

// findCodeMessage looks for error_code/error_msg, then code/message, then
// recurses into nested objects (as the Huawei SDKs do).
func findCodeMessage(obj map[string]any, depth int) (string, string) {
	if code, msg := str(obj["error_code"]), str(obj["error_msg"]); code != "" || msg != "" {
		return code, msg
	}
	if code, msg := str(obj["code"]), str(obj["message"]); code != "" && msg != "" {
		return code, msg
	}
	if depth > 3 {
		return "", ""
	}
	for _, key := range []string{"error", "errors"} {
		if nested, ok := obj[key].(map[string]any); ok {
			if code, msg := findCodeMessage(nested, depth+1); code != "" || msg != "" {
				if title := str(nested["title"]); title != "" && code != "" && !strings.Contains(msg, title) {
					msg = title + ": " + msg
				}
				return code, msg
			}
		}
	}
	for _, v := range obj {
		if nested, ok := v.(map[string]any); ok {
			if code, msg := findCodeMessage(nested, depth+1); code != "" || msg != "" {
				return code, msg
			}
		}
	}
	return "", ""
}

// str turns a JSON string or number into a string.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

func statusText(status int, body []byte) string {
	text := http.StatusText(status)
	if s := transport.Snippet(body); s != "" {
		return text + ": " + s
	}
	return text + " (empty body)"
}
