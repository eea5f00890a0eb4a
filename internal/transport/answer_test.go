package transport_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestReadAnswer(t *testing.T) {
	read := func(body io.Reader, length int64) ([]byte, error) {
		resp := &http.Response{Body: io.NopCloser(body), ContentLength: length}
		defer func() { _ = resp.Body.Close() }()
		return transport.ReadAnswer(resp, 10)
	}
	got, err := read(strings.NewReader("0123456789"), 10)
	if err != nil || string(got) != "0123456789" {
		t.Fatalf("at the limit: %q, %v", got, err)
	}
	// Announced too large: nothing is read.
	body := strings.NewReader("0123456789x")
	got, err = read(body, 11)
	if !errors.Is(err, transport.ErrAnswerTooLarge) || got != nil || body.Len() != 11 {
		t.Fatalf("announced: %q, %v, %d bytes left", got, err, body.Len())
	}
	// Found too large: limit+1 bytes are read and returned.
	got, err = read(strings.NewReader(strings.Repeat("y", 50)), -1)
	if !errors.Is(err, transport.ErrAnswerTooLarge) || len(got) != 11 {
		t.Fatalf("found: %q, %v", got, err)
	}
	_, err = read(failingReader{}, -1)
	if err == nil || errors.Is(err, transport.ErrAnswerTooLarge) {
		t.Fatalf("read error: %v", err)
	}
}

func TestSnippetAndExcerpt(t *testing.T) {
	if got := transport.Snippet([]byte(" \x00a\x01b\n ")); got != "a b" {
		t.Errorf("Snippet = %q", got)
	}
	if got := transport.Snippet([]byte(strings.Repeat("z", 300))); got != strings.Repeat("z", 200)+"…" {
		t.Errorf("Snippet of a long body = %q", got)
	}
	if got, want := transport.Excerpt([]byte(" \n")), "(empty body)"; got != want || transport.Snippet([]byte(" \n")) != "" {
		t.Errorf("Excerpt of a blank body = %q, want %q", got, want)
	}
}

func TestErrorMessage(t *testing.T) {
	m := transport.ErrorMessage{Call: "api svc Op", Status: 400, Code: "BAD"}
	if got, want := m.String(), "api svc Op: BAD (HTTP 400)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	m.Message, m.RequestIDLabel, m.RequestID, m.Hint = "no", "requestId", "r-1", "Fix it"
	if got, want := m.String(), "api svc Op: BAD (HTTP 400): no (requestId r-1). Fix it"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestChunked(t *testing.T) {
	var calls [][]string
	got, err := transport.Chunked([]string{"a", "b", "c", "d", "e"}, 2, func(part []string) ([]string, error) {
		calls = append(calls, part)
		return part, nil
	})
	if err != nil || !slices.Equal(got, []string{"a", "b", "c", "d", "e"}) || len(calls) != 3 {
		t.Fatalf("got %v, %v after %v", got, err, calls)
	}
	_, err = transport.Chunked([]string{"a", "b", "c"}, 1, func(part []string) ([]string, error) {
		if part[0] == "b" {
			return nil, errors.New("boom")
		}
		return part, nil
	})
	if err == nil {
		t.Fatal("the error of a part is lost")
	}
}

func TestNotFoundError(t *testing.T) {
	cause := errors.New("404")
	err := error(&transport.NotFoundError{Kind: "ZEC disk", ID: "d-1", Cause: cause})
	if !transport.IsNotFound(err) || !errors.Is(err, cause) || err.Error() != "ZEC disk d-1 not found" || transport.IsNotFound(cause) {
		t.Fatalf("NotFoundError: %v", err)
	}
}

func TestErrorIs(t *testing.T) {
	nf := &transport.NotFoundError{Kind: "ZEC disk", ID: "d-1"}
	isDisk := func(e *transport.NotFoundError) bool { return e.Kind == "ZEC disk" }
	if !transport.ErrorIs(fmt.Errorf("reading: %w", nf), isDisk) {
		t.Error("a wrapped match is not found")
	}
	if transport.ErrorIs(&transport.NotFoundError{Kind: "BMC instance"}, isDisk) {
		t.Error("an error that match refuses is accepted")
	}
	if transport.ErrorIs(errors.New("other"), isDisk) || transport.ErrorIs(nil, isDisk) {
		t.Error("an error of another type (or nil) is accepted")
	}
}
