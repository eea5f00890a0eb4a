package clouddc_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// Actions need Terraform 1.14 or later; these tests skip below it.
var actionVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// powerActionConfig is an action block of cloudcompute_huaweicloud_clouddc_instance_power.
func powerActionConfig(name, instanceID, operation string) string {
	return fmt.Sprintf(`
action "cloudcompute_huaweicloud_clouddc_instance_power" %[1]q {
  config {
    instance_id = %[2]s
    operation   = %[3]q
  }
}
`, name, instanceID, operation)
}

func cdcState(emu *emulator.Server, id *string, want string) resource.TestCheckFunc {
	return checkEmulator(emu, id, func(v emulator.CloudDCInstanceView) error {
		if v.State != want {
			return fmt.Errorf("the instance is %s, want %s", v.State, want)
		}
		return nil
	})
}

func cdcCalls(emu *emulator.Server, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := emu.CallCount("clouddc.ChangeServerPowerState"); n != want {
			return fmt.Errorf("ChangeServerPowerState carried out %d times, want %d", n, want)
		}
		return nil
	}
}

// An action_trigger powers the server off right after the instance is
// created. The resource manages power_state (running by default): the
// refresh reads the instance stopped and the next plan powers it on
// again, as documented; that apply does.
func TestAccCloudDCInstance_Action_trigger(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's count of ChangeServerPowerState calls")
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK)
	instance := instanceConfig("tf-acc-action", emulator.HuaweiImageID, `
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.cloudcompute_huaweicloud_clouddc_instance_power.off]
    }
  }
`)
	off := powerActionConfig("off", "cloudcompute_huaweicloud_clouddc_instance.test.id", "stop")
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config:             acctest.ConfigCompose(provider, instance, off),
				Check:              resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), cdcState(emu, &id, "stopped"), cdcCalls(emu, 1)),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)},
				},
			},
			{
				Config: acctest.ConfigCompose(provider, instance, off),
				Check:  resource.ComposeTestCheckFunc(cdcState(emu, &id, "running"), cdcCalls(emu, 2)),
			},
		},
	})
}

// terraform apply -invoke on the real CLI reboots the server of an
// instance, reporting the states as they change; rebooting a stopped
// instance is refused and sends nothing.
func TestAccCloudDCInstance_Action_invoke(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	acctest.PreCheck(t)
	emu := acctest.StartEmulator(t, emulator.Options{})
	id := emu.AddCloudDCInstance("tf-acc-invoke")
	if id == "" {
		t.Fatal("the emulator has no ready server")
	}
	cli := acctest.NewCLI(t, 14, acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK),
		powerActionConfig("reboot", fmt.Sprintf("%q", id), "reboot"), `
variable "power" {
  type    = string
  default = "start"
}
`, powerActionConfig("power", fmt.Sprintf("%q", id), "start")))
	// The operation from a variable: one block for power off and on.
	cli.WriteConfig(strings.Replace(cli.Config(), `operation   = "start"`, `operation   = var.power`, 1))
	for _, step := range []struct{ op, want string }{{"stop", "stopped"}, {"start", "running"}} {
		cli.MustRun("apply", "-auto-approve", "-invoke=action.cloudcompute_huaweicloud_clouddc_instance_power.power", "-var", "power="+step.op)
		if v, _ := emu.CloudDCInstance(id); v.State != step.want {
			t.Fatalf("after -var power=%s the instance is %s, want %s", step.op, v.State, step.want)
		}
	}
	emu.ResetLog() // count the reboot's calls only
	out := cli.MustRun("apply", "-auto-approve", "-invoke=action.cloudcompute_huaweicloud_clouddc_instance_power.reboot")
	v, _ := emu.CloudDCInstance(id)
	for _, want := range []string{
		"rebooting CloudDC instance " + id + " (running) on physical server " + v.ServerID,
		"CloudDC instance " + id + " to be rebooted (running): stopping",
		"CloudDC instance " + id + " to be rebooted (running): running",
		"CloudDC instance " + id + " is running (reboot took",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the output of apply -invoke lacks the progress %q:\n%s", want, out)
		}
	}
	if n := emu.CallCount("clouddc.ChangeServerPowerState"); v.State != "running" || n != 1 {
		t.Errorf("the instance is %s after %d ChangeServerPowerState calls, want running after 1", v.State, n)
	}

	emu.SetCloudDCInstanceState(id, "stopped")
	code, out := cli.Run("apply", "-auto-approve", "-invoke=action.cloudcompute_huaweicloud_clouddc_instance_power.reboot")
	if code == 0 || !errRe("only a running CloudDC instance can be rebooted", "is stopped", `operation = "start"`).MatchString(out) {
		t.Errorf("rebooting a stopped instance: exit %d, want the error that says to power it on:\n%s", code, out)
	}
	if n := emu.CallCount("clouddc.ChangeServerPowerState"); n != 1 {
		t.Errorf("ChangeServerPowerState carried out %d times, want 1", n)
	}
}

// The documentation's examples of the action apply against the emulator
// with the resource's own example; bumping password_wo_version then runs
// the example's trigger, which reboots the server.
func TestAccCloudDCInstance_Action_examples(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's statuses and call counts")
	emu := acctest.StartEmulator(t, emulator.Options{})
	examples := acctest.ExamplesConfig(t, acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK),
		"resources/cloudcompute_huaweicloud_clouddc_instance/resource.tf",
		"actions/cloudcompute_huaweicloud_clouddc_instance_power/action.tf",
		"actions/cloudcompute_huaweicloud_clouddc_instance_power/action-trigger.tf",
	)
	bumped := strings.Replace(examples, "password_wo_version = 1", "password_wo_version = 2", 1)
	if bumped == examples {
		t.Fatal("the resource example sets no password_wo_version = 1")
	}
	vars := config.Variables{"admin_password": config.StringVariable("Example-Passw0rd")}
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config:          examples,
				ConfigVariables: vars,
				Check:           resource.ComposeTestCheckFunc(acctest.CaptureID("cloudcompute_huaweicloud_clouddc_instance.web", &id), cdcCalls(emu, 0)),
			},
			{
				Config:          bumped,
				ConfigVariables: vars,
				Check: resource.ComposeTestCheckFunc(cdcState(emu, &id, "running"), cdcCalls(emu, 1),
					func(*terraform.State) error {
						if !acctest.ContainsInOrder(emu.Actions(id), "clouddc.ChangeInstancePassword") {
							return fmt.Errorf("the emulator saw %v for the instance, want ChangeInstancePassword", emu.Actions(id))
						}
						return nil
					}),
			},
		},
	})
}
