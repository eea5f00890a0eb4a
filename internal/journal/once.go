package journal

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// NewToken returns a random token for one create.
func NewToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// CreateOnce makes a create that must not happen twice, for an API with no
// idempotency token. create sends it (the object carries the create's
// token); lookup finds the objects carrying that token. After a failure
// that ambiguous says may nevertheless have been applied (the answer never
// came, a 5xx, an answer that cannot be read) the objects are looked up
// first and adopted if they exist; only if they surely do not is the create
// sent again (at most attempts times). findHint tells the user how to find
// the object if even the lookup fails. The lookup runs even when ctx has
// ended (Ctrl-C), on a short detached context, so that an interrupted
// create is not lost.
func CreateOnce(ctx context.Context, kind string, attempts int, ambiguous func(error) bool, findHint string,
	create, lookup func(context.Context) ([]string, error)) ([]string, error) {
	var lastErr error
	for attempt := 1; attempt <= max(attempts, 1); attempt++ {
		ids, err := create(ctx)
		if err == nil || !ambiguous(err) {
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
			return nil, fmt.Errorf("%w; looking the %s up by its create token also failed (%w), so it may exist without being in the state: %s",
				err, kind, lerr, findHint)
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
