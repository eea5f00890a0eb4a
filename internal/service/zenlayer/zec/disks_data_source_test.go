package zec_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

func TestAccZECDisksDataSource_filters(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	instance := emu.AddZECInstance(testZone, "tf-acc-ds-host")
	boot := emu.ZECSystemDiskID(instance)
	config := acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), `
resource "cloudcompute_zenlayer_zec_disk" "a" {
  zone_id = "asia-east-1a"
  name    = "tf-acc-ds-alpha"
  size    = 20
}

resource "cloudcompute_zenlayer_zec_disk" "b" {
  zone_id = "asia-east-1a"
  name    = "tf-acc-ds-beta"
  size    = 30
}

data "cloudcompute_zenlayer_zec_disks" "by_ids" {
  ids = [cloudcompute_zenlayer_zec_disk.b.id, cloudcompute_zenlayer_zec_disk.a.id]
}

data "cloudcompute_zenlayer_zec_disks" "by_name" {
  name       = "ds-alpha"
  depends_on = [cloudcompute_zenlayer_zec_disk.a, cloudcompute_zenlayer_zec_disk.b]
}

data "cloudcompute_zenlayer_zec_disks" "system" {
  zone_id    = "asia-east-1a"
  disk_type  = "SYSTEM"
  depends_on = [cloudcompute_zenlayer_zec_disk.a]
}

data "cloudcompute_zenlayer_zec_disks" "none" {
  ids = []
}
`)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksGone(emu),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_disks.by_ids", tfjsonpath.New("disks"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_disks.by_name", tfjsonpath.New("disks"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"name": knownvalue.StringExact("tf-acc-ds-alpha"), "size": knownvalue.Int64Exact(20),
							"status": knownvalue.StringExact("AVAILABLE"), "disk_type": knownvalue.StringExact("DATA"),
						}),
					})),
					statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_disks.system", tfjsonpath.New("disks"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.StringExact(boot), "portable": knownvalue.Bool(false), "instance_id": knownvalue.StringExact(instance),
						}),
					})),
					statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_disks.none", tfjsonpath.New("disks"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}

func TestAccZECDisksDataSource_validation(t *testing.T) {
	emu := acctest.StartEmulator(t, emulator.Options{})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), `
data "cloudcompute_zenlayer_zec_disks" "bad" {
  status = "SLEEPING"
}
`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)status.*value must be one of`),
			},
		},
	})
}
