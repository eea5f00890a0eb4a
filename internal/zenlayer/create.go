package zenlayer

import (
	"context"
	"errors"
	"net/http"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/journal"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// CreateTokenTagKey is the tag the provider puts on every object it creates,
// with a value unique to that create. No API 2.0 create takes an
// idempotency token, so after a create whose outcome is unknown (a cut
// connection, a 5xx, an interrupted run) the provider looks the object up
// by this tag instead of creating a second one.
const CreateTokenTagKey = "cloudcompute-create-token" //nolint:gosec // a tag key, not a credential

// Ambiguous reports whether a failed create may nevertheless have been
// applied: the answer never came (a transport error, the caller's ctx
// ended), or the server failed after it may have acted (5xx, an answer we
// cannot read). A 4xx refusal is not ambiguous.
func Ambiguous(err error) bool {
	if err == nil || transport.IsCertificateError(err) {
		return false // an untrusted certificate: the request was never sent
	}
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.HTTPStatus >= http.StatusInternalServerError || ae.Code == CodeMalformedResponse
	}
	return true
}

// CreateOnce makes a create that must not happen twice (journal.CreateOnce
// with this API's ambiguity rule): after an ambiguous failure the objects
// carrying the create's token are looked up and adopted before any re-send.
func CreateOnce(ctx context.Context, kind string, attempts int, create, lookup func(context.Context) ([]string, error)) ([]string, error) {
	return journal.CreateOnce(ctx, kind, attempts, Ambiguous, "find it by the tag "+CreateTokenTagKey+" and import it", create, lookup)
}
