package zec_test

import (
	"fmt"
	"regexp"
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

// List resources (terraform query, Terraform 1.14+): Terraform makes three
// data disks and an instance with a password, the emulator holds another
// instance made outside Terraform; the list blocks find them through their
// filters, with their identities and, with include_resource, the resource
// objects an import would hold.

func TestAccZECDisk_List_Basic(t *testing.T) {
	acctest.SkipIfReal(t, "seeds objects outside Terraform into the emulator")
	emu := acctest.StartEmulator(t, emulator.Options{})
	outside := emu.AddZECInstance(testZone, "tf-acc-outside")
	bootDisk := emu.ZECSystemDiskID(outside)
	provider := acctest.ZenlayerProviderConfig(emu)
	diskName := func(i int) knownvalue.Check { return knownvalue.StringExact(fmt.Sprintf("tf-acc-list-%d", i)) }
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.SkipBelowQuery,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{
			{Config: acctest.ConfigCompose(provider, `
resource "cloudcompute_zenlayer_zec_disk" "test" {
  count   = 3
  zone_id = "asia-east-1a"
  name    = "tf-acc-list-${count.index}"
  size    = 20 + 10 * count.index
}
`)},
			{
				Query: true,
				Config: fmt.Sprintf(`
list "cloudcompute_zenlayer_zec_disk" "data" {
  provider         = cloudcompute
  include_resource = true
  config {
    zone_id   = %[1]q
    disk_type = "DATA"
  }
}

list "cloudcompute_zenlayer_zec_disk" "one" {
  provider = cloudcompute
  config {
    name = "tf-acc-list-1"
  }
}

list "cloudcompute_zenlayer_zec_disk" "boot" {
  provider = cloudcompute
  config {
    instance_id = %[2]q
  }
}

list "cloudcompute_zenlayer_zec_disk" "made_by_terraform" {
  provider = cloudcompute
  config {
    tag_keys = ["cloudcompute-create-token"]
  }
}

list "cloudcompute_zenlayer_zec_disk" "no_such_tag" {
  provider = cloudcompute
  config {
    tags = { "cloudcompute-create-token" = "none" }
  }
}
`, testZone, outside),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("cloudcompute_zenlayer_zec_disk.data", 3),
					querycheck.ExpectLength("cloudcompute_zenlayer_zec_disk.one", 1),
					querycheck.ExpectLength("cloudcompute_zenlayer_zec_disk.boot", 1),
					querycheck.ExpectLength("cloudcompute_zenlayer_zec_disk.made_by_terraform", 3),
					querycheck.ExpectLength("cloudcompute_zenlayer_zec_disk.no_such_tag", 0),
					querycheck.ExpectIdentity("cloudcompute_zenlayer_zec_disk.boot", map[string]knownvalue.Check{"id": knownvalue.StringExact(bootDisk)}),
					querycheck.ExpectIdentity("cloudcompute_zenlayer_zec_disk.data", map[string]knownvalue.Check{"id": knownvalue.StringRegexp(regexp.MustCompile(`^disk-`))}),
					querycheck.ExpectResourceDisplayName("cloudcompute_zenlayer_zec_disk.one", queryfilter.ByDisplayName(diskName(1)), diskName(1)),
					querycheck.ExpectResourceKnownValues("cloudcompute_zenlayer_zec_disk.data", queryfilter.ByDisplayName(diskName(2)), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("name"), KnownValue: diskName(2)},
						{Path: tfjsonpath.New("size"), KnownValue: knownvalue.Int64Exact(40)},
						{Path: tfjsonpath.New("disk_type"), KnownValue: knownvalue.StringExact("DATA")},
						{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("AVAILABLE")},
						{Path: tfjsonpath.New("instance_id"), KnownValue: knownvalue.Null()},
						// What an import holds: the defaults of the arguments the API does not report.
						{Path: tfjsonpath.New("release_on_destroy"), KnownValue: knownvalue.Bool(true)},
						{Path: tfjsonpath.New("force_detach"), KnownValue: knownvalue.Bool(false)},
						{Path: tfjsonpath.New("timeouts"), KnownValue: knownvalue.Null()},
					}),
				},
			},
		},
	})
}

func TestAccZECInstance_List_Basic(t *testing.T) {
	acctest.SkipIfReal(t, "seeds objects outside Terraform into the emulator")
	emu := acctest.StartEmulator(t, emulator.Options{})
	outside := emu.AddZECInstance(testZone, "tf-acc-outside")
	provider := acctest.ZenlayerProviderConfig(emu)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.SkipBelowQuery,
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			emu.DeleteZECInstance(outside)
			return checkInstancesGone(emu)(s)
		},
		Steps: []resource.TestStep{
			{Config: acctest.ConfigCompose(provider, passwordInstanceConfig("tf-acc-list", "stopped"))},
			{
				Query: true,
				Config: fmt.Sprintf(`
list "cloudcompute_zenlayer_zec_instance" "all" {
  provider         = cloudcompute
  include_resource = true
  config {
    zone_id = %[1]q
  }
}

list "cloudcompute_zenlayer_zec_instance" "stopped" {
  provider = cloudcompute
  config {
    status = "STOPPED"
  }
}

list "cloudcompute_zenlayer_zec_instance" "limited" {
  provider = cloudcompute
  limit    = 1
}
`, testZone),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("cloudcompute_zenlayer_zec_instance.all", 2),
					querycheck.ExpectLength("cloudcompute_zenlayer_zec_instance.stopped", 1),
					querycheck.ExpectLength("cloudcompute_zenlayer_zec_instance.limited", 1),
					querycheck.ExpectIdentity("cloudcompute_zenlayer_zec_instance.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(outside)}),
					querycheck.ExpectResourceKnownValues("cloudcompute_zenlayer_zec_instance.all",
						queryfilter.ByDisplayName(knownvalue.StringExact("tf-acc-list")), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("STOPPED")},
							{Path: tfjsonpath.New("power_state"), KnownValue: knownvalue.StringExact("stopped")},
							{Path: tfjsonpath.New("password_wo"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("key_id"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("force_shutdown"), KnownValue: knownvalue.Bool(false)},
							{Path: tfjsonpath.New("release_on_destroy"), KnownValue: knownvalue.Bool(true)},
						}),
					querycheck.ExpectResourceKnownValues("cloudcompute_zenlayer_zec_instance.all",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(outside)}), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("tf-acc-outside")},
							{Path: tfjsonpath.New("power_state"), KnownValue: knownvalue.StringExact("running")},
						}),
				},
			},
		},
	})
}
