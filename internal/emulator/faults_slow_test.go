package emulator_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

func TestParseFaultsSlowAndMax(t *testing.T) {
	rules, err := emulator.ParseFaults("slow=1@zec.CreateDisks~4s#1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 1 || rules[0].Kind != emulator.FaultSlow || rules[0].Latency != 4*time.Second || rules[0].Max != 1 {
		t.Fatalf("rules = %+v", rules)
	}
	for _, bad := range []string{"slow=1#0", "slow=1#x"} {
		if _, err := emulator.ParseFaults(bad); err == nil {
			t.Errorf("ParseFaults(%q) accepted", bad)
		}
	}
}

// A slow server carries a create out after its latency even though the
// client stopped waiting; Max limits the rule to the first create.
func TestSlowFaultCarriesOutAfterTheClientLeft(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{Faults: []emulator.FaultRule{{Kind: emulator.FaultSlow, Rate: 1, Max: 1, Latency: 400 * time.Millisecond, Actions: []string{"zec.CreateDisks"}}}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = emu.Close() }()
	c, err := zenlayer.New(zenlayer.Config{AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http",
		HTTPConfig: transport.HTTPConfig{HTTPClient: &http.Client{Timeout: 100 * time.Millisecond}}})
	if err != nil {
		t.Fatal(err)
	}
	in := zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "slow", DiskSize: 20}
	if _, err := c.CreateDisks(context.Background(), in); err == nil {
		t.Fatal("the client should have timed out")
	}
	if n := len(emu.Inventory()["zec_disk"]); n != 0 {
		t.Fatalf("%d disks before the latency passed", n)
	}
	time.Sleep(600 * time.Millisecond)
	if n := len(emu.Inventory()["zec_disk"]); n != 1 {
		t.Fatalf("%d disks after the latency, want the slow create carried out", n)
	}
	// The second create is not slow.
	if _, err := c.CreateDisks(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if n := emu.FaultCounts()[emulator.FaultSlow]; n != 1 {
		t.Fatalf("%d slow faults, want 1", n)
	}
}
