package transport

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
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
