package framework

import (
	"context"
	"fmt"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// The waits of a resource's object, from its Finder: the status function
// of its Find (wait.StatusOf), the usual wait for it (wait.Object) and its
// status for an error message.

// Refresh is the status function of object id: f.Find, its not-found
// error seen as wait.Gone, and f.Status. A Finder made for Read alone (no
// Find) has no waits: its Refresh answers that error instead of panicking.
func (f Finder[C, T]) Refresh(conn *C, id string) wait.StatusFunc[*T] {
	find := func(ctx context.Context, id string) (*T, error) {
		if f.Find == nil {
			return nil, fmt.Errorf("internal error: the Finder of %s has no Find, so it cannot wait", f.Label)
		}
		return f.Find(conn, ctx, id)
	}
	return wait.StatusOf(find, id, f.NotFound, f.Status)
}

// Object is the usual wait for object id (wait.Object with Refresh):
// until it reaches one of target, failing at once on one of failure.
func (f Finder[C, T]) Object(ctx context.Context, conn *C, id, what string, timeout time.Duration, target, failure []string) wait.Config[*T] {
	return wait.Object(ctx, f.Label, id, what, f.Refresh(conn, id), timeout, target, failure)
}

// Current is object id's status now, for an error message: "gone" when it
// is not found, "unknown" when it cannot be read.
func (f Finder[C, T]) Current(ctx context.Context, conn *C, id string) string {
	_, status, err := f.Refresh(conn, id)(ctx)
	switch {
	case err != nil:
		return "unknown"
	case status == wait.Gone:
		return "gone"
	}
	return status
}
