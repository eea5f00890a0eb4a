package zec_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// The starting status is BOOTING in the DescribeInstances enum and STARTING
// in the StartInstances document: a start waits through either to RUNNING.
// The start takes long enough that the provider reads the starting status.
func TestAccZECInstance_startingStatus(t *testing.T) {
	acctest.SkipIfReal(t, "switches the emulator between BOOTING and STARTING")
	for _, status := range []string{"BOOTING", "STARTING"} {
		t.Run(status, func(t *testing.T) {
			const start = 1500 * time.Millisecond
			emu := acctest.StartEmulator(t, emulator.Options{ZECStartingStatus: status, Durations: emulator.Durations{InstanceStart: start}})
			provider := acctest.ZenlayerProviderConfig(emu)
			var id string
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkInstancesGone(emu),
				Steps: []resource.TestStep{
					{Config: acctest.ConfigCompose(provider, instanceConfig("tf-acc-"+status, "stopped", "")), Check: acctest.CaptureID(instanceResourceName, &id)},
					{
						Config: acctest.ConfigCompose(provider, instanceConfig("tf-acc-"+status, "running", "")),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
						},
						Check: func(*terraform.State) error { return readDuringStart(emu, id, start) },
					},
				},
			})
		})
	}
}

// readDuringStart checks that the provider read the instance while it was starting.
func readDuringStart(emu *emulator.Server, id string, start time.Duration) error {
	var started time.Time
	for _, e := range emu.Log() {
		if !slices.Contains(e.IDs, id) || e.Status != 200 {
			continue
		}
		switch {
		case e.Action == "StartInstances":
			started = e.Time
		case !started.IsZero() && e.Time.Before(started.Add(start)) && (e.Action == "DescribeInstances" || e.Action == "DescribeInstancesStatus"):
			return nil
		}
	}
	return fmt.Errorf("no read of %s while it was starting (log %v)", id, emu.Actions(id))
}
