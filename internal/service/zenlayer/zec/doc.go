// Package zec owns the Zenlayer Elastic Compute (ZEC) resources
// cloudcompute_zenlayer_zec_disk and cloudcompute_zenlayer_zec_instance and
// the data sources cloudcompute_zenlayer_zec_disks and
// cloudcompute_zenlayer_zec_instances.
//
// Each resource <thing> (disk, instance) is the same set of files:
//
//   - <thing>_resource.go: the type (framework.ResourceBase brings
//     Metadata, Configure, the identity and ImportState),
//     Create, Read, Update, Delete, the plan-time checks (ModifyPlan,
//     ValidateConfig, ConfigValidators) and the steps of Update (detach;
//     start, stop). Updates save what succeeded with framework.Partial;
//   - <thing>_schema.go: the schema and its own validators and plan modifiers;
//   - <thing>_model.go: the model and its conversions, from the API (fromAPI)
//     and to it (createRequest, the create request built from the plan);
//   - <thing>_wait.go: the Finder (Read's and the waits' reads; the finders
//     are the API client's) and the waiters only (find → status → wait);
//   - release_delete.go: the destroy of both (framework.Destroyer: detach a
//     disk, release, and release again from the recycle bin, written once
//     for both in releaseThroughBin);
//   - <thing>_move.go: the move from the official provider's
//     zenlayercloud_zec_<thing> (moved blocks): its source, with the
//     attribute table, and the mapping (the resource embeds the
//     framework.Mover made of them).
//
// A resource's data source and its list resource (terraform query) are one
// file, <thing>_listing.go, with the filters both take (one model, one
// framework.Filters table, one request): the data source is a
// framework.Listing of its filters and its one API call, its items the
// resource's own attributes, made by the resource's fromAPI (sorted by
// id); the list resource is a framework.ListResource of its filters and
// its one paged API call, its results made by the resource's Identify and
// Read conversion.
// catalog_data_sources.go holds the lookups of objects that are no
// resource's (framework.Lookup): cloudcompute_zenlayer_zec_zones, _images,
// _instance_types and _key_pairs.
// instance_validate_more.go checks the public network fields together
// at plan time and explains a create the API refused for its login.
//
// instance_actions.go holds the action cloudcompute_zenlayer_zec_instance_power
// (start, stop, reboot), built on the instance's start and stop steps and
// its waits.
//
// The package talks to the cloud only through the Zenlayer API client
// (internal/zenlayer), and shares code with the rest of the provider only
// through internal/framework, internal/conns, internal/journal and
// internal/wait. It must not import another service package
// (internal/service/...), nor the emulator (internal/emulator) outside its
// tests.
package zec
