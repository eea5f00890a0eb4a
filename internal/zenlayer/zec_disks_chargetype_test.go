package zenlayer

import (
	"encoding/json"
	"testing"
)

// DiskInfo of 2025-09-01 has no chargeType: a disk is PREPAID when it has a
// subscription period, POSTPAID when the period is empty.
func TestDiskChargeTypeFromPeriod(t *testing.T) {
	for body, want := range map[string]string{
		`{"diskId":"d-1","period":null}`:                   "POSTPAID",
		`{"diskId":"d-1"}`:                                 "POSTPAID",
		`{"diskId":"d-1","period":3,"chargeType":"other"}`: "PREPAID",
	} {
		var d Disk
		if err := json.Unmarshal([]byte(body), &d); err != nil || d.DiskID != "d-1" || d.ChargeType != want {
			t.Errorf("%s: %+v, %v; want charge type %s", body, d, err, want)
		}
	}
}
