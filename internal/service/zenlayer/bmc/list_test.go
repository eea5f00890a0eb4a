package bmc_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// List resources (terraform query, Terraform 1.14+): a machine made by
// Terraform with a write-only password and one made outside it; a machine
// being released is left out, as the resource would drop it.
func TestAccBMCInstance_List_Basic(t *testing.T) {
	acctest.SkipIfReal(t, "seeds objects outside Terraform into the emulator")
	emu := acctest.StartEmulator(t, emulator.Options{})
	outside := emu.AddBMCInstance(testZone, "tf-acc-outside")
	releasing := emu.AddBMCInstance(testZone, "tf-acc-releasing")
	emu.SetBMCInstanceStatus(releasing, "RELEASING")
	provider := acctest.ZenlayerProviderConfig(emu)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.SkipBelowQuery,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			emu.DeleteBMCInstance(outside)
			emu.DeleteBMCInstance(releasing)
			return checkInstancesGone(emu)(s)
		},
		Steps: []resource.TestStep{
			{Config: acctest.ConfigCompose(provider, fmt.Sprintf(`
resource "cloudcompute_zenlayer_bmc_instance" "test" {
  zone_id          = %[1]q
  instance_type_id = %[2]q
  image_id         = %[3]q
  name             = "tf-acc-list"
  password_wo      = "Tf-acc-Passw0rd"
}
`, testZone, testType, testImage))},
			{
				Query: true,
				Config: fmt.Sprintf(`
list "cloudcompute_zenlayer_bmc_instance" "all" {
  provider         = cloudcompute
  include_resource = true
  config {
    zone_id = %[1]q
  }
}

list "cloudcompute_zenlayer_bmc_instance" "prefix" {
  provider = cloudcompute
  config {
    name = "tf-acc-out*"
  }
}

list "cloudcompute_zenlayer_bmc_instance" "made_by_terraform" {
  provider = cloudcompute
  config {
    tag_keys = ["cloudcompute-create-token"]
  }
}
`, testZone),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("cloudcompute_zenlayer_bmc_instance.all", 2),
					querycheck.ExpectLength("cloudcompute_zenlayer_bmc_instance.prefix", 1),
					querycheck.ExpectLength("cloudcompute_zenlayer_bmc_instance.made_by_terraform", 1),
					querycheck.ExpectIdentity("cloudcompute_zenlayer_bmc_instance.prefix", map[string]knownvalue.Check{"id": knownvalue.StringExact(outside)}),
					querycheck.ExpectNoIdentity("cloudcompute_zenlayer_bmc_instance.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(releasing)}),
					querycheck.ExpectResourceKnownValues("cloudcompute_zenlayer_bmc_instance.all",
						queryfilter.ByDisplayName(knownvalue.StringExact("tf-acc-list")), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("image_id"), KnownValue: knownvalue.StringExact(testImage)},
							{Path: tfjsonpath.New("password_wo"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("ssh_keys"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("power_state"), KnownValue: knownvalue.StringExact("running")},
							{Path: tfjsonpath.New("release_on_destroy"), KnownValue: knownvalue.Bool(true)},
						}),
				},
			},
		},
	})
}
