package clouddc_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// powerBehindBack powers the server of instance id off or on with the API
// and waits until the instance is stopped or running.
func powerBehindBack(tg *acctest.Target, id, action string) error {
	c, err := tg.HuaweiClient()
	if err != nil {
		return err
	}
	inst, err := c.FindInstance(context.Background(), id)
	if err != nil {
		return err
	}
	if err := c.ChangeServerPowerState(context.Background(), action, inst.ServerID); err != nil {
		return err
	}
	want := huaweicloud.StateStopped
	if action == huaweicloud.PowerOn {
		want = huaweicloud.StateRunning
	}
	find := findStatus(tg)
	return acctest.WaitStatus("CloudDC instance "+id+" to be "+want, behindBackTimeout,
		func(ctx context.Context) (string, error) { return find(ctx, id) }, want)
}

// power_state: stopped and started in place; a reinstallation of a stopped
// instance that stays stopped is refused at plan time, without a call;
// with power_state back to running in the same plan the instance is
// started first, then reinstalled; an instance stopped behind Terraform's
// back plans a start; import reads the power state.
func TestAccCloudDCInstance_powerState(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.CloudDC()
	image2 := tg.ID(acctest.EnvCloudDCImageID2, emulator.HuaweiImageID2)
	provider := tg.HuaweiProviderConfig(huaweicloud.AuthAKSK)
	name := acctest.RandomName("power")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id string
	config := func(image, power string) string {
		return acctest.ConfigCompose(provider, strings.Replace(instanceConfigAt(ids, name, power), ids.Image, image, 1))
	}
	state := func(want string) resource.TestCheckFunc {
		return checkEmulator(tg.Emu, &id, func(v emulator.CloudDCInstanceView) error {
			if v.State != want {
				return fmt.Errorf("emulator: instance is %s, want %s", v.State, want)
			}
			return nil
		})
	}
	var reinstallsBefore int
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config: config(ids.Image, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), state("running")),
			},
			{
				Config: config(ids.Image, `  power_state = "stopped"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("stopped")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("stopped")),
				},
				Check: state("stopped"),
			},
			{
				// Fail fast: a reinstallation needs a running instance.
				PreConfig: func() {
					if tg.Emu != nil {
						reinstallsBefore = tg.Emu.CallCount("clouddc.ReinstallOs")
					}
				},
				Config:      config(image2, `  power_state = "stopped"`),
				ExpectError: errRe("The CloudDC instance is stopped", "the reinstallation (image_id: ReinstallOs)", `Set power_state = "running"`),
			},
			{
				// Started first, then reinstalled.
				PreConfig: func() {
					if tg.Emu != nil && tg.Emu.CallCount("clouddc.ReinstallOs") != reinstallsBefore {
						t.Error("the refused plan called ReinstallOs")
					}
				},
				Config: config(image2, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("image_id"), knownvalue.StringExact(image2)),
				},
				Check: resource.ComposeTestCheckFunc(state("running"), func(*terraform.State) error {
					if tg.Emu == nil {
						return nil
					}
					var order []string
					for _, e := range tg.Emu.Log() {
						if e.Action == "ChangeServerPowerState" || e.Action == "ReinstallOs" {
							order = append(order, e.Action)
						}
					}
					if !acctest.ContainsInOrder(order, "ChangeServerPowerState", "ChangeServerPowerState", "ReinstallOs") {
						return fmt.Errorf("calls %v: want the power off, the power on, then the reinstallation", order)
					}
					return nil
				}),
			},
			{
				// Stopped behind Terraform's back: the plan starts it again.
				PreConfig: func() {
					if err := powerBehindBack(tg, id, huaweicloud.PowerOff); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(image2, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id"))},
				Check:             state("running"),
			},
			{
				Config: config(image2, `  power_state = "stopped"`),
				Check:  state("stopped"),
			},
			{
				ResourceName:            instanceResourceName,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password_wo_version"},
			},
		},
	})
}

// tagsProvider is the provider block of tg with default_tags (emulator
// only: the block's text is the acctest's).
func tagsProvider(t *testing.T, tg *acctest.Target) string {
	t.Helper()
	p := tg.HuaweiProviderConfig(huaweicloud.AuthAKSK)
	if !strings.Contains(p, "    endpoints {") {
		t.Fatalf("unexpected provider block: %s", p)
	}
	return strings.Replace(p, "    endpoints {", "    default_tags = { env = \"acc\", owner = \"platform\" }\n    endpoints {", 1)
}

// serverTags checks the tags of instance *id's server in the emulator.
func serverTags(tg *acctest.Target, id *string, want map[string]string) resource.TestCheckFunc {
	return checkEmulator(tg.Emu, id, func(v emulator.CloudDCInstanceView) error {
		got, _ := tg.Emu.CloudDCServerTags(v.ServerID)
		if !maps.Equal(got, want) {
			return fmt.Errorf("server %s has tags %v, want %v", v.ServerID, got, want)
		}
		return nil
	})
}

// tags and tags_all with the provider's default_tags: set on the
// instance's physical server at create, changed in place, drift (a tag
// changed and one added behind Terraform's back) planned back, import,
// and removed from the server at destroy.
func TestAccCloudDCInstance_tags(t *testing.T) {
	acctest.SkipIfReal(t, "writes default_tags into the emulator's provider block and reads the server's tags from the emulator")
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.CloudDC()
	provider := tagsProvider(t, tg)
	name := acctest.RandomName("tags")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	var id, server string
	exact := func(m map[string]string) knownvalue.Check {
		checks := map[string]knownvalue.Check{}
		for k, v := range m {
			checks[k] = knownvalue.StringExact(v)
		}
		return knownvalue.MapExact(checks)
	}
	step1 := map[string]string{"env": "acc", "owner": "team-a", "role": "web"}
	step2 := map[string]string{"env": "acc", "owner": "platform", "role": "db"}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(checkInstancesDestroyed(tg), func(*terraform.State) error {
			if got, _ := tg.Emu.CloudDCServerTags(server); len(got) != 0 {
				return fmt.Errorf("server %s keeps tags %v after the destroy", server, got)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, instanceConfigAt(ids, name, `  tags = { owner = "team-a", role = "web" }`)),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("tags"), exact(map[string]string{"owner": "team-a", "role": "web"})),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("tags_all"), exact(step1)),
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id),
					resource.TestCheckResourceAttrWith(instanceResourceName, "server_id", func(v string) error { server = v; return nil }),
					serverTags(tg, &id, step1), func(*terraform.State) error {
						// The create token stays in the metadata.
						v, _ := tg.Emu.CloudDCInstance(id)
						if _, ok := v.Metadata[huaweicloud.CreateTokenMetadataKey]; !ok {
							return fmt.Errorf("no create token in the metadata %v", v.Metadata)
						}
						return nil
					}),
			},
			{
				Config: acctest.ConfigCompose(provider, instanceConfigAt(ids, name, `  tags = { role = "db" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("tags_all"), exact(step2)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("tags_all"), exact(step2)),
				},
				Check: serverTags(tg, &id, step2),
			},
			{
				// Drift: a tag changed and one added behind Terraform's back.
				PreConfig: func() {
					other, rogue := "ops", "x"
					tg.Emu.SetCloudDCServerTag(server, "role", &other)
					tg.Emu.SetCloudDCServerTag(server, "rogue", &rogue)
				},
				Config: acctest.ConfigCompose(provider, instanceConfigAt(ids, name, `  tags = { role = "db" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
				}},
				Check: serverTags(tg, &id, step2),
			},
			{
				ResourceName:      instanceResourceName,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
	if calls := tg.Emu.CallCount("clouddc.BatchDeleteTags"); calls < 2 {
		t.Errorf("BatchDeleteTags was called %d times: want the drift's and the destroy's", calls)
	}
}

// A config places an instance on a ready server found by the servers data
// source, with no id copied.
func TestAccCloudDCServersDataSource_placement(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.CloudDC()
	provider := tg.HuaweiProviderConfig(huaweicloud.AuthToken)
	name := acctest.RandomName("placed")
	config := acctest.ConfigCompose(provider, `
data "cloudcompute_huaweicloud_clouddc_servers" "ready" {
  manage_state = "ready"
}
`, instanceConfigAt(ids, name, `  server_id = data.cloudcompute_huaweicloud_clouddc_servers.ready.servers[0].id

  # Once the instance is on it, the server is in-use and no longer listed
  # as ready: keep the instance where it is.
  lifecycle {
    ignore_changes = [server_id]
  }`))
	var want string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrWith("data.cloudcompute_huaweicloud_clouddc_servers.ready", "servers.0.id", func(v string) error { want = v; return nil }),
					resource.TestCheckResourceAttrPtr(instanceResourceName, "server_id", &want),
					resource.TestCheckResourceAttr("data.cloudcompute_huaweicloud_clouddc_servers.ready", "servers.0.manage_state", "ready"),
					resource.TestCheckResourceAttr("data.cloudcompute_huaweicloud_clouddc_servers.ready", "servers.0.power_state", "on"),
					func(s *terraform.State) error {
						if tg.Emu == nil {
							return nil
						}
						n := s.RootModule().Resources["data.cloudcompute_huaweicloud_clouddc_servers.ready"].Primary.Attributes["servers.#"]
						if n != "4" {
							return fmt.Errorf("%s ready servers listed, want the emulator's 4", n)
						}
						return nil
					},
				),
			},
			{
				// The server is in-use now and the data source lists others:
				// ignore_changes keeps the instance where it is.
				Config:   config,
				PlanOnly: true,
			},
		},
	})
}
