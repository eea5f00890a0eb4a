package emulator_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// fakeClock is a clock the emulator and the client share, so that status
// machines move only when the test says so.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

type rig struct {
	emu    *emulator.Server
	client *zenlayer.Client
	clock  *fakeClock
}

func newRig(t *testing.T, opts emulator.Options) *rig {
	t.Helper()
	clock := &fakeClock{now: time.Unix(1_790_000_000, 0)}
	opts.Now = clock.Now
	opts.Durations = emulator.Durations{DiskCreate: time.Second, DiskAttach: time.Second, DiskDetach: time.Second,
		DiskResize: time.Second, DiskRelease: time.Second, DiskRecycle: time.Second}
	emu, err := emulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	return &rig{emu: emu, client: newClient(t, emu, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeyPassword, clock.Now), clock: clock}
}

func newClient(t *testing.T, emu *emulator.Server, id, password string, now func() time.Time) *zenlayer.Client {
	t.Helper()
	c, err := zenlayer.New(zenlayer.Config{AccessKeyID: id, AccessKeyPassword: password, Domain: emu.Endpoint(), Scheme: "http",
		HTTPConfig: transport.HTTPConfig{Now: now, Retry: transport.Policy{MaxAttempts: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wantCode(t *testing.T, err error, status int, code string) {
	t.Helper()
	if !zenlayer.HasCode(err, code) {
		t.Fatalf("error = %v, want code %s", err, code)
	}
	var ae *zenlayer.APIError
	if !errors.As(err, &ae) || ae.HTTPStatus != status || ae.RequestID == "" {
		t.Fatalf("error = %+v, want HTTP %d and a requestId", ae, status)
	}
}

func (r *rig) status(t *testing.T, id string) string {
	t.Helper()
	d, err := r.client.FindDisk(context.Background(), id)
	if zenlayer.IsNotFound(err) {
		return "(gone)"
	}
	if err != nil {
		t.Fatal(err)
	}
	return d.DiskStatus
}

func (r *rig) create(t *testing.T, instanceID string) string {
	t.Helper()
	ids, err := r.client.CreateDisks(context.Background(), zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "d1", DiskSize: 20, InstanceID: instanceID})
	if err != nil || len(ids) != 1 {
		t.Fatalf("CreateDisks = %v, %v", ids, err)
	}
	return ids[0]
}

func TestAuthFailures(t *testing.T) {
	r := newRig(t, emulator.Options{})
	ctx := context.Background()
	for _, tc := range []struct {
		name, id, password string
		skew               time.Duration
		code               string
	}{
		{"wrong password", emulator.DefaultAccessKeyID, "wrong", 0, "AUTHFAILURE_SIGNATURE_FAILURE"},
		{"unknown key", "NOSUCHKEY", emulator.DefaultAccessKeyPassword, 0, "AUTHFAILURE_SECRET_ID_NOT_FOUND"},
		{"stale timestamp", emulator.DefaultAccessKeyID, emulator.DefaultAccessKeyPassword, -6 * time.Minute, "AUTHFAILURE_SIGNATURE_EXPIRED"},
		{"future timestamp", emulator.DefaultAccessKeyID, emulator.DefaultAccessKeyPassword, 6 * time.Minute, "AUTHFAILURE_SIGNATURE_EXPIRED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, r.emu, tc.id, tc.password, func() time.Time { return r.clock.Now().Add(tc.skew) })
			_, err := c.DescribeDisks(ctx, zenlayer.DescribeDisksRequest{})
			wantCode(t, err, 401, tc.code)
		})
	}
	if n := r.emu.CallCount("zec.DescribeDisks"); n != 4 {
		t.Fatalf("logged %d DescribeDisks, want 4", n)
	}
}

func TestDiskLifecycle(t *testing.T) {
	r := newRig(t, emulator.Options{})
	ctx := context.Background()
	instance := r.emu.AddZECInstance("asia-east-1a", "host")
	id := r.create(t, "")
	if s := r.status(t, id); s != "CREATING" {
		t.Fatalf("after create: %s", s)
	}
	// A disk being created cannot be released yet.
	wantCode(t, r.client.ReleaseDisk(ctx, id), 400, "UNSUPPORTED_OPERATION_DISK_STATUS")
	r.clock.Advance(time.Second)
	if s := r.status(t, id); s != "AVAILABLE" {
		t.Fatalf("after 1s: %s", s)
	}

	if err := r.client.AttachDisk(ctx, instance, id); err != nil {
		t.Fatal(err)
	}
	if s := r.status(t, id); s != "ATTACHING" {
		t.Fatalf("after attach: %s", s)
	}
	wantCode(t, r.client.AttachDisk(ctx, instance, id), 400, "UNSUPPORTED_OPERATION_DISK_ATTACHED")
	r.clock.Advance(time.Second)
	if s := r.status(t, id); s != "IN_USE" {
		t.Fatalf("after attach+1s: %s", s)
	}

	// Grow while attached; shrinking is refused.
	wantCode(t, r.client.ResizeDisk(ctx, id, 10), 400, "INVALID_DISK_SIZE")
	if err := r.client.ResizeDisk(ctx, id, 50); err != nil {
		t.Fatal(err)
	}
	if s := r.status(t, id); s != "CHANGING" {
		t.Fatalf("after resize: %s", s)
	}
	r.clock.Advance(time.Second)
	if d, _ := r.client.FindDisk(ctx, id); d.DiskStatus != "IN_USE" || d.DiskSize != 50 {
		t.Fatalf("after resize+1s: %+v", d)
	}

	// Detach with the instance check answers the disk as failed while
	// the instance runs, and detaches once it is stopped.
	err := r.client.DetachDisk(ctx, true, id)
	var be *zenlayer.BatchError
	if !errors.As(err, &be) || len(be.FailedIDs) != 1 || be.RequestID == "" {
		t.Fatalf("detach from running instance: %v", err)
	}
	r.emu.SetZECInstanceStatus(instance, "STOPPED")
	if err := r.client.DetachDisk(ctx, true, id); err != nil {
		t.Fatal(err)
	}
	if s := r.status(t, id); s != "DETACHING" {
		t.Fatalf("after detach: %s", s)
	}
	r.clock.Advance(time.Second)
	if d, _ := r.client.FindDisk(ctx, id); d.DiskStatus != "AVAILABLE" || d.InstanceID != "" {
		t.Fatalf("after detach+1s: %+v", d)
	}

	if err := r.client.RenameDisks(ctx, "renamed", id); err != nil {
		t.Fatal(err)
	}
	if d, _ := r.client.FindDisk(ctx, id); d.DiskName != "renamed" {
		t.Fatalf("after rename: %+v", d)
	}

	if err := r.client.ReleaseDisk(ctx, id); err != nil {
		t.Fatal(err)
	}
	if s := r.status(t, id); s != "DELETING" {
		t.Fatalf("after release: %s", s)
	}
	r.clock.Advance(time.Second)
	if s := r.status(t, id); s != "(gone)" {
		t.Fatalf("after release+1s: %s", s)
	}
}

// The ReleaseDisk seed's three error codes, exactly.
func TestReleaseDiskErrorCodes(t *testing.T) {
	r := newRig(t, emulator.Options{})
	ctx := context.Background()
	wantCode(t, r.client.ReleaseDisk(ctx, "disk-nosuch"), 404, "INVALID_DISK_NOT_FOUND")
	instance := r.emu.AddZECInstance("asia-east-1a", "host")
	wantCode(t, r.client.ReleaseDisk(ctx, r.emu.ZECSystemDiskID(instance)), 400, "INVALID_DISK_NOT_PORTABLE")
	id := r.create(t, instance)
	r.clock.Advance(2 * time.Second)
	if s := r.status(t, id); s != "IN_USE" {
		t.Fatalf("created attached: %s", s)
	}
	wantCode(t, r.client.ReleaseDisk(ctx, id), 400, "UNSUPPORTED_OPERATION_DISK_STATUS")
}

func TestRecycleBin(t *testing.T) {
	r := newRig(t, emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	ctx := context.Background()
	id := r.create(t, "")
	r.clock.Advance(time.Second)
	if err := r.client.ReleaseDisk(ctx, id); err != nil {
		t.Fatal(err)
	}
	if s := r.status(t, id); s != "RECYCLING" {
		t.Fatalf("after release: %s", s)
	}
	r.clock.Advance(time.Second)
	if s := r.status(t, id); s != "RECYCLED" {
		t.Fatalf("after release+1s: %s", s)
	}
	if err := r.client.ReleaseDisk(ctx, id); err != nil {
		t.Fatal(err)
	}
	if s := r.status(t, id); s != "DELETING" {
		t.Fatalf("after second release: %s", s)
	}
	r.clock.Advance(time.Second)
	if s := r.status(t, id); s != "(gone)" {
		t.Fatalf("after second release+1s: %s", s)
	}
}

func TestCreateDisksValidation(t *testing.T) {
	r := newRig(t, emulator.Options{})
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		in   zenlayer.CreateDisksRequest
		code string
	}{
		{"no zone", zenlayer.CreateDisksRequest{DiskName: "d", DiskSize: 20}, "MISSING_PARAMETER"},
		{"unknown zone", zenlayer.CreateDisksRequest{ZoneID: "mars-1a", DiskName: "d", DiskSize: 20}, "INVALID_ZONE_NOT_FOUND"},
		{"too small", zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "d", DiskSize: 19}, "INVALID_DISK_SIZE"},
		{"too large", zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "d", DiskSize: 32769}, "INVALID_DISK_SIZE"},
		{"bad name", zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "-x", DiskSize: 20}, "INVALID_PARAMETER_DISK_NAME"},
		{"no name", zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskSize: 20}, "MISSING_PARAMETER"},
		{"bad category", zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "d", DiskSize: 20, DiskCategory: "Floppy"}, "INVALID_DISK_CATEGORY"},
		{"unknown instance", zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "d", DiskSize: 20, InstanceID: "zec-nosuch"}, "INVALID_INSTANCE_NOT_FOUND"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := r.client.CreateDisks(ctx, tc.in)
			if !zenlayer.HasCode(err, tc.code) {
				t.Fatalf("error = %v, want %s", err, tc.code)
			}
		})
	}
	if inv := r.emu.Inventory()["zec_disk"]; len(inv) != 0 {
		t.Fatalf("refused creates left disks: %v", inv)
	}
}

func TestRateLimit(t *testing.T) {
	r := newRig(t, emulator.Options{RateLimit: 1, RateBurst: 1})
	ctx := context.Background()
	if _, err := r.client.DescribeDisks(ctx, zenlayer.DescribeDisksRequest{}); err != nil {
		t.Fatal(err)
	}
	_, err := r.client.DescribeDisks(ctx, zenlayer.DescribeDisksRequest{})
	wantCode(t, err, 429, "REQUEST_LIMIT_EXCEEDED")
	r.clock.Advance(time.Second)
	if _, err := r.client.DescribeDisks(ctx, zenlayer.DescribeDisksRequest{}); err != nil {
		t.Fatalf("after the bucket refilled: %v", err)
	}
}
