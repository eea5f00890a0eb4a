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

// The catalogue lookups answer what their filters select, and an instance
// is created from their answers alone: zone, image, instance type and key
// pair.
func TestAccZECCatalogDataSources_basic(t *testing.T) {
	acctest.SkipIfReal(t, "checks the answers against the emulator's catalogue")
	emu := acctest.StartEmulator(t, emulator.Options{})
	strs := func(v ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, 0, len(v))
		for _, s := range v {
			checks = append(checks, knownvalue.StringExact(s))
		}
		return knownvalue.ListExact(checks)
	}
	ids := func(name, list string, want ...string) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(name, tfjsonpath.New(list), knownvalue.ListExact(func() []knownvalue.Check {
			out := make([]knownvalue.Check, 0, len(want))
			for _, id := range want {
				out = append(out, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}))
			}
			return out
		}()))
	}
	const inst = "cloudcompute_zenlayer_zec_instance.test"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), `
data "cloudcompute_zenlayer_zec_zones" "all" {}

data "cloudcompute_zenlayer_zec_zones" "hong_kong" {
  ids = ["asia-east-1a"]
}

data "cloudcompute_zenlayer_zec_images" "ubuntu" {
  zone_id  = data.cloudcompute_zenlayer_zec_zones.hong_kong.zones[0].id
  category = "Ubuntu"
  name     = "22.04"
}

data "cloudcompute_zenlayer_zec_images" "windows" {
  zone_id = "asia-east-1a"
  os_type = "windows"
}

data "cloudcompute_zenlayer_zec_images" "none" {
  zone_id    = "asia-east-1a"
  image_type = "CUSTOM_IMAGE"
}

data "cloudcompute_zenlayer_zec_instance_types" "small" {
  zone_id       = data.cloudcompute_zenlayer_zec_zones.hong_kong.zones[0].id
  min_cpu_count = 2
  max_memory    = 8
}

data "cloudcompute_zenlayer_zec_instance_types" "out_of_stock" {
  with_stock = false
}

data "cloudcompute_zenlayer_zec_instance_types" "mem4" {
  instance_type = "z2a.mem.4"
}

data "cloudcompute_zenlayer_zec_key_pairs" "acc" {
  name = "accept"
}

data "cloudcompute_zenlayer_zec_key_pairs" "by_id" {
  ids = ["key-demo", "key-example"]
}

data "cloudcompute_zenlayer_zec_key_pairs" "all" {}

resource "cloudcompute_zenlayer_zec_instance" "test" {
  zone_id       = data.cloudcompute_zenlayer_zec_zones.hong_kong.zones[0].id
  instance_type = data.cloudcompute_zenlayer_zec_instance_types.small.instance_types[0].id
  image_id      = data.cloudcompute_zenlayer_zec_images.ubuntu.images[0].id
  key_id        = data.cloudcompute_zenlayer_zec_key_pairs.acc.key_pairs[0].id
  subnet_id     = "subnet-acc"
  name          = "tf-acc-from-lookups"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				ids("data.cloudcompute_zenlayer_zec_zones.all", "zones", "asia-east-1a", "asia-southeast-1a", "eu-west-1a", "na-west-1a"),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_zones.hong_kong", tfjsonpath.New("zones"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("asia-east-1a"), "region_id": knownvalue.StringExact("asia-east-1"),
						"name": knownvalue.StringExact("Hong Kong A"), "time_zone": knownvalue.StringExact("Asia/Hong_Kong"),
						"city_name": knownvalue.StringExact("Hong Kong"), "city_code": knownvalue.StringExact("HKG"),
						"country_code": knownvalue.StringExact("HK"), "country_name": knownvalue.StringExact("Hong Kong"),
						"support_ha_vip": knownvalue.Bool(true),
					}),
				})),
				ids("data.cloudcompute_zenlayer_zec_images.ubuntu", "images", "ubuntu-22.04"),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_images.windows", tfjsonpath.New("images"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("windows-2022"), "name": knownvalue.StringExact("Windows Server 2022 Datacenter 64bit"),
						"image_type": knownvalue.StringExact("PUBLIC_IMAGE"), "image_source": knownvalue.StringExact("OFFICIAL"),
						"size": knownvalue.StringExact("40"), "description": knownvalue.StringExact("Windows Server 2022 Datacenter 64bit"),
						"version": knownvalue.StringExact("Server 2022 Datacenter"), "status": knownvalue.StringExact("AVAILABLE"),
						"nic_network_types": strs("Auto", "FailOver", "VirtioOnly", "VfOnly"),
						"category":          knownvalue.StringExact("Windows"), "os_type": knownvalue.StringExact("windows"),
					}),
				})),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_images.none", tfjsonpath.New("images"), knownvalue.ListSizeExact(0)),
				ids("data.cloudcompute_zenlayer_zec_instance_types.small", "instance_types", "z2a.cpu.2", "z2a.cpu.4"),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_instance_types.out_of_stock", tfjsonpath.New("instance_types"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("z2a.mem.4"), "zone_id": knownvalue.StringExact("eu-west-1a"),
						"name": knownvalue.StringExact("Memory Optimized 4C32G"), "cpu_count": knownvalue.Int64Exact(4),
						"memory": knownvalue.Int64Exact(32), "bps": knownvalue.Int64Exact(4_000_000_000), "pps": knownvalue.Int64Exact(800_000),
						"internet_max_bandwidth_out_limit": knownvalue.Int64Exact(2000), "with_stock": knownvalue.Bool(false),
						"internet_charge_types": strs("ByBandwidth", "ByTrafficPackage", "BandwidthCluster"),
					}),
				})),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_instance_types.mem4", tfjsonpath.New("instance_types"), knownvalue.ListSizeExact(4)),
				ids("data.cloudcompute_zenlayer_zec_key_pairs.acc", "key_pairs", "key-acc"),
				ids("data.cloudcompute_zenlayer_zec_key_pairs.by_id", "key_pairs", "key-demo", "key-example"),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_key_pairs.by_id", tfjsonpath.New("key_pairs").AtSliceIndex(1),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("key-example"), "name": knownvalue.StringExact("example"),
						"public_key":  knownvalue.StringRegexp(regexp.MustCompile(`^ssh-rsa `)),
						"description": knownvalue.StringExact(""), "create_time": knownvalue.StringExact("2025-03-03T08:00:00Z"),
					})),
				statecheck.ExpectKnownValue("data.cloudcompute_zenlayer_zec_key_pairs.all", tfjsonpath.New("key_pairs"), knownvalue.ListSizeExact(len(emulator.ZECKeyPairs))),
				statecheck.ExpectKnownValue(inst, tfjsonpath.New("zone_id"), knownvalue.StringExact("asia-east-1a")),
				statecheck.ExpectKnownValue(inst, tfjsonpath.New("instance_type"), knownvalue.StringExact("z2a.cpu.2")),
				statecheck.ExpectKnownValue(inst, tfjsonpath.New("image_id"), knownvalue.StringExact("ubuntu-22.04")),
				statecheck.ExpectKnownValue(inst, tfjsonpath.New("key_id"), knownvalue.StringExact("key-acc")),
			},
		}},
	})
}

// The API's refusals reach the user: an unknown zone, a filter outside the
// API's enum (refused at plan time), and a missing zone_id.
func TestAccZECCatalogDataSources_refused(t *testing.T) {
	acctest.SkipIfReal(t, "checks the answers against the emulator's catalogue")
	emu := acctest.StartEmulator(t, emulator.Options{})
	cfg := func(body string) string { return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), body) }
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      cfg(`data "cloudcompute_zenlayer_zec_images" "x" { zone_id = "nowhere-1a" }`),
				ExpectError: regexp.MustCompile(`(?s)listing ZEC images.*INVALID_ZONE_NOT_FOUND`),
			},
			{
				Config:      cfg(`data "cloudcompute_zenlayer_zec_instance_types" "x" { zone_id = "nowhere-1a" }`),
				ExpectError: regexp.MustCompile(`(?s)listing ZEC instance types.*INVALID_ZONE_NOT_FOUND`),
			},
			{
				Config:      cfg(`data "cloudcompute_zenlayer_zec_images" "x" {` + "\n" + `zone_id = "asia-east-1a"` + "\n" + `os_type = "Linux"` + "\n}"),
				ExpectError: regexp.MustCompile(`(?s)os_type.*value must be one of`),
			},
			{
				Config:      cfg(`data "cloudcompute_zenlayer_zec_images" "x" {}`),
				ExpectError: regexp.MustCompile(`(?s)"zone_id" is required`),
			},
		},
	})
}

// The documentation's examples apply together against the emulator, whose
// catalogue holds their zone, images, types and key pair.
func TestAccZECCatalogDataSources_examples(t *testing.T) {
	acctest.SkipIfReal(t, "the examples name the emulator's catalogue (zone, images, key pair)")
	emu := acctest.StartEmulator(t, emulator.Options{})
	cfg := acctest.ExamplesConfig(t, acctest.ZenlayerProviderConfig(emu),
		"data-sources/cloudcompute_zenlayer_zec_zones/data-source.tf",
		"data-sources/cloudcompute_zenlayer_zec_images/data-source.tf",
		"data-sources/cloudcompute_zenlayer_zec_instance_types/data-source.tf",
		"data-sources/cloudcompute_zenlayer_zec_key_pairs/data-source.tf",
	)
	const web = "cloudcompute_zenlayer_zec_instance.web"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesGone(emu),
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("zec_zone_ids", knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownOutputValue("ubuntu_image_id", knownvalue.StringExact("ubuntu-24.04")),
				statecheck.ExpectKnownOutputValue("instance_type", knownvalue.StringExact("z2a.cpu.2")),
				statecheck.ExpectKnownValue(web, tfjsonpath.New("instance_type"), knownvalue.StringExact("z2a.cpu.2")),
				statecheck.ExpectKnownValue(web, tfjsonpath.New("image_id"), knownvalue.StringExact("ubuntu-22.04")),
				statecheck.ExpectKnownValue(web, tfjsonpath.New("key_id"), knownvalue.StringExact("key-example")),
			},
		}},
	})
}
