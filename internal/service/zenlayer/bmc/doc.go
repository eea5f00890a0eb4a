// Package bmc holds the Zenlayer Bare Metal Cloud (BMC) resources and data
// sources: the cloudcompute_zenlayer_bmc_instance resource and the
// cloudcompute_zenlayer_bmc_instances data source.
//
// It owns what is particular to BMC on the Terraform side, one concept a file:
//
//   - instance_resource.go: the resource's type, Create, Read, Update,
//     Delete, ModifyPlan and ValidateConfig;
//   - instance_schema.go: its schema and the BMC rules behind its validators
//     and plan modifiers (names, NIC names, the password policy);
//   - instance_model.go: its model and the conversions from the API
//     (fromAPI) and to the API (createRequest, reinstallRequest);
//   - instance_wait.go: find → status → wait, nothing else;
//   - instance_delete.go: the destroy (a framework.Destroyer: terminate
//     into the recycle bin, wait for RECYCLE, release) and its warnings;
//   - instance_move.go: the move from the official provider's
//     zenlayercloud_bmc_instance (moved blocks): its source, with the
//     attribute table, and the mapping (the resource embeds the
//     framework.Mover made of them);
//   - instance_listing.go: the listing data source (framework.Listing; items are the resource's attributes)
//     and the list resource of terraform query (framework.ListResource), with the filters both take;
//   - catalog_data_sources.go: the catalogue lookups (zones, images, instance types; framework.Lookup);
//   - instance_actions.go: the action cloudcompute_zenlayer_bmc_instance_power
//     (start, stop, reboot on the resource's power and wait functions).
//
// What every resource shares (type name, Configure, import by id, partial
// updates, conversions, listing data sources) comes from internal/framework;
// the API calls, their retries and the create and release guards from
// internal/zenlayer, internal/journal and internal/wait.
//
// It must not import another service package (internal/service/...), the
// Huawei Cloud client (internal/huaweicloud), internal/provider (which
// registers it), the emulator (only its tests use it),
// terraform-plugin-sdk or the standard log package.
package bmc
