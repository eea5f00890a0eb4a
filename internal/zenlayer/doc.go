// Package zenlayer is a typed client for Zenlayer Cloud API 2.0: every call
// is a signed POST of a JSON body to /api/v2/<service>, answered with a
// {requestId, response} envelope or a {requestId, code, message} error.
//
// It owns the Zenlayer wire format and every rule about Zenlayer's API:
//   - client.go: Config, New and Call (signing, envelope, retries through
//     internal/transport, answers it cannot use);
//   - signer.go: the ZC2-HMAC-SHA256 signature;
//   - errors.go, bmc_errors.go: APIError, the codes, NotFoundError,
//     BatchError and BMCReleaseError;
//   - zec_disks.go, zec_instances.go, bmc.go: the actions of ZEC and BMC;
//   - find.go: the kinds of object the client finds (disks, ZEC and BMC
//     instances), their Describe and their finders by id and by create token;
//   - zec_catalog.go: the ZEC catalogue lookups and the key pairs (ccs);
//   - describe.go: the one paged Describe loop, the one call of the
//     catalogue lookups (an answer that is one list);
//   - coalesce.go, lookups.go: concurrent lookups and releases sent as one call;
//   - snapshot.go: listings that answer the reads of a refresh;
//   - release.go: the one guard of releases that must not be sent twice;
//   - create.go: the create token that makes creates safe to repeat, and the
//     check of the ids a create answered;
//   - resource_manager.go: tags and resource groups of any resource (zrm, user).
//
// It imports of the project only internal/transport and internal/wait:
// never terraform-plugin-framework, a service package (internal/service/...),
// internal/framework or the emulator. Resources use it; it knows nothing of them.
package zenlayer
