package huaweicloud

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

func TestDecodeError(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		status               int
		header               http.Header
		body                 string
		wantCode, wantMsg    string
		wantRequestID        string
		wantNotFound, wantAu bool
	}{
		{name: "CloudDC error", status: 404, header: http.Header{"X-Request-Id": {"rid-1"}},
			body: `{"error_code":"iMetal.0200","error_msg":"Instances not found: [x]"}`, wantCode: "iMetal.0200", wantMsg: "Instances not found: [x]",
			wantRequestID: "rid-1", wantNotFound: true},
		{name: "gateway error with request_id in the body", status: 401,
			body:     `{"error_msg":"Incorrect IAM authentication information: verify aksk signature fail","error_code":"APIGW.0301","request_id":"rid-2"}`,
			wantCode: "APIGW.0301", wantMsg: "Incorrect IAM authentication information: verify aksk signature fail", wantRequestID: "rid-2", wantAu: true},
		{name: "code and message", status: 400, body: `{"code":"IAM.0001","message":"bad"}`, wantCode: "IAM.0001", wantMsg: "bad"},
		{name: "Keystone nested error", status: 401, body: `{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}`,
			wantCode: "401", wantMsg: "Unauthorized: The username or password is wrong.", wantAu: true},
		{name: "429 without a body", status: 429, body: ``, wantCode: "HTTP_429", wantMsg: "Too Many Requests (empty body)"},
		{name: "429 with a bare string", status: 429, body: `"Too many requests"`, wantCode: "HTTP_429", wantMsg: `Too Many Requests: "Too many requests"`},
		{name: "HTML from a proxy", status: 502, body: "<html>\n<b>Bad gateway</b></html>", wantCode: "HTTP_502", wantMsg: "Bad Gateway: <html> <b>Bad gateway</b></html>"},
		{name: "404 without the instance code is not not-found", status: 404, body: `{"error_code":"APIGW.0101","error_msg":"The API does not exist"}`,
			wantCode: "APIGW.0101", wantMsg: "The API does not exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			header := tc.header
			if header == nil {
				header = http.Header{}
			}
			e := decodeError("clouddc", "Op", tc.status, header, []byte(tc.body))
			if e.Code != tc.wantCode || e.Message != tc.wantMsg || e.RequestID != tc.wantRequestID || e.HTTPStatus != tc.status {
				t.Errorf("got %+v", e)
			}
			wrapped := fmt.Errorf("wrapped: %w", e)
			if IsNotFoundCode(wrapped) != tc.wantNotFound {
				t.Errorf("IsNotFoundCode = %v", !tc.wantNotFound)
			}
			if IsAuthError(wrapped) != tc.wantAu {
				t.Errorf("IsAuthError = %v", !tc.wantAu)
			}
			if !strings.Contains(e.Error(), tc.wantCode) || !strings.Contains(e.Error(), fmt.Sprintf("HTTP %d", tc.status)) {
				t.Errorf("Error() = %s", e.Error())
			}
		})
	}
}

func TestNotFoundError(t *testing.T) {
	cause := &APIError{HTTPStatus: 404, Code: CodeInstanceNotFound}
	err := fmt.Errorf("reading: %w", &NotFoundError{Kind: "CloudDC instance", ID: "i", Cause: cause})
	if !IsNotFound(err) || !HasCode(err, CodeInstanceNotFound) || err.Error() != "reading: CloudDC instance i not found" {
		t.Errorf("got %v", err)
	}
	if IsNotFound(cause) {
		t.Error("an API error is not a NotFoundError: only finders make them")
	}
}

// A fake IAM: the answers IAM may give that the emulator does not.
func TestCreateToken_answers(t *testing.T) {
	for _, tc := range []struct {
		name    string
		handler http.HandlerFunc
		wantErr string
		check   func(t *testing.T, tok, pid string, exp time.Time)
	}{
		{
			name: "no X-Subject-Token",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(201)
				_, _ = w.Write([]byte(`{"token":{"expires_at":"2099-01-01T00:00:00.000000Z","project":{"id":"p"}}}`))
			},
			wantErr: "no X-Subject-Token",
		},
		{
			name: "no expires_at: 24 hours",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("X-Subject-Token", "tok")
				w.WriteHeader(201)
				_, _ = w.Write([]byte(`{"token":{"project":{"id":"p2"}}}`))
			},
			check: func(t *testing.T, tok, pid string, exp time.Time) {
				if tok != "tok" || pid != "p2" || time.Until(exp) < 23*time.Hour {
					t.Errorf("got %q %q %v", tok, pid, exp)
				}
			},
		},
		{
			name: "fractional expires_at",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("x-subject-token", "tok")
				w.WriteHeader(201)
				_, _ = w.Write([]byte(`{"token":{"expires_at":"2099-02-13T06:52:13.855000Z","project":{"id":"p"}}}`))
			},
			check: func(t *testing.T, _, _ string, exp time.Time) {
				if !exp.Equal(time.Date(2099, 2, 13, 6, 52, 13, 855000000, time.UTC)) {
					t.Errorf("expires %v", exp)
				}
			},
		},
		{
			name: "503 then success",
			handler: func() http.HandlerFunc {
				var n atomic.Int32
				return func(w http.ResponseWriter, _ *http.Request) {
					if n.Add(1) == 1 {
						w.WriteHeader(503)
						return
					}
					w.Header().Set("X-Subject-Token", "tok")
					w.WriteHeader(201)
					_, _ = w.Write([]byte(`{"token":{"expires_at":"2099-01-01T00:00:00Z","project":{"id":"p"}}}`))
				}
			}(),
			check: func(t *testing.T, tok, _ string, _ time.Time) {
				if tok != "tok" {
					t.Errorf("token %q", tok)
				}
			},
		},
		{
			name: "wrong password",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(401)
				_, _ = w.Write([]byte(`{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}`))
			},
			wantErr: `IAM did not issue a token to user "u" of domain "d"`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/iam/v3/auth/tokens" || r.URL.Query().Get("nocatalog") != "true" {
					t.Errorf("IAM request to %s", r.URL)
				}
				tc.handler(w, r)
			}))
			defer srv.Close()
			c, err := New(Config{Region: "r", CloudDCEndpoint: srv.URL, IAMEndpoint: srv.URL + "/iam",
				Credentials: Credentials{UserName: "u", Password: "p", DomainName: "d"},
				HTTPConfig:  transport.HTTPConfig{Retry: transport.Policy{Base: time.Millisecond}}})
			if err != nil {
				t.Fatal(err)
			}
			tok, pid, exp, err := c.createToken(context.Background())
			if (err != nil) != (tc.wantErr != "") || (err != nil && !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("got %v, want %q", err, tc.wantErr)
			}
			if tc.check != nil {
				tc.check(t, tok, pid, exp)
			}
		})
	}
}

// A caller waiting for another's token request gives up with its context.
func TestTokenSource_ctx(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		<-release
		w.Header().Set("X-Subject-Token", "tok")
		w.WriteHeader(201)
		_, _ = w.Write([]byte(`{"token":{"expires_at":"2099-01-01T00:00:00Z","project":{"id":"p"}}}`))
	}))
	defer srv.Close()
	defer close(release)
	c, err := New(Config{Region: "r", CloudDCEndpoint: srv.URL, IAMEndpoint: srv.URL + "/v3",
		Credentials: Credentials{UserName: "u", Password: "p", DomainName: "d"}})
	if err != nil {
		t.Fatal(err)
	}
	go func() { _, _, _ = c.tokens.get(context.Background()) }()
	for len(c.tokens.fetching) == 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, _, err := c.tokens.get(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v", err)
	}
}
