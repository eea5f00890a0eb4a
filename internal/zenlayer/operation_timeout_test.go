package zenlayer

import (
	"net/http"
	"testing"
)

// INVALID_OPERATION_TIMEOUT: the back end timed out after it may have
// acted. A create that gets it is looked up, whatever the HTTP status the
// API gives it, and an idempotent call retries it.
func TestOperationTimeoutIsAmbiguous(t *testing.T) {
	for _, status := range []int{http.StatusBadRequest, http.StatusInternalServerError, http.StatusGatewayTimeout} {
		err := &APIError{Service: "zec", Action: "CreateZecInstances", HTTPStatus: status, Code: CodeOperationTimeout}
		if !Ambiguous(err) {
			t.Errorf("HTTP %d %s is not ambiguous", status, CodeOperationTimeout)
		}
	}
	if Ambiguous(&APIError{HTTPStatus: http.StatusBadRequest, Code: "INVALID_ZONE_NOT_FOUND"}) {
		t.Error("a refusal is ambiguous")
	}
	v, _ := decodeAnswer(ZEC, "DescribeDisks", http.StatusBadRequest, http.Header{},
		[]byte(`{"requestId":"r","code":"INVALID_OPERATION_TIMEOUT","message":"timed out"}`), nil, true)
	if !v.Retry {
		t.Error("an idempotent call answered INVALID_OPERATION_TIMEOUT is not retried")
	}
}
