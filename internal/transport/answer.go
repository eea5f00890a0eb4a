package transport

import (
	"errors"
	"fmt"
	"slices"
)

// ErrorMessage is the text of an API's error answer, in the one form every
// client uses: "<Call>: <Code> (HTTP <Status>)", then ": <Message>",
// " (<RequestIDLabel> <RequestID>)" and ". <Hint>" for those that are set.
type ErrorMessage struct {
	// Call names the API and the call ("zenlayer zec DescribeDisks").
	Call    string
	Status  int
	Code    string
	Message string
	// RequestIDLabel is the API's own name of its request id ("requestId").
	RequestIDLabel string
	RequestID      string
	// Hint, if set, says what the user can do about the error.
	Hint string
}

func (m ErrorMessage) String() string {
	msg := fmt.Sprintf("%s: %s (HTTP %d)", m.Call, m.Code, m.Status)
	if m.Message != "" {
		msg += ": " + m.Message
	}
	if m.RequestID != "" {
		msg += " (" + m.RequestIDLabel + " " + m.RequestID + ")"
	}
	if m.Hint != "" {
		msg += ". " + m.Hint
	}
	return msg
}

// ClipAnswer bounds the code, message and request id of an error answer
// (100, 1000 and 100 bytes): a hostile body must not flood the diagnostics.
func ClipAnswer(code, message, requestID string) (string, string, string) {
	return Clip(code, 100), Clip(message, 1000), Clip(requestID, 100)
}

// RedactAnswer removes secrets from the code, message and request id of an
// error answer (a server may echo a secret back), which become diagnostics.
func RedactAnswer(secrets []string, code, message, requestID string) (string, string, string) {
	return Redact(code, secrets...), Redact(message, secrets...), Redact(requestID, secrets...)
}

// NotFoundError is what the clients' finders return when the object does
// not exist. Only a finder turns an API's not-found answer into one;
// everything else checks for it (IsNotFound).
type NotFoundError struct {
	// Kind and ID name the object ("ZEC disk", its id).
	Kind string
	ID   string
	// Cause is the API error, if the API answered one (nil for an empty list).
	Cause error
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %s not found", e.Kind, e.ID) }
func (e *NotFoundError) Unwrap() error { return e.Cause }

// IsNotFound reports whether err is (or wraps) a *NotFoundError.
func IsNotFound(err error) bool {
	var nf *NotFoundError
	return errors.As(err, &nf)
}

// ErrorIs reports whether err is (or wraps) an E that match accepts: the
// one shape of the clients' predicates on their API errors (HasCode,
// IsAuthError, IsNotFoundCode).
func ErrorIs[E error](err error, match func(E) bool) bool {
	e, ok := errors.AsType[E](err)
	return ok && match(e)
}

// Chunked calls list for ids in parts of at most size ids, in order, and
// returns all that the calls answered; the first error ends it. The APIs
// take a bounded number of ids per call.
func Chunked[T any](ids []string, size int, list func(part []string) ([]T, error)) ([]T, error) {
	var all []T
	for part := range slices.Chunk(ids, size) {
		got, err := list(part)
		if err != nil {
			return nil, err
		}
		all = append(all, got...)
	}
	return all, nil
}
