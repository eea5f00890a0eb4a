package zenlayer

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// CreateTokenTagKey is the tag the provider puts on every object it creates,
// with a value unique to that create. No API 2.0 create takes an
// idempotency token, so after a create whose outcome is unknown (a cut
// connection, a 5xx, an interrupted run) the provider looks the object up
// by this tag instead of creating a second one.
const CreateTokenTagKey = "cloudcompute-create-token" //nolint:gosec // a tag key, not a credential

// NewCreateToken returns a random token for one create.
func NewCreateToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Ambiguous reports whether a failed create may nevertheless have been
// applied: the answer never came (a transport error, the caller's ctx
// ended), or the server failed after it may have acted (5xx, an answer we
// cannot read). A 4xx refusal is not ambiguous.
func Ambiguous(err error) bool {
	if err == nil {
		return false
	}
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.HTTPStatus >= http.StatusInternalServerError || ae.Code == CodeMalformedResponse
	}
	return true
}

// CreateOnce makes a create that must not happen twice. create sends it;
// lookup finds the objects carrying the create's token. After an ambiguous
// failure the objects are looked up first and adopted if they exist; only
// if they surely do not is the create sent again (at most attempts times).
// The lookup runs even when ctx has ended (Ctrl-C), on a short detached
// context, so that an interrupted create is not lost.
func CreateOnce(ctx context.Context, kind string, attempts int, create, lookup func(context.Context) ([]string, error)) ([]string, error) {
	var lastErr error
	for attempt := 1; attempt <= max(attempts, 1); attempt++ {
		ids, err := create(ctx)
		if err == nil || !Ambiguous(err) {
			return ids, err
		}
		lastErr = err
		tflog.Warn(ctx, "create outcome unknown, looking it up by its token", map[string]any{"kind": kind, "attempt": attempt, "error": err.Error()})
		lctx, cancel := ctx, context.CancelFunc(func() {})
		if ctx.Err() != nil {
			lctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		}
		found, lerr := lookup(lctx)
		cancel()
		if lerr != nil {
			return nil, fmt.Errorf("%w; looking the %s up by its create token also failed (%w), so it may exist without being in the state: "+
				"find it by the tag %s and import it", err, kind, lerr, CreateTokenTagKey)
		}
		if len(found) > 0 {
			tflog.Info(ctx, "adopted the object of an ambiguous create", map[string]any{"kind": kind, "ids": found})
			return found, nil
		}
		if ctx.Err() != nil {
			return nil, err
		}
	}
	return nil, lastErr
}
