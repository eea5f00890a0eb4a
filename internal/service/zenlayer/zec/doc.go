// Package zec owns the Zenlayer Elastic Compute (ZEC) resources and data
// sources: cloudcompute_zenlayer_zec_disk and cloudcompute_zenlayer_zec_instance,
// cloudcompute_zenlayer_zec_disks and cloudcompute_zenlayer_zec_instances.
//
// Each resource <thing> (disk, instance) has the same files:
//
//   - <thing>_resource.go: the type (framework.ResourceBase, framework.WithImportByID),
//     Create, Read, Update, Delete and the plan-time checks (ModifyPlan,
//     ValidateConfig, ConfigValidators);
//   - <thing>_schema.go: the schema and its own validators and plan modifiers;
//   - <thing>_model.go: the model and its conversions from the API (fromAPI)
//     and to it (the create request built from the plan);
//   - <thing>_wait.go: status functions and waiters only (find → status → wait;
//     the finders are the API client's);
//   - <thing>_delete.go: the destroy orchestration (detach, release, recycle bin).
//
// A data source is one file (<things>_data_source.go) whose Read is framework.ReadList.
//
// It talks to the cloud only through the Zenlayer API client (internal/zenlayer),
// and shares with the other services only internal/framework, internal/conns,
// internal/journal and internal/wait. It must not import another service
// package (internal/service/...), nor the emulator (internal/emulator) outside
// its tests.
package zec
