package zenlayer

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// APIError is an error answer of the Zenlayer API, or a response the client
// could not make sense of.
type APIError struct {
	Service    string
	Action     string
	HTTPStatus int
	Code       string
	Message    string
	RequestID  string
}

func (e *APIError) Error() string {
	hint := ""
	if e.HTTPStatus == http.StatusUnauthorized {
		hint = "The API refused the credentials: check the access key id and password (zenlayer.access_key_id / " +
			"zenlayer.access_key_password, or ZENLAYERCLOUD_ACCESS_KEY_ID / ZENLAYERCLOUD_ACCESS_KEY_PASSWORD) " +
			"and that this machine's clock is right (signatures expire after 5 minutes)"
	}
	return transport.ErrorMessage{Call: "zenlayer " + e.Service + " " + e.Action, Status: e.HTTPStatus, Code: e.Code, Message: e.Message,
		RequestIDLabel: "requestId", RequestID: e.RequestID, Hint: hint}.String()
}

// Error codes the provider treats specially.
const (
	CodeRequestLimitExceeded    = "REQUEST_LIMIT_EXCEEDED"
	CodeInternalServerError     = "INTERNAL_SERVER_ERROR"
	CodeServiceUnavailable      = "SERVICE_TEMPORARY_UNAVAILABLE"
	CodeRequestTimedOut         = "REQUEST_TIMED_OUT"
	CodeDiskNotFound            = "INVALID_DISK_NOT_FOUND"
	CodeInstanceNotFound        = "INVALID_INSTANCE_NOT_FOUND"
	CodeResourceNotFound        = "RESOURCE_NOT_FOUND"
	CodeOperationFailedNotFound = "OPERATION_FAILED_RESOURCE_NOT_FOUND"
	CodeDiskNotPortable         = "INVALID_DISK_NOT_PORTABLE"
	CodeUnsupportedDiskStatus   = "UNSUPPORTED_OPERATION_DISK_STATUS"
	// CodeDiskBeingRecycled answers ReleaseDisk of a disk already on its
	// way into the recycle bin: the release took effect (the official
	// provider takes it for success).
	CodeDiskBeingRecycled = "UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE"
	// CodeOperationTimeout is a timeout of the API's back end: the call may
	// have been applied. Retried when that is safe; a create is looked up.
	CodeOperationTimeout = "INVALID_OPERATION_TIMEOUT"
	// CodeMalformedResponse is the client's own code for an answer it cannot decode.
	CodeMalformedResponse = "MALFORMED_RESPONSE"
)

var notFoundCodes = []string{CodeDiskNotFound, CodeInstanceNotFound, CodeResourceNotFound, CodeOperationFailedNotFound}

// retryableCodes are server-side conditions that a later identical request may not meet.
var retryableCodes = []string{CodeRequestLimitExceeded, CodeInternalServerError, CodeServiceUnavailable, CodeRequestTimedOut, CodeOperationTimeout}

// IsNotFoundCode reports whether err is an API answer meaning "no such object".
// Only finders should use it; everything else checks for *NotFoundError.
func IsNotFoundCode(err error) bool {
	return transport.ErrorIs(err, func(ae *APIError) bool {
		return slices.Contains(notFoundCodes, ae.Code) || (ae.HTTPStatus == http.StatusNotFound && ae.Code == "")
	})
}

// HasCode reports whether err is an API error with the given code.
func HasCode(err error, code string) bool {
	return transport.ErrorIs(err, func(ae *APIError) bool { return ae.Code == code })
}

// IsAuthError reports whether err is an authentication failure (never retried).
func IsAuthError(err error) bool {
	return transport.ErrorIs(err, func(ae *APIError) bool { return ae.HTTPStatus == http.StatusUnauthorized })
}

// NotFoundError is what finders return when the object does not exist.
type NotFoundError = transport.NotFoundError

// IsNotFound reports whether err is (or wraps) a *NotFoundError.
func IsNotFound(err error) bool { return transport.IsNotFound(err) }

// BatchError reports the ids a batch action answered as failed.
type BatchError struct {
	Action    string
	FailedIDs []string
	RequestID string
}

func (e *BatchError) Error() string {
	return fmt.Sprintf("zenlayer %s failed for %v (requestId %s)", e.Action, e.FailedIDs, e.RequestID)
}

// For returns the error of one id: a *BatchError for that id alone if the
// action failed for it, nil if it did not.
func (e *BatchError) For(id string) error {
	if !slices.Contains(e.FailedIDs, id) {
		return nil
	}
	return &BatchError{Action: e.Action, FailedIDs: []string{id}, RequestID: e.RequestID}
}
