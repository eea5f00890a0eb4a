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

// snapshot_id of a snapshot that does not exist fails the create with the
// API's error; bursting_enabled is created, read back, and its drift plans
// a new disk (no API call changes it).
func TestAccZECDisk_snapshotAndBursting(t *testing.T) {
	acctest.SkipIfReal(t, "reads and changes the emulator's disk")
	emu := acctest.StartEmulator(t, emulator.Options{})
	config := func(extra string) string {
		return acctest.ConfigCompose(acctest.ZenlayerProviderConfig(emu), fmt.Sprintf(`
resource "cloudcompute_zenlayer_zec_disk" "test" {
  zone_id = %[1]q
  name    = "tf-acc-bursting"
  size    = 40
%[2]s}
`, testZone, extra))
	}
	var id string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config("  snapshot_id = \"snap-missing\"\n"),
				ExpectError: regexp.MustCompile(`(?s)INVALID_SNAPSHOT_NOT_FOUND.*snap-missing`),
			},
			{
				Config: config("  bursting_enabled = true\n"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("bursting_enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("snapshot_id"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(acctest.CaptureID(diskResourceName, &id), func(*terraform.State) error {
					if on, ok := emu.ZECDiskBursting(id); !ok || !on {
						return fmt.Errorf("the emulator's disk %s has bursting %v (present %v)", id, on, ok)
					}
					return nil
				}),
			},
			{
				PreConfig: func() { emu.SetZECDiskBursting(id, false) },
				Config:    config("  bursting_enabled = true\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(diskResourceName, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("bursting_enabled"), knownvalue.Bool(true)),
				},
			},
		},
	})
}
