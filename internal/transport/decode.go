package transport

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"unicode/utf8"
)

// TooLarge is the message for an answer over a client's limit of limit
// bytes: it is refused, not decoded.
func TooLarge(operation string, limit int) string {
	return fmt.Sprintf("answer of %s is larger than %d MiB; refusing to decode", operation, limit>>20)
}

// DecodeProblem says in plain words why a JSON answer could not be
// decoded: not JSON (where), cut short, or a field of the wrong type
// (which, what it is, what the client expects). It never quotes the body:
// callers add a short excerpt.
func DecodeProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || (err != nil && strings.Contains(err.Error(), "unexpected end of JSON input")):
		return "the answer is cut short (truncated JSON)"
	case errors.As(err, &syn):
		return fmt.Sprintf("the answer is not valid JSON (at byte %d: %s)", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "(the whole answer)"
		}
		return fmt.Sprintf("field %s of the answer is a JSON %s, the client expects %s", Clip(field, 100), Clip(typ.Value, 40), jsonKind(typ.Type))
	case err == nil:
		return ""
	}
	return "the answer could not be decoded: " + Clip(err.Error(), 200)
}

// jsonKind names the JSON form of a Go type.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "another type"
}

// Clip bounds a piece of a hostile answer (an error code or message, a
// field name) quoted in an error message to about n bytes.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// ErrAnswerTooLarge is ReadAnswer's error for an answer over its limit.
var ErrAnswerTooLarge = errors.New("the answer is larger than the client reads")

// ReadAnswer reads the body of an HTTP answer whole, but never more than
// limit bytes of it: the API clients read every answer through it. An
// answer over the limit is ErrAnswerTooLarge: refused before a byte of it is
// read when its Content-Length announces it, else once limit+1 bytes have
// come (those are returned with the error: a request id may be found in
// them). Any other error is a failure to read the answer, a transport
// failure (TransportVerdict). It does not close the body.
func ReadAnswer(resp *http.Response, limit int) ([]byte, error) {
	if resp.ContentLength > int64(limit) {
		return nil, ErrAnswerTooLarge
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, int64(limit)+1))
	if err == nil && len(body) > limit {
		return body, ErrAnswerTooLarge
	}
	return body, err
}

// Snippet returns a short, printable start of a body for an error message:
// about 200 bytes, control characters and broken UTF-8 as spaces, "" for a
// blank body.
func Snippet(b []byte) string {
	const n = 200
	s := string(b)
	if len(s) > n {
		s = s[:n] + "…"
	}
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || (r < 0x20 && r != ' ') {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// Excerpt is Snippet, or "(empty body)" for a blank body.
func Excerpt(b []byte) string {
	if s := Snippet(b); s != "" {
		return s
	}
	return "(empty body)"
}
