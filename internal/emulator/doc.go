// Package emulator is a local HTTP server that speaks the wire formats of
// the cloud APIs this provider calls, so that tests, the demo and the
// benchmark run the real provider and the real terraform CLI without a cloud.
//
// It owns:
//
//   - the Zenlayer API 2.0 services ZEC (disks and instances) and BMC (bare
//     metal instances and their catalogue): ZC2-HMAC-SHA256 request signing
//     and its errors, the {"requestId", "response"} envelope, the error
//     bodies and codes, page-number paging and tags;
//   - Huawei Cloud CloudDC (instances on physical servers) and IAM (project
//     tokens): the API gateway's token and SDK-HMAC-SHA256 authentication,
//     the {error_code, error_msg} bodies and marker paging;
//   - the asynchronous status machines of every object, played lazily on
//     configurable durations, every documented constraint of the requests,
//     and the fixed catalogues (zones, types, images, subnets, servers);
//   - rate limits, injected faults, the request log, the call counters, the
//     inventory and the test knobs that change the world behind the
//     provider's back.
//
// It follows the API documents, not the provider: every documented
// constraint is enforced, whatever the provider happens to send.
//
// The files of each API (zec, bmc, clouddc) follow one shape: <api>.go is
// the backend (its state, action table or routes); <api>_catalog.go the
// fixed catalogue; <api>_requests.go the request bodies; <api>_<objects>.go
// an object and its wire form, with _state.go its status machine,
// _handlers.go its actions and _validate.go the checks of their requests;
// <api>_fixtures.go the exported test knobs.
// zenlayer*.go are what ZEC and BMC share (envelope, signature, Describe
// paging and id filters, tags), huaweicloud*.go the gateway, IAM and the
// Huawei options; faults_*.go the fault kinds and rules, their injection,
// the hostile answers and async-fail; timeline.go, fixtures.go, inspect.go,
// hooks.go and options.go serve every API.
//
// It must not import the provider's client code (internal/zenlayer,
// internal/huaweicloud, internal/transport, internal/service/...), nor any
// other package of the project: an emulator that shares the client's signer
// or constants cannot catch a client that reads the documents wrong. It
// verifies ZC2-HMAC-SHA256 (zenlayer_auth.go) and SDK-HMAC-SHA256
// (huaweicloud_sign.go) with its own code, and keeps its own tables of API
// versions, statuses and error codes, each citing the SDK file and field
// (or the API document) it comes from. internal/provider/imports_test.go
// enforces the rule. Its tests may use the clients, as a provider would.
package emulator
