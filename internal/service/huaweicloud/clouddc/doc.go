// Package clouddc holds the Huawei Cloud CloudDC resource
// cloudcompute_huaweicloud_clouddc_instance and the data sources
// cloudcompute_huaweicloud_clouddc_instances and _servers, in the
// provider's one shape:
//
//   - instance_resource.go: the resource's type, Create, Read, Update,
//     Delete, ImportState (instance UUIDs only) and ModifyPlan;
//   - instance_schema.go: its schema and the validators of its attributes;
//   - instance_model.go: its model and the conversions from the API's
//     instances and to the API's requests;
//   - instance_wait.go: the Finders (Read's, FindInstance, and the waits',
//     ShowInstanceStatus; both are the client's) and the waiters (find →
//     status → wait);
//   - instance_listing.go: the listing (framework.Listing: filters and the call; items are the resource's attributes)
//     and the list resource of terraform query (framework.ListResource), with the filters both take;
//   - instance_identity.go: the identity's project and region, beside the id;
//   - instance_password.go: password_wo asked for where the API uses it;
//   - instance_power_tags.go: power_state (ChangeServerPowerState on the
//     instance's server), tags and tags_all (set on the server, the only
//     object CloudDC tags) and the refusal of changes that need a running
//     instance on one that stays stopped;
//   - servers_data_source.go: cloudcompute_huaweicloud_clouddc_servers, a
//     framework.Lookup of ListServers;
//   - validators.go: the rules of the CreateInstance document (names,
//     passwords, ids), written once for both schemas and their tests;
//   - instance_actions.go: the action
//     cloudcompute_huaweicloud_clouddc_instance_power (ChangeServerPowerState
//     on the instance's physical server, waiting on instance_wait.go).
//
// It is built on internal/framework, internal/conns, internal/wait,
// internal/journal and the Huawei Cloud client (internal/huaweicloud). It
// must not import another cloud's client (internal/zenlayer), another
// service package, the provider package, the emulator (only its tests do)
// or terraform-plugin-sdk.
package clouddc
