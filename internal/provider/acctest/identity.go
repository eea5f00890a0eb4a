package acctest

import (
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// SkipBelowIdentity skips a test below Terraform 1.12, the first to store
// resource identities and import by them.
var SkipBelowIdentity = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}

// IdentityTest is the identity test of one resource type, in the shape of
// terraform-provider-aws's generated identity tests: after the create, the
// identity holds the id and the other identity values, and its id matches
// the state's; an update in place keeps it; importing the object by id
// with the command, by id with an import block, and by identity with an
// import block each end in an empty plan.
type IdentityTest struct {
	// ResourceName is the resource's address ("cloudcompute_zenlayer_zec_disk.test").
	ResourceName string
	// Config creates the object (with the provider block).
	Config string
	// Updated changes it in place ("": no update step).
	Updated string
	// Identity checks the identity values beside "id".
	Identity map[string]knownvalue.Check
	// ImportStateVerifyIgnore are the attributes an import by command
	// cannot read back (arguments the API does not report).
	ImportStateVerifyIgnore []string
	// Provider is the provider block alone: with it, a last step imports
	// the object by identity into a configuration Terraform generates
	// (plan -generate-config-out, as terraform query -generate-config-out
	// writes it), which must plan no change.
	Provider string
}

// Steps are the test's steps.
func (it IdentityTest) Steps() []resource.TestStep {
	identity := map[string]knownvalue.Check{"id": knownvalue.NotNull()}
	for k, v := range it.Identity {
		identity[k] = v
	}
	sameID := statecheck.CompareValue(compare.ValuesSame())
	identityChecks := func() []statecheck.StateCheck {
		return []statecheck.StateCheck{
			sameID.AddStateValue(it.ResourceName, tfjsonpath.New("id")),
			statecheck.ExpectIdentity(it.ResourceName, identity),
			statecheck.ExpectIdentityValueMatchesState(it.ResourceName, tfjsonpath.New("id")),
		}
	}
	steps := []resource.TestStep{{Config: it.Config, ConfigStateChecks: identityChecks()}}
	if it.Updated != "" {
		steps = append(steps, resource.TestStep{
			Config: it.Updated,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(it.ResourceName, plancheck.ResourceActionUpdate)},
			},
			ConfigStateChecks: identityChecks(),
		})
	}
	importPlan := resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectKnownValue(it.ResourceName, tfjsonpath.New("id"), knownvalue.NotNull()),
	}}
	steps = append(steps,
		resource.TestStep{
			ResourceName: it.ResourceName, ImportState: true, ImportStateKind: resource.ImportCommandWithID,
			ImportStateVerify: true, ImportStateVerifyIgnore: it.ImportStateVerifyIgnore,
		},
		resource.TestStep{
			ResourceName: it.ResourceName, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
			ImportPlanChecks: importPlan,
		},
		resource.TestStep{
			ResourceName: it.ResourceName, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
			ImportPlanChecks: importPlan,
		},
	)
	if it.Provider != "" {
		steps = append(steps, resource.TestStep{
			Config:       it.Provider,
			ResourceName: it.ResourceName, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
			GenerateConfig: true,
		})
	}
	return steps
}

// SkipBelowQuery skips a test below Terraform 1.14, the first with list
// resources and terraform query.
var SkipBelowQuery = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}
