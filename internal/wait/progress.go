package wait

import (
	"context"
	"time"
)

// Progress is what a wait reports when the status it polls changes: an
// action (terraform apply -invoke) shows it to the user as it happens.
type Progress struct {
	// Operation is the wait's Operation ("ZEC instance zi-1 to stop (STOPPED)").
	Operation string
	// Status is the new status (Gone when the object is not found).
	Status string
	// Previous is the status before it ("" on the first poll).
	Previous string
	// Elapsed is the time since the wait began.
	Elapsed time.Duration
}

type progressKey struct{}

// WithProgress returns ctx whose waits call report each time the status
// they poll changes (the first poll included). Every wait made with ctx
// or a ctx derived from it reports: a caller that reuses a resource's
// waits (start, stop) gets their progress without changing them.
func WithProgress(ctx context.Context, report func(Progress)) context.Context {
	return context.WithValue(ctx, progressKey{}, report)
}

// reportProgress calls the ctx's progress function, if any, when status
// differs from previous.
func reportProgress(ctx context.Context, operation, previous, status string, elapsed time.Duration) {
	report, ok := ctx.Value(progressKey{}).(func(Progress))
	if !ok || report == nil || status == previous {
		return
	}
	report(Progress{Operation: operation, Status: status, Previous: previous, Elapsed: elapsed})
}
