package acctest

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// tagsAre checks a map attribute: exactly these entries (nil: null).
func tagsAre(name, attr string, want map[string]string) statecheck.StateCheck {
	if want == nil {
		return statecheck.ExpectKnownValue(name, tfjsonpath.New(attr), knownvalue.Null())
	}
	checks := map[string]knownvalue.Check{}
	for k, v := range want {
		checks[k] = knownvalue.StringExact(v)
	}
	return statecheck.ExpectKnownValue(name, tfjsonpath.New(attr), knownvalue.MapExact(checks))
}

// checkAPITags: the object carries exactly want and the create token.
func checkAPITags(tg *Target, name string, find func(c *zenlayer.Client, id string) (*zenlayer.TagAssociation, error), want map[string]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[name]
		if !ok {
			return fmt.Errorf("%s not in state", name)
		}
		tags, err := find(tg.MustZenlayerClient(), rs.Primary.ID)
		if err != nil {
			return err
		}
		got := zenlayer.TagMap(tags)
		if got[zenlayer.CreateTokenTagKey] == "" {
			return fmt.Errorf("%s: the create token tag is gone: %v", name, got)
		}
		delete(got, zenlayer.CreateTokenTagKey)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("%s: the API has tags %v, want %v", name, got, want)
		}
		return nil
	}
}

// TagSteps are the steps every taggable Zenlayer resource's tags test
// runs: create with tags and default_tags, change tags (add, change,
// remove), drift (a tag changed behind Terraform's back shows in the
// plan and is put back), default_tags alone changed (an update of tags_all
// only), import (tags read back).
func TagSteps(tg *Target, name string, importIgnore []string, config func(provider, tags string) string,
	apiTags func(c *zenlayer.Client, id string) (*zenlayer.TagAssociation, error),
) []resource.TestStep {
	defaults := map[string]string{"env": "test", "owner": "team-a"}
	provider := WithZenlayerDefaultTags(tg.ZenlayerProviderConfig(), defaults)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	update := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(name, plancheck.ResourceActionUpdate)}}
	tags1 := map[string]string{"app": "web", "owner": "team-b"}
	tags2 := map[string]string{"app": "api", "tier": "1"}
	var id string
	return []resource.TestStep{
		{
			Config: config(provider, HCLTags(tags1)),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(name, tfjsonpath.New("id")),
				tagsAre(name, "tags", tags1),
				tagsAre(name, "tags_all", map[string]string{"app": "web", "env": "test", "owner": "team-b"}),
			},
			Check: resource.ComposeTestCheckFunc(CaptureID(name, &id),
				checkAPITags(tg, name, apiTags, map[string]string{"app": "web", "env": "test", "owner": "team-b"})),
		},
		{
			// Add, change and remove tags in place.
			Config:           config(provider, HCLTags(tags2)),
			ConfigPlanChecks: update,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(name, tfjsonpath.New("id")),
				tagsAre(name, "tags", tags2),
				tagsAre(name, "tags_all", map[string]string{"app": "api", "env": "test", "owner": "team-a", "tier": "1"}),
			},
			Check: checkAPITags(tg, name, apiTags, map[string]string{"app": "api", "env": "test", "owner": "team-a", "tier": "1"}),
		},
		{
			// A tag changed and one added behind Terraform's back show in the plan.
			PreConfig: func() {
				if err := tg.MustZenlayerClient().ModifyResourceTags(context.Background(), id, map[string]string{"app": "changed", "extra": "x"}, nil); err != nil {
					panic(err)
				}
			},
			Config:             config(provider, HCLTags(tags2)),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		},
		{
			// And the next apply puts them back.
			Config:           config(provider, HCLTags(tags2)),
			ConfigPlanChecks: update,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(name, tfjsonpath.New("id")),
				tagsAre(name, "tags", tags2),
			},
			Check: checkAPITags(tg, name, apiTags, map[string]string{"app": "api", "env": "test", "owner": "team-a", "tier": "1"}),
		},
		{
			// default_tags alone changed: an update of tags_all only.
			Config: config(WithZenlayerDefaultTags(tg.ZenlayerProviderConfig(), map[string]string{"env": "prod"}), HCLTags(tags2)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(name, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(name, tfjsonpath.New("tags_all"), knownvalue.MapExact(map[string]knownvalue.Check{
					"app": knownvalue.StringExact("api"), "env": knownvalue.StringExact("prod"), "tier": knownvalue.StringExact("1"),
				})),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(name, tfjsonpath.New("id")),
				tagsAre(name, "tags", tags2),
				tagsAre(name, "tags_all", map[string]string{"app": "api", "env": "prod", "tier": "1"}),
			},
			Check: checkAPITags(tg, name, apiTags, map[string]string{"app": "api", "env": "prod", "tier": "1"}),
		},
		{
			// Tags removed from the configuration: only the defaults remain.
			Config:           config(WithZenlayerDefaultTags(tg.ZenlayerProviderConfig(), map[string]string{"env": "prod"}), ""),
			ConfigPlanChecks: update,
			ConfigStateChecks: []statecheck.StateCheck{
				tagsAre(name, "tags", nil),
				tagsAre(name, "tags_all", map[string]string{"env": "prod"}),
			},
			Check: checkAPITags(tg, name, apiTags, map[string]string{"env": "prod"}),
		},
		{
			Config: config(provider, HCLTags(tags2)),
			Check:  checkAPITags(tg, name, apiTags, map[string]string{"app": "api", "env": "test", "owner": "team-a", "tier": "1"}),
		},
		{
			ResourceName:            name,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: importIgnore,
		},
	}
}
