package zec_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// Status polls that fail with a 503 and a cut connection while a disk is
// being created, with max_retries = 0 so that no client retry hides them,
// do not end the wait nor taint the disk: the wait polls again and the
// create succeeds, with one disk made.
func TestAccZECDisk_transientPollErrors(t *testing.T) {
	acctest.SkipIfReal(t, "fails status polls on purpose (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Durations: emulator.Durations{DiskCreate: time.Second}})
	// Once the disk is ordered, its polls fail: two 503s, then two cut
	// connections, then the API answers again.
	faults := []emulator.FaultKind{emulator.Fault503, emulator.Fault503, emulator.FaultCutBefore, emulator.FaultCutBefore}
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	emu.OnceBefore("zec.CreateDisks", func() {
		emu.SetFaults([]emulator.FaultRule{{Kind: faults[0], Rate: 1, Actions: []string{"zec.DescribeDisks"}}})
		go func() {
			for injected := 1; injected < len(faults); {
				select {
				case <-done:
					return
				case <-time.After(5 * time.Millisecond):
				}
				if n := total(emu.FaultCounts()); n >= injected {
					emu.SetFaults([]emulator.FaultRule{{Kind: faults[n], Rate: 1, Actions: []string{"zec.DescribeDisks"}}})
					injected = n + 1
				}
			}
			for total(emu.FaultCounts()) < len(faults) {
				time.Sleep(5 * time.Millisecond)
			}
			emu.SetFaults(nil)
		}()
	})
	provider := fmt.Sprintf(`
provider "cloudcompute" {
  zenlayer {
    domain              = %[1]q
    scheme              = "HTTP"
    access_key_id       = %[2]q
    access_key_password = %[3]q
    max_retries         = 0
  }
}
`, emu.Endpoint(), emulator.DefaultAccessKeyID, emulator.DefaultAccessKeyPassword)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(provider, diskConfig("tf-acc-transient", 20, "")),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("status"), knownvalue.StringExact("AVAILABLE")),
			},
		}},
	})
	counts := emu.FaultCounts()
	if counts[emulator.Fault503] != 2 || counts[emulator.FaultCutBefore] != 2 {
		t.Errorf("faults injected %v, want two 503s and two cut connections", counts)
	}
	if n := emu.CallCount("zec.CreateDisks"); n != 1 {
		t.Errorf("CreateDisks was called %d times, want 1", n)
	}
}

func total(counts map[emulator.FaultKind]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}
