package clouddc

import (
	"context"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// find → status → wait of CloudDC instances. The finder is the client's
// FindInstance (ListInstances by id), the one place that turns the API's
// not-found into a *huaweicloud.NotFoundError; the status function reads
// ShowInstanceStatus, and the waiters name their states from the client's
// State constants.

// Poll intervals: the emulator's transitions take a fraction of a second,
// the real API's (an OS install on a physical server) many minutes; start
// small and back off to a calm pace.
var (
	pollMin = 500 * time.Millisecond
	pollMax = 30 * time.Second
)

// instanceStates reads an instance's state for the waits (Find, no Read:
// instanceFinder reads the instance for Read) with ShowInstanceStatus; a
// NotFound is wait.Gone, and the old "teminated" spelling is terminated.
var instanceStates = framework.Finder[huaweicloud.Client, huaweicloud.InstanceStatus]{
	Label: "CloudDC instance", Find: (*huaweicloud.Client).ShowInstanceStatus, NotFound: huaweicloud.IsNotFound,
	Status: func(st *huaweicloud.InstanceStatus) string {
		if huaweicloud.IsTerminated(st.State) {
			return huaweicloud.StateTerminated
		}
		return st.State
	},
}

// instanceState is a listed instance's state.
func instanceState(inst *huaweicloud.Instance) string { return inst.State }

// instanceGone reports whether a listed instance's state says it is
// deleted or being deleted.
func instanceGone(state string) bool {
	return huaweicloud.IsTerminated(state) || state == huaweicloud.StateShuttingDown
}

// failureDetail is the API's account of a failure, for the error message.
func failureDetail(st *huaweicloud.InstanceStatus) string {
	if st == nil || st.Error == nil {
		return ""
	}
	return st.Error.String()
}

// waitInstance waits until the instance reaches one of target. Every
// state outside target, failed and error counts as in progress: the API's
// sources disagree on the state list and it grows.
func waitInstance(ctx context.Context, conn *huaweicloud.Client, id, what string, timeout time.Duration, target ...string) (*huaweicloud.InstanceStatus, error) {
	c := instanceStates.Object(ctx, conn, id, what, timeout, target, []string{huaweicloud.StateFailed, huaweicloud.StateError})
	c.FailureDetail, c.MinInterval, c.MaxInterval = failureDetail, pollMin, pollMax
	return wait.Until(ctx, c)
}

// waitInstanceCreated waits until a new instance is built: running, or
// stopped (an instance adopted from an earlier run, or whose interrupted
// create is finished, may already have been powered off as its
// configuration asks), failing on failed and error.
func waitInstanceCreated(ctx context.Context, conn *huaweicloud.Client, id string, timeout time.Duration) (*huaweicloud.InstanceStatus, error) {
	return waitInstance(ctx, conn, id, "to be running", timeout, huaweicloud.StateRunning, huaweicloud.StateStopped)
}

// deletableStates are the states in which DeleteInstance is accepted.
var deletableStates = []string{huaweicloud.StatePending, huaweicloud.StateRunning, huaweicloud.StateStopped, huaweicloud.StateFailed, huaweicloud.StateError}

// waitDeletable waits until the instance can be deleted, is being deleted
// or is gone: an operation in progress (reinstalling, modifyIping,
// stopping) must end first.
func waitDeletable(ctx context.Context, conn *huaweicloud.Client, id string, timeout time.Duration) (*huaweicloud.InstanceStatus, string, error) {
	var last string
	st, err := wait.Until(ctx, wait.Config[*huaweicloud.InstanceStatus]{
		Operation: "CloudDC instance " + id + " to finish its current operation before deletion",
		Target: append([]string{huaweicloud.StateShuttingDown, huaweicloud.StateTerminated, wait.Gone},
			deletableStates...),
		UnknownIsPending: true,
		Refresh:          instanceStates.Refresh(conn, id),
		Timeout:          timeout,
		MinInterval:      pollMin,
		MaxInterval:      pollMax,
		OnPoll:           func(_ int, status string) { last = status },
	})
	return st, last, err
}

// instanceFinder reads an instance back for Read.
var instanceFinder = framework.Finder[huaweicloud.Client, huaweicloud.Instance]{
	Label: "CloudDC instance", Read: (*huaweicloud.Client).FindInstance, NotFound: huaweicloud.IsNotFound, Status: instanceState, Gone: instanceGone,
	ID: func(inst *huaweicloud.Instance) string { return inst.ID }, Name: func(inst *huaweicloud.Instance) string { return inst.Name },
}
