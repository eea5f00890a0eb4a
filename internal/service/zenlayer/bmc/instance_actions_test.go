package bmc_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// Actions need Terraform 1.14 or later; these tests skip below it.
var actionVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// powerActionConfig is an action block of cloudcompute_zenlayer_bmc_instance_power.
func powerActionConfig(name, instanceID, operation string) string {
	return fmt.Sprintf(`
action "cloudcompute_zenlayer_bmc_instance_power" %[1]q {
  config {
    instance_id = %[2]s
    operation   = %[3]q
  }
}
`, name, instanceID, operation)
}

// triggerConfig is a terraform_data whose creation and updates (a new
// input) run actions.
func triggerConfig(input string, actions ...string) string {
	return fmt.Sprintf(`
resource "terraform_data" "trigger" {
  input = %[1]q
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [%[2]s]
    }
  }
}
`, input, strings.Join(actions, ", "))
}

func bmcStatus(emu *emulator.Server, id *string, want string) resource.TestCheckFunc {
	return checkEmulator(emu, id, func(v emulator.BMCInstanceView) bool { return v.Status == want })
}

func bmcCalls(emu *emulator.Server, want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for action, n := range want {
			if got := emu.CallCount(action); got != n {
				return fmt.Errorf("%s carried out %d times, want %d", action, got, n)
			}
		}
		return nil
	}
}

// An action_trigger powers the machine off right after it is built,
// against power_state = "running": the next plan powers it on again.
func TestAccBMCInstance_Action_triggerAgainstManagedPowerState(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{})
	instance := strings.Replace(instanceConfig("tf-acc-action", "running"), "}\n", `
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.cloudcompute_zenlayer_bmc_instance_power.off]
    }
  }
}
`, 1)
	config := acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instance,
		powerActionConfig("off", "cloudcompute_zenlayer_bmc_instance.test.id", "stop"))
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), bmcStatus(emu, &id, "STOPPED"),
					bmcCalls(emu, map[string]int{"bmc.StopInstances": 1})),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					},
				},
			},
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
				},
				Check: resource.ComposeTestCheckFunc(bmcStatus(emu, &id, "RUNNING"),
					bmcCalls(emu, map[string]int{"bmc.StopInstances": 1, "bmc.StartInstances": 1})),
			},
		},
	})
}

// Reboot a machine Terraform does not manage: from STOPPED it boots
// (BOOTING → RUNNING); from RUNNING it reboots.
func TestAccBMCInstance_Action_reboot(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{})
	id := emu.AddBMCInstance(testZone, "tf-acc-unmanaged")
	emu.SetBMCInstanceStatus(id, "STOPPED")
	provider := acctest.ZenlayerProviderConfig(emu)
	action := powerActionConfig("reboot", fmt.Sprintf("%q", id), "reboot")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, action, triggerConfig("1", "action.cloudcompute_zenlayer_bmc_instance_power.reboot")),
				Check:  resource.ComposeTestCheckFunc(bmcStatus(emu, &id, "RUNNING"), bmcCalls(emu, map[string]int{"bmc.RebootInstances": 1})),
			},
			{
				Config: acctest.ConfigCompose(provider, action, triggerConfig("2", "action.cloudcompute_zenlayer_bmc_instance_power.reboot")),
				Check:  resource.ComposeTestCheckFunc(bmcStatus(emu, &id, "RUNNING"), bmcCalls(emu, map[string]int{"bmc.RebootInstances": 2})),
			},
		},
	})
}

// terraform apply -invoke on the real CLI reboots a running machine,
// reporting BOOTING as it happens.
func TestAccBMCInstance_Action_invoke(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	acctest.PreCheck(t)
	emu := acctest.StartEmulator(t, emulator.Options{})
	id := emu.AddBMCInstance(testZone, "tf-acc-invoke")
	cli := acctest.NewCLI(t, 14, acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), powerActionConfig("reboot", fmt.Sprintf("%q", id), "reboot")))
	out := cli.MustRun("apply", "-auto-approve", "-invoke=action.cloudcompute_zenlayer_bmc_instance_power.reboot")
	for _, want := range []string{
		"rebooting BMC instance " + id + " (RUNNING)",
		"BMC instance " + id + " to reboot (RUNNING): BOOTING",
		"BMC instance " + id + " is RUNNING (reboot took",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the output of apply -invoke lacks the progress %q:\n%s", want, out)
		}
	}
	if n := emu.CallCount("bmc.RebootInstances"); n != 1 {
		t.Errorf("RebootInstances carried out %d times, want once", n)
	}
	if v, _ := emu.BMCInstance(id); v.Status != "RUNNING" {
		t.Errorf("the machine is %s, want RUNNING", v.Status)
	}
}

// The documentation's examples of the action plan against the emulator
// with the resource's own example (which they refer to).
func TestAccBMCInstance_Action_examples(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{})
	cfg := acctest.ExamplesConfig(t, acctest.ZenlayerProviderConfig(emu),
		"resources/cloudcompute_zenlayer_bmc_instance/resource.tf",
		"actions/cloudcompute_zenlayer_bmc_instance_power/action.tf",
		"actions/cloudcompute_zenlayer_bmc_instance_power/action-trigger.tf",
	)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:             cfg,
			ConfigVariables:    config.Variables{"bmc_password": config.StringVariable("Examp1e-Passw0rd")},
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
}
