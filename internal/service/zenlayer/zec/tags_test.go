package zec_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/emulator"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/provider/acctest"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

func diskTags(c *zenlayer.Client, id string) (*zenlayer.TagAssociation, error) {
	d, err := c.FindDisk(context.Background(), id)
	if err != nil {
		return nil, err
	}
	return d.Tags, nil
}

func TestAccZECDisk_tags(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	zone := tg.ID(acctest.EnvZECZoneID, testZone)
	name := acctest.RandomName("tags")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksDestroyed(tg),
		Steps: acctest.TagSteps(tg, diskResourceName, nil, func(provider, tags string) string {
			return acctest.ConfigCompose(provider, diskConfigAt(zone, name, 20, tags))
		}, diskTags),
	})
}

// Moving a disk to another resource group is in place (the resource
// manager's AddResourceResourceGroup); the disk stays.
func TestAccZECDisk_resourceGroup(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	acctest.SkipIfReal(t, "needs a second resource group")
	zone := tg.ID(acctest.EnvZECZoneID, testZone)
	name := acctest.RandomName("rg")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	group := func(g string) string { return fmt.Sprintf("  resource_group_id = %q\n", g) }
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDisksDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config:            acctest.ConfigCompose(tg.ZenlayerProviderConfig(), diskConfigAt(zone, name, 20, group("rg-one"))),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(diskResourceName, tfjsonpath.New("id"))},
			},
			{
				Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), diskConfigAt(zone, name, 20, group("rg-two"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(diskResourceName, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(diskResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(diskResourceName, tfjsonpath.New("resource_group_id"), knownvalue.StringExact("rg-two")),
				},
				Check: checkDiskInEmulator(tg.Emu, func(d emulator.ZECDiskView) error {
					if n := tg.Emu.CallCount("user.AddResourceResourceGroup"); n != 1 {
						return fmt.Errorf("AddResourceResourceGroup called %d times, want 1", n)
					}
					return nil
				}),
			},
		},
	})
}

func instanceTags(c *zenlayer.Client, id string) (*zenlayer.TagAssociation, error) {
	i, err := c.FindZECInstance(context.Background(), id)
	if err != nil {
		return nil, err
	}
	return i.Tags, nil
}

func TestAccZECInstance_tags(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	name := acctest.RandomName("tags")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: acctest.TagSteps(tg, instanceResourceName, []string{"force_shutdown", "release_on_destroy", "timeouts"},
			func(provider, tags string) string {
				return acctest.ConfigCompose(provider, instanceConfigAt(ids, name, "running", tags))
			}, instanceTags),
	})
}

// Moving an instance to another resource group is in place.
func TestAccZECInstance_resourceGroup(t *testing.T) {
	acctest.SkipIfReal(t, "needs a second resource group")
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.ZEC()
	name := acctest.RandomName("rg")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	group := func(g string) string { return fmt.Sprintf("  resource_group_id = %q\n", g) }
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config:            acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(ids, name, "running", group("rg-one"))),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id"))},
			},
			{
				Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigAt(ids, name, "running", group("rg-two"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceResourceName, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(instanceResourceName, tfjsonpath.New("resource_group_id"), knownvalue.StringExact("rg-two")),
				},
			},
		},
	})
}
