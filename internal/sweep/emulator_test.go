package sweep_test

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/sweep"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The sweepers against an emulator standing in for a real account, over
// HTTP on loopback, reached only with the provider's environment variables
// (as against a real account): the emulator is seeded with what failed
// test runs leave (through its admin API, and through the cloud API for
// what an API call makes: an attached disk, recycled objects), beside a
// user's own objects; this test binary is run again with -sweep, as
// go test ./internal/sweep -sweep=<region> runs it; afterwards no object
// named tf-acc-* is left, and every other object is.
func TestSweepersAgainstEmulator(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the sweepers in a child process")
	}
	// A recycle-bin account: every ZEC release must be done twice.
	emu, err := emulator.Start(emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	ctx := context.Background()
	c, err := zenlayer.New(zenlayer.Config{AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http"})
	if err != nil {
		t.Fatal(err)
	}
	const zone = "asia-east-1a"

	// What failed test runs left (names start with tf-acc-).
	emu.AddZECInstance(zone, "tf-acc-left-instance") // with its boot disk tf-acc-left-instance-system
	recycledInstance := emu.AddZECInstance(zone, "tf-acc-left-recycled")
	emu.SetZECInstanceStatus(recycledInstance, zenlayer.InstanceStatusRecycle)
	userInstance := emu.AddZECInstance(zone, "web-01")
	attached := createDisk(t, c, zone, "tf-acc-left-attached")
	if err := c.AttachDisk(ctx, userInstance, attached); err != nil {
		t.Fatal(err)
	}
	recycledDisk := createDisk(t, c, zone, "tf-acc-left-binned")
	if err := c.ReleaseDisk(ctx, recycledDisk); err != nil {
		t.Fatal(err)
	}
	createDisk(t, c, zone, "tf-acc-left-disk")
	// A user's instance whose boot disk a test renamed (after importing it):
	// a boot disk is never released on its own, whatever its name.
	userBoot := emu.ZECSystemDiskID(emu.AddZECInstance(zone, "web-02"))
	if err := c.RenameDisks(ctx, "tf-acc-boot-of-web-02", userBoot); err != nil {
		t.Fatal(err)
	}
	emu.AddBMCInstance("SEL-A", "tf-acc-left-bmc")
	emu.SetBMCInstanceStatus(emu.AddBMCInstance("SEL-A", "tf-acc-left-bmc-binned"), zenlayer.BMCStatusRecycle)
	emu.SetBMCInstanceStatus(emu.AddBMCInstance("HKG-A", "tf-acc-left-bmc-stopped"), zenlayer.BMCStatusStopped)
	emu.AddCloudDCInstance("tf-acc-left-clouddc")
	// A user's own objects, which no sweeper may touch.
	createDisk(t, c, zone, "prod-data")
	emu.AddBMCInstance("SEL-A", "prod-bmc")
	emu.AddCloudDCInstance("prod-clouddc")
	if left := testObjects(emu); len(left) != 12 {
		t.Fatalf("seeded %d test objects, want 12: %v", len(left), left)
	}

	// The sweepers, as go test -sweep runs them, with the environment of a
	// user of a real account pointing at the emulator.
	runCtx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(runCtx, os.Args[0], "-sweep="+emulator.HuaweiRegion) //nolint:gosec // this test binary
	cmd.Env = append(withoutCloudEnv(os.Environ()),
		"ZENLAYERCLOUD_DOMAIN="+emu.Endpoint(), "ZENLAYERCLOUD_SCHEME=HTTP",
		"ZENLAYERCLOUD_ACCESS_KEY_ID="+emulator.DefaultAccessKeyID, "ZENLAYERCLOUD_ACCESS_KEY_PASSWORD="+emulator.DefaultAccessKeyPassword,
		"HW_REGION_NAME=elsewhere-1", "HW_PROJECT_ID="+emulator.HuaweiProjectID, "HW_CLOUDDC_ENDPOINT="+emu.URL(),
		"HW_ACCESS_KEY="+emulator.HuaweiAccessKey, "HW_SECRET_KEY="+emulator.HuaweiSecretKey)
	out, err := cmd.CombinedOutput()
	t.Logf("sweepers:\n%s", out)
	if err != nil {
		t.Fatalf("the sweepers failed: %v", err)
	}

	if left := testObjects(emu); !slices.Equal(left, []string{"zec_disk tf-acc-boot-of-web-02"}) {
		t.Errorf("the sweepers left %v, want only the boot disk of the user's instance", left)
	}
	for kind, want := range map[string][]string{
		"zec_instance": {"web-01", "web-02"}, "zec_disk": {"prod-data", "web-01-system"}, "bmc_instance": {"prod-bmc"}, "clouddc_instance": {"prod-clouddc"},
	} {
		got := names(emu)[kind]
		for _, n := range want {
			if !slices.Contains(got, n) {
				t.Errorf("the user's %s %s was swept (left: %v)", kind, n, got)
			}
		}
	}
	if v, ok := emu.ZECInstance(userInstance); !ok || len(v.DataDiskIDs) != 0 || emu.ZECSystemDiskID(userInstance) == "" {
		t.Errorf("the user's instance after the sweep: %+v (present %v), want it with its boot disk and without the test disk", v, ok)
	}
	if !strings.Contains(string(out), "a boot disk goes with its instance") {
		t.Errorf("the sweep did not keep a boot disk for its instance: the test proves nothing about boot disks")
	}
}

// createDisk makes an AVAILABLE data disk through the API.
func createDisk(t *testing.T, c *zenlayer.Client, zone, name string) string {
	t.Helper()
	ids, err := c.CreateDisks(context.Background(), zenlayer.CreateDisksRequest{ZoneID: zone, DiskName: name, DiskSize: 20})
	if err != nil || len(ids) != 1 {
		t.Fatalf("creating disk %s: %v %v", name, ids, err)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		d, err := c.FindDisk(context.Background(), ids[0])
		if err == nil && d.DiskStatus == zenlayer.DiskStatusAvailable {
			return ids[0]
		}
		if time.Now().After(deadline) {
			t.Fatalf("disk %s: %+v, %v", name, d, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// names lists the emulator's objects' names by kind.
func names(emu *emulator.Server) map[string][]string {
	out := map[string][]string{}
	for kind, ids := range emu.Inventory() {
		for _, id := range ids {
			var name string
			switch kind {
			case "zec_instance":
				v, _ := emu.ZECInstance(id)
				name = v.Name
			case "zec_disk":
				v, _ := emu.ZECDisk(id)
				name = v.Name
			case "bmc_instance":
				v, _ := emu.BMCInstance(id)
				name = v.Name
			case "clouddc_instance":
				v, _ := emu.CloudDCInstance(id)
				if v.State == "terminated" {
					continue // deleted, still listed for a while
				}
				name = v.Name
			default:
				name = id
			}
			out[kind] = append(out[kind], name)
		}
	}
	return out
}

// testObjects lists "kind name" of the emulator's objects named tf-acc-*.
func testObjects(emu *emulator.Server) []string {
	var out []string
	for kind, list := range names(emu) {
		for _, n := range list {
			if strings.HasPrefix(n, sweep.Prefix) {
				out = append(out, kind+" "+n)
			}
		}
	}
	slices.Sort(out)
	return out
}

// withoutCloudEnv is env without the provider's variables of either cloud.
func withoutCloudEnv(env []string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool {
		return strings.HasPrefix(kv, "ZENLAYERCLOUD_") || strings.HasPrefix(kv, "HW_") || strings.HasPrefix(kv, "CLOUDCOMPUTE_ACC_")
	})
}
