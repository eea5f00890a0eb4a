package emulator

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// testClock is the emulator's (and the client's) clock in these tests: the
// status machines move only when the test says so.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type zecFixture struct {
	t     *testing.T
	s     *Server
	c     *zenlayer.Client
	clock *testClock
	d     Durations
}

func startZECFixture(t *testing.T, opts Options) *zecFixture {
	t.Helper()
	clock := &testClock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	opts.Now = clock.Now
	s, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: DefaultAccessKeyID, AccessKeyPassword: DefaultAccessKeyPassword,
		Domain: s.Endpoint(), Scheme: "http",
		HTTPConfig: transport.HTTPConfig{Now: clock.Now},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &zecFixture{t: t, s: s, c: c, clock: clock, d: s.opts.Durations}
}

func (f *zecFixture) create(in zenlayer.CreateZecInstancesRequest) []string {
	f.t.Helper()
	if in.ZoneID == "" {
		in.ZoneID = "asia-east-1a"
	}
	if in.ImageID == "" {
		in.ImageID = "ubuntu-22.04"
	}
	if in.InstanceType == "" {
		in.InstanceType = "z2a.cpu.1"
	}
	if in.SubnetID == "" {
		in.SubnetID = "subnet-1"
	}
	if in.Password == "" && in.KeyID == "" {
		in.KeyID = "key-test"
	}
	out, err := f.c.CreateZecInstances(context.Background(), in)
	if err != nil {
		f.t.Fatalf("CreateZecInstances: %v", err)
	}
	return out.InstanceIDSet
}

// running creates an instance and lets it reach RUNNING.
func (f *zecFixture) running() string {
	f.t.Helper()
	id := f.create(zenlayer.CreateZecInstancesRequest{InstanceName: "vm-1"})[0]
	f.clock.Advance(f.d.InstanceCreate)
	f.wantStatus(id, "RUNNING")
	return id
}

// stopped creates an instance and stops it.
func (f *zecFixture) stopped() string {
	f.t.Helper()
	id := f.running()
	if err := f.c.StopInstances(context.Background(), false, id); err != nil {
		f.t.Fatalf("StopInstances: %v", err)
	}
	f.clock.Advance(f.d.InstanceStop)
	f.wantStatus(id, "STOPPED")
	return id
}

func (f *zecFixture) status(id string) string {
	f.t.Helper()
	inst, err := f.c.FindZECInstance(context.Background(), id)
	if zenlayer.IsNotFound(err) {
		return "(gone)"
	}
	if err != nil {
		f.t.Fatalf("FindZECInstance: %v", err)
	}
	return inst.Status
}

func (f *zecFixture) wantStatus(id, want string) {
	f.t.Helper()
	if got := f.status(id); got != want {
		f.t.Fatalf("instance %s is %s, want %s", id, got, want)
	}
}

func (f *zecFixture) disk(id string) *zenlayer.Disk {
	f.t.Helper()
	d, err := f.c.FindDisk(context.Background(), id)
	if zenlayer.IsNotFound(err) {
		return nil
	}
	if err != nil {
		f.t.Fatalf("FindDisk: %v", err)
	}
	return d
}

func wantCode(t *testing.T, err error, status int, code string) {
	t.Helper()
	var ae *zenlayer.APIError
	if !errors.As(err, &ae) || ae.Code != code || ae.HTTPStatus != status {
		t.Fatalf("got %v, want HTTP %d %s", err, status, code)
	}
}

func TestZECInstance_lifecycle(t *testing.T) {
	f := startZECFixture(t, Options{})
	ctx := context.Background()
	id := f.create(zenlayer.CreateZecInstancesRequest{InstanceName: "web-1", SystemDisk: &zenlayer.SystemDiskSpec{DiskSize: 40}})[0]

	f.wantStatus(id, "PENDING")
	f.clock.Advance(f.d.InstanceCreate / 5)
	f.wantStatus(id, "DEPLOYING")
	f.clock.Advance(f.d.InstanceCreate)
	f.wantStatus(id, "RUNNING")

	inst, err := f.c.FindZECInstance(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if inst.CPU != 1 || inst.Memory != 2 || inst.SystemDisk == nil || inst.SystemDisk.DiskSize != 40 || inst.KeyID != "key-test" || len(inst.PrivateIPAddresses) != 1 {
		t.Fatalf("DescribeInstances answered %+v", inst)
	}
	sys := f.disk(inst.SystemDisk.DiskID)
	if sys == nil || sys.DiskType != "SYSTEM" || sys.Portable || sys.DiskStatus != "IN_USE" || sys.InstanceID != id {
		t.Fatalf("system disk is %+v, want a non-portable SYSTEM disk IN_USE by %s", sys, id)
	}
	wantCode(t, f.c.ReleaseDisk(ctx, sys.DiskID), http.StatusBadRequest, "INVALID_DISK_NOT_PORTABLE")

	if err := f.c.StopInstances(ctx, true, id); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(id, "STOPPING")
	f.clock.Advance(f.d.InstanceStop)
	f.wantStatus(id, "STOPPED")

	if err := f.c.StartInstances(ctx, id); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(id, "BOOTING") // the DescribeInstances enum's word, by default
	f.clock.Advance(f.d.InstanceStart)
	f.wantStatus(id, "RUNNING")

	if err := f.c.ModifyInstancesAttribute(ctx, "web-renamed", id); err != nil {
		t.Fatal(err)
	}
	if d := f.disk(sys.DiskID); d.InstanceName != "web-renamed" {
		t.Errorf("system disk's instanceName is %q after the rename", d.InstanceName)
	}

	if err := f.c.ReleaseInstances(ctx, zenlayer.ReleaseInstancesRequest{InstanceIDs: []string{id}}); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(id, "RELEASING")
	f.clock.Advance(f.d.InstanceRelease)
	f.wantStatus(id, "(gone)")
	if d := f.disk(sys.DiskID); d != nil {
		t.Errorf("the system disk outlived its instance: %+v", d)
	}
	wantCode(t, f.c.ReleaseInstances(ctx, zenlayer.ReleaseInstancesRequest{InstanceIDs: []string{id}}), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
}

// The error codes of the StartInstances document (seed 002).
func TestZECStartInstances_errors(t *testing.T) {
	f := startZECFixture(t, Options{ZECReleaseMode: ReleaseRecycle})
	ctx := context.Background()

	t.Run("more than 100 ids", func(t *testing.T) {
		ids := make([]string, 101)
		for n := range ids {
			ids[n] = f.stoppedID(n)
		}
		err := f.c.Call(ctx, zenlayer.ZEC, "StartInstances", map[string]any{"instanceIds": ids}, nil)
		wantCode(t, err, http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	})
	t.Run("no ids", func(t *testing.T) {
		err := f.c.Call(ctx, zenlayer.ZEC, "StartInstances", map[string]any{"instanceIds": []string{}}, nil)
		wantCode(t, err, http.StatusBadRequest, "MISSING_PARAMETER")
	})
	t.Run("unknown id", func(t *testing.T) {
		wantCode(t, f.c.StartInstances(ctx, "zec-nope"), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
	})
	t.Run("running", func(t *testing.T) {
		wantCode(t, f.c.StartInstances(ctx, f.running()), http.StatusBadRequest, "UNSUPPORTED_OPERATION_INSTANCE_STATUS")
	})
	t.Run("deploying", func(t *testing.T) {
		id := f.create(zenlayer.CreateZecInstancesRequest{})[0]
		wantCode(t, f.c.StartInstances(ctx, id), http.StatusBadRequest, "OPERATION_DENIED_INSTANCE_IN_OPERATION")
	})
	t.Run("stopping", func(t *testing.T) {
		id := f.running()
		if err := f.c.StopInstances(ctx, false, id); err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.c.StartInstances(ctx, id), http.StatusBadRequest, "OPERATION_DENIED_INSTANCE_IN_OPERATION")
	})
	t.Run("starting", func(t *testing.T) {
		id := f.stopped()
		if err := f.c.StartInstances(ctx, id); err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.c.StartInstances(ctx, id), http.StatusBadRequest, "OPERATION_DENIED_INSTANCE_IN_OPERATION")
	})
	t.Run("in the recycle bin", func(t *testing.T) {
		id := f.stopped()
		if err := f.c.ReleaseInstances(ctx, zenlayer.ReleaseInstancesRequest{InstanceIDs: []string{id}}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.c.StartInstances(ctx, id), http.StatusBadRequest, "OPERATION_DENIED_INSTANCE_IN_OPERATION") // RECYCLING
		f.clock.Advance(f.d.InstanceRecycle)
		f.wantStatus(id, "RECYCLE")
		wantCode(t, f.c.StartInstances(ctx, id), http.StatusBadRequest, "UNSUPPORTED_OPERATION_INSTANCE_STATUS")
	})
	t.Run("batch answers the ids that failed", func(t *testing.T) {
		stopped, running := f.stopped(), f.running()
		err := f.c.StartInstances(ctx, stopped, running)
		var be *zenlayer.BatchError
		if !errors.As(err, &be) || !slices.Equal(be.FailedIDs, []string{running}) {
			t.Fatalf("got %v, want a BatchError for %s", err, running)
		}
		f.wantStatus(stopped, "BOOTING")
		f.wantStatus(running, "RUNNING")
	})
	t.Run("a failed id in a 200 answer", func(t *testing.T) {
		id := f.stopped()
		f.s.FailZECInstanceOnce("StartInstances", id)
		err := f.c.StartInstances(ctx, id)
		var be *zenlayer.BatchError
		if !errors.As(err, &be) || !slices.Equal(be.FailedIDs, []string{id}) {
			t.Fatalf("got %v, want a BatchError for %s", err, id)
		}
		f.wantStatus(id, "STOPPED")
		if err := f.c.StartInstances(ctx, id); err != nil {
			t.Fatalf("the failure was meant for one call only: %v", err)
		}
	})
}

// stoppedID returns the id of a stopped instance, creating it (and a few at
// a time) cheaply: fixture instances are placed directly.
func (f *zecFixture) stoppedID(n int) string {
	f.t.Helper()
	f.s.mu.Lock()
	defer f.s.mu.Unlock()
	return f.s.zec.addInstance("asia-east-1a", "bulk-"+strings.Repeat("x", n%3+1), "STOPPED", 20, zecDefaultDiskCategory)
}

func TestZECStopInstances_errors(t *testing.T) {
	f := startZECFixture(t, Options{})
	ctx := context.Background()
	wantCode(t, f.c.StopInstances(ctx, false, f.stopped()), http.StatusBadRequest, "UNSUPPORTED_OPERATION_INSTANCE_STATUS")
	id := f.create(zenlayer.CreateZecInstancesRequest{})[0]
	wantCode(t, f.c.StopInstances(ctx, false, id), http.StatusBadRequest, "OPERATION_DENIED_INSTANCE_IN_OPERATION")
	wantCode(t, f.c.StopInstances(ctx, false, "zec-nope"), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
}

func TestZECReleaseInstances_recycleBin(t *testing.T) {
	f := startZECFixture(t, Options{ZECReleaseMode: ReleaseRecycle})
	ctx := context.Background()
	id := f.running()
	sys := f.s.ZECSystemDiskID(id)
	release := func() error {
		return f.c.ReleaseInstances(ctx, zenlayer.ReleaseInstancesRequest{InstanceIDs: []string{id}, KeepDataDisks: true})
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(id, "RECYCLING")
	wantCode(t, release(), http.StatusBadRequest, "OPERATION_DENIED_INSTANCE_IN_OPERATION")
	f.clock.Advance(f.d.InstanceRecycle)
	f.wantStatus(id, "RECYCLE")
	if d := f.disk(sys); d == nil || d.DiskStatus != "RECYCLED" {
		t.Fatalf("system disk of a recycled instance is %+v, want RECYCLED", d)
	}
	wantCode(t, f.c.StopInstances(ctx, false, id), http.StatusBadRequest, "UNSUPPORTED_OPERATION_INSTANCE_STATUS")
	wantCode(t, f.c.ModifyInstancesAttribute(ctx, "renamed", id), http.StatusBadRequest, "UNSUPPORTED_OPERATION_INSTANCE_STATUS")
	// A second release frees it.
	if err := release(); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(id, "RELEASING")
	f.clock.Advance(f.d.InstanceRelease)
	f.wantStatus(id, "(gone)")
	if d := f.disk(sys); d != nil {
		t.Fatalf("system disk outlived its instance: %+v", d)
	}
}

func TestZECReleaseInstances_dataDisks(t *testing.T) {
	f := startZECFixture(t, Options{})
	ctx := context.Background()
	withDisk := func() (string, string) {
		out, err := f.c.CreateZecInstances(ctx, zenlayer.CreateZecInstancesRequest{
			ZoneID: "asia-east-1a", ImageID: "debian-12", InstanceType: "z2a.cpu.2", SubnetID: "subnet-1", KeyID: "key-1",
			DataDisks: []zenlayer.DataDiskSpec{{DiskSize: 50}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Instances) != 1 || len(out.Instances[0].DiskIDSet) != 1 {
			t.Fatalf("CreateZecInstances answered %+v, want one instance with one data disk", out)
		}
		return out.InstanceIDSet[0], out.Instances[0].DiskIDSet[0]
	}

	// dependResource = false: the data disk is detached and kept.
	id, data := withDisk()
	f.clock.Advance(f.d.InstanceCreate)
	if d := f.disk(data); d == nil || d.DiskType != "DATA" || d.DiskStatus != "IN_USE" || d.InstanceID != id || !d.Portable {
		t.Fatalf("data disk is %+v, want a portable DATA disk IN_USE by %s", d, id)
	}
	inst, err := f.c.FindZECInstance(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(inst.DataDisks) != 1 || inst.DataDisks[0].DiskID != data {
		t.Fatalf("DescribeInstances lists data disks %+v, want %s", inst.DataDisks, data)
	}
	if err := f.c.ReleaseInstances(ctx, zenlayer.ReleaseInstancesRequest{InstanceIDs: []string{id}, KeepDataDisks: true}); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(max(f.d.InstanceRelease, f.d.DiskDetach))
	f.wantStatus(id, "(gone)")
	if d := f.disk(data); d == nil || d.DiskStatus != "AVAILABLE" || d.InstanceID != "" {
		t.Fatalf("data disk is %+v after its instance was released with dependResource=false, want it AVAILABLE", d)
	}

	// The API's default (dependResource = true) releases it with the instance.
	id, data = withDisk()
	f.clock.Advance(f.d.InstanceCreate)
	if err := f.c.ReleaseInstances(ctx, zenlayer.ReleaseInstancesRequest{InstanceIDs: []string{id}}); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(f.d.InstanceRelease)
	if d := f.disk(data); d != nil {
		t.Fatalf("data disk %+v outlived its instance released with dependResource=true", d)
	}
}

func TestZECCreate_failures(t *testing.T) {
	t.Run("CreateFailRate", func(t *testing.T) {
		f := startZECFixture(t, Options{CreateFailRate: 1, ZECReleaseMode: ReleaseRecycle})
		id := f.create(zenlayer.CreateZecInstancesRequest{})[0]
		f.clock.Advance(f.d.InstanceCreate)
		f.wantStatus(id, "CREATE_FAILED")
		wantCode(t, f.c.StartInstances(context.Background(), id), http.StatusBadRequest, "UNSUPPORTED_OPERATION_INSTANCE_STATUS")
		// A failed instance is freed at once, even on an account with a recycle bin.
		if err := f.c.ReleaseInstances(context.Background(), zenlayer.ReleaseInstancesRequest{InstanceIDs: []string{id}}); err != nil {
			t.Fatal(err)
		}
		f.wantStatus(id, "RELEASING")
	})
	t.Run("CreateFailRate share", func(t *testing.T) {
		f := startZECFixture(t, Options{CreateFailRate: 0.5, Seed: 7})
		ids := f.create(zenlayer.CreateZecInstancesRequest{InstanceCount: 40, InstanceName: "n-[0,2]"})
		f.clock.Advance(f.d.InstanceCreate)
		failed := 0
		for _, id := range ids {
			if f.status(id) == "CREATE_FAILED" {
				failed++
			}
		}
		if failed == 0 || failed == len(ids) {
			t.Fatalf("%d of %d creates failed with CreateFailRate 0.5", failed, len(ids))
		}
	})
	t.Run("FailNextZECInstanceCreates", func(t *testing.T) {
		f := startZECFixture(t, Options{})
		f.s.FailNextZECInstanceCreates(1)
		first, second := f.create(zenlayer.CreateZecInstancesRequest{})[0], f.create(zenlayer.CreateZecInstancesRequest{})[0]
		f.clock.Advance(f.d.InstanceCreate)
		f.wantStatus(first, "CREATE_FAILED")
		f.wantStatus(second, "RUNNING")
	})
}

func TestZECCreate_validation(t *testing.T) {
	f := startZECFixture(t, Options{})
	ctx := context.Background()
	base := zenlayer.CreateZecInstancesRequest{ZoneID: "asia-east-1a", ImageID: "ubuntu-22.04", InstanceType: "z2a.cpu.1", SubnetID: "subnet-1", Password: "Passw0rd!x"}
	for name, tc := range map[string]struct {
		edit   func(*zenlayer.CreateZecInstancesRequest)
		status int
		code   string
	}{
		"weak password":      {func(r *zenlayer.CreateZecInstancesRequest) { r.Password = "password" }, 400, "INVALID_PASSWORD_MALFORMED"},
		"long password":      {func(r *zenlayer.CreateZecInstancesRequest) { r.Password = "Passw0rd!Passw0rd!" }, 400, "INVALID_PASSWORD_MALFORMED"},
		"password and key":   {func(r *zenlayer.CreateZecInstancesRequest) { r.KeyID = "key-1" }, 400, "INVALID_PARAMETER"},
		"no password or key": {func(r *zenlayer.CreateZecInstancesRequest) { r.Password = "" }, 400, "MISSING_PARAMETER"},
		"bad name":           {func(r *zenlayer.CreateZecInstancesRequest) { r.InstanceName = "-web" }, 400, "INVALID_PARAMETER_INSTANCE_NAME"},
		"unknown zone":       {func(r *zenlayer.CreateZecInstancesRequest) { r.ZoneID = "mars-1a" }, 400, "INVALID_ZONE_NOT_FOUND"},
		"unknown image":      {func(r *zenlayer.CreateZecInstancesRequest) { r.ImageID = "img-nope" }, 404, "INVALID_IMAGE_NOT_FOUND"},
		"unknown type":       {func(r *zenlayer.CreateZecInstancesRequest) { r.InstanceType = "z9.huge" }, 404, "INVALID_INSTANCE_TYPE_NOT_FOUND"},
		"no subnet":          {func(r *zenlayer.CreateZecInstancesRequest) { r.SubnetID = "" }, 400, "MISSING_PARAMETER"},
		"system disk too small for the image": {func(r *zenlayer.CreateZecInstancesRequest) {
			r.ImageID, r.SystemDisk = "rocky-9", &zenlayer.SystemDiskSpec{DiskSize: 20}
		}, 400, "INVALID_DISK_SIZE"},
		"two data disks": {func(r *zenlayer.CreateZecInstancesRequest) {
			r.DataDisks = []zenlayer.DataDiskSpec{{DiskSize: 20}, {DiskSize: 30}}
		}, 400, "INVALID_PARAMETER_VALUE"},
		"too many instances": {func(r *zenlayer.CreateZecInstancesRequest) { r.InstanceCount = 101 }, 400, "INVALID_PARAMETER_VALUE"},
	} {
		t.Run(name, func(t *testing.T) {
			in := base
			tc.edit(&in)
			_, err := f.c.CreateZecInstances(ctx, in)
			wantCode(t, err, tc.status, tc.code)
		})
	}
	if n := len(f.s.Inventory()["zec_instance"]); n != 0 {
		t.Errorf("refused creates left %d instances", n)
	}

	// The batch naming pattern.
	in := base
	in.InstanceCount, in.InstanceName = 2, "web-[7,3]"
	out, err := f.c.CreateZecInstances(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, id := range out.InstanceIDSet {
		v, _ := f.s.ZECInstance(id)
		names = append(names, v.Name)
	}
	if !slices.Equal(names, []string{"web-007", "web-008"}) {
		t.Errorf("batch names are %v, want web-007 and web-008", names)
	}
}

func TestZECDescribeInstances(t *testing.T) {
	f := startZECFixture(t, Options{})
	ctx := context.Background()
	a := f.create(zenlayer.CreateZecInstancesRequest{InstanceName: "alpha", InstanceCount: 1})[0]
	b := f.create(zenlayer.CreateZecInstancesRequest{InstanceName: "beta", ZoneID: "na-west-1a"})[0]
	f.clock.Advance(f.d.InstanceCreate)
	if err := f.c.StopInstances(ctx, false, b); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(f.d.InstanceStop)

	ids := func(in zenlayer.DescribeInstancesRequest) []string {
		got, err := f.c.DescribeInstances(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, i := range got {
			out = append(out, i.InstanceID)
		}
		slices.Sort(out)
		return out
	}
	for name, tc := range map[string]struct {
		in   zenlayer.DescribeInstancesRequest
		want []string
	}{
		"all":         {zenlayer.DescribeInstancesRequest{}, []string{a, b}},
		"by id":       {zenlayer.DescribeInstancesRequest{InstanceIDs: []string{b, "zec-unknown"}}, []string{b}},
		"by zone":     {zenlayer.DescribeInstancesRequest{ZoneID: "na-west-1a"}, []string{b}},
		"by status":   {zenlayer.DescribeInstancesRequest{Status: "RUNNING"}, []string{a}},
		"fuzzy name":  {zenlayer.DescribeInstancesRequest{Name: "lph"}, []string{a}},
		"no match":    {zenlayer.DescribeInstancesRequest{Name: "gamma"}, nil},
		"many ids":    {zenlayer.DescribeInstancesRequest{InstanceIDs: append(make([]string, 150), a)}, []string{a}},
		"private ip":  {zenlayer.DescribeInstancesRequest{IPv4Address: "192.0.2.1"}, nil},
		"resource rg": {zenlayer.DescribeInstancesRequest{ResourceGroupID: defaultResourceGroup}, []string{a, b}},
	} {
		t.Run(name, func(t *testing.T) {
			if got := ids(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}

	st, err := f.c.DescribeInstancesStatus(ctx, a, b)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(st, func(x, y zenlayer.InstanceStatus) int { return strings.Compare(x.InstanceID, y.InstanceID) })
	want := []zenlayer.InstanceStatus{{InstanceID: a, InstanceStatus: "RUNNING"}, {InstanceID: b, InstanceStatus: "STOPPED"}}
	slices.SortFunc(want, func(x, y zenlayer.InstanceStatus) int { return strings.Compare(x.InstanceID, y.InstanceID) })
	if !slices.Equal(st, want) {
		t.Errorf("DescribeInstancesStatus answered %+v, want %+v", st, want)
	}
	err = f.c.Call(ctx, zenlayer.ZEC, "DescribeInstances", map[string]any{"instanceIds": make([]string, 101)}, nil)
	wantCode(t, err, http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	wantCode(t, f.c.ModifyInstancesAttribute(ctx, "x", a), http.StatusBadRequest, "INVALID_PARAMETER_INSTANCE_NAME")
	wantCode(t, f.c.ModifyInstancesAttribute(ctx, "renamed", a, "zec-nope"), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
	if v, _ := f.s.ZECInstance(a); v.Name != "alpha" {
		t.Errorf("a refused rename renamed the instance to %q", v.Name)
	}
}

// The disk-side fixtures keep working with the instance actions.
func TestZECInstance_fixtures(t *testing.T) {
	f := startZECFixture(t, Options{})
	ctx := context.Background()
	id := f.s.AddZECInstance("asia-east-1a", "fixture")
	inst, err := f.c.FindZECInstance(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if inst.Status != "RUNNING" || inst.SystemDisk == nil || inst.SystemDisk.DiskID != f.s.ZECSystemDiskID(id) || inst.InstanceType == "" {
		t.Fatalf("fixture instance is %+v", inst)
	}
	if !f.s.SetZECInstanceStatus(id, "STOPPED") {
		t.Fatal("SetZECInstanceStatus failed")
	}
	if err := f.c.StartInstances(ctx, id); err != nil {
		t.Fatal(err)
	}
	sys := f.s.ZECSystemDiskID(id)
	if !f.s.DeleteZECInstance(id) {
		t.Fatal("DeleteZECInstance failed")
	}
	f.wantStatus(id, "(gone)")
	if _, ok := f.s.ZECDisk(sys); ok {
		t.Error("DeleteZECInstance left the system disk")
	}
}

// The StartInstances document calls the starting status STARTING, the
// DescribeInstances enum BOOTING: Options.ZECStartingStatus chooses, and
// DescribeInstancesStatus answers the same.
func TestZECStartInstances_startingStatus(t *testing.T) {
	for _, tc := range []struct{ option, want string }{{"", "BOOTING"}, {"BOOTING", "BOOTING"}, {"STARTING", "STARTING"}} {
		t.Run(tc.want+"/"+tc.option, func(t *testing.T) {
			f := startZECFixture(t, Options{ZECStartingStatus: tc.option})
			id := f.stopped()
			if err := f.c.StartInstances(context.Background(), id); err != nil {
				t.Fatal(err)
			}
			f.wantStatus(id, tc.want)
			st, err := f.c.DescribeInstancesStatus(context.Background(), id)
			if err != nil || len(st) != 1 || st[0].InstanceStatus != tc.want {
				t.Errorf("DescribeInstancesStatus: %+v, %v; want %s", st, err, tc.want)
			}
			f.clock.Advance(f.d.InstanceStart)
			f.wantStatus(id, "RUNNING")
		})
	}
	if _, err := Start(Options{ZECStartingStatus: "STARTED"}); err == nil {
		t.Error("a starting status outside BOOTING and STARTING was accepted")
	}
}
