package bmc_test

import (
	"context"
	"fmt"
	"strings"
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

// instanceConfigWith is instanceConfigAt with extra arguments.
func instanceConfigWith(ids acctest.BMCIDs, name, extra string) string {
	return strings.Replace(instanceConfigAt(ids, name, "running"), "\n}\n", "\n"+extra+"}\n", 1)
}

func bmcTags(c *zenlayer.Client, id string) (*zenlayer.TagAssociation, error) {
	i, err := c.FindBMCInstance(context.Background(), id)
	if err != nil {
		return nil, err
	}
	return i.Tags, nil
}

// tags and tags_all: created with them, changed in place (zrm
// ModifyResourceTags), drift shown, default_tags merged, import.
func TestAccBMCInstance_tags(t *testing.T) {
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.BMC()
	name := acctest.RandomName("tags")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: acctest.TagSteps(tg, instanceResourceName, ignoreIfReal(tg, "key_id"), func(provider, tags string) string {
			return acctest.ConfigCompose(provider, instanceConfigWith(ids, name, tags))
		}, bmcTags),
	})
}

// Moving an instance to another resource group is in place (user
// AddResourceResourceGroup): the machine is not reinstalled.
func TestAccBMCInstance_resourceGroup(t *testing.T) {
	acctest.SkipIfReal(t, "needs a second resource group")
	tg := acctest.NewTarget(t, emulator.Options{})
	ids := tg.BMC()
	name := acctest.RandomName("rg")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	group := func(g string) string { return fmt.Sprintf("  resource_group_id = %q\n", g) }
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkInstancesDestroyed(tg),
		Steps: []resource.TestStep{
			{
				Config:            acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigWith(ids, name, group("rg-one"))),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(instanceResourceName, tfjsonpath.New("id"))},
			},
			{
				Config: acctest.ConfigCompose(tg.ZenlayerProviderConfig(), instanceConfigWith(ids, name, group("rg-two"))),
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
