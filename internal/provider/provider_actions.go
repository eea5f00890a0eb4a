package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/huaweicloud/clouddc"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/bmc"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/service/zenlayer/zec"
)

var _ provider.ProviderWithActions = &CloudComputeProvider{}

// Actions are the provider's actions (terraform apply -invoke, and
// lifecycle.action_trigger; Terraform 1.14 and later). Configure gives
// them the same clients as the resources (ActionData).
func (p *CloudComputeProvider) Actions(_ context.Context) []func() action.Action {
	return []func() action.Action{
		zec.NewInstancePowerAction,
		bmc.NewInstancePowerAction,
		clouddc.NewInstancePowerAction,
	}
}
