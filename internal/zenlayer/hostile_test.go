package zenlayer_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// hostileClient starts an emulator with rules and a client of it that
// would retry up to 4 times.
func hostileClient(t *testing.T, rules ...emulator.FaultRule) (*emulator.Server, *zenlayer.Client) {
	t.Helper()
	emu, err := emulator.Start(emulator.Options{Faults: rules})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http",
		HTTPConfig: transport.HTTPConfig{Retry: transport.Policy{MaxAttempts: 4, Base: time.Millisecond, Max: time.Millisecond}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return emu, c
}

// hostileWant is what the error of each hostile kind must say.
var hostileWant = map[emulator.FaultKind][]string{
	emulator.FaultMalformedJSON: {"MALFORMED_RESPONSE (HTTP 200)", "cut short", `{"requestId":"FAULT-MALFORMED-JSON"`, "(requestId FAULT-MALFORMED-JSON)"},
	emulator.FaultWrongTypes:    {"MALFORMED_RESPONSE (HTTP 200)", "of the answer is a JSON", "the client expects", "(requestId FAULT-WRONG-TYPES)"},
	emulator.FaultHugeBody:      {"MALFORMED_RESPONSE (HTTP 200)", "is larger than 16 MiB; refusing to decode", "(requestId FAULT-HUGE-BODY)"},
	emulator.FaultUnexpectedStatus: {"HTTP_418 (HTTP 418)", "unexpected answer (I'm a teapot, Content-Type text/html)",
		"<html><head><title>418 I'm a teapot"},
}

func wantHostileError(t *testing.T, err error, kind emulator.FaultKind, action string) {
	t.Helper()
	var ae *zenlayer.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want an *APIError", err, err)
	}
	msg := err.Error()
	for _, want := range append([]string{action}, hostileWant[kind]...) {
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

// A read answered with a hostile answer fails at once with a clear error
// (not retried: a second try does not fix a proxy or an API change).
func TestHostileAnswerToARead(t *testing.T) {
	for _, kind := range emulator.HostileFaultKinds {
		t.Run(string(kind), func(t *testing.T) {
			emu, c := hostileClient(t, emulator.FaultRule{Kind: kind, Rate: 1, Actions: []string{"zec.DescribeDisks"}})
			_, err := c.DescribeDisks(context.Background(), zenlayer.DescribeDisksRequest{DiskIDs: []string{"disk-1"}})
			wantHostileError(t, err, kind, "zec DescribeDisks")
			if n := faultedRequests(emu, "zec.DescribeDisks"); n != 1 {
				t.Fatalf("DescribeDisks sent %d times, want once", n)
			}
			// A finder says so too, and does not mistake it for "not found".
			_, err = c.FindDisk(context.Background(), "disk-1")
			if zenlayer.IsNotFound(err) {
				t.Fatalf("FindDisk: %v, a hostile answer taken for not found", err)
			}
			wantHostileError(t, err, kind, "zec DescribeDisks")
		})
	}
}

// A create answered with a hostile answer is sent once. An answer that
// cannot be read (malformed, wrong types, huge) is ambiguous: the API may
// have acted, so CreateOnce looks the object up by its token before it
// would send the create again; a 418 is a refusal and is not.
func TestHostileAnswerToACreate(t *testing.T) {
	for _, kind := range emulator.HostileFaultKinds {
		t.Run(string(kind), func(t *testing.T) {
			emu, c := hostileClient(t, emulator.FaultRule{Kind: kind, Rate: 1, Actions: []string{"zec.CreateDisks"}})
			in := zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "hostile", DiskSize: 20,
				Tags: &zenlayer.TagAssociation{Tags: []zenlayer.Tag{{Key: zenlayer.CreateTokenTagKey, Value: "tok-" + string(kind)}}}}
			ids, err := c.CreateDisks(context.Background(), in)
			if len(ids) != 0 {
				t.Fatalf("ids %v from a hostile answer", ids)
			}
			wantHostileError(t, err, kind, "zec CreateDisks")
			if n := faultedRequests(emu, "zec.CreateDisks"); n != 1 {
				t.Fatalf("CreateDisks sent %d times, want once", n)
			}
			if got, want := zenlayer.Ambiguous(err), kind != emulator.FaultUnexpectedStatus; got != want {
				t.Fatalf("Ambiguous(%v) = %v, want %v", err, got, want)
			}

			// Through the create guard: the create is never sent again in
			// this run; the disk that never appears is reported by its token.
			emu.ResetLog()
			emu.SetFaults(nil)
			lookups := 0
			// Lookups every few milliseconds, within a deadline that a slow (loaded)
			// send does not use up: the test wants an unresolved create looked up repeatedly.
			base, most := journal.LookupBase, journal.LookupMax
			journal.LookupBase, journal.LookupMax = 20*time.Millisecond, 50*time.Millisecond
			defer func() { journal.LookupBase, journal.LookupMax = base, most }()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			t.Setenv(journal.EnvDir, t.TempDir())
			res, err := journal.Create(ctx, journal.Spec{Kind: "zec_disk", Label: "ZEC disk", Args: in, Ambiguous: zenlayer.Ambiguous,
				Send: func(ctx context.Context, _ string) ([]string, error) {
					emu.SetFaults([]emulator.FaultRule{{Kind: kind, Rate: 1, Actions: []string{"zec.CreateDisks"}}})
					defer emu.SetFaults(nil)
					return c.CreateDisks(ctx, in)
				},
				Lookup: func(ctx context.Context, _ string) ([]string, error) {
					lookups++
					return c.FindDisksByCreateToken(ctx, "tok-"+string(kind))
				},
				Hint: zenlayer.CreateTokenHint})
			if kind == emulator.FaultUnexpectedStatus {
				if err == nil || lookups != 0 || len(emu.Inventory()["zec_disk"]) != 0 {
					t.Fatalf("a 418 refusal: %+v, err %v, %d lookups; want the error and no lookup", res, err, lookups)
				}
				return
			}
			var ue *journal.UnresolvedError
			if !errors.As(err, &ue) || lookups < 2 {
				t.Fatalf("guarded create = %+v, %v after %d lookups; want an unresolved create looked up repeatedly", res, err, lookups)
			}
			if n := faultedRequests(emu, "zec.CreateDisks"); n != 1 {
				t.Fatalf("CreateDisks sent %d times, want once", n)
			}
			if disks := emu.Inventory()["zec_disk"]; len(disks) != 0 {
				t.Fatalf("disks %v, want none", disks)
			}
		})
	}
}

// When the lookup gets a hostile answer too, the error says both and how
// to find the object; nothing is created twice.
func TestHostileAnswerToCreateAndLookup(t *testing.T) {
	emu, c := hostileClient(t, emulator.FaultRule{Kind: emulator.FaultMalformedJSON, Rate: 1, Actions: []string{"zec"}})
	in := zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "hostile", DiskSize: 20}
	t.Setenv(journal.EnvDir, t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := journal.Create(ctx, journal.Spec{Kind: "zec_disk", Label: "ZEC disk", Args: in, Ambiguous: zenlayer.Ambiguous,
		Send:   func(ctx context.Context, _ string) ([]string, error) { return c.CreateDisks(ctx, in) },
		Lookup: c.FindDisksByCreateToken, Hint: zenlayer.CreateTokenHint})
	for _, want := range []string{"zec CreateDisks: MALFORMED_RESPONSE", "the last lookup failed", "zec DescribeDisks: MALFORMED_RESPONSE", zenlayer.CreateTokenTagKey} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to say %q", err, want)
		}
	}
	if n := faultedRequests(emu, "zec.CreateDisks"); n != 1 {
		t.Fatalf("CreateDisks sent %d times, want once", n)
	}
}

// The other creates: a wrong-typed answer to CreateZecInstances and
// bmc.CreateInstances is an error (never an index out of range), ambiguous.
func TestHostileAnswerToInstanceCreates(t *testing.T) {
	for _, kind := range []emulator.FaultKind{emulator.FaultWrongTypes, emulator.FaultMalformedJSON} {
		emu, c := hostileClient(t, emulator.FaultRule{Kind: kind, Rate: 1})
		_, err := c.CreateZecInstances(context.Background(), zenlayer.CreateZecInstancesRequest{
			ZoneID: "asia-east-1a", ImageID: "ubuntu-22.04", InstanceType: "z2a.cpu.1", SubnetID: "subnet-1", KeyID: "key-1"})
		wantHostileError(t, err, kind, "zec CreateZecInstances")
		if !zenlayer.Ambiguous(err) {
			t.Errorf("%s: CreateZecInstances error %v is not ambiguous", kind, err)
		}
		_, err = c.CreateBMCInstances(context.Background(), zenlayer.CreateBMCInstancesRequest{ZoneID: "SEL-A", InstanceTypeID: "S9I"})
		wantHostileError(t, err, kind, "bmc CreateInstances")
		if !zenlayer.Ambiguous(err) {
			t.Errorf("%s: bmc CreateInstances error %v is not ambiguous", kind, err)
		}
		if inv := emu.Inventory(); len(inv["zec_instance"])+len(inv["bmc_instance"]) != 0 {
			t.Fatalf("%s: objects created: %v", kind, inv)
		}
	}
}
