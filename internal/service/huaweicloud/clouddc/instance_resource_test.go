package clouddc_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

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

const (
	instanceResourceName = "cloudcompute_huaweicloud_clouddc_instance.test"
	testPassword         = "Str0ng-Passw0rd"
)

var uuidRegexp = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// instanceConfig is a config of one instance; extra goes inside the resource block.
func instanceConfig(name, imageID, extra string) string {
	return fmt.Sprintf(`
resource "cloudcompute_huaweicloud_clouddc_instance" "test" {
  name        = %[1]q
  image_id    = %[2]q
  vpc_id      = %[3]q
  password_wo = %[4]q

  network_interfaces = [
    { subnet_id = %[5]q },
  ]
%[6]s
}
`, name, imageID, emulator.HuaweiVPCID, testPassword, emulator.HuaweiSubnetID, extra)
}

// Create, read and import an instance, and destroy it, with each of the
// three authentication methods (against a real cloud: the environment's).
// The destroy is DeleteInstance, then status reads that see shutting-down,
// then terminated.
func TestAccCloudDCInstance_basic(t *testing.T) {
	for _, method := range []huaweicloud.AuthMethod{huaweicloud.AuthAKSK, huaweicloud.AuthPassword, huaweicloud.AuthToken} {
		t.Run(string(method), func(t *testing.T) {
			if acctest.IsReal() {
				if m, err := acctest.HuaweiMethodFromEnv(); err == nil && m != method {
					t.Skipf("skipped against a real cloud: the environment's Huawei Cloud credentials are for %s authentication", m)
				}
			}
			tg := acctest.NewTarget(t, emulator.Options{})
			ids := tg.CloudDC()
			provider := tg.HuaweiProviderConfig(method)
			name := acctest.RandomName("basic")
			var id string
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkInstancesDestroyed(tg),
				Steps: []resource.TestStep{
					{
						Config: acctest.ConfigCompose(provider, instanceConfigAt(ids, name, `
  description = "created by an acceptance test"
  metadata    = { role = "web", "owner:team" = "platform ops" }
`)),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("id"), knownvalue.StringRegexp(uuidRegexp)),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("name"), knownvalue.StringExact(name)),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("running")),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("image_id"), knownvalue.StringExact(ids.Image)),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("image_name"), tg.Known(knownvalue.StringExact("Ubuntu 22.04 server 64bit"))),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("os_type"), tg.Known(knownvalue.StringExact("Linux"))),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("server_id"), knownvalue.StringRegexp(uuidRegexp)),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("primary_ip"), tg.Known(knownvalue.StringExact("192.168.0.10"))),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("network_interfaces"), knownvalue.ListExact([]knownvalue.Check{
								knownvalue.ObjectExact(map[string]knownvalue.Check{
									"subnet_id": knownvalue.StringExact(ids.Subnet), "ipv4_address": tg.Known(knownvalue.StringExact("192.168.0.10")),
								}),
							})),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("metadata"), knownvalue.MapExact(map[string]knownvalue.Check{
								"role": knownvalue.StringExact("web"), "owner:team": knownvalue.StringExact("platform ops"),
							})),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo"), knownvalue.Null()),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("created_at"), knownvalue.NotNull()),
							statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("launched_at"), knownvalue.NotNull()),
						},
						Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id), func(*terraform.State) error {
							if tg.Emu == nil {
								return nil
							}
							v, ok := tg.Emu.CloudDCInstance(id)
							if !ok || v.State != "running" || v.Password != testPassword || v.Description != "created by an acceptance test" {
								return fmt.Errorf("emulator has %+v (present %v)", v, ok)
							}
							// The create token is in the instance's metadata, and not in the state's.
							if len(v.Metadata[huaweicloud.CreateTokenMetadataKey]) != 32 || len(v.Metadata) != 3 {
								return fmt.Errorf("emulator's metadata is %v, want the two pairs and a create token", v.Metadata)
							}
							return nil
						}),
					},
					{
						ResourceName:      instanceResourceName,
						ImportState:       true,
						ImportStateVerify: true,
					},
				},
			})
			if tg.Emu == nil {
				return
			}
			emu := tg.Emu
			if n := emu.CallCount("clouddc.CreateInstance"); n != 1 {
				t.Errorf("CreateInstance was called %d times, want 1", n)
			}
			if got := deletionStates(emu, id); !acctest.ContainsInOrder(got, "DeleteInstance", "shutting-down", "terminated") {
				t.Errorf("destroy: emulator saw %v, want DeleteInstance, then shutting-down, then terminated", got)
			}
			if method == huaweicloud.AuthPassword {
				tokens, calls := emu.CallCount("iam.CreateToken"), emu.CallCount("clouddc.ShowInstanceStatus")
				if tokens == 0 || tokens >= calls {
					t.Errorf("IAM issued %d tokens for %d status reads: the token is not cached", tokens, calls)
				}
			}
		})
	}
}

// deletionStates are the DeleteInstance calls and the states that status
// reads answered after the first one, for instance id.
func deletionStates(emu *emulator.Server, id string) []string {
	var out []string
	for _, e := range emu.Log() {
		if !slices.Contains(e.IDs, id) {
			continue
		}
		switch {
		case e.Action == "DeleteInstance":
			out = append(out, "DeleteInstance")
		case len(out) > 0 && e.Action == "ShowInstanceStatus":
			if e.Status == http.StatusNotFound {
				out = append(out, "404")
			} else {
				out = append(out, e.Message)
			}
		}
	}
	return out
}

func TestAccCloudDCInstance_update(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.CloudDC()
	image2 := tg.ID(acctest.EnvCloudDCImageID2, emulator.HuaweiImageID2)
	vpc2 := tg.ID(acctest.EnvCloudDCVPCID2, emulator.HuaweiVPCID2)
	subnet2 := tg.ID(acctest.EnvCloudDCSubnetID2, emulator.HuaweiSubnetID2)
	subnet2IP := tg.ID(acctest.EnvCloudDCSubnet2Address, "192.168.1.50")
	subnet3 := tg.ID(acctest.EnvCloudDCSubnetID3, emulator.HuaweiSubnetID3)
	provider := tg.HuaweiProviderConfig(huaweicloud.AuthAKSK)
	name, renamed := acctest.RandomName("update"), acctest.RandomName("renamed")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	samePrimary := statecheck.CompareValue(compare.ValuesSame())
	var id string
	moved := func(name, image, password, extra string) string {
		return acctest.ConfigCompose(provider, fmt.Sprintf(`
resource "cloudcompute_huaweicloud_clouddc_instance" "test" {
  name               = %[1]q
  image_id           = %[2]q
  vpc_id             = %[3]q
  password_wo        = %[4]q
  network_interfaces = [{ subnet_id = %[5]q }]
%[6]s}
`, name, image, vpc2, password, subnet3, extra))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, instanceConfigAt(ids, name, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					samePrimary.AddStateValue(instanceResourceName, tfjsonpath.New("primary_ip")),
				},
				Check: acctest.CaptureID(instanceResourceName, &id),
			},
			{
				// A second interface and a fixed address: ModifyInstanceIp in place.
				Config: acctest.ConfigCompose(provider, strings.Replace(instanceConfigAt(ids, name, ""),
					fmt.Sprintf("{ subnet_id = %q },", ids.Subnet),
					fmt.Sprintf("{ subnet_id = %q },\n    { subnet_id = %q, ipv4_address = %q },", ids.Subnet, subnet2, subnet2IP), 1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
						// The first interface keeps its address.
						plancheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("primary_ip"), tg.Known(knownvalue.StringExact("192.168.0.10"))),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					samePrimary.AddStateValue(instanceResourceName, tfjsonpath.New("primary_ip")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("network_interfaces").AtSliceIndex(1).AtMapKey("ipv4_address"),
						knownvalue.StringExact(subnet2IP)),
				},
			},
			{
				// Another VPC: every interface moves, the address is allocated there.
				Config: moved(name, ids.Image, testPassword, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(instanceResourceName, tfjsonpath.New("primary_ip")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("primary_ip"), tg.Known(knownvalue.StringExact("10.10.0.10"))),
				},
			},
			{
				// A new image: ReinstallOs in place, with a warning at plan time.
				Config: moved(name, image2, "Reinstall-Passw0rd", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("image_id"), knownvalue.StringExact(image2)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("image_name"), tg.Known(knownvalue.StringExact("Huawei Cloud EulerOS 2.0 64bit"))),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("primary_ip"), tg.Known(knownvalue.StringExact("10.10.0.10"))),
				},
				Check: checkEmulator(tg.Emu, &id, func(v emulator.CloudDCInstanceView) error {
					if v.ImageID != emulator.HuaweiImageID2 || v.Password != "Reinstall-Passw0rd" {
						return fmt.Errorf("after reinstall: %+v", v)
					}
					return nil
				}),
			},
			{
				// A new password with a new version: ChangeInstancePassword in place.
				Config: moved(name, image2, "Changed-Passw0rd", "  password_wo_version = 2\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(2)),
				},
				Check: checkEmulator(tg.Emu, &id, func(v emulator.CloudDCInstanceView) error {
					if v.Password != "Changed-Passw0rd" {
						return fmt.Errorf("after the password change: %+v", v)
					}
					return nil
				}),
			},
			{
				// A new name replaces the instance: the API cannot rename.
				Config: moved(renamed, image2, "Changed-Passw0rd", "  password_wo_version = 2\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("name"), knownvalue.StringExact(renamed)),
				},
			},
		},
	})
	if tg.Emu == nil {
		return
	}
	for action, want := range map[string]int{"clouddc.ModifyInstanceIp": 2, "clouddc.ReinstallOs": 1, "clouddc.ChangeInstancePassword": 1, "clouddc.CreateInstance": 2} {
		if n := tg.Emu.CallCount(action); n != want {
			t.Errorf("%s was called %d times, want %d", action, n, want)
		}
	}
}

func TestAccCloudDCInstance_disappears(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(tg.HuaweiProviderConfig(huaweicloud.AuthToken), instanceConfigAt(tg.CloudDC(), acctest.RandomName("gone"), "")),
			Check: func(s *terraform.State) error {
				id := s.RootModule().Resources[instanceResourceName].Primary.ID
				if tg.Emu == nil {
					return deleteBehindBack(tg, id)
				}
				if !tg.Emu.DeleteCloudDCInstance(id) {
					return fmt.Errorf("instance %s not in the emulator", id)
				}
				return nil
			},
			ExpectNonEmptyPlan: true,
		}},
	})
}

// An instance deleted behind Terraform's back that the API still lists as
// terminated (or "teminated", the old SDK's spelling) is gone too, as is one
// being deleted (shutting-down).
func TestAccCloudDCInstance_terminatedIsGone(t *testing.T) {
	for _, state := range []string{"terminated", "teminated", "shutting-down"} {
		t.Run(state, func(t *testing.T) {
			if state != "shutting-down" {
				acctest.SkipIfReal(t, "forces the state "+state+" (emulator status control)")
			}
			tg := acctest.NewTarget(t, emulator.Options{Durations: emulator.Durations{CloudDCDelete: 2 * time.Second, CloudDCTerminatedVisible: time.Minute}})
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             acctest.CheckGone("cloudcompute_huaweicloud_clouddc_instance", findStatus(tg), terminated),
				Steps: []resource.TestStep{{
					Config: acctest.ConfigCompose(tg.HuaweiProviderConfig(huaweicloud.AuthToken), instanceConfigAt(tg.CloudDC(), acctest.RandomName("term"), "")),
					Check: func(s *terraform.State) error {
						id := s.RootModule().Resources[instanceResourceName].Primary.ID
						if state == "shutting-down" {
							// Deleted behind Terraform's back, with the API.
							c, err := tg.HuaweiClient()
							if err != nil {
								return err
							}
							return c.DeleteInstance(context.Background(), id)
						}
						if !tg.Emu.SetCloudDCInstanceState(id, state) {
							return fmt.Errorf("instance %s not in the emulator", id)
						}
						return nil
					},
					ExpectNonEmptyPlan: true,
				}},
			})
		})
	}
}

// The IAM token expires in the middle of an apply: once because its
// lifetime runs out (the client renews it ahead of time), once because IAM
// revokes it (the 401 renews it once). The apply goes on.
func TestAccCloudDCInstance_tokenExpiresMidApply(t *testing.T) {
	acctest.SkipIfReal(t, "shortens token lifetimes and revokes tokens (emulator IAM control)")
	t.Run("lifetime", func(t *testing.T) {
		// Tokens live 2 s, the create takes 3 s: the provider renews at half-life.
		emu := acctest.StartEmulator(t, emulator.Options{
			Huawei:    emulator.HuaweiOptions{TokenLifetime: 2 * time.Second},
			Durations: emulator.Durations{CloudDCCreate: 3 * time.Second},
		})
		resource.ParallelTest(t, resource.TestCase{
			PreCheck:                 func() { acctest.PreCheck(t) },
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             checkInstancesGone(emu),
			Steps: []resource.TestStep{{
				Config: acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthPassword), instanceConfig("tf-acc-token", emulator.HuaweiImageID, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("running")),
				},
				Check: func(*terraform.State) error {
					renewedDuringCreate := 0
					seenCreate := false
					for _, e := range emu.Log() {
						if e.Action == "CreateInstance" {
							seenCreate = true
						}
						if seenCreate && e.Action == "CreateToken" {
							renewedDuringCreate++
						}
						if seenCreate && e.Action == "ShowInstanceStatus" && e.Message == "running" {
							break
						}
					}
					if renewedDuringCreate == 0 {
						return fmt.Errorf("no token was renewed while the create was waiting: the test proves nothing")
					}
					return nil
				},
			}},
		})
		for _, e := range emu.Log() {
			if e.Status == http.StatusUnauthorized {
				t.Errorf("a request was refused although the token is renewed ahead of time: %+v", e)
			}
		}
	})
	t.Run("revoked", func(t *testing.T) {
		emu := acctest.StartEmulator(t, emulator.Options{})
		resource.ParallelTest(t, resource.TestCase{
			PreCheck:                 func() { acctest.PreCheck(t) },
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             checkInstancesGone(emu),
			Steps: []resource.TestStep{{
				PreConfig: func() {
					// Revoke every token just before the first status read of the create.
					emu.OnceBefore("clouddc.ShowInstanceStatus", func() { emu.ExpireHuaweiTokens() })
				},
				Config: acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthPassword), instanceConfig("tf-acc-revoked", emulator.HuaweiImageID, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("running")),
				},
			}},
		})
		refused := slices.IndexFunc(emu.Log(), func(e emulator.LogEntry) bool {
			return e.Action == "ShowInstanceStatus" && e.Status == http.StatusUnauthorized
		})
		if refused < 0 {
			t.Fatal("no status read was refused: the test proves nothing")
		}
		if next := emu.Log()[refused+1]; next.Action != "CreateToken" || next.Status != http.StatusCreated {
			t.Errorf("after the 401 the emulator saw %+v, want a new token", next)
		}
	})
}

// A share of creates ends failed/error: the apply fails with the API's
// message, the instance stays in state tainted, and the destroy deletes it.
func TestAccCloudDCInstance_createFails(t *testing.T) {
	acctest.SkipIfReal(t, "fails every create on purpose (emulator fault)")
	emu := acctest.StartEmulator(t, emulator.Options{CreateFailRate: 1})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK), instanceConfig("tf-acc-fail", emulator.HuaweiImageID, "")),
				ExpectError: errRe("waiting for CloudDC instance (", ") to be created", "reached failure status", "iMetal.0099: Installing the OS on physical server",
					"the server did not boot from the image", "(create_instance_error)", "marked tainted"),
			},
			{
				// The failed instance is in state and tainted: the plan replaces it.
				Config:             acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK), instanceConfig("tf-acc-fail", emulator.HuaweiImageID, "")),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
	if n := emu.CallCount("clouddc.DeleteInstance"); n != 1 {
		t.Errorf("DeleteInstance was called %d times, want 1 (the failed instance, at destroy)", n)
	}
}

// CreateInstance on a server that is not ready, or with no ready server
// at all, is the API's iMetal.0101, explained.
func TestAccCloudDCInstance_noReadyServer(t *testing.T) {
	acctest.SkipIfReal(t, "seeds servers that are not ready (emulator seeding)")
	emu := acctest.StartEmulator(t, emulator.Options{Huawei: emulator.HuaweiOptions{Servers: []emulator.HuaweiServer{
		{ID: emulator.HuaweiServerID1, Name: "busy", ManageState: "in-use"},
		{ID: emulator.HuaweiServerID2, Name: "frozen", ManageState: "frozen"},
	}}})
	provider := acctest.HuaweiProviderConfig(emu, huaweicloud.AuthToken)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(provider, instanceConfig("tf-acc-noserver", emulator.HuaweiImageID, "")),
				ExpectError: errRe(`creating CloudDC instance "tf-acc-noserver"`, "iMetal.0101 (HTTP 400)", "no server of the project is in manage_state ready",
					"leave server_id unset"),
			},
			{
				Config: acctest.ConfigCompose(provider, instanceConfig("tf-acc-noserver", emulator.HuaweiImageID, fmt.Sprintf("  server_id = %q\n", emulator.HuaweiServerID2))),
				ExpectError: errRe("iMetal.0101 (HTTP 400): Physical servers state is not ready: ["+emulator.HuaweiServerID2+"] (manage_state frozen)",
					"Choose another server_id"),
			},
			{
				// Once a server is ready the same configuration applies, on that server.
				PreConfig: func() { emu.SetHuaweiServerState(emulator.HuaweiServerID1, "ready") },
				Config:    acctest.ConfigCompose(provider, instanceConfig("tf-acc-noserver", emulator.HuaweiImageID, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("server_id"), knownvalue.StringExact(emulator.HuaweiServerID1)),
				},
			},
		},
	})
}

// Every documented constraint is checked at plan time, before any request.
func TestAccCloudDCInstance_validation(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	provider := tg.HuaweiProviderConfig(huaweicloud.AuthToken)
	withPassword := func(pw string) string {
		return strings.Replace(instanceConfig("ok", emulator.HuaweiImageID, ""), testPassword, pw, 1)
	}
	steps := []struct {
		config string
		want   []string
	}{
		{instanceConfig("bad name!", emulator.HuaweiImageID, ""), []string{`may contain only Chinese characters, letters, digits`}},
		{instanceConfig(strings.Repeat("a", 64), emulator.HuaweiImageID, ""), []string{`must be 1 to 63 characters long, got 64`}},
		{instanceConfig("", emulator.HuaweiImageID, ""), []string{`must be 1 to 63 characters long, got 0`}},
		{withPassword("Sh0rt!"), []string{`must be 8 to 26 characters long`}},
		{withPassword("Aa1-" + strings.Repeat("x", 23)), []string{`must be 8 to 26 characters long, got 27`}},
		{withPassword("alllowercase1"), []string{`at least three of`}},
		{withPassword("Passw0rd-root"), []string{`must not contain the administrator's user name`}},
		{withPassword("Passw0rd-Toor"), []string{`must not contain the administrator's user name`}},
		{withPassword("Rotartsinimda-1"), []string{`must not contain the administrator's user name`}},
		{withPassword("Passw0rd-with space"), []string{`may contain only letters, digits and the special characters`}},
		{instanceConfig("ok", emulator.HuaweiImageID, `  description = "`+strings.Repeat("d", 256)+`"`), []string{`at most 255 characters`}},
		{instanceConfig("ok", emulator.HuaweiImageID, `  metadata = {`+metadataPairs(10)+`}`), []string{`metadata`, `must contain at least 1 elements and at most 9`}},
		{instanceConfig("ok", emulator.HuaweiImageID, `  metadata = { "cloudcompute-create-token" = "mine" }`), []string{`metadata`, `cloudcompute-create-token`}},
		{instanceConfig("ok", emulator.HuaweiImageID, `  metadata = { "bad/key" = "v" }`), []string{`must be 1 to 255 letters, digits`}},
		{instanceConfig("ok", emulator.HuaweiImageID, `  server_id = "rack01-node01"`), []string{`is not a UUID`}},
		{strings.Replace(instanceConfig("ok", emulator.HuaweiImageID, ""), fmt.Sprintf("{ subnet_id = %q },", emulator.HuaweiSubnetID),
			`{ subnet_id = "a" }, { subnet_id = "b" }, { subnet_id = "c" },`, 1), []string{`network_interfaces`, `at least 1 elements and at most 2`}},
		{strings.Replace(instanceConfig("ok", emulator.HuaweiImageID, ""), fmt.Sprintf("{ subnet_id = %q },", emulator.HuaweiSubnetID),
			`{ subnet_id = "a", ipv4_address = "192.168.0.300" },`, 1), []string{`is not an IPv4 address`}},
	}
	var testSteps []resource.TestStep
	for _, s := range steps {
		testSteps = append(testSteps, resource.TestStep{
			Config: acctest.ConfigCompose(provider, s.config), PlanOnly: true, ExpectError: errRe(s.want...),
		})
	}
	// A name of Chinese characters is valid.
	testSteps = append(testSteps, resource.TestStep{Config: acctest.ConfigCompose(provider, instanceConfig("数据中心-01", emulator.HuaweiImageID, "")),
		PlanOnly: true, ExpectNonEmptyPlan: true})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    testSteps,
	})
	if tg.Emu != nil {
		if n := len(tg.Emu.Log()); n != 0 {
			t.Errorf("plan-time validation reached the API %d times", n)
		}
	}
}

func metadataPairs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " k%d = \"v\",", i)
	}
	return b.String()
}

func TestAccCloudDCInstance_importBadID(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:        acctest.ConfigCompose(tg.HuaweiProviderConfig(huaweicloud.AuthToken), instanceConfig("tf-acc-import", emulator.HuaweiImageID, "")),
			ResourceName:  instanceResourceName,
			ImportState:   true,
			ImportStateId: "i-12345",
			ExpectError:   errRe(`"i-12345" is not a CloudDC instance id`),
		}},
	})
}

// checkInstancesGone is a CheckDestroy: no instance is left in the
// emulator except terminated ones.
func checkInstancesGone(emu *emulator.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if ids := emu.Inventory()["clouddc_instance"]; len(ids) > 0 {
			v, _ := emu.CloudDCInstance(ids[0])
			return fmt.Errorf("%d instances left in the emulator, for example %+v", len(ids), v)
		}
		return nil
	}
}

// checkEmulator checks the emulator's view of instance *id (nothing
// against a real cloud: emu is nil).
func checkEmulator(emu *emulator.Server, id *string, f func(emulator.CloudDCInstanceView) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if emu == nil {
			return nil
		}
		v, ok := emu.CloudDCInstance(*id)
		if !ok {
			return fmt.Errorf("instance %s not in the emulator", *id)
		}
		return f(v)
	}
}

// errRe matches the parts of an error message in order, whatever the line
// wrapping of Terraform's diagnostics (every space may be a line break).
func errRe(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// An instance found in a failure state (failed, error) is replaced: its
// OS installation failed (after a create that Ctrl-C cut short, whose
// next apply would otherwise wait for that failed build again and again),
// or it failed since. The failed one is deleted first, freeing its server.
func TestAccCloudDCInstance_failedIsReplaced(t *testing.T) {
	for _, state := range []string{"failed", "error"} {
		t.Run(state, func(t *testing.T) {
			acctest.SkipIfReal(t, "forces the state "+state+" (emulator status control)")
			emu := acctest.StartEmulator(t, emulator.Options{})
			config := acctest.ConfigCompose(acctest.HuaweiProviderConfig(emu, huaweicloud.AuthAKSK), instanceConfig(acctest.RandomName("failed"), emulator.HuaweiImageID, ""))
			var first, second string
			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkInstancesGone(emu),
				Steps: []resource.TestStep{
					{Config: config, Check: acctest.CaptureID(instanceResourceName, &first)},
					{
						PreConfig: func() {
							if !emu.SetCloudDCInstanceState(first, state) {
								t.Fatalf("instance %s not in the emulator", first)
							}
						},
						Config: config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionDestroyBeforeCreate),
						}},
						Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &second),
							resource.TestCheckResourceAttr(instanceResourceName, "status", "running"),
							func(*terraform.State) error {
								if second == first {
									return fmt.Errorf("the failed instance %s was kept", first)
								}
								if v, ok := emu.CloudDCInstance(first); ok && v.State != "terminated" && v.State != "shutting-down" {
									return fmt.Errorf("the failed instance %s is still %s", first, v.State)
								}
								return nil
							}),
					},
				},
			})
		})
	}
}
