package framework

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Destroyer makes the function with which a resource's Delete destroys
// object id (release: its release_on_destroy; timeout: the delete timeout,
// which bounds ctx too); the Zenlayer resources use it (CloudDC waits for
// its own deletable states). Every destroy first waits until the object takes
// its first call (settle, whose answer is nil once the object is gone): an
// error, or an object already gone, ends it there (Deletable). steps then
// destroys the object found, with every error and warning in diags. Each
// step must be safe to repeat, so that the next run finishes a destroy cut
// short, and a call that is not (a release, a terminate) is sent once: its
// client reads a lost answer back instead of sending it again.
func Destroyer[C, T any](label string, settle func(ctx context.Context, conn *C, id string, timeout time.Duration) (*T, error),
	steps func(ctx context.Context, conn *C, obj *T, release bool, timeout time.Duration, diags *diag.Diagnostics),
) func(ctx context.Context, conn *C, id string, release bool, timeout time.Duration) diag.Diagnostics {
	return func(ctx context.Context, conn *C, id string, release bool, timeout time.Duration) diag.Diagnostics {
		var diags diag.Diagnostics
		if obj, err := settle(ctx, conn, id, timeout); Deletable(ctx, &diags, label, id, obj, err) {
			steps(ctx, conn, obj, release, timeout, &diags)
		}
		return diags
	}
}
