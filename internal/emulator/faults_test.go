package emulator_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
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
		Domain: emu.Endpoint(), Scheme: "http", Retry: transport.Policy{MaxAttempts: attempts, Base: time.Millisecond, Max: time.Millisecond, MaxRetryAfter: time.Millisecond}})
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
