package zenlayer

import (
	"context"

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
// applied (transport.Ambiguous): after such an error the object is looked
// up by its create token before the create is ever sent again.
func Ambiguous(err error) bool { return transport.Ambiguous(err) }

// AnswerStatus is the HTTP status of the answer, and whether it could not be read.
func (e *APIError) AnswerStatus() (int, bool) { return e.HTTPStatus, e.Code == CodeMalformedResponse }

// CreateOnce makes a create that must not happen twice (journal.CreateOnce
// with this API's ambiguity rule): after an ambiguous failure the objects
// carrying the create's token are looked up and adopted before any re-send.
func CreateOnce(ctx context.Context, kind string, attempts int, create, lookup func(context.Context) ([]string, error)) ([]string, error) {
	return journal.CreateOnce(ctx, kind, attempts, Ambiguous, "find it by the tag "+CreateTokenTagKey+" and import it", create, lookup)
}
