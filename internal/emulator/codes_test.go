package emulator

import (
	"net/http"
	"testing"
)

// The codes the real API returns and the official provider handles: the
// emulator produces them.

// ReleaseDisk of a disk on its way into the recycle bin (another release
// got there first) is UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE.
func TestCodes_releaseDiskBeingRecycled(t *testing.T) {
	s, err := Start(Options{ZECReleaseMode: ReleaseRecycle, Durations: Durations{DiskRecycle: 1 << 40}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	ans := answerOf(t, s, "zec", "2025-09-01", "CreateDisks", map[string]any{"zoneId": "asia-east-1a", "diskName": "r", "diskSize": 20})
	id := ans["diskIds"].([]any)[0].(string)
	s.SetZECDiskStatus(id, diskStatusAvailable)
	if !s.ReleaseZECDisk(id) {
		t.Fatal("the first release was refused")
	}
	for _, version := range []string{"2024-04-01", "2025-09-01"} {
		status, ans := postSigned(t, s, "zec", version, "ReleaseDisk", map[string]any{"diskId": id})
		if status != http.StatusBadRequest || ans["code"] != codeDiskBeingRecycled {
			t.Errorf("%s ReleaseDisk of a RECYCLING disk: %d %v, want 400 %s", version, status, ans, codeDiskBeingRecycled)
		}
	}
}

// The op-timeout fault does the action and answers INVALID_OPERATION_TIMEOUT.
func TestCodes_operationTimeout(t *testing.T) {
	s, err := Start(Options{Faults: []FaultRule{{Kind: FaultOperationTimeout, Rate: 1, Max: 1, Actions: []string{"zec.CreateZecInstances"}}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	body := map[string]any{"zoneId": "asia-east-1a", "imageId": "ubuntu-22.04", "instanceType": "z2a.cpu.1", "subnetId": "s", "keyId": "k"}
	status, ans := postSigned(t, s, "zec", "2025-09-01", "CreateZecInstances", body)
	if status != http.StatusInternalServerError || ans["code"] != codeOperationTimeout {
		t.Fatalf("CreateZecInstances: %d %v, want 500 %s", status, ans, codeOperationTimeout)
	}
	if n := len(s.Inventory()["zec_instance"]); n != 1 {
		t.Errorf("%d instances after the timed-out create, want 1 (the action was done)", n)
	}
	if _, err := ParseFaults("op-timeout=0.1@bmc.CreateInstances"); err != nil {
		t.Errorf("op-timeout cannot be named in -faults: %v", err)
	}
}
