package zec_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
)

// An imported disk adopts force_detach, release_on_destroy and timeouts
// without a call; the plan before is a no-op import.
func TestAccZECDisk_importAdoptsWithoutChanges(t *testing.T) {
	acctest.SkipIfReal(t, "seeds the disk to import into the emulator and reads its call log")
	emu := acctest.StartEmulator(t, emulator.Options{})
	id := emu.AddZECDisk(testZone, "tf-acc-imported", 40)
	config := func(extra string) string {
		return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
import {
  to = cloudcompute_zenlayer_zec_disk.test
  id = %[1]q
}

resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id = %[2]q
  name    = "tf-acc-imported"
  size    = 40
%[3]s
}
`, id, testZone, extra))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: acctest.ImportAdoptionSteps(emu, diskResourceName, config, `  force_detach       = true
  release_on_destroy = false
  snapshot_id        = "snap-adopted"
  timeouts = {
    delete = "30m"
  }`,
			statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("id"), knownvalue.StringExact(id)),
			statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("snapshot_id"), knownvalue.StringExact("snap-adopted")),
			statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("force_detach"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("release_on_destroy"), knownvalue.Bool(false)),
		),
	})
	if _, ok := emu.ZECDisk(id); !ok {
		t.Errorf("the imported disk %s is gone", id)
	}
}

// An imported instance adopts force_shutdown, release_on_destroy and
// timeouts without a call; with only its write-only password besides its
// own attributes, the import is a no-op.
func TestAccZECInstance_importAdoptsWithoutChanges(t *testing.T) {
	acctest.SkipIfReal(t, "seeds the instance to import into the emulator and reads its call log")
	emu := acctest.StartEmulator(t, emulator.Options{})
	id := emu.AddZECInstance(testZone, "tf-acc-imported")
	config := func(extra string) string {
		return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
data "cloudcompute_zenlayer_zec_instances" "seed" {
  ids = [%[1]q]
}

locals {
  seed = data.cloudcompute_zenlayer_zec_instances.seed.instances[0]
}

import {
  to = cloudcompute_zenlayer_zec_instance.test
  id = %[1]q
}

resource "cloudcompute_zenlayer_zec_instance" "test" {
  zone_id       = local.seed.zone_id
  instance_type = local.seed.instance_type
  image_id      = local.seed.image_id
  subnet_id     = local.seed.subnet_id
  name          = local.seed.name
  password_wo   = "Tf-acc-Passw0rd"
%[2]s
}
`, id, extra))
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: acctest.ImportAdoptionSteps(emu, instanceResourceName, config, `  force_shutdown      = true
  release_on_destroy  = false
  password_wo_version = 3
  user_data           = "#!/bin/sh\necho adopted"
  public_network = {
    internet_charge_type = "ByBandwidth"
    bandwidth            = 20
  }
  timeouts = {
    delete = "30m"
  }`,
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(3)),
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("user_data"), knownvalue.StringExact("#!/bin/sh\necho adopted")),
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("public_network").AtMapKey("bandwidth"), knownvalue.Int64Exact(20)),
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("id"), knownvalue.StringExact(id)),
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("force_shutdown"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("release_on_destroy"), knownvalue.Bool(false)),
		),
	})
	if v, ok := emu.ZECInstance(id); !ok || v.Status != "RUNNING" {
		t.Errorf("the imported instance %s is %+v (present %v), want it running", id, v, ok)
	}
}
