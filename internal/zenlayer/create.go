package zenlayer

import (
	"fmt"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// CreateTokenTagKey is the tag the provider puts on every object it creates,
// with a value unique to that create. No API 2.0 create takes an
// idempotency token, so after a create whose outcome is unknown (a cut
// connection, a 5xx, an interrupted run) the provider looks the object up
// by this tag instead of creating a second one (see internal/journal).
const CreateTokenTagKey = "cloudcompute-create-token" //nolint:gosec // a tag key, not a credential

// CreateTokenTags is the tag set of a create marked with token.
func CreateTokenTags(token string) *TagAssociation {
	return &TagAssociation{Tags: []Tag{{Key: CreateTokenTagKey, Value: token}}}
}

// CreateTokenHint tells a person how to find an object of a create.
func CreateTokenHint(token string) string {
	return "find it by its tag " + CreateTokenTagKey + " = " + token + " (console or DescribeInstances/DescribeDisks with that tag) and import it with terraform import, or release it"
}

// answeredIDs checks the ids a create answered: a create that asked for
// want objects (what: "disks", "instances") and was answered another number
// of ids fails, its error naming the ids, and order, the order number of
// the answer, when it is given. The create returns the ids with the error,
// so that its caller can keep track of them.
func answeredIDs(svc Service, action string, want int, what string, ids []string, order ...string) error {
	if len(ids) == want {
		return nil
	}
	answered := fmt.Sprint(ids)
	if len(order) > 0 {
		answered += ", order " + order[0]
	}
	return fmt.Errorf("zenlayer %s %s: asked for %d %s, the API answered %d ids (%s)", svc.Name, action, want, what, len(ids), answered)
}

// Ambiguous reports whether a failed create may nevertheless have been
// applied (transport.Ambiguous): after such an error the object is looked
// up by its create token, never sent again.
// INVALID_OPERATION_TIMEOUT is ambiguous whatever its HTTP status: the back
// end timed out after it may have acted.
func Ambiguous(err error) bool {
	return transport.Ambiguous(err) || HasCode(err, CodeOperationTimeout)
}

// AnswerStatus is the HTTP status of the answer, and whether it could not be read.
func (e *APIError) AnswerStatus() (int, bool) { return e.HTTPStatus, e.Code == CodeMalformedResponse }

// Scope names the endpoint and account the client works on: a create
// record is adopted only by a create in the same scope.
func (c *Client) Scope() string { return "zenlayer " + c.endpoint + " " + c.cfg.AccessKeyID }
