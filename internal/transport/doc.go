// Package transport holds what the API clients share on the wire, written
// once for both:
//   - retry.go: the one retry policy (bounded by the ctx's deadline rather
//     than a count; capped exponential backoff with jitter; Retry-After
//     honoured), the rule for which failures are safe to retry, whether a
//     failed create may have been applied (Ambiguous), the User-Agent;
//   - tls.go: the HTTP transport (TLS 1.2+), the insecure switch and
//     certificate errors;
//   - httpconfig.go: HTTPConfig, the HTTP settings both clients' Config
//     embed (timeout, insecure switch, User-Agent, retry policy, clock)
//     and their defaults;
//   - decode.go, answer.go: reading an answer within a size limit, why it
//     could not be decoded, the text of an error answer, NotFoundError, the
//     one shape of the clients' error predicates (ErrorIs), and calls split
//     over bounded id lists (Chunked);
//   - secrets.go: the masking of secrets in logs and error texts.
//
// It imports of the project only internal/wait, and no API client: the
// clients (internal/zenlayer, internal/huaweicloud) import it.
package transport
