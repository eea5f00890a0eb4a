package zenlayer

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

const (
	testKeyID    = "AKIDTEST"
	testPassword = "test-password"
)

func fastPolicy() transport.Policy {
	return transport.Policy{MaxAttempts: 3, Base: time.Millisecond, Max: 2 * time.Millisecond, MaxRetryAfter: 5 * time.Millisecond}
}

// newTestClient serves handler on loopback and returns a client for it and
// a counter of the requests the server received.
func newTestClient(t *testing.T, handler http.HandlerFunc) (*Client, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		handler(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Config{
		AccessKeyID: testKeyID, AccessKeyPassword: testPassword, Domain: strings.TrimPrefix(srv.URL, "http://"),
		Scheme:     "HTTP",
		HTTPConfig: transport.HTTPConfig{Retry: fastPolicy(), UserAgent: transport.UserAgent("1.2.3", "1.11.4")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, &n
}

func writeEnvelope(w http.ResponseWriter, response string) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, `{"requestId":"REQ-1","response":`+response+`}`)
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"requestId": "REQ-ERR", "code": code, "message": message})
}

func TestCallSignsAndDecodes(t *testing.T) {
	c, n := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		for h, want := range map[string]string{
			"X-ZC-Action": "DescribeDisks", "X-ZC-Version": ZEC.Version, "X-ZC-Service": "zec",
			"X-ZC-Signature-Method": SignatureMethod, "Content-Type": "application/json",
		} {
			if got := r.Header.Get(h); got != want {
				t.Errorf("header %s = %q, want %q", h, got, want)
			}
		}
		if r.URL.Path != "/api/v2/zec" || r.Method != http.MethodPost {
			t.Errorf("request %s %s", r.Method, r.URL.Path)
		}
		if got := r.Header.Get("User-Agent"); !strings.Contains(got, "terraform-provider-cloudcompute/1.2.3") {
			t.Errorf("User-Agent = %q, want the provider and its version", got)
		}
		if got := r.Header.Get("X-ZC-Request-Client"); got != "Terraform-1.11.4 terraform-provider-cloudcompute-1.2.3" || !sdkRequestClient.MatchString(got) {
			t.Errorf("X-ZC-Request-Client = %q, want the User-Agent in the characters the API takes", got)
		}
		ts, err := strconv.ParseInt(r.Header.Get("X-ZC-Timestamp"), 10, 64)
		if err != nil {
			t.Errorf("timestamp: %v", err)
		}
		want := Authorization(testKeyID, Sign(testPassword, "POST", "application/json", r.Host, ts, body))
		if got := r.Header.Get("Authorization"); got != want {
			t.Errorf("Authorization = %q, want %q", got, want)
		}
		if strings.Contains(r.Header.Get("Authorization"), testPassword) || strings.Contains(string(body), testPassword) {
			t.Error("the access key password was sent")
		}
		writeEnvelope(w, `{"requestId":"REQ-1","totalCount":1,"dataSet":[{"diskId":"disk-1","diskStatus":"AVAILABLE","diskSize":40}]}`)
	})
	disks, err := c.DescribeDisks(context.Background(), DescribeDisksRequest{DiskIDs: []string{"disk-1"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(disks) != 1 || disks[0].DiskID != "disk-1" || disks[0].DiskSize != 40 {
		t.Fatalf("disks = %+v", disks)
	}
	if n.Load() != 1 {
		t.Fatalf("%d requests, want 1", n.Load())
	}
}

func TestCallAPIErrorIsTyped(t *testing.T) {
	c, n := newTestClient(t, func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusBadRequest, "UNSUPPORTED_OPERATION_DISK_STATUS", "Operations on the disk with current status are not supported.")
	})
	err := c.ResizeDisk(context.Background(), "disk-1", 40)
	var ae *APIError
	if !errors.As(err, &ae) {
		t.Fatalf("error %T %v is not an *APIError", err, err)
	}
	if ae.HTTPStatus != 400 || ae.Code != "UNSUPPORTED_OPERATION_DISK_STATUS" || ae.RequestID != "REQ-ERR" || ae.Action != "ResizeDisk" || ae.Service != "zec" {
		t.Fatalf("APIError = %+v", ae)
	}
	for _, part := range []string{"ResizeDisk", "UNSUPPORTED_OPERATION_DISK_STATUS", "HTTP 400", "current status", "REQ-ERR"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not mention %q", err, part)
		}
	}
	if !HasCode(err, CodeUnsupportedDiskStatus) || n.Load() != 1 {
		t.Fatalf("HasCode=%v requests=%d", HasCode(err, CodeUnsupportedDiskStatus), n.Load())
	}
}

func TestFindDiskNotFound(t *testing.T) {
	for name, handler := range map[string]http.HandlerFunc{
		"empty dataSet": func(w http.ResponseWriter, _ *http.Request) {
			writeEnvelope(w, `{"requestId":"REQ-1","totalCount":0,"dataSet":[]}`)
		},
		"not found code": func(w http.ResponseWriter, _ *http.Request) {
			writeError(w, http.StatusNotFound, CodeDiskNotFound, "Disk does not exist.")
		},
	} {
		t.Run(name, func(t *testing.T) {
			c, _ := newTestClient(t, handler)
			_, err := c.FindDisk(context.Background(), "disk-x")
			if !IsNotFound(err) {
				t.Fatalf("FindDisk error = %v, want a NotFoundError", err)
			}
		})
	}
}

// A 401 is never retried: a bad signature stays bad, and a retry storm
// would only trip the account's rate limit.
func TestUnauthorizedIsNotRetried(t *testing.T) {
	c, n := newTestClient(t, func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusUnauthorized, "AUTHFAILURE_SIGNATURE_FAILURE", "The signature does not match.")
	})
	err := c.ResizeDisk(context.Background(), "disk-1", 40)
	if !IsAuthError(err) || n.Load() != 1 {
		t.Fatalf("err=%v requests=%d, want one 401", err, n.Load())
	}
	if !strings.Contains(err.Error(), "ZENLAYERCLOUD_ACCESS_KEY_PASSWORD") {
		t.Errorf("a 401 should say which settings to check: %v", err)
	}
}

func TestRateLimitIsRetriedEvenForCreates(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer func(http.ResponseWriter)
	}{
		{"429 with Retry-After", func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusTooManyRequests, "REQUEST_LIMIT_EXCEEDED", "slow down")
		}},
		{"429 without body", func(w http.ResponseWriter) { w.WriteHeader(http.StatusTooManyRequests) }},
		{"code on a 400", func(w http.ResponseWriter) {
			writeError(w, http.StatusBadRequest, "REQUEST_LIMIT_EXCEEDED", "slow down")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			c, n := newTestClient(t, func(w http.ResponseWriter, _ *http.Request) {
				if calls.Add(1) < 3 {
					tc.answer(w)
					return
				}
				writeEnvelope(w, `{"requestId":"REQ-1","diskIds":["disk-new"]}`)
			})
			ids, err := c.CreateDisks(context.Background(), CreateDisksRequest{ZoneID: "z", DiskName: "d", DiskSize: 20})
			if err != nil || len(ids) != 1 || n.Load() != 3 {
				t.Fatalf("ids=%v err=%v requests=%d, want success on the 3rd", ids, err, n.Load())
			}
		})
	}
}

func TestServerErrorsRetriedOnlyWhenIdempotent(t *testing.T) {
	handler := func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		_, _ = io.WriteString(w, "<html>bad gateway</html>")
	}
	c, n := newTestClient(t, handler)
	err := c.RenameDisks(context.Background(), "renamed", "disk-1")
	if n.Load() != 3 || !strings.Contains(err.Error(), "giving up after 3 attempts") || !strings.Contains(err.Error(), "HTTP_502") {
		t.Fatalf("idempotent: err=%v requests=%d, want 3 attempts", err, n.Load())
	}
	c, n = newTestClient(t, handler)
	_, err = c.CreateDisks(context.Background(), CreateDisksRequest{ZoneID: "z", DiskName: "d", DiskSize: 20})
	if err == nil || n.Load() != 1 {
		t.Fatalf("create: err=%v requests=%d, want exactly 1 (a create that may have been applied is not re-sent)", err, n.Load())
	}
}

// A connection cut after the request was sent leaves its outcome unknown:
// a create is not sent again, a read is.
func TestCutConnection(t *testing.T) {
	cut := func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	}
	c, n := newTestClient(t, cut)
	_, err := c.CreateDisks(context.Background(), CreateDisksRequest{ZoneID: "z", DiskName: "d", DiskSize: 20})
	if err == nil || n.Load() != 1 || !strings.Contains(err.Error(), "may or may not have been applied") {
		t.Fatalf("create: err=%v requests=%d, want 1 request and an explanation", err, n.Load())
	}
	c, n = newTestClient(t, cut)
	_, err = c.DescribeDisks(context.Background(), DescribeDisksRequest{DiskIDs: []string{"disk-1"}})
	if err == nil || n.Load() != 3 {
		t.Fatalf("read: err=%v requests=%d, want 3 attempts", err, n.Load())
	}
}

func TestContextCancelStopsRetries(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusServiceUnavailable, "SERVICE_TEMPORARY_UNAVAILABLE", "later")
	})
	c.cfg.Retry = transport.Policy{MaxAttempts: 100, Base: time.Hour, Max: time.Hour}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	err := c.RenameDisks(ctx, "renamed", "disk-1")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want it to wrap context.Canceled", err)
	}
}

func TestMalformedAnswers(t *testing.T) {
	for _, tc := range []struct {
		name, wantCode string
		handler        http.HandlerFunc
	}{
		{"not JSON", CodeMalformedResponse, func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "hello") }},
		{"no response object", CodeMalformedResponse, func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, `{"requestId":"x"}`) }},
		{"wrong types", CodeMalformedResponse, func(w http.ResponseWriter, _ *http.Request) {
			writeEnvelope(w, `{"dataSet":[{"diskId":7,"diskSize":"big"}]}`)
		}},
		{"CDN page", "HTTP_451", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(451)
			_, _ = io.WriteString(w, "<html>unavailable for legal reasons\x00\x01</html>")
		}},
		{"huge body", CodeMalformedResponse, func(w http.ResponseWriter, _ *http.Request) {
			chunk := strings.Repeat(" ", 1<<20)
			for range 17 {
				_, _ = io.WriteString(w, chunk)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := newTestClient(t, tc.handler)
			_, err := c.DescribeDisks(context.Background(), DescribeDisksRequest{DiskIDs: []string{"disk-1"}})
			var ae *APIError
			if !errors.As(err, &ae) || ae.Code != tc.wantCode {
				t.Fatalf("err = %v, want an APIError %s", err, tc.wantCode)
			}
		})
	}
}

func TestNewChecksTheEndpoint(t *testing.T) {
	base := Config{AccessKeyID: "a", AccessKeyPassword: "b"}
	for _, tc := range []struct {
		domain, scheme string
		ok             bool
	}{
		{"console.zenlayer.com", "", true},
		{"console.zenlayer.com", "HTTPS", true},
		{"console.zenlayer.com", "HTTP", false},
		{"127.0.0.1:8780", "HTTP", true},
		{"localhost:8780", "http", true},
		{"[::1]:8780", "http", true},
		{"10.0.0.1:80", "HTTP", false},
		{"https://console.zenlayer.com", "", false},
		{"console.zenlayer.com", "ftp", false},
	} {
		cfg := base
		cfg.Domain, cfg.Scheme = tc.domain, tc.scheme
		_, err := New(cfg)
		if (err == nil) != tc.ok {
			t.Errorf("New(%s, %s) error = %v, want ok=%v", tc.domain, tc.scheme, err, tc.ok)
		}
	}
	if _, err := New(Config{AccessKeyID: "a"}); err == nil {
		t.Error("New without a password must fail")
	}
}
