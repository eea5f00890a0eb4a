package emulator_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

func TestParseFaults(t *testing.T) {
	rules, err := emulator.ParseFaults("429=0.05, cut-after=0.02@zec.CreateDisks|bmc, latency=0.1~500ms")
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 3 || rules[1].Kind != emulator.FaultCutAfter || len(rules[1].Actions) != 2 || rules[2].Latency != 500*time.Millisecond || rules[0].Rate != 0.05 {
		t.Fatalf("rules = %+v", rules)
	}
	for _, bad := range []string{"teapot=0.1", "429=2", "429", "latency=0.1~soon"} {
		if _, err := emulator.ParseFaults(bad); err == nil {
			t.Errorf("ParseFaults(%q) accepted", bad)
		}
	}
}

func faultClient(t *testing.T, emu *emulator.Server, attempts int) *zenlayer.Client {
	t.Helper()
	c, err := zenlayer.New(zenlayer.Config{AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http",
		HTTPConfig: transport.HTTPConfig{Retry: transport.Policy{MaxAttempts: attempts, Base: time.Millisecond, Max: time.Millisecond, MaxRetryAfter: time.Millisecond}}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The same seed injects the same faults into the same request sequence.
func TestFaultsAreRepeatable(t *testing.T) {
	pattern := func(seed uint64) string {
		emu, err := emulator.Start(emulator.Options{Seed: seed, Faults: []emulator.FaultRule{{Kind: emulator.Fault503, Rate: 0.5}}})
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = emu.Close() }()
		c := faultClient(t, emu, 1)
		var b strings.Builder
		for range 40 {
			if _, err := c.DescribeDisks(context.Background(), zenlayer.DescribeDisksRequest{}); err != nil {
				b.WriteByte('x')
			} else {
				b.WriteByte('.')
			}
		}
		return b.String()
	}
	a, b, other := pattern(7), pattern(7), pattern(8)
	if a != b {
		t.Fatalf("seed 7 gave %s then %s", a, b)
	}
	if a == other || !strings.Contains(a, "x") || !strings.Contains(a, ".") {
		t.Fatalf("patterns %s / %s do not look random", a, other)
	}
}

// A connection cut after the action leaves a disk the client does not know about.
func TestFaultCutAfterAppliesTheAction(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{Faults: []emulator.FaultRule{{Kind: emulator.FaultCutAfter, Rate: 1, Actions: []string{"zec.CreateDisks"}}}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = emu.Close() }()
	c := faultClient(t, emu, 3)
	_, err = c.CreateDisks(context.Background(), zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "cut", DiskSize: 20})
	if err == nil || !strings.Contains(err.Error(), "may or may not have been applied") {
		t.Fatalf("err = %v", err)
	}
	if n := len(emu.Inventory()["zec_disk"]); n != 1 {
		t.Fatalf("%d disks, want exactly 1 (applied once, not re-sent)", n)
	}
	if got := emu.FaultCounts()[emulator.FaultCutAfter]; got != 1 {
		t.Fatalf("fault counts %v", emu.FaultCounts())
	}
}

func TestFaultsRetriedByTheClient(t *testing.T) {
	for _, kind := range []emulator.FaultKind{emulator.FaultRateLimit, emulator.FaultRateLimitBare, emulator.Fault500, emulator.Fault502, emulator.Fault503, emulator.FaultCutBefore} {
		t.Run(string(kind), func(t *testing.T) {
			emu, err := emulator.Start(emulator.Options{Faults: []emulator.FaultRule{{Kind: kind, Rate: 0.5}}})
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = emu.Close() }()
			c := faultClient(t, emu, 20)
			for range 10 {
				if _, err := c.DescribeDisks(context.Background(), zenlayer.DescribeDisksRequest{}); err != nil {
					t.Fatal(err)
				}
			}
			if emu.FaultCounts()[kind] == 0 {
				t.Fatal("no fault injected")
			}
		})
	}
}

func TestFaultsAdminEndpoint(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = emu.Close() }()
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPut, emu.URL()+"/_emulator/faults", strings.NewReader(`[{"kind":"503","rate":1,"actions":["zec"]}]`))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("PUT faults: %d", resp.StatusCode)
	}
	_, err = faultClient(t, emu, 1).DescribeDisks(context.Background(), zenlayer.DescribeDisksRequest{})
	if err == nil || !strings.Contains(err.Error(), "HTTP_503") {
		t.Fatalf("err = %v, want the injected 503", err)
	}
}

// rawFaultCall sends one unsigned request (faults are answered before any
// check) and returns the status, Content-Type, X-Request-Id and body.
func rawFaultCall(t *testing.T, emu *emulator.Server, zenlayerAPI bool, action string) (int, string, string, []byte) {
	t.Helper()
	method, url, body := http.MethodPost, emu.URL()+"/api/v2/zec", `{}`
	if !zenlayerAPI {
		method, url, body = http.MethodGet, emu.URL()+"/v1/"+emulator.HuaweiProjectID+"/instances", ""
	}
	req, err := http.NewRequestWithContext(context.Background(), method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-ZC-Action", action)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("X-Request-Id"), raw
}

// Each hostile kind answers what it says, instead of the action.
func TestHostileFaultAnswers(t *testing.T) {
	for _, api := range []string{"zenlayer", "huawei"} {
		zl := api == "zenlayer"
		for _, kind := range emulator.HostileFaultKinds {
			t.Run(api+"/"+string(kind), func(t *testing.T) {
				emu, err := emulator.Start(emulator.Options{Faults: []emulator.FaultRule{{Kind: kind, Rate: 1}}})
				if err != nil {
					t.Fatal(err)
				}
				defer func() { _ = emu.Close() }()
				status, ct, rid, body := rawFaultCall(t, emu, zl, "CreateDisks")
				switch kind {
				case emulator.FaultMalformedJSON:
					if status != 200 || ct != "application/json" || json.Valid(body) || len(body) == 0 {
						t.Fatalf("%d %s %q, want 200 JSON that is not valid", status, ct, body)
					}
				case emulator.FaultWrongTypes:
					var zenlayerShape struct {
						Response struct {
							TotalCount int   `json:"totalCount"`
							DataSet    []any `json:"dataSet"`
						} `json:"response"`
					}
					var huaweiShape struct {
						Instances []any `json:"instances"`
						Count     int   `json:"count"`
					}
					var shape any = &huaweiShape
					if zl {
						shape = &zenlayerShape
					}
					if status != 200 || ct != "application/json" || !json.Valid(body) || json.Unmarshal(body, shape) == nil {
						t.Fatalf("%d %s %q, want 200 valid JSON with fields of the wrong types", status, ct, body)
					}
				case emulator.FaultHugeBody:
					head := `{"instances":[`
					if zl {
						head = `{"requestId":"` + emulator.FaultRequestIDHugeBody + `","response":`
					}
					if status != 200 || ct != "application/json" || len(body) != emulator.HugeBodyBytes || !strings.HasPrefix(string(body), head) {
						t.Fatalf("%d %s, %d bytes starting %.60q, want 200 JSON of %d bytes", status, ct, len(body), body, emulator.HugeBodyBytes)
					}
					if !json.Valid(body) {
						t.Fatal("the huge body is not valid JSON")
					}
				case emulator.FaultUnexpectedStatus:
					if status != http.StatusTeapot || ct != "text/html" || !strings.Contains(string(body), "teapot") {
						t.Fatalf("%d %s %q, want 418 HTML", status, ct, body)
					}
				}
				if !zl && kind != emulator.FaultUnexpectedStatus && rid == "" {
					t.Error("a Huawei answer without X-Request-Id")
				}
				if got := emu.FaultCounts(); got[kind] != 1 {
					t.Fatalf("fault counts %v", got)
				}
				if calls := emu.Calls(); calls["zec.CreateDisks"]+calls["clouddc.ListInstances"] != 0 || len(emu.Inventory()["zec_disk"]) != 0 {
					t.Fatalf("the action was done: calls %v", calls)
				}
				if log := emu.Log(); len(log) != 1 || log[0].API != "fault" || log[0].Action != string(kind) {
					t.Fatalf("log %+v, want the one fault", log)
				}
			})
		}
	}
}

// A hostile kind hits the same requests for the same seed.
func TestHostileFaultsAreRepeatable(t *testing.T) {
	pattern := func(seed uint64) string {
		emu, err := emulator.Start(emulator.Options{Seed: seed, Faults: []emulator.FaultRule{{Kind: emulator.FaultMalformedJSON, Rate: 0.5}}})
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = emu.Close() }()
		var b strings.Builder
		for range 30 {
			if _, _, _, body := rawFaultCall(t, emu, true, "DescribeDisks"); json.Valid(body) {
				b.WriteByte('.') // the emulator's own (unsigned: refused) answer
			} else {
				b.WriteByte('x')
			}
		}
		return b.String()
	}
	a, b, other := pattern(3), pattern(3), pattern(4)
	if a != b || a == other || !strings.Contains(a, "x") || !strings.Contains(a, ".") {
		t.Fatalf("seed 3 gave %s then %s, seed 4 %s", a, b, other)
	}
}

func TestParseFaultsNewKinds(t *testing.T) {
	rules, err := emulator.ParseFaults("async-fail=0.2@zec.CreateZecInstances|bmc,malformed-json=0.1,wrong-types=0.1@zec.DescribeDisks,huge-body=1,unexpected-status=0.5")
	if err != nil {
		t.Fatal(err)
	}
	want := []emulator.FaultKind{emulator.FaultAsyncFail, emulator.FaultMalformedJSON, emulator.FaultWrongTypes, emulator.FaultHugeBody, emulator.FaultUnexpectedStatus}
	if len(rules) != len(want) {
		t.Fatalf("rules = %+v", rules)
	}
	for i, k := range want {
		if rules[i].Kind != k {
			t.Errorf("rule %d is %s, want %s", i, rules[i].Kind, k)
		}
	}
	if _, err := emulator.ParseFaults("teapot=1"); err == nil || !strings.Contains(err.Error(), "unexpected-status") {
		t.Fatalf("err = %v, want the list of kinds", err)
	}
	for _, k := range emulator.HostileFaultKinds {
		if slices.Contains(emulator.FaultKinds, k) {
			t.Errorf("hostile kind %s is in the default mix", k)
		}
	}
}

// The admin endpoint takes the new kinds too.
func TestFaultsAdminEndpointNewKinds(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = emu.Close() }()
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPut, emu.URL()+"/_emulator/faults",
		strings.NewReader(`[{"kind":"async-fail","rate":1,"actions":["bmc"]},{"kind":"unexpected-status","rate":1,"actions":["zec"]}]`))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("PUT faults: %d", resp.StatusCode)
	}
	_, err = faultClient(t, emu, 1).DescribeDisks(context.Background(), zenlayer.DescribeDisksRequest{})
	if err == nil || !strings.Contains(err.Error(), "HTTP_418") {
		t.Fatalf("err = %v, want the injected 418", err)
	}
}

// CloudDC: the create is answered 202 with an id, and the instance ends
// failed or error instead of running; it can still be deleted.
func TestFaultAsyncFailCloudDC(t *testing.T) {
	emu, clock := startHuawei(t, emulator.Options{Faults: []emulator.FaultRule{{Kind: emulator.FaultAsyncFail, Rate: 1}}})
	c := huaweiClient(t, emu, clock, huaweicloud.Credentials{})
	id, err := c.CreateInstance(context.Background(), validCreate())
	if err != nil {
		t.Fatal(err)
	}
	clock.Add(emulator.FastDurations().CloudDCCreate)
	st, err := c.ShowInstanceStatus(context.Background(), id)
	if err != nil || !huaweicloud.IsFailed(st.State) {
		t.Fatalf("status %+v, %v, want a failure state", st, err)
	}
	if got := emu.FaultCounts(); got[emulator.FaultAsyncFail] != 1 || len(got) != 1 {
		t.Fatalf("fault counts %v, want one async-fail (the status read draws none)", got)
	}
	if err := c.DeleteInstance(context.Background(), id); err != nil {
		t.Fatalf("deleting a failed instance: %v", err)
	}
}
