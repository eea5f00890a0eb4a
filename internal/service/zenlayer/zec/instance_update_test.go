package zec_test

import (
	"fmt"
	"regexp"
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

// instanceUpdateConfig is an instance with the arguments of issue #14.
func instanceUpdateConfig(emu *emulator.Server, itype, image, sg string, forward bool, version int, extra string) string {
	return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_instance" "test" {
  zone_id               = "asia-east-1a"
  instance_type         = %[1]q
  image_id              = %[2]q
  subnet_id             = "subnet-acc"
  name                  = "tf-acc-update14"
  security_group_id     = %[3]q
  enable_ip_forwarding  = %[4]t
  password_wo           = "Tf-acc-Passw0rd"
  password_wo_version   = %[5]d
  user_data             = "#!/bin/sh\necho hello"
  lan_ip                = "10.0.9.9"
  nested_virtualization = true
  public_network = {
    internet_charge_type = "ByBandwidth"
    bandwidth            = 10
    network_line_type    = "PremiumBGP"
  }
%[6]s}
`, itype, image, sg, forward, version, extra))
}

// Create with the new arguments; then each in-place change (security
// group, IP forwarding, type, password rotation, image) is an Update of the
// same instance, never a replacement; drift of what the API reports is
// planned back.
func TestAccZECInstance_inPlaceChanges(t *testing.T) {
	acctest.SkipIfReal(t, "reads the emulator's record of the instance")
	emu := acctest.StartEmulator(t, emulator.Options{})
	var id string
	update := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate)}}
	details := func(check func(v emulator.ZECInstanceView, d emulator.ZECInstanceDetail) error) resource.TestCheckFunc {
		return func(*terraform.State) error {
			v, ok := emu.ZECInstance(id)
			d, _ := emu.ZECInstanceDetails(id)
			if !ok {
				return fmt.Errorf("instance %s is gone", id)
			}
			return check(v, d)
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: instanceUpdateConfig(emu, "z2a.cpu.1", "ubuntu-22.04", "sg-a", false, 1, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("lan_ip"), knownvalue.StringExact("10.0.9.9")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("nested_virtualization"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("enable_agent"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("enable_ip_forwarding"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("public_ip_addresses"), knownvalue.ListSizeExact(1)),
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(instanceResourceName, &id),
					details(func(v emulator.ZECInstanceView, d emulator.ZECInstanceDetail) error {
						if d.UserData != "#!/bin/sh\necho hello" || d.Network["internetChargeType"] != "ByBandwidth" ||
							d.Network["networkLineType"] != "PremiumBGP" || d.SecurityGroupID != "sg-a" || !d.NestedVirtualization {
							return fmt.Errorf("the emulator's instance is %+v", d)
						}
						return nil
					})),
			},
			{
				// Security group, IP forwarding, type and password: in place.
				Config:           instanceUpdateConfig(emu, "z2a.cpu.2", "ubuntu-22.04", "sg-b", true, 2, ""),
				ConfigPlanChecks: update,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("instance_type"), knownvalue.StringExact("z2a.cpu.2")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("cpu"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("security_group_id"), knownvalue.StringExact("sg-b")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("enable_ip_forwarding"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("power_state"), knownvalue.StringExact("running")),
				},
				Check: details(func(v emulator.ZECInstanceView, d emulator.ZECInstanceDetail) error {
					if v.ID != id || v.InstanceType != "z2a.cpu.2" || v.Status != "RUNNING" || d.SecurityGroupID != "sg-b" ||
						!d.EnableIPForward || d.PasswordResets != 1 || d.Resets != 0 {
						return fmt.Errorf("the emulator's instance is %+v %+v", v, d)
					}
					return nil
				}),
			},
			{
				// The image: a reinstall in place, with a warning in the plan.
				Config:           instanceUpdateConfig(emu, "z2a.cpu.2", "debian-12", "sg-b", true, 2, ""),
				ConfigPlanChecks: update,
				Check: details(func(v emulator.ZECInstanceView, d emulator.ZECInstanceDetail) error {
					if v.ID != id || v.ImageID != "debian-12" || v.Status != "RUNNING" || d.Resets != 1 || d.PasswordResets != 1 {
						return fmt.Errorf("the emulator's instance is %+v %+v", v, d)
					}
					return nil
				}),
			},
			{
				// Drift of what the API reports is planned back, in place.
				PreConfig: func() {
					emu.SetZECInstanceSecurityGroup(id, "sg-drift")
					emu.SetZECInstanceIPForward(id, false)
					emu.SetZECInstanceStatus(id, "STOPPED")
					emu.SetZECInstanceType(id, "z2a.cpu.4")
					emu.SetZECInstanceStatus(id, "RUNNING")
				},
				Config:           instanceUpdateConfig(emu, "z2a.cpu.2", "debian-12", "sg-b", true, 2, ""),
				ConfigPlanChecks: update,
				Check: details(func(v emulator.ZECInstanceView, d emulator.ZECInstanceDetail) error {
					if v.ID != id || v.InstanceType != "z2a.cpu.2" || d.SecurityGroupID != "sg-b" || !d.EnableIPForward || v.Status != "RUNNING" {
						return fmt.Errorf("the emulator's instance is %+v %+v", v, d)
					}
					return nil
				}),
			},
			{
				// A stopped instance's password rotation starts it and stops it again.
				Config:           instanceUpdateConfig(emu, "z2a.cpu.2", "debian-12", "sg-b", true, 3, "  power_state = \"stopped\"\n"),
				ConfigPlanChecks: update,
				Check: details(func(v emulator.ZECInstanceView, d emulator.ZECInstanceDetail) error {
					if v.Status != "STOPPED" || d.PasswordResets != 2 {
						return fmt.Errorf("the emulator's instance is %+v %+v", v, d)
					}
					return nil
				}),
			},
		},
	})
}

// Windows and Generic images take neither a password nor a key pair.
func TestAccZECInstance_noLoginImages(t *testing.T) {
	acctest.SkipIfReal(t, "uses the emulator's Windows and Generic images")
	emu := acctest.StartEmulator(t, emulator.Options{})
	config := func(image, login string) string {
		return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_instance" "test" {
  zone_id       = "asia-east-1a"
  instance_type = "z2a.cpu.2"
  image_id      = %[1]q
  subnet_id     = "subnet-acc"
  name          = "tf-acc-nologin"
  system_disk   = { size = 40 }
%[2]s}
`, image, login))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("windows-2022", "  password_wo = \"Tf-acc-Passw0rd\"\n"), ExpectError: regexp.MustCompile(`(?s)supports\s+neither.*leave\s+both\s+unset`)},
			{Config: config("ubuntu-22.04", ""), ExpectError: regexp.MustCompile(`(?s)password or keyId.*needs\s+password_wo\s+or\s+key_id`)},
			{
				Config: config("windows-2022", ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("key_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("status"), knownvalue.StringExact("RUNNING")),
				},
			},
		},
	})
}
