package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// Resource identity (Terraform 1.12+): a ZEC id is unique in the account
// the credentials belong to, so the identity is the id alone.

func TestAccZECDisk_Identity_Basic(t *testing.T) {
	acctest.SkipIfReal(t, "runs on the emulator only (not yet written against acctest.NewTarget)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.SkipBelowIdentity,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: acctest.IdentityTest{
			ResourceName: diskResourceName,
			Config:       acctest.ConfigCompose(provider, diskConfig("tf-acc-identity", 20, "")),
			Updated:      acctest.ConfigCompose(provider, diskConfig("tf-acc-identity-renamed", 40, "")),
			Provider:     provider,
		}.Steps(),
	})
}

// The instance logs in with a write-only password: the generated
// configuration cannot know it (it writes null), and plans no change all
// the same.
func TestAccZECInstance_Identity_Basic(t *testing.T) {
	acctest.SkipIfReal(t, "runs on the emulator only (not yet written against acctest.NewTarget)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	provider := acctest.ZenlayerProviderConfig(emu)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.SkipBelowIdentity,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: acctest.IdentityTest{
			ResourceName: instanceResourceName,
			Config:       acctest.ConfigCompose(provider, passwordInstanceConfig("tf-acc-identity", "running")),
			Updated:      acctest.ConfigCompose(provider, passwordInstanceConfig("tf-acc-identity-renamed", "stopped")),
			Provider:     provider,
		}.Steps(),
	})
}

// passwordInstanceConfig is an instance that logs in with a password.
func passwordInstanceConfig(name, powerState string) string {
	return fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_instance" "test" {
  zone_id       = %[1]q
  instance_type = "z2a.cpu.1"
  image_id      = "ubuntu-22.04"
  subnet_id     = "subnet-acc"
  name          = %[2]q
  password_wo   = "Tf-acc-Passw0rd"
  power_state   = %[3]q
}
`, testZone, name, powerState)
}
