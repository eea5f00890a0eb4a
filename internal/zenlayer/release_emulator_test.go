package zenlayer_test

import (
	"context"
	"sync"
	"testing"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Releases whose answer is lost, against the emulator of an account with a
// recycle bin: the emulator acts, then cuts the connection.

func recycleBinClient(t *testing.T, faults ...emulator.FaultRule) (*emulator.Server, *zenlayer.Client) {
	t.Helper()
	emu, err := emulator.Start(emulator.Options{ZECReleaseMode: emulator.ReleaseRecycle, Faults: faults})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	c, err := zenlayer.New(zenlayer.Config{
		AccessKeyID: emulator.DefaultAccessKeyID, AccessKeyPassword: emulator.DefaultAccessKeyPassword,
		Domain: emu.Endpoint(), Scheme: "http", BatchWindow: zenlayer.DefaultBatchWindow,
	})
	if err != nil {
		t.Fatal(err)
	}
	return emu, c
}

func cutAfter(action string) emulator.FaultRule {
	return emulator.FaultRule{Kind: emulator.FaultCutAfter, Rate: 1, Actions: []string{action}}
}

// Two instances released together: the one ReleaseInstances call carrying
// both loses its answer. Neither id is sent again (no split, no transport
// retry): each caller reads its instance, finds it in the bin, and succeeds.
func TestReleaseZECInstancesBatchAnswerLost(t *testing.T) {
	emu, c := recycleBinClient(t, cutAfter("zec.ReleaseInstances"))
	ids := stoppedZECInstances(emu, 2)
	var wg sync.WaitGroup
	errs := make([]error, len(ids))
	for i, id := range ids {
		wg.Go(func() { errs[i] = c.ReleaseZECInstance(context.Background(), id) })
	}
	wg.Wait()
	for i, id := range ids {
		if errs[i] != nil {
			t.Errorf("%s: %v, want success (the release took effect)", id, errs[i])
		}
		if v, _ := emu.ZECInstance(id); v.Status != "RECYCLING" && v.Status != "RECYCLE" {
			t.Errorf("%s is %q, want it in the recycle bin", id, v.Status)
		}
	}
	if got := zecCallSizes(emu, "ReleaseInstances"); len(got) != 1 || got[0] != 2 {
		t.Errorf("ReleaseInstances calls carried %v ids, want one call of 2", got)
	}
}

func TestReleaseDiskAnswerLost(t *testing.T) {
	emu, c := recycleBinClient(t, cutAfter("zec.ReleaseDisk"))
	ids, err := c.CreateDisks(context.Background(), zenlayer.CreateDisksRequest{ZoneID: "asia-east-1a", DiskName: "d", DiskSize: 20})
	if err != nil {
		t.Fatal(err)
	}
	emu.SetZECDiskStatus(ids[0], zenlayer.DiskStatusAvailable)
	if err := c.ReleaseDisk(context.Background(), ids[0]); err != nil {
		t.Fatalf("ReleaseDisk: %v, want success (the release took effect)", err)
	}
	if d, _ := emu.ZECDisk(ids[0]); d.Status != "RECYCLING" && d.Status != "RECYCLED" {
		t.Errorf("disk is %q, want it in the recycle bin", d.Status)
	}
	if n := emu.CallCount("zec.ReleaseDisk"); n != 1 {
		t.Errorf("ReleaseDisk sent %d times, want 1", n)
	}
}

func TestTerminateBMCInstanceAnswerLost(t *testing.T) {
	emu, c := recycleBinClient(t, cutAfter("bmc.TerminateInstance"))
	id := bmcFixtures(emu, 1)[0]
	if err := c.TerminateBMCInstance(context.Background(), id); err != nil {
		t.Fatalf("TerminateBMCInstance: %v, want success (the terminate took effect)", err)
	}
	if v, _ := emu.BMCInstance(id); v.Status != "RECYCLING" && v.Status != "RECYCLE" {
		t.Errorf("instance is %q, want it in the recycle bin", v.Status)
	}
	if n := emu.CallCount("bmc.TerminateInstance"); n != 1 {
		t.Errorf("TerminateInstance sent %d times, want 1", n)
	}
}
