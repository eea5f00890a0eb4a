package bmc_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// prepaidNetworkConfig is a PREPAID machine on a traffic package with
// this bandwidth (Mbps) and traffic package (TB).
func prepaidNetworkConfig(emu *emulator.Server, name string, bandwidth int, traffic string) string {
	return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id                    = %[1]q
  instance_type_id           = %[2]q
  image_id                   = %[3]q
  name                       = %[4]q
  key_id                     = "key-acc"
  instance_charge_type       = "PREPAID"
  period                     = 1
  internet_charge_type       = "ByTrafficPackage"
  internet_max_bandwidth_out = %[5]d
  traffic_package_size       = %[6]s
}
`, testZone, testType, testImage, name, bandwidth, traffic))
}

// checkPrepaidTerminated is the CheckDestroy of a PREPAID machine: it is
// terminated (in the recycle bin until its subscription ends), not released.
func checkPrepaidTerminated(emu *emulator.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if emu.CallCount("bmc.TerminateInstance") != 1 || emu.CallCount("bmc.ReleaseInstances") != 0 {
			return fmt.Errorf("calls %v, want one TerminateInstance and no ReleaseInstances", emu.Calls())
		}
		return nil
	}
}

// A PREPAID machine's decrease of bandwidth and traffic package is an
// order for its next billing cycle: DescribeInstances reports the old
// values until then. The state holds the ordered ones, the next plan is
// empty and orders nothing again (the API refuses a second order while
// one waits); going back to the values in effect cancels the orders, and
// once the cycle ends the refresh reads the new values. Before the
// internet status was read, every plan after a decrease showed it again.
func TestAccBMCInstance_prepaidDecrease(t *testing.T) {
	acctest.SkipIfReal(t, "buys a month of a PREPAID machine and ends its billing cycle in the emulator")
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	config := func(bandwidth int, traffic string) string {
		return prepaidNetworkConfig(emu, "tf-acc-downgrade", bandwidth, traffic)
	}
	network := func(bandwidth int, traffic float64) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("internet_max_bandwidth_out"), knownvalue.Int64Exact(int64(bandwidth))),
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("traffic_package_size"), knownvalue.Float64Exact(traffic)),
		}
	}
	expectEmpty := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkPrepaidTerminated(emu),
		Steps: []resource.TestStep{
			{
				Config: config(50, "10"),
				Check:  acctest.CaptureID(instanceResourceName, &id),
			},
			{
				// The decreases are ordered, and the state holds them.
				PreConfig:         emu.ResetLog,
				Config:            config(20, "5"),
				ConfigPlanChecks:  expectUpdate(),
				ConfigStateChecks: network(20, 5),
				Check: resource.ComposeTestCheckFunc(checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool {
					return v.Bandwidth == 50 && v.TrafficPackageSize == 10 && v.DowngradeBandwidth == 20 && v.DowngradeTrafficPackage == 5
				}), checkCalledOnce(emu, "bmc.ModifyInstanceBandwidth", "bmc.ModifyInstanceTrafficPackage")),
			},
			{
				// The next run refreshes the old values, keeps the orders,
				// and has nothing to do.
				PreConfig:         emu.ResetLog,
				Config:            config(20, "5"),
				ConfigPlanChecks:  expectEmpty,
				ConfigStateChecks: network(20, 5),
				Check:             checkNotCalled(emu, "bmc.ModifyInstanceBandwidth", "bmc.ModifyInstanceTrafficPackage"),
			},
			{
				// Back to the values in effect: the orders are cancelled,
				// nothing is ordered.
				PreConfig:         emu.ResetLog,
				Config:            config(50, "10"),
				ConfigPlanChecks:  expectUpdate(),
				ConfigStateChecks: network(50, 10),
				Check: resource.ComposeTestCheckFunc(checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool {
					return v.Bandwidth == 50 && v.TrafficPackageSize == 10 && v.DowngradeBandwidth == 0 && v.DowngradeTrafficPackage == 0
				}), checkCalledOnce(emu, "bmc.CancelInstanceBandwidthDowngrade", "bmc.CancelInstanceTrafficPackageDowngrade"),
					checkNotCalled(emu, "bmc.ModifyInstanceBandwidth", "bmc.ModifyInstanceTrafficPackage")),
			},
			{
				PreConfig:         emu.ResetLog,
				Config:            config(30, "7.5"),
				ConfigPlanChecks:  expectUpdate(),
				ConfigStateChecks: network(30, 7.5),
				Check:             checkCalledOnce(emu, "bmc.ModifyInstanceBandwidth", "bmc.ModifyInstanceTrafficPackage"),
			},
			{
				// Another decrease while one waits: the order waiting is
				// cancelled, and the new one sent.
				PreConfig:         emu.ResetLog,
				Config:            config(25, "7.5"),
				ConfigPlanChecks:  expectUpdate(),
				ConfigStateChecks: network(25, 7.5),
				Check: resource.ComposeTestCheckFunc(checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool {
					return v.Bandwidth == 50 && v.DowngradeBandwidth == 25 && v.DowngradeTrafficPackage == 7.5
				}), checkCalledOnce(emu, "bmc.CancelInstanceBandwidthDowngrade", "bmc.ModifyInstanceBandwidth"),
					checkNotCalled(emu, "bmc.ModifyInstanceTrafficPackage", "bmc.CancelInstanceTrafficPackageDowngrade")),
			},
			{
				// The billing cycle ends: the API reports the ordered
				// values, and there is still nothing to do.
				PreConfig: func() {
					if !emu.EndBillingCycle(id) {
						t.Fatalf("no BMC instance %s", id)
					}
					emu.ResetLog()
				},
				Config:            config(25, "7.5"),
				ConfigPlanChecks:  expectEmpty,
				ConfigStateChecks: network(25, 7.5),
				Check: resource.ComposeTestCheckFunc(checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool {
					return v.Bandwidth == 25 && v.TrafficPackageSize == 7.5 && v.DowngradeBandwidth == 0
				}), checkNotCalled(emu, "bmc.ModifyInstanceBandwidth", "bmc.ModifyInstanceTrafficPackage")),
			},
		},
	})
}

// A PREPAID machine's bandwidth decrease whose answer is lost: the order
// shows in the internet status (DescribeInstances still reports the old
// bandwidth), which confirms it. It is not sent again, and the apply
// succeeds; before, the instance's bandwidth was the only confirmation,
// and the apply failed with the outcome unknown.
func TestAccBMCInstance_prepaidDecreaseAnswerLost(t *testing.T) {
	acctest.SkipIfReal(t, "buys a month of a PREPAID machine and loses an answer in the emulator")
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkPrepaidTerminated(emu),
		Steps: []resource.TestStep{
			{
				Config: prepaidNetworkConfig(emu, "tf-acc-downgrade-lost", 50, "10"),
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id),
					acctest.LoseAnswersOf(emu, "bmc.ModifyInstanceBandwidth", true)),
			},
			{
				Config:           prepaidNetworkConfig(emu, "tf-acc-downgrade-lost", 20, "10"),
				ConfigPlanChecks: expectUpdate(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("internet_max_bandwidth_out"), knownvalue.Int64Exact(20)),
				},
				Check: resource.ComposeTestCheckFunc(func(*terraform.State) error {
					return acctest.CheckAnswerLostOnce(emu, "bmc.ModifyInstanceBandwidth")
				}, checkEmulator(emu, &id, func(v emulator.BMCInstanceView) bool { return v.Bandwidth == 50 && v.DowngradeBandwidth == 20 })),
			},
		},
	})
}
