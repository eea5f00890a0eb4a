package emulator

import (
	"net/http"
	"strings"
	"testing"
)

// Every version the SDK ships is served with its own shapes; any other is
// INVALID_VERSION, naming the versions there are.
func TestVersions_servedWithTheirShapes(t *testing.T) {
	s := startContractServer(t)
	for service, want := range map[string]string{"zec": "2024-04-01, 2025-09-01", "bmc": "2022-11-20, 2026-02-01"} {
		status, ans := postSigned(t, s, service, "2023-01-01", "DescribeZones", map[string]any{})
		if status != http.StatusBadRequest || ans["code"] != codeInvalidVersion || !strings.Contains(ans["message"].(string), want) {
			t.Errorf("%s 2023-01-01: %d %v, want 400 %s naming %s", service, status, ans, codeInvalidVersion, want)
		}
	}

	// CreateDisks takes tags in 2025-09-01 only.
	disk := map[string]any{"zoneId": "asia-east-1a", "diskName": "v", "diskSize": 20, "tags": map[string]any{"tags": []any{}}}
	if status, ans := postSigned(t, s, "zec", "2024-04-01", "CreateDisks", disk); status != http.StatusBadRequest || ans["code"] != codeInvalidParameter {
		t.Errorf("2024-04-01 CreateDisks with tags: %d %v, want 400 %s", status, ans, codeInvalidParameter)
	}
	status, ans := postSigned(t, s, "zec", "2025-09-01", "CreateDisks", disk)
	if status != http.StatusOK {
		t.Fatalf("2025-09-01 CreateDisks: %d %v", status, ans)
	}
	id := ans["response"].(map[string]any)["diskIds"].([]any)[0].(string)

	// A disk's chargeType is in the 2024-04-01 answer only.
	for version, chargeType := range map[string]bool{"2024-04-01": true, "2025-09-01": false} {
		_, ans := postSigned(t, s, "zec", version, "DescribeDisks", map[string]any{"diskIds": []string{id}})
		d := ans["response"].(map[string]any)["dataSet"].([]any)[0].(map[string]any)
		if _, has := d["chargeType"]; has != chargeType {
			t.Errorf("%s DescribeDisks: chargeType in the answer %v, want %v", version, has, chargeType)
		}
	}

	// DetachDisks answers failedDiskIds in 2025-09-01; in 2024-04-01 a disk
	// that cannot be detached fails the call.
	s.SetZECDiskStatus(id, diskStatusAvailable)
	detach := map[string]any{"diskIds": []string{id}}
	if status, ans := postSigned(t, s, "zec", "2025-09-01", "DetachDisks", detach); status != http.StatusOK ||
		len(ans["response"].(map[string]any)["failedDiskIds"].([]any)) != 1 {
		t.Errorf("2025-09-01 DetachDisks of an AVAILABLE disk: %d %v, want it in failedDiskIds", status, ans)
	}
	if status, ans := postSigned(t, s, "zec", "2024-04-01", "DetachDisks", detach); status != http.StatusBadRequest || ans["code"] != "UNSUPPORTED_OPERATION_DISK_STATUS" {
		t.Errorf("2024-04-01 DetachDisks of an AVAILABLE disk: %d %v, want 400 UNSUPPORTED_OPERATION_DISK_STATUS", status, ans)
	}

	// BMC 2026-02-01 takes no sshKeys.
	create := map[string]any{"zoneId": "SEL-A", "instanceChargeType": "POSTPAID", "instanceTypeId": "S9I",
		"internetChargeType": "ByBandwidth", "sshKeys": []string{"ssh-ed25519 AAAAC3Nza example"}}
	if status, ans := postSigned(t, s, "bmc", "2026-02-01", "CreateInstances", create); status != http.StatusBadRequest || ans["code"] != codeInvalidParameter {
		t.Errorf("2026-02-01 CreateInstances with sshKeys: %d %v, want 400 %s", status, ans, codeInvalidParameter)
	}
	if status, ans := postSigned(t, s, "bmc", "2022-11-20", "CreateInstances", create); status != http.StatusOK {
		t.Errorf("2022-11-20 CreateInstances with sshKeys: %d %v", status, ans)
	}
}
