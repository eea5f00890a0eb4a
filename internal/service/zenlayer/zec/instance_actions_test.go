package zec_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

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

// powerActionConfig is an action block of cloudcompute_zenlayer_zec_instance_power.
func powerActionConfig(name, instanceID, operation, extra string) string {
	return fmt.Sprintf(`
action "cloudcompute_zenlayer_zec_instance_power" %[1]q {
  config {
    instance_id = %[2]s
    operation   = %[3]q
%[4]s  }
}
`, name, instanceID, operation, extra)
}

// instanceWithTrigger is instanceConfig whose lifecycle runs the action
// action.cloudcompute_zenlayer_zec_instance_power.<action> after the
// instance is created.
func instanceWithTrigger(name, powerState, action string) string {
	return instanceConfig(name, powerState, fmt.Sprintf(`
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.cloudcompute_zenlayer_zec_instance_power.%s]
    }
  }
`, action))
}

// wantEmulatorStatus checks the instance in the state as instanceResourceName.
func wantEmulatorStatus(emu *emulator.Server, status string) resource.TestCheckFunc {
	return checkInstanceInEmulator(emu, func(v emulator.ZECInstanceView) error {
		if v.Status != status {
			return fmt.Errorf("the instance is %s in the emulator, want %s", v.Status, status)
		}
		return nil
	})
}

// wantCalls checks how many times the emulator carried out each action.
func wantCalls(emu *emulator.Server, want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for action, n := range want {
			if got := emu.CallCount(action); got != n {
				return fmt.Errorf("%s carried out %d times, want %d", action, got, n)
			}
		}
		return nil
	}
}

// An action_trigger stops the instance right after its creation, against
// power_state = "running": the refresh after the apply sees it STOPPED,
// so the next plan is an update that starts it again (what the action's
// documentation says), and that apply starts it.
func TestAccZECInstance_Action_triggerAgainstManagedPowerState(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{})
	config := acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceWithTrigger("tf-acc-action", "running", "stop"),
		powerActionConfig("stop", "cloudcompute_zenlayer_zec_instance.test.id", "stop", "    force       = true\n"))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(wantEmulatorStatus(emu, "STOPPED"),
					wantCalls(emu, map[string]int{"zec.StopInstances": 1, "zec.StartInstances": 0})),
				// The state saved by the create says running; the
				// refresh after the apply reads STOPPED: power_state is
				// planned back to running.
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					},
				},
			},
			{
				// The same configuration: the after_create trigger does
				// not run again, and the update starts the instance.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
				},
				Check: resource.ComposeTestCheckFunc(wantEmulatorStatus(emu, "RUNNING"),
					wantCalls(emu, map[string]int{"zec.StopInstances": 1, "zec.StartInstances": 1})),
			},
		},
	})
	if !acctest.LoggedCode(emu, "StopInstances", "") {
		t.Error("StopInstances was not answered with success")
	}
}

// With lifecycle.ignore_changes = [power_state] the action owns the power
// state: the instance it stops stays stopped, and the next plan is empty.
func TestAccZECInstance_Action_ignoreChanges(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{})
	instance := strings.Replace(instanceWithTrigger("tf-acc-action-ignore", "running", "stop"),
		"  lifecycle {\n", "  lifecycle {\n    ignore_changes = [power_state]\n", 1)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instance,
					powerActionConfig("stop", "cloudcompute_zenlayer_zec_instance.test.id", "stop", "")),
				Check: wantEmulatorStatus(emu, "STOPPED"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// Start and reboot an instance Terraform does not manage, from
// action_triggers of terraform_data; a reboot goes RUNNING → REBOOT →
// RUNNING.
func TestAccZECInstance_Action_startAndReboot(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{})
	id := emu.AddZECInstance(testZone, "tf-acc-unmanaged")
	emu.SetZECInstanceStatus(id, "STOPPED")
	provider := acctest.ZenlayerProviderConfig(emu)
	trigger := func(input string, actions ...string) string {
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
	status := func(want string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if v, _ := emu.ZECInstance(id); v.Status != want {
				return fmt.Errorf("the instance is %s, want %s", v.Status, want)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, powerActionConfig("start", fmt.Sprintf("%q", id), "start", ""),
					trigger("1", "action.cloudcompute_zenlayer_zec_instance_power.start")),
				Check: resource.ComposeTestCheckFunc(status("RUNNING"), wantCalls(emu, map[string]int{"zec.StartInstances": 1})),
			},
			{
				// Starting a running instance does nothing; the reboot
				// that follows in the same trigger reboots it.
				Config: acctest.ConfigCompose(provider, powerActionConfig("start", fmt.Sprintf("%q", id), "start", ""),
					powerActionConfig("reboot", fmt.Sprintf("%q", id), "reboot", "    timeouts = { invoke = \"5m\" }\n"),
					trigger("2", "action.cloudcompute_zenlayer_zec_instance_power.start", "action.cloudcompute_zenlayer_zec_instance_power.reboot")),
				Check: resource.ComposeTestCheckFunc(status("RUNNING"),
					wantCalls(emu, map[string]int{"zec.StartInstances": 1, "zec.RebootInstances": 1}),
					func(*terraform.State) error {
						if !acctest.ContainsInOrder(emu.Actions(id), "zec.StartInstances", "zec.RebootInstances") {
							return fmt.Errorf("the emulator saw %v for the instance", emu.Actions(id))
						}
						return nil
					}),
			},
		},
	})
}

// The invoke timeout ends the action with an error that names what it
// waited for; a missing instance is a clear error.
func TestAccZECInstance_Action_timeoutAndNotFound(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{Durations: emulator.Durations{InstanceStop: time.Minute}})
	id := emu.AddZECInstance(testZone, "tf-acc-slow")
	provider := acctest.ZenlayerProviderConfig(emu)
	trigger := func(action string) string {
		return fmt.Sprintf(`
resource "terraform_data" "trigger" {
  input = %[1]q
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.cloudcompute_zenlayer_zec_instance_power.%[1]s]
    }
  }
}
`, action)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, powerActionConfig("stop", fmt.Sprintf("%q", id), "stop", "    timeouts = { invoke = \"2s\" }\n"),
					trigger("stop")),
				ExpectError: regexp.MustCompile(`(?s)timeout after 2s waiting for ZEC\s+instance .*to stop \(STOPPED\).*last status: STOPPING.*goes on in the cloud`),
			},
			{
				Config:      acctest.ConfigCompose(provider, powerActionConfig("start", `"zec-nope"`, "start", ""), trigger("start")),
				ExpectError: regexp.MustCompile(`(?s)starting ZEC instance \(zec-nope\).*not found`),
			},
		},
	})
}

// Invalid configurations are refused at plan time: force with an operation
// other than stop, an unknown operation.
func TestAccZECInstance_Action_invalidConfig(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	trigger := func(action string) string {
		return fmt.Sprintf(`
resource "terraform_data" "trigger" {
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.cloudcompute_zenlayer_zec_instance_power.%s]
    }
  }
}
`, action)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      acctest.ConfigCompose(provider, powerActionConfig("reboot", `"zec-x"`, "reboot", "    force       = true\n"), trigger("reboot")),
				ExpectError: regexp.MustCompile(`force applies to stop only`),
			},
			{
				Config:      acctest.ConfigCompose(provider, powerActionConfig("hibernate", `"zec-x"`, "hibernate", ""), trigger("hibernate")),
				ExpectError: regexp.MustCompile(`(?s)operation.*value must be one of`),
			},
			{
				// An action no trigger runs is not invoked.
				Config: acctest.ConfigCompose(provider, powerActionConfig("stop", `"zec-x"`, "stop", "    force       = true\n")),
				Check:  wantCalls(emu, map[string]int{"zec.StopInstances": 0, "zec.DescribeInstances": 0}),
			},
		},
	})
}

// terraform apply -invoke on the real CLI: the action stops an instance
// whose configuration says power_state = "running", reporting each status
// as it changes; the next plan then starts it again, as documented.
func TestAccZECInstance_Action_invoke(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	acctest.PreCheck(t)
	emu := acctest.StartEmulator(t, emulator.Options{})
	cli := acctest.NewCLI(t, 14, acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), instanceConfig("tf-acc-invoke", "running", ""),
		powerActionConfig("stop", "cloudcompute_zenlayer_zec_instance.test.id", "stop", "")))
	cli.MustRun("apply", "-auto-approve")
	ids := emu.Inventory()["zec_instance"]
	if len(ids) != 1 {
		t.Fatalf("the emulator holds instances %v, want one", ids)
	}
	defer cli.Run("destroy", "-auto-approve")

	out := cli.MustRun("apply", "-auto-approve", "-invoke=action.cloudcompute_zenlayer_zec_instance_power.stop")
	for _, want := range []string{
		"stopping ZEC instance " + ids[0] + " (RUNNING)",
		"ZEC instance " + ids[0] + " to stop (STOPPED): STOPPING",
		"ZEC instance " + ids[0] + " to stop (STOPPED): STOPPED",
		"ZEC instance " + ids[0] + " is STOPPED (stop took",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the output of apply -invoke lacks the progress %q:\n%s", want, out)
		}
	}
	if v, _ := emu.ZECInstance(ids[0]); v.Status != "STOPPED" {
		t.Fatalf("the instance is %s after the action, want STOPPED", v.Status)
	}

	code, out := cli.Run("plan", "-detailed-exitcode")
	if code != 2 || !regexp.MustCompile(`~ power_state\s+= "stopped" -> "running"`).MatchString(out) {
		t.Fatalf("plan after the action: exit %d, want 2 (changes) with power_state planned back to running:\n%s", code, out)
	}
	cli.MustRun("apply", "-auto-approve")
	if v, _ := emu.ZECInstance(ids[0]); v.Status != "RUNNING" {
		t.Fatalf("the instance is %s after the apply, want RUNNING", v.Status)
	}
	if code, out := cli.Run("plan", "-detailed-exitcode"); code != 0 {
		t.Fatalf("plan after the apply: exit %d, want 0:\n%s", code, out)
	}
	if n := emu.CallCount("zec.StopInstances"); n != 1 {
		t.Errorf("StopInstances carried out %d times, want once", n)
	}
}

// Ctrl-C during terraform apply -invoke ends the wait at once; the stop the
// action started goes on in the cloud.
func TestAccZECInstance_Action_interrupt(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	acctest.PreCheck(t)
	emu := acctest.StartEmulator(t, emulator.Options{Durations: emulator.Durations{InstanceStop: 10 * time.Minute}})
	id := emu.AddZECInstance(testZone, "tf-acc-interrupt")
	cli := acctest.NewCLI(t, 14, acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), powerActionConfig("stop", fmt.Sprintf("%q", id), "stop", "")))
	cmd, out, stop := cli.Start("apply", "-auto-approve", "-invoke=action.cloudcompute_zenlayer_zec_instance_power.stop")
	defer stop()
	deadline := time.Now().Add(time.Minute)
	for emu.CallCount("zec.StopInstances") == 0 || !strings.Contains(out.String(), "STOPPING") {
		if time.Now().After(deadline) {
			t.Fatalf("the action never stopped the instance:\n%s", out)
		}
		time.Sleep(50 * time.Millisecond)
	}
	interrupted := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	// Terraform 1.15 ends the invocation's stream and reports the run as
	// complete; what the provider controls is that its wait ends at once.
	_ = cmd.Wait()
	if d := time.Since(interrupted); d > 30*time.Second {
		t.Errorf("terraform took %s to end after Ctrl-C", d)
	}
	if !strings.Contains(out.String(), "Interrupt received") {
		t.Errorf("terraform did not see the interrupt:\n%s", out)
	}
	// The provider server still runs (stop is deferred): a wait that
	// ignored the cancellation would go on polling the emulator.
	polls := emu.CallCount("zec.DescribeInstances")
	time.Sleep(2 * time.Second)
	if n := emu.CallCount("zec.DescribeInstances"); n != polls {
		t.Errorf("the action polled %d more times after Ctrl-C", n-polls)
	}
	if v, _ := emu.ZECInstance(id); v.Status != "STOPPING" {
		t.Errorf("the instance is %s, want STOPPING (the stop goes on)", v.Status)
	}
}

// The documentation's examples of the action plan against the emulator
// with the resource's own example (which they refer to).
func TestAccZECInstance_Action_examples(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{})
	cfg := acctest.ExamplesConfig(t, acctest.ZenlayerProviderConfig(emu),
		"resources/cloudcompute_zenlayer_zec_instance/resource.tf",
		"actions/cloudcompute_zenlayer_zec_instance_power/action.tf",
		"actions/cloudcompute_zenlayer_zec_instance_power/action-trigger.tf",
	)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:             cfg,
			ConfigVariables:    config.Variables{"root_password": config.StringVariable("Example-Passw0rd")},
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
}
