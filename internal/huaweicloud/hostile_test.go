package huaweicloud_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// hostileWant is what the error of each hostile kind must say.
var hostileWant = map[emulator.FaultKind][]string{
	emulator.FaultMalformedJSON:    {"MALFORMED_RESPONSE (HTTP 200)", "cut short", `{"instances":[{"id":"`, "(request id FAULT-MALFORMED-JSON)"},
	emulator.FaultWrongTypes:       {"MALFORMED_RESPONSE (HTTP 200)", "of the answer is a JSON", "the client expects", `{"instance_id":42,`, "(request id FAULT-WRONG-TYPES)"},
	emulator.FaultHugeBody:         {"MALFORMED_RESPONSE (HTTP 200)", "is larger than 16 MiB; refusing to decode", "(request id FAULT-HUGE-BODY)"},
	emulator.FaultUnexpectedStatus: {"HTTP_418 (HTTP 418)", "I'm a teapot", "<html><head><title>418 I'm a teapot"},
}

func wantHostileError(t *testing.T, err error, kind emulator.FaultKind, call string) {
	t.Helper()
	var ae *huaweicloud.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want an *APIError", err, err)
	}
	if kind != emulator.FaultUnexpectedStatus && ae.Code != huaweicloud.CodeMalformedResponse {
		t.Errorf("code %s, want %s", ae.Code, huaweicloud.CodeMalformedResponse)
	}
	msg := err.Error()
	for _, want := range append([]string{call}, hostileWant[kind]...) {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if len(msg) > 1000 {
		t.Errorf("error message of %d bytes", len(msg))
	}
}

// faultedRequests counts the requests with key that the emulator answered with a fault.
func faultedRequests(emu *emulator.Server, key string) int {
	n := 0
	for _, e := range emu.Log() {
		if e.API == "fault" && e.Message == key {
			n++
		}
	}
	return n
}

// Reads answered with a hostile answer fail at once with a clear error; a
// finder never takes one for "not found".
func TestHostileAnswerToReads(t *testing.T) {
	instances := "clouddc.GET /v1/" + emulator.HuaweiProjectID + "/instances"
	for _, kind := range emulator.HostileFaultKinds {
		t.Run(string(kind), func(t *testing.T) {
			emu := startEmulator(t, emulator.Options{})
			c := newClient(t, emu, huaweicloud.AuthAKSK)
			id := emu.AddCloudDCInstance("a")
			emu.SetFaults([]emulator.FaultRule{{Kind: kind, Rate: 1, Actions: []string{instances, "clouddc.GET /v1/" + emulator.HuaweiProjectID + "/instances/" + id + "/status"}}})

			_, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{})
			wantHostileError(t, err, kind, "clouddc ListInstances")
			if n := faultedRequests(emu, instances); n != 1 {
				t.Fatalf("ListInstances sent %d times, want once", n)
			}
			_, err = c.FindInstance(context.Background(), id)
			if huaweicloud.IsNotFound(err) {
				t.Fatalf("FindInstance: %v, a hostile answer taken for not found", err)
			}
			wantHostileError(t, err, kind, "clouddc ListInstances")
			_, err = c.ShowInstanceStatus(context.Background(), id)
			wantHostileError(t, err, kind, "clouddc ShowInstanceStatus")
		})
	}
}

// A create answered with a hostile answer is sent once, fails with a
// clear error, and creates nothing (the fault answers instead of it).
func TestHostileAnswerToCreate(t *testing.T) {
	create := "clouddc.POST /v1/" + emulator.HuaweiProjectID + "/instances"
	for _, kind := range emulator.HostileFaultKinds {
		t.Run(string(kind), func(t *testing.T) {
			emu := startEmulator(t, emulator.Options{Faults: []emulator.FaultRule{{Kind: kind, Rate: 1, Actions: []string{create}}}})
			c := newClient(t, emu, huaweicloud.AuthAKSK)
			id, err := c.CreateInstance(context.Background(), createRequest("hostile"))
			if id != "" {
				t.Fatalf("id %q from a hostile answer", id)
			}
			wantHostileError(t, err, kind, "clouddc CreateInstance")
			if n := faultedRequests(emu, create); n != 1 {
				t.Fatalf("CreateInstance sent %d times, want once", n)
			}
			if inv := emu.Inventory()["clouddc_instance"]; len(inv) != 0 {
				t.Fatalf("instances %v", inv)
			}
			if got, want := huaweicloud.Ambiguous(err), kind != emulator.FaultUnexpectedStatus; got != want {
				t.Fatalf("Ambiguous(%v) = %v, want %v", err, got, want)
			}
			if kind == emulator.FaultUnexpectedStatus {
				return
			}

			// Through the create guard: never sent again in this run; the
			// instance that never appears is reported by its token.
			emu.ResetLog()
			in := createRequest("hostile")
			in.Metadata = map[string]string{huaweicloud.CreateTokenMetadataKey: "tok"}
			lookups := 0
			t.Setenv(journal.EnvDir, t.TempDir())
			// Lookups every few milliseconds, within a deadline that a slow (loaded)
			// send does not use up: the test wants an unresolved create looked up repeatedly.
			base, most := journal.LookupBase, journal.LookupMax
			journal.LookupBase, journal.LookupMax = 20*time.Millisecond, 50*time.Millisecond
			defer func() { journal.LookupBase, journal.LookupMax = base, most }()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_, err = journal.Create(ctx, journal.Spec{Kind: "clouddc_instance", Label: "CloudDC instance", Args: in, Ambiguous: huaweicloud.Ambiguous,
				Send: func(ctx context.Context, _ string) ([]string, error) {
					id, err := c.CreateInstance(ctx, in)
					emu.SetFaults(nil)
					if err != nil {
						return nil, err
					}
					return []string{id}, nil
				},
				Lookup: func(ctx context.Context, _ string) ([]string, error) {
					lookups++
					return c.FindInstancesByCreateToken(ctx, "tok")
				}})
			var ue *journal.UnresolvedError
			if !errors.As(err, &ue) || lookups < 2 {
				t.Fatalf("guarded create = %v after %d lookups; want an unresolved create looked up repeatedly", err, lookups)
			}
			if n := emu.CallCount("clouddc.CreateInstance"); n != 0 {
				t.Fatalf("CreateInstance carried out %d times, want none", n)
			}
		})
	}
}

// IAM answering a hostile answer to the token request: a clear error, no panic.
func TestHostileAnswerToTokenRequest(t *testing.T) {
	for _, kind := range emulator.HostileFaultKinds {
		t.Run(string(kind), func(t *testing.T) {
			emu := startEmulator(t, emulator.Options{Faults: []emulator.FaultRule{{Kind: kind, Rate: 1, Actions: []string{"iam"}}}})
			c := newClient(t, emu, huaweicloud.AuthPassword)
			_, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{})
			var ae *huaweicloud.APIError
			if !errors.As(err, &ae) || !strings.Contains(err.Error(), "huaweicloud iam CreateToken") {
				t.Fatalf("err = %v, want an IAM CreateToken error", err)
			}
			if kind == emulator.FaultUnexpectedStatus {
				if ae.HTTPStatus != 418 {
					t.Fatalf("err = %v, want the 418", err)
				}
				return
			}
			wantHostileError(t, err, kind, "iam CreateToken")
		})
	}
}

// stubClient is a token-authenticated client of a server that answers
// every request with handler.
func stubClient(t *testing.T, handler http.HandlerFunc) *huaweicloud.Client {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	c, err := huaweicloud.New(huaweicloud.Config{Region: "r", ProjectID: "p", CloudDCEndpoint: srv.URL,
		Credentials: huaweicloud.Credentials{Token: "t"},
		HTTPConfig:  transport.HTTPConfig{Retry: fastRetry}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// An empty 200 to a call that reads its answer is an error, not an empty
// list: a finder must not take it for "not found" (Read would drop the
// instance from the state).
func TestEmptyAnswerIsNotAnEmptyList(t *testing.T) {
	c := stubClient(t, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	_, err := c.FindInstance(context.Background(), "i-1")
	if huaweicloud.IsNotFound(err) || !huaweicloud.HasCode(err, huaweicloud.CodeMalformedResponse) ||
		!strings.Contains(err.Error(), "the answer has no body: (empty body)") {
		t.Fatalf("err = %v, want a malformed-answer error", err)
	}
}

// A listing without its instances list is an error, not "no instances":
// FindInstance would call the instance gone and Read would drop it.
func TestListWithoutInstancesIsMalformed(t *testing.T) {
	c := stubClient(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"count":0}`))
	})
	_, err := c.FindInstance(context.Background(), "i-1")
	if huaweicloud.IsNotFound(err) || !huaweicloud.HasCode(err, huaweicloud.CodeMalformedResponse) ||
		!strings.Contains(err.Error(), "the answer has no instances list") {
		t.Fatalf("err = %v, want a malformed-answer error", err)
	}
}

// An answer that announces more than the limit is refused before its body is read.
func TestAnnouncedHugeAnswerIsNotRead(t *testing.T) {
	c := stubClient(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(1<<30))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"instances":[`))
	})
	_, err := c.ListInstances(context.Background(), huaweicloud.ListInstancesRequest{})
	if !huaweicloud.HasCode(err, huaweicloud.CodeMalformedResponse) || !strings.Contains(err.Error(), "answer of ListInstances is larger than 16 MiB; refusing to decode") {
		t.Fatalf("err = %v", err)
	}
}
