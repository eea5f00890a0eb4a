package bmc_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// A slow server: the first order is answered after the client's timeout
// and carried out all the same. It is found by its create token tag and
// adopted; no second machine is ordered.
func TestAccBMCInstance_slowCreate(t *testing.T) {
	acctest.SkipIfReal(t, "holds a create past the client timeout (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{acctest.SlowFirstCreate("bmc.CreateInstances")}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfigTimeout(emu, acctest.SlowClientTimeout), instanceConfig("tf-acc-slow", "running")),
			Check:  acctest.CheckCreatedOnce(emu, instanceResourceName, "bmc_instance", "bmc.CreateInstances"),
		}},
	})
}

// Two machines with the same name, the second one's create answer lost
// (the connection cut after the order): each resource gets its own
// machine. Before the create token tag, machines were matched by name and
// creation time, so the second resource adopted the first one's machine.
func TestAccBMCInstance_sameNameAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "cuts the connection after a create (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	// Armed by the first order, so that the second one's answer is lost.
	emu.OnceBefore("bmc.CreateInstances", func() {
		emu.SetFaults([]emulator.FaultRule{{Kind: emulator.FaultCutAfter, Rate: 1, Max: 1, Actions: []string{"bmc.CreateInstances"}}})
	})
	config := acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "a" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  name             = "tf-acc-twin"
}

resource "cloudcompute_zenlayer_bmc_instance" "b" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  name             = "tf-acc-twin"
  depends_on       = [cloudcompute_zenlayer_bmc_instance.a]
}
`, testZone, testType))
	var a, b string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: config,
			Check: resource.ComposeTestCheckFunc(
				acctest.CaptureID("cloudcompute_zenlayer_bmc_instance.a", &a), acctest.CaptureID("cloudcompute_zenlayer_bmc_instance.b", &b),
				func(*terraform.State) error {
					got := emu.Inventory()["bmc_instance"]
					if emu.FaultCounts()[emulator.FaultCutAfter] != 1 {
						return fmt.Errorf("the second order's answer was not lost: the test proves nothing")
					}
					if a == b || len(got) != 2 || emu.CallCount("bmc.CreateInstances") != 2 {
						return fmt.Errorf("state a=%s b=%s, emulator %v after %d orders: want two machines, one each", a, b, got, emu.CallCount("bmc.CreateInstances"))
					}
					return nil
				}),
		}},
	})
}

// An unnamed machine (the API names it "instance") whose order's answer is
// lost is adopted by its create token, not ordered again.
func TestAccBMCInstance_unnamedAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "cuts the connection after a create (emulator fault injection)")
	emu := acctest.StartEmulator(t, emulator.Options{Faults: []emulator.FaultRule{
		{Kind: emulator.FaultCutAfter, Rate: 1, Max: 1, Actions: []string{"bmc.CreateInstances"}},
	}})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
}
`, testZone, testType)),
			Check: acctest.CheckCreatedOnce(emu, instanceResourceName, "bmc_instance", "bmc.CreateInstances"),
		}},
	})
}
