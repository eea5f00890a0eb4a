// Package emulator is a local HTTP server that speaks the wire formats of
// the cloud APIs this provider calls, so that tests, the demo and the
// benchmark run the real provider and the real terraform CLI without a cloud.
//
// It owns:
//
//   - the Zenlayer API 2.0 services ZEC (disks and instances) and BMC (bare
//     metal instances and their catalogue): ZC2-HMAC-SHA256 request signing
//     and its errors, the {"requestId", "response"} envelope and the error
//     bodies and codes (zenlayer*.go, zec*.go, bmc*.go);
//   - Huawei Cloud CloudDC (instances on physical servers) and IAM (project
//     tokens): the API gateway's token and SDK-HMAC-SHA256 authentication and
//     the {error_code, error_msg} bodies (huaweicloud*.go, clouddc*.go);
//   - the asynchronous status machines of every object, played lazily on
//     configurable durations (timeline.go, *_state.go), every documented
//     constraint of the requests (*_validate.go) and the fixed catalogues
//     (*_catalog.go);
//   - rate limits, injected faults (faults_*.go), the request log, the call
//     counters, the inventory and the test knobs (*_fixtures.go, hooks.go).
//
// It follows the API documents, not the provider: every documented
// constraint is enforced, whatever the provider happens to send.
//
// It must not import the provider's client code (internal/zenlayer,
// internal/huaweicloud, internal/transport, internal/service/...): an
// emulator that shares the client's signer or constants cannot catch a
// client that reads the documents wrong. Today zenlayer.go still takes the
// API versions and the signer from internal/zenlayer, and huaweicloud*.go and
// clouddc*.go take the signer, the error codes and the instance states from
// internal/huaweicloud; a later change makes the package independent. Add no
// new such import. Its tests may use the clients, as a provider would.
package emulator
