package emulator

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// bmcClock is a clock the test moves by hand: the emulator's status
// machines and the client's request timestamps both read it.
type bmcClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *bmcClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *bmcClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var bmcTestDurations = Durations{
	BMCCreate: 3 * time.Second, BMCInstall: 2 * time.Second, BMCStart: time.Second, BMCStop: time.Second,
}

type bmcHarness struct {
	t     *testing.T
	emu   *Server
	c     *zenlayer.Client
	clock *bmcClock
}

func startBMC(t *testing.T, opts Options) *bmcHarness {
	t.Helper()
	clock := &bmcClock{t: time.Date(2025, 1, 31, 12, 0, 0, 0, time.UTC)}
	opts.Now = clock.Now
	if opts.Durations == (Durations{}) {
		opts.Durations = bmcTestDurations
	}
	emu, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: DefaultAccessKeyID, AccessKeyPassword: DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http",
		HTTPConfig: transport.HTTPConfig{Now: clock.Now},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &bmcHarness{t: t, emu: emu, c: c, clock: clock}
}

// call performs a raw action and returns the API error, if any.
func (h *bmcHarness) call(action string, in any) error {
	var out map[string]any
	return h.c.Call(context.Background(), zenlayer.BMC, action, in, &out)
}

// create orders instances and fails the test on an error.
func (h *bmcHarness) create(in zenlayer.CreateBMCInstancesRequest) []string {
	h.t.Helper()
	ids, err := h.c.CreateBMCInstances(context.Background(), in)
	if err != nil {
		h.t.Fatalf("CreateInstances: %v", err)
	}
	return ids
}

func (h *bmcHarness) running(in zenlayer.CreateBMCInstancesRequest) string {
	h.t.Helper()
	id := h.create(in)[0]
	h.clock.Add(bmcTestDurations.BMCCreate + bmcTestDurations.BMCInstall)
	h.wantStatus(id, "RUNNING")
	return id
}

func (h *bmcHarness) status(id string) string {
	h.t.Helper()
	inst, err := h.c.FindBMCInstance(context.Background(), id)
	if zenlayer.IsNotFound(err) {
		return "(gone)"
	}
	if err != nil {
		h.t.Fatalf("FindBMCInstance(%s): %v", id, err)
	}
	return inst.InstanceStatus
}

func (h *bmcHarness) wantStatus(id, want string) {
	h.t.Helper()
	if got := h.status(id); got != want {
		h.t.Fatalf("instance %s is %s, want %s", id, got, want)
	}
}

// wantCode checks that err is an API error with this HTTP status and code.
func bmcWantCode(t *testing.T, err error, status int, code string) {
	t.Helper()
	var ae *zenlayer.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("got %v, want API error %d %s", err, status, code)
	}
	if ae.HTTPStatus != status || ae.Code != code {
		t.Fatalf("got %d %s (%s), want %d %s", ae.HTTPStatus, ae.Code, ae.Message, status, code)
	}
}

func bmcBasicReq() zenlayer.CreateBMCInstancesRequest {
	return zenlayer.CreateBMCInstancesRequest{
		ZoneID: "SEL-A", InstanceChargeType: "POSTPAID", InstanceTypeID: "S9I", ImageID: "img-ubuntu-2204",
		InstanceName: "web", Hostname: "web", Password: "Passw0rd!", InternetChargeType: "ByBandwidth",
	}
}

func TestBMCCreateLifecycle(t *testing.T) {
	h := startBMC(t, Options{})
	id := h.create(bmcBasicReq())[0]
	h.wantStatus(id, "PENDING")
	h.clock.Add(time.Second)
	h.wantStatus(id, "CREATING")
	h.clock.Add(2 * time.Second)
	h.wantStatus(id, "INSTALLING")
	h.clock.Add(2 * time.Second)
	h.wantStatus(id, "RUNNING")

	inst, err := h.c.FindBMCInstance(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if inst.InstanceName != "web" || inst.Hostname != "web" || inst.ImageID != "img-ubuntu-2204" || inst.BandwidthOutMbps != 1 ||
		inst.PrimaryPublicIPAddress == "" || len(inst.PrivateIPAddresses) != 1 || inst.Period != nil || inst.ExpiredTime != "" ||
		inst.Nic == nil || inst.Nic.WanName != "wan0" || inst.Nic.LanName != "lan0" || inst.CreateTime != "2025-01-31T12:00:00Z" {
		t.Errorf("unexpected instance %+v", inst)
	}
}

func TestBMCCreateWithoutImageSkipsInstall(t *testing.T) {
	h := startBMC(t, Options{})
	in := bmcBasicReq()
	in.ImageID, in.Password = "", ""
	id := h.create(in)[0]
	h.clock.Add(bmcTestDurations.BMCCreate)
	h.wantStatus(id, "RUNNING")
}

func TestBMCCreateBatchNamesAndPaging(t *testing.T) {
	h := startBMC(t, Options{})
	in := bmcBasicReq()
	in.InstanceName, in.Hostname, in.Amount = "web-[1,2]", "node[7,3].example", 3
	ids := h.create(in)
	list, err := h.c.DescribeBMCInstances(context.Background(), zenlayer.DescribeBMCInstancesRequest{InstanceName: "web-*"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, i := range list {
		got[i.InstanceName] = i.Hostname
	}
	want := map[string]string{"web-01": "node007.example", "web-02": "node008.example", "web-03": "node009.example"}
	if fmt.Sprint(got) != fmt.Sprint(want) || len(ids) != 3 {
		t.Errorf("names %v, want %v", got, want)
	}
	// Page by page, as the API pages.
	var out struct {
		TotalCount int              `json:"totalCount"`
		DataSet    []map[string]any `json:"dataSet"`
	}
	if err := h.c.Call(context.Background(), zenlayer.BMC, "DescribeInstances", map[string]any{"pageSize": 2, "pageNum": 2}, &out); err != nil {
		t.Fatal(err)
	}
	if out.TotalCount != 3 || len(out.DataSet) != 1 {
		t.Errorf("page 2 of size 2: total %d, %d items; want 3 and 1", out.TotalCount, len(out.DataSet))
	}
	bmcWantCode(t, h.call("DescribeInstances", map[string]any{"pageSize": 1001}), http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	bmcWantCode(t, h.call("DescribeInstances", map[string]any{"instanceIds": bmcManyIDs(101)}), http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	bmcWantCode(t, h.call("DescribeInstances", map[string]any{"zoneId": "XXX-A"}), http.StatusNotFound, "INVALID_ZONE_NOT_FOUND")
	bmcWantCode(t, h.call("DescribeInstances", map[string]any{"instanceStatus": "BROKEN"}), http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	// Unknown ids are an empty list, not an error.
	none, err := h.c.DescribeBMCInstances(context.Background(), zenlayer.DescribeBMCInstancesRequest{InstanceIDs: []string{"404"}})
	if err != nil || len(none) != 0 {
		t.Errorf("unknown id: %v, %v; want an empty list", none, err)
	}
}

func TestBMCCreateFailures(t *testing.T) {
	h := startBMC(t, Options{CreateFailRate: 1})
	noImage := bmcBasicReq()
	noImage.ImageID, noImage.Password = "", ""
	failed := h.create(noImage)[0]
	h.clock.Add(bmcTestDurations.BMCCreate)
	h.wantStatus(failed, "CREATE_FAILED")

	in := bmcBasicReq()
	in.Amount = 20
	ids := h.create(in)
	h.clock.Add(bmcTestDurations.BMCCreate + bmcTestDurations.BMCInstall)
	seen := map[string]string{}
	for _, id := range ids {
		seen[h.status(id)] = id
	}
	if len(seen) != 2 || seen["CREATE_FAILED"] == "" || seen["INSTALL_FAILED"] == "" {
		t.Fatalf("statuses %v, want both CREATE_FAILED and INSTALL_FAILED", seen)
	}

	// A CREATE_FAILED instance is deleted at once; an INSTALL_FAILED one goes to the bin.
	if err := h.c.TerminateBMCInstance(context.Background(), failed); err != nil {
		t.Fatal(err)
	}
	h.wantStatus(failed, "(gone)")
	if err := h.c.TerminateBMCInstance(context.Background(), seen["INSTALL_FAILED"]); err != nil {
		t.Fatal(err)
	}
	h.wantStatus(seen["INSTALL_FAILED"], "RECYCLE")
}

func TestBMCPowerCycle(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	id := h.running(bmcBasicReq())

	bmcWantCode(t, h.c.StartBMCInstances(ctx, id), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_NOT_STOPPED")
	if err := h.c.StopBMCInstances(ctx, id); err != nil {
		t.Fatal(err)
	}
	h.wantStatus(id, "STOPPING")
	bmcWantCode(t, h.c.StopBMCInstances(ctx, id), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_NOT_RUNNING")
	h.clock.Add(time.Second)
	h.wantStatus(id, "STOPPED")

	if err := h.c.StartBMCInstances(ctx, id); err != nil {
		t.Fatal(err)
	}
	h.wantStatus(id, "BOOTING")
	h.clock.Add(time.Second)
	h.wantStatus(id, "RUNNING")
	bmcWantCode(t, h.c.StopBMCInstances(ctx, id, "404"), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
	h.wantStatus(id, "RUNNING") // all or nothing
}

func TestBMCTerminateAndRelease(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	id := h.running(bmcBasicReq())

	if err := h.c.TerminateBMCInstance(ctx, id); err != nil {
		t.Fatal(err)
	}
	// No RECYCLING: the DescribeInstances enum has none, and the official
	// provider expects RECYCLE right after TerminateInstance.
	h.wantStatus(id, "RECYCLE")
	bmcWantCode(t, h.c.TerminateBMCInstance(ctx, id), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_RECYCLED")
	bmcWantCode(t, h.c.StartBMCInstances(ctx, id), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_RECYCLED")
	bmcWantCode(t, h.c.StopBMCInstances(ctx, id), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_RECYCLED")

	if err := h.c.ReleaseBMCInstances(ctx, id); err != nil {
		t.Fatal(err)
	}
	// No RELEASING either: the instance is gone at once.
	h.wantStatus(id, "(gone)")
	bmcWantCode(t, h.c.ReleaseBMCInstances(ctx, id), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
	bmcWantCode(t, h.c.TerminateBMCInstance(ctx, id), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
}

func TestBMCRecycleBinRetention(t *testing.T) {
	h := startBMC(t, Options{})
	id := h.running(bmcBasicReq())
	if err := h.c.TerminateBMCInstance(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	h.clock.Add(23*time.Hour + 59*time.Minute)
	h.wantStatus(id, "RECYCLE")
	h.clock.Add(time.Hour)
	h.wantStatus(id, "(gone)")
}

func TestBMCTerminateRefusedWhileCreatingOrInstalling(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	id := h.create(bmcBasicReq())[0]
	bmcWantCode(t, h.c.TerminateBMCInstance(ctx, id), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_CREATING")
	h.clock.Add(bmcTestDurations.BMCCreate)
	h.wantStatus(id, "INSTALLING")
	bmcWantCode(t, h.c.TerminateBMCInstance(ctx, id), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_STATUS_INSTALLING")
	bmcWantCode(t, h.call("TerminateInstance", map[string]any{}), http.StatusBadRequest, "MISSING_PARAMETER")
}

// The ReleaseInstances seed: at most 100 ids, INVALID_INSTANCE_NOT_FOUND
// (404) for an unknown id, OPERATION_DENIED_INSTANCE_NOT_RECYCLED (403) for
// an instance outside the recycle bin; a refused call releases nothing.
func TestBMCReleaseSeedCodes(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	recycled := h.running(bmcBasicReq())
	running := h.running(bmcBasicReq())
	if err := h.c.TerminateBMCInstance(ctx, recycled); err != nil {
		t.Fatal(err)
	}

	bmcWantCode(t, h.call("ReleaseInstances", map[string]any{"instanceIds": []string{recycled, "1"}}), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
	h.wantStatus(recycled, "RECYCLE")
	bmcWantCode(t, h.call("ReleaseInstances", map[string]any{"instanceIds": []string{recycled, running}}), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_NOT_RECYCLED")
	h.wantStatus(recycled, "RECYCLE")
	h.wantStatus(running, "RUNNING")
	bmcWantCode(t, h.call("ReleaseInstances", map[string]any{"instanceIds": append(bmcManyIDs(100), recycled)}), http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	bmcWantCode(t, h.call("ReleaseInstances", map[string]any{"instanceIds": []string{}}), http.StatusBadRequest, "MISSING_PARAMETER")
	bmcWantCode(t, h.call("ReleaseInstances", map[string]any{"instanceIds": []string{recycled}, "force": true}), http.StatusBadRequest, "INVALID_PARAMETER")
	h.wantStatus(recycled, "RECYCLE")

	if err := h.call("ReleaseInstances", map[string]any{"instanceIds": []string{recycled, recycled}}); err != nil {
		t.Fatalf("releasing a recycled instance: %v", err)
	}
	h.wantStatus(recycled, "(gone)")
}

func TestBMCPrepaidTerminateCancelsRenewal(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	in := bmcBasicReq()
	in.InstanceChargeType, in.InstanceChargePrepaid = "PREPAID", &zenlayer.BMCPrepaidCharge{Period: 1}
	id := h.running(in)
	inst, err := h.c.FindBMCInstance(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if inst.Period == nil || *inst.Period != 1 || inst.ExpiredTime != "2025-02-28T12:00:00Z" && inst.ExpiredTime != "2025-03-03T12:00:00Z" || !inst.AutoRenew {
		t.Fatalf("prepaid instance %+v: want period 1, expiry a month on, auto renewal", inst)
	}
	if err := h.c.TerminateBMCInstance(ctx, id); err != nil {
		t.Fatal(err)
	}
	h.clock.Add(time.Minute)
	inst, err = h.c.FindBMCInstance(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if inst.InstanceStatus != "RUNNING" || inst.AutoRenew {
		t.Fatalf("after TerminateInstance: %s, autoRenew %v; want RUNNING without renewal", inst.InstanceStatus, inst.AutoRenew)
	}
	bmcWantCode(t, h.c.ReleaseBMCInstances(ctx, id), http.StatusForbidden, "OPERATION_DENIED_INSTANCE_NOT_RECYCLED")
}

func TestBMCRename(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	a, b := h.create(bmcBasicReq())[0], h.create(bmcBasicReq())[0]
	if err := h.c.RenameBMCInstances(ctx, "db.1", a, b); err != nil {
		t.Fatal(err)
	}
	bmcWantCode(t, h.c.RenameBMCInstances(ctx, "x", a, "404"), http.StatusNotFound, "INVALID_INSTANCE_NOT_FOUND")
	bmcWantCode(t, h.c.RenameBMCInstances(ctx, "web-[1,2]", a), http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	bmcWantCode(t, h.c.RenameBMCInstances(ctx, strings.Repeat("a", 65), a), http.StatusBadRequest, "INVALID_PARAMETER_INSTANCE_NAME_EXCEED")
	bmcWantCode(t, h.call("ModifyInstancesAttribute", map[string]any{"instanceIds": []string{a}}), http.StatusBadRequest, "MISSING_PARAMETER")
	for _, id := range []string{a, b} {
		if v, _ := h.emu.BMCInstance(id); v.Name != "db.1" {
			t.Errorf("instance %s is named %q, want db.1", id, v.Name)
		}
	}
}

func TestBMCCreateValidation(t *testing.T) {
	h := startBMC(t, Options{})
	intp := func(v int) *int { return &v }
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		name   string
		edit   func(*zenlayer.CreateBMCInstancesRequest)
		status int
		code   string
	}{
		{"no zone", func(r *zenlayer.CreateBMCInstancesRequest) { r.ZoneID = "" }, 400, "MISSING_PARAMETER"},
		{"unknown zone", func(r *zenlayer.CreateBMCInstancesRequest) { r.ZoneID = "XXX-A" }, 404, "INVALID_ZONE_NOT_FOUND"},
		{"unknown type", func(r *zenlayer.CreateBMCInstancesRequest) { r.InstanceTypeID = "XL" }, 404, "INVALID_INSTANCE_TYPE_NOT_FOUND"},
		{"unknown image", func(r *zenlayer.CreateBMCInstancesRequest) { r.ImageID = "img-nope" }, 404, "INVALID_IMAGE_NOT_FOUND"},
		{"bad charge type", func(r *zenlayer.CreateBMCInstancesRequest) { r.InstanceChargeType = "MONTHLY" }, 400, "INVALID_CHARGE_TYPE_NOT_SUPPORT"},
		{"prepaid without period", func(r *zenlayer.CreateBMCInstancesRequest) { r.InstanceChargeType = "PREPAID" }, 400, "MISSING_PARAMETER"},
		{"prepaid period 0", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.InstanceChargeType, r.InstanceChargePrepaid = "PREPAID", &zenlayer.BMCPrepaidCharge{}
		}, 400, "INVALID_PARAMETER_VALUE"},
		{"amount 0 is the default 1", nil, 0, ""},
		{"amount 101", func(r *zenlayer.CreateBMCInstancesRequest) { r.Amount = 101 }, 400, "INVALID_PARAMETER_VALUE"},
		{"name too long", func(r *zenlayer.CreateBMCInstancesRequest) { r.InstanceName = strings.Repeat("a", 65) }, 400, "INVALID_PARAMETER_INSTANCE_NAME_EXCEED"},
		{"name pattern too long", func(r *zenlayer.CreateBMCInstancesRequest) { r.InstanceName = strings.Repeat("a", 59) + "[0,6]" }, 400, "INVALID_PARAMETER_INSTANCE_NAME_EXCEED"},
		{"name with space", func(r *zenlayer.CreateBMCInstancesRequest) { r.InstanceName = "my web" }, 400, "INVALID_PARAMETER_VALUE"},
		{"name bad pattern", func(r *zenlayer.CreateBMCInstancesRequest) { r.InstanceName = "web[1,7]" }, 400, "INVALID_PARAMETER_VALUE"},
		{"hostname malformed", func(r *zenlayer.CreateBMCInstancesRequest) { r.Hostname = "web_1" }, 400, "INVALID_PARAMETER_HOSTNAME_MALFORMED"},
		{"hostname too long", func(r *zenlayer.CreateBMCInstancesRequest) { r.Hostname = strings.Repeat("h", 65) }, 400, "INVALID_PARAMETER_HOSTNAME_EXCEED"},
		{"password short", func(r *zenlayer.CreateBMCInstancesRequest) { r.Password = "Pa0!" }, 400, "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED"},
		{"password long", func(r *zenlayer.CreateBMCInstancesRequest) { r.Password = "Passw0rd!Passw0rd" }, 400, "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED"},
		{"password no special", func(r *zenlayer.CreateBMCInstancesRequest) { r.Password = "Passw0rdd" }, 400, "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED"},
		{"password bad special", func(r *zenlayer.CreateBMCInstancesRequest) { r.Password = "Passw0rd#" }, 400, "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED"},
		{"password and keys", func(r *zenlayer.CreateBMCInstancesRequest) { r.SSHKeys = []string{"ssh-ed25519 AAAA a@b"} }, 400, "INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT"},
		{"bad key", func(r *zenlayer.CreateBMCInstancesRequest) { r.Password, r.SSHKeys = "", []string{"not a key"} }, 400, "INVALID_PARAMETER_SSH_KEY_MALFORMED"},
		{"duplicate keys", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.Password, r.SSHKeys = "", []string{"ssh-ed25519 AAAA a@b", "ssh-ed25519 AAAA c@d"}
		}, 400, "INVALID_PARAMETER_SSH_KEY_DUPLICATE"},
		{"six keys", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.Password = ""
			for i := range 6 {
				r.SSHKeys = append(r.SSHKeys, fmt.Sprintf("ssh-ed25519 AAAA%d", i))
			}
		}, 400, "INVALID_PARAMETER_VALUE"},
		{"no internet charge type", func(r *zenlayer.CreateBMCInstancesRequest) { r.InternetChargeType = "" }, 400, "MISSING_PARAMETER"},
		{"bad internet charge type", func(r *zenlayer.CreateBMCInstancesRequest) { r.InternetChargeType = "ByMagic" }, 400, "INVALID_PARAMETER_VALUE"},
		{"bandwidth over the type's maximum", func(r *zenlayer.CreateBMCInstancesRequest) { r.InternetMaxBandwidthOut = 1001 }, 400, "INVALID_BANDWIDTH_VALUE_EXCEED_MAXIMUM"},
		{"traffic package without ByTrafficPackage", func(r *zenlayer.CreateBMCInstancesRequest) { r.TrafficPackageSize = f(1) }, 400, "INVALID_PARAMETER_VALUE"},
		{"unknown subnet", func(r *zenlayer.CreateBMCInstancesRequest) { r.SubnetID = "subnet-nope" }, 404, "INVALID_SUBNET_NOT_FOUND"},
		{"subnet in another zone", func(r *zenlayer.CreateBMCInstancesRequest) { r.SubnetID = "subnet-fra-a-1" }, 400, "INVALID_SUBNET_ZONE_MISMATCH"},
		{"raid both", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.RaidConfig = &zenlayer.BMCRaidConfig{RaidType: intp(1), CustomRaids: []zenlayer.BMCCustomRaid{{RaidType: 1, DiskSequence: []int{1, 2}}}}
		}, 400, "INVALID_RAID_CONFIG_FAST_CUSTOM_CONFLICT"},
		{"raid 5 on S9I", func(r *zenlayer.CreateBMCInstancesRequest) { r.RaidConfig = &zenlayer.BMCRaidConfig{RaidType: intp(5)} }, 400, "INVALID_INSTANCE_TYPE_RAID_NOT_SUPPORT"},
		{"raid disk 3 of 2", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.RaidConfig = &zenlayer.BMCRaidConfig{CustomRaids: []zenlayer.BMCCustomRaid{{RaidType: 1, DiskSequence: []int{1, 3}}}}
		}, 400, "INVALID_PARAMETER_VALUE_RAID_DISK_SEQUENCE_RANGE"},
		{"raid disk twice", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.RaidConfig = &zenlayer.BMCRaidConfig{CustomRaids: []zenlayer.BMCCustomRaid{{RaidType: 0, DiskSequence: []int{1}}, {RaidType: 0, DiskSequence: []int{1}}}}
		}, 400, "INVALID_PARAMETER_VALUE_RAID_DISK_SEQUENCE_DUPLICATE"},
		{"raid out of order", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.RaidConfig = &zenlayer.BMCRaidConfig{CustomRaids: []zenlayer.BMCCustomRaid{{RaidType: 0, DiskSequence: []int{2}}}}
		}, 400, "INVALID_PARAMETER_VALUE_RAID_DISK_DISORDER"},
		{"raid 1 on one disk", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.RaidConfig = &zenlayer.BMCRaidConfig{CustomRaids: []zenlayer.BMCCustomRaid{{RaidType: 1, DiskSequence: []int{1}}}}
		}, 400, "INVALID_PARAMETER_VALUE_RAID_DISK_MISMATCH"},
		{"partitions without image", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.ImageID, r.Password, r.Partitions = "", "", []zenlayer.BMCPartition{{FsPath: "/", FsType: "ext4"}}
		}, 400, "INVALID_PARTITION_IMAGE_NOT_SET"},
		{"partitions without root", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.Partitions = []zenlayer.BMCPartition{{FsPath: "/data", FsType: "ext4"}}
		}, 400, "INVALID_PARTITION_MISSING_REQUIRED_FILE_PATH"},
		{"partitions root not first", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.Partitions = []zenlayer.BMCPartition{{FsPath: "/data", FsType: "ext4", Size: 10}, {FsPath: "/", FsType: "ext4"}}
		}, 400, "INVALID_PARTITION_INVALID_ORDER"},
		{"partition path twice", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.Partitions = []zenlayer.BMCPartition{{FsPath: "/", FsType: "ext4", Size: 10}, {FsPath: "/", FsType: "ext4"}}
		}, 400, "INVALID_PARTITION_DUPLICATE_FILE_PATH"},
		{"partition without type", func(r *zenlayer.CreateBMCInstancesRequest) { r.Partitions = []zenlayer.BMCPartition{{FsPath: "/"}} }, 400, "INVALID_PARTITION_NO_TYPE"},
		{"partition ntfs on linux", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.Partitions = []zenlayer.BMCPartition{{FsPath: "/", FsType: "NTFS"}}
		}, 400, "INVALID_PARTITION_MALFORMED"},
		{"partitions larger than the disks", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.Partitions = []zenlayer.BMCPartition{{FsPath: "/", FsType: "ext4", Size: 961}}
		}, 400, "INVALID_PARTITION_SIZE_NOT_FULL"},
		{"windows partitions out of order", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.ImageID, r.Partitions = "img-windows-2022", []zenlayer.BMCPartition{{FsPath: "C", FsType: "NTFS", Size: 100}, {FsPath: "E", FsType: "NTFS", Size: 10}, {FsPath: "D", FsType: "NTFS"}}
		}, 400, "INVALID_PARTITION_INVALID_ORDER"},
		{"nic name malformed", func(r *zenlayer.CreateBMCInstancesRequest) { r.Nic = &zenlayer.BMCNic{WanName: "lan1x"} }, 400, "INVALID_PARAMETER_NIC_NAME_MALFORMED"},
		{"nic name short", func(r *zenlayer.CreateBMCInstancesRequest) { r.Nic = &zenlayer.BMCNic{LanName: "ab1"} }, 400, "INVALID_PARAMETER_NIC_NAME_MALFORMED"},
		{"nic names equal", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.Nic = &zenlayer.BMCNic{WanName: "eth0x", LanName: "eth0x"}
		}, 400, "INVALID_PARAMETER_NIC_NAME_CONFLICT"},
		{"everything valid", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.InstanceTypeID, r.InternetChargeType, r.TrafficPackageSize, r.SubnetID = "M6C", "ByTrafficPackage", f(2.5), "subnet-sel-a-1"
			r.RaidConfig = &zenlayer.BMCRaidConfig{CustomRaids: []zenlayer.BMCCustomRaid{{RaidType: 1, DiskSequence: []int{1, 2}}, {RaidType: 0, DiskSequence: []int{3}}}}
			r.Partitions = []zenlayer.BMCPartition{{FsPath: "/", FsType: "ext4", Size: 100}, {FsPath: "/data", FsType: "xfs"}}
		}, 400, "INVALID_PARTITION_MALFORMED"},
		{"everything valid, really", func(r *zenlayer.CreateBMCInstancesRequest) {
			r.InstanceTypeID, r.InternetChargeType, r.TrafficPackageSize, r.SubnetID = "M6C", "ByTrafficPackage", f(2.5), "subnet-sel-a-1"
			r.RaidConfig = &zenlayer.BMCRaidConfig{CustomRaids: []zenlayer.BMCCustomRaid{{RaidType: 1, DiskSequence: []int{1, 2}}, {RaidType: 0, DiskSequence: []int{3}}}}
			r.Partitions = []zenlayer.BMCPartition{{FsPath: "/", FsType: "ext4", Size: 100}, {FsPath: "/data", FsType: "ext4"}}
			r.Nic = &zenlayer.BMCNic{WanName: "public0", LanName: "private0"}
			r.InternetMaxBandwidthOut = 10000
		}, 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := bmcBasicReq()
			if tc.edit != nil {
				tc.edit(&in)
			}
			_, err := h.c.CreateBMCInstances(context.Background(), in)
			if tc.code == "" {
				if err != nil {
					t.Fatalf("want success, got %v", err)
				}
				return
			}
			bmcWantCode(t, err, tc.status, tc.code)
		})
	}
	// Unknown fields are refused, as the API refuses them.
	bmcWantCode(t, h.call("CreateInstances", map[string]any{"zoneId": "SEL-A", "tagz": map[string]any{}}), http.StatusBadRequest, "INVALID_PARAMETER")
}

func TestBMCCatalogue(t *testing.T) {
	h := startBMC(t, Options{})
	ctx := context.Background()
	zones, err := h.c.DescribeBMCZones(ctx)
	if err != nil || len(zones) != len(bmcZones) || zones[0].ZoneID != "SEL-A" {
		t.Fatalf("zones %v, %v", zones, err)
	}
	types, err := h.c.DescribeBMCInstanceTypes(ctx, zenlayer.DescribeBMCInstanceTypesRequest{InstanceTypeIDs: []string{"M6C"}})
	if err != nil || len(types) != 1 || types[0].MaximumBandwidth != 10000 || len(types[0].ImageIDs) == 0 {
		t.Fatalf("types %+v, %v", types, err)
	}
	images, err := h.c.DescribeBMCImages(ctx, zenlayer.DescribeBMCImagesRequest{OSType: "Windows"})
	if err != nil || len(images) != 1 || images[0].ImageID != "img-windows-2022" {
		t.Fatalf("windows images %+v, %v", images, err)
	}
	_, err = h.c.DescribeBMCImages(ctx, zenlayer.DescribeBMCImagesRequest{InstanceTypeID: "XL"})
	bmcWantCode(t, err, http.StatusNotFound, "INVALID_INSTANCE_TYPE_NOT_FOUND")
	bmcWantCode(t, h.call("DescribeZones", map[string]any{"acceptLanguage": "fr-FR"}), http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
	bmcWantCode(t, h.call("DescribeInstanceTypes", map[string]any{"instanceTypeIds": bmcManyIDs(101)}), http.StatusBadRequest, "INVALID_PARAMETER_VALUE")
}

func TestBMCTestHelpers(t *testing.T) {
	h := startBMC(t, Options{})
	id := h.emu.AddBMCInstance("HKG-A", "fixture")
	h.wantStatus(id, "RUNNING")
	if !h.emu.SetBMCInstanceStatus(id, "RECYCLE") {
		t.Fatal("SetBMCInstanceStatus: instance not found")
	}
	if err := h.c.ReleaseBMCInstances(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	if got := h.emu.Inventory()["bmc_instance"]; len(got) != 0 {
		t.Fatalf("inventory %v after the release", got)
	}
	if _, ok := h.emu.BMCInstance(id); ok {
		t.Fatal("released instance still present")
	}
	if h.emu.DeleteBMCInstance(id) || h.emu.SetBMCInstanceStatus(id, "RUNNING") {
		t.Fatal("helpers report success for a gone instance")
	}
}

func bmcManyIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("id-%d", i)
	}
	return ids
}
