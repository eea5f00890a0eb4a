package zec

import (
	"context"
	"slices"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// instanceGoneStatuses are the statuses of an instance on its way out or in
// the recycle bin: Terraform no longer manages such an instance.
var instanceGoneStatuses = []string{zenlayer.InstanceStatusReleasing, zenlayer.InstanceStatusRecycling, zenlayer.InstanceStatusRecycle}

// instanceReleased reports whether an instance's status says it is being
// released or is in the recycle bin.
func instanceReleased(status string) bool {
	return slices.Contains(instanceGoneStatuses, status)
}

// instanceInBin reports whether an instance's status says it is on its way
// into or in the recycle bin, from where a release frees it.
func instanceInBin(status string) bool {
	return status == zenlayer.InstanceStatusRecycling || status == zenlayer.InstanceStatusRecycle
}

// instanceStarting reports whether a status means "starting": the
// StartInstances document says STARTING, the DescribeInstances enum BOOTING.
func instanceStarting(status string) bool {
	return status == zenlayer.InstanceStatusStarting || status == zenlayer.InstanceStatusBooting
}

// waitInstance waits until the instance reaches one of target, failing at
// once on one of failure, on the provider's shared polling schedule. Every
// other status counts as in progress: the API adds transitional statuses
// over time.
func waitInstance(ctx context.Context, conn *zenlayer.Client, id, what string, timeout time.Duration, target, failure []string) (*zenlayer.Instance, error) {
	return wait.Until(ctx, instanceFinder.Object(ctx, conn, id, what, timeout, target, failure).WithSharedPolling())
}

// waitInstanceCreated waits for PENDING → DEPLOYING → RUNNING and fails
// fast on CREATE_FAILED. STOPPED counts as built too: an instance adopted
// from an earlier run, or whose interrupted create is finished, may already
// have been stopped as its configuration asks.
func waitInstanceCreated(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.Instance, error) {
	return waitInstance(ctx, conn, id, "to be created (RUNNING)", timeout,
		[]string{zenlayer.InstanceStatusRunning, zenlayer.InstanceStatusStopped}, []string{zenlayer.InstanceStatusCreateFailed})
}

// instanceUnusable are the statuses in which an instance takes no power or
// rename operation: waiting would not help.
var instanceUnusable = []string{
	zenlayer.InstanceStatusCreateFailed, zenlayer.InstanceStatusReinstallFailed,
	zenlayer.InstanceStatusReleasing, zenlayer.InstanceStatusRecycling, zenlayer.InstanceStatusRecycle,
}

// waitInstanceSettled waits until the instance is RUNNING or STOPPED, so that
// it accepts the next operation.
func waitInstanceSettled(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.Instance, error) {
	return waitInstance(ctx, conn, id, "to finish its current operation (RUNNING or STOPPED)", timeout,
		[]string{zenlayer.InstanceStatusRunning, zenlayer.InstanceStatusStopped}, instanceUnusable)
}

// waitInstanceReleasable waits until the instance can be released (or
// needs no release): RUNNING, STOPPED, failed, in the recycle bin or gone.
func waitInstanceReleasable(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.Instance, error) {
	return waitInstance(ctx, conn, id, "to finish its current operation before release", timeout,
		[]string{zenlayer.InstanceStatusRunning, zenlayer.InstanceStatusStopped, zenlayer.InstanceStatusCreateFailed,
			zenlayer.InstanceStatusReinstallFailed, zenlayer.InstanceStatusRecycle, wait.Gone}, nil)
}

// currentStatus reads an instance's status for an error message.
func currentStatus(ctx context.Context, conn *zenlayer.Client, id string) string {
	return instanceFinder.Current(ctx, conn, id)
}

// instanceFinder reads an instance for Read and the waits (an instance in
// the recycle bin is kept while a destroy that left it there is unfinished).
var instanceFinder = framework.Finder[zenlayer.Client, zenlayer.Instance]{
	Label: "ZEC instance", Read: (*zenlayer.Client).ReadZECInstance, Find: (*zenlayer.Client).FindZECInstance, NotFound: zenlayer.IsNotFound,
	Status: func(inst *zenlayer.Instance) string { return inst.Status }, Gone: instanceReleased, InBin: instanceInBin,
	ID: func(inst *zenlayer.Instance) string { return inst.InstanceID }, Name: func(inst *zenlayer.Instance) string { return inst.InstanceName },
}
