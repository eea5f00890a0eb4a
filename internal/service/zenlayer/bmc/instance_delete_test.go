package bmc

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// The destroy's diagnostics, which the acceptance tests cannot read:
// warnings for what is left behind, and errors for what failed.

func startDeleteFixture(t *testing.T) (*emulator.Server, *zenlayer.Client) {
	t.Helper()
	emu, err := emulator.Start(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http",
	})
	if err != nil {
		t.Fatal(err)
	}
	return emu, c
}

func createInstance(t *testing.T, c *zenlayer.Client, in zenlayer.CreateBMCInstancesRequest) string {
	t.Helper()
	ctx := context.Background()
	ids, err := c.CreateBMCInstances(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := waitInstanceCreated(ctx, c, ids[0], time.Minute); err != nil {
		t.Fatal(err)
	}
	return ids[0]
}

func postpaid() zenlayer.CreateBMCInstancesRequest {
	return zenlayer.CreateBMCInstancesRequest{ZoneID: "SEL-A", InstanceChargeType: "POSTPAID", InstanceTypeID: "S9I", InternetChargeType: "ByBandwidth"}
}

func onlyWarning(t *testing.T, diags diag.Diagnostics, summary string, details ...string) {
	t.Helper()
	if diags.HasError() || len(diags) != 1 || !strings.Contains(diags[0].Summary(), summary) {
		t.Fatalf("diagnostics %v, want one warning %q", diags, summary)
	}
	for _, d := range details {
		if !strings.Contains(diags[0].Detail(), d) {
			t.Errorf("warning detail %q does not say %q", diags[0].Detail(), d)
		}
	}
}

func TestDeleteInstanceKeepInRecycleBinWarns(t *testing.T) {
	t.Parallel()
	emu, c := startDeleteFixture(t)
	id := createInstance(t, c, postpaid())
	diags := deleteInstance(context.Background(), c, id, false, time.Minute)
	onlyWarning(t, diags, "left in the recycle bin", "release_on_destroy is false", "24 hours")
	if v, _ := emu.BMCInstance(id); v.Status != zenlayer.BMCStatusRecycle {
		t.Errorf("instance is %s, want RECYCLE", v.Status)
	}

	// Destroying again, now releasing, finishes from the recycle bin.
	if diags := deleteInstance(context.Background(), c, id, true, time.Minute); len(diags) != 0 {
		t.Fatalf("second destroy: %v", diags)
	}
	if _, ok := emu.BMCInstance(id); ok {
		t.Error("instance still present")
	}
	if n := emu.CallCount("bmc.TerminateInstance"); n != 1 {
		t.Errorf("TerminateInstance was called %d times, want 1", n)
	}
}

func TestDeleteInstancePrepaidWarns(t *testing.T) {
	t.Parallel()
	emu, c := startDeleteFixture(t)
	in := postpaid()
	in.InstanceChargeType, in.InstanceChargePrepaid = "PREPAID", &zenlayer.BMCPrepaidCharge{Period: 3}
	id := createInstance(t, c, in)
	diags := deleteInstance(context.Background(), c, id, true, time.Minute)
	onlyWarning(t, diags, "keeps running until its subscription ends", "cancelled the renewal", "billed, until 20")
	if v, _ := emu.BMCInstance(id); v.Status != zenlayer.BMCStatusRunning || v.AutoRenew {
		t.Errorf("instance %+v, want RUNNING without renewal", v)
	}
}

func TestDeleteInstanceAlreadyReleasedWarns(t *testing.T) {
	t.Parallel()
	emu, c := startDeleteFixture(t)
	id := createInstance(t, c, postpaid())
	emu.OnceBefore("bmc.ReleaseInstances", func() { emu.DeleteBMCInstance(id) })
	diags := deleteInstance(context.Background(), c, id, true, time.Minute)
	onlyWarning(t, diags, "was already released", "INVALID_INSTANCE_NOT_FOUND")
}

func TestDeleteInstanceErrorsSurface(t *testing.T) {
	t.Parallel()
	emu, c := startDeleteFixture(t)
	// An instance that is still being installed cannot be terminated until
	// it settles: the destroy waits, and the timeout is an error.
	ids, err := c.CreateBMCInstances(context.Background(), zenlayer.CreateBMCInstancesRequest{
		ZoneID: "SEL-A", InstanceChargeType: "POSTPAID", InstanceTypeID: "S9I", InternetChargeType: "ByBandwidth", ImageID: "img-ubuntu-2204",
	})
	if err != nil {
		t.Fatal(err)
	}
	emu.SetBMCInstanceStatus(ids[0], zenlayer.BMCStatusInstalling)
	diags := deleteInstance(context.Background(), c, ids[0], true, 600*time.Millisecond)
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "timeout") || !strings.Contains(diags[0].Detail(), "INSTALLING") {
		t.Fatalf("diagnostics %v, want a timeout naming INSTALLING", diags)
	}
	// Terminated, then restored while the destroy waits for the recycle bin.
	id := createInstance(t, c, postpaid())
	emu.OnceBefore("bmc.TerminateInstance", func() {
		emu.OnceBefore("bmc.DescribeInstances", func() { emu.SetBMCInstanceStatus(id, zenlayer.BMCStatusRunning) })
	})
	diags = deleteInstance(context.Background(), c, id, true, time.Minute)
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "status RUNNING") {
		t.Fatalf("diagnostics %v, want an error naming the status", diags)
	}
}
