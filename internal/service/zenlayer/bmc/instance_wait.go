package bmc

import (
	"context"
	"errors"
	"time"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// Find → status → wait. The finder is the client's FindBMCInstance (the one
// place that turns the API's not-found into zenlayer's NotFound error);
// instanceFinder (at the end) turns NotFound into wait.Gone (its Refresh); every wait below
// names its Target, Pending and Failure statuses from the API's own
// constants.

// instanceReleasing reports whether a status says the instance is on its
// way out (RELEASING): Terraform no longer manages it. An instance in the
// recycle bin is kept, so that a destroy releases it.
func instanceReleasing(status string) bool { return status == zenlayer.BMCStatusReleasing }

// waitInstance waits until the instance reaches one of target. With
// pending nil, every status outside target and failure counts as in
// progress (the API adds statuses over time); otherwise any other status
// ends the wait with an error naming it.
func waitInstance(ctx context.Context, conn *zenlayer.Client, id, what string, timeout time.Duration, target, pending, failure []string) (*zenlayer.BMCInstance, error) {
	c := instanceFinder.Object(ctx, conn, id, what, timeout, target, failure)
	c.Pending, c.UnknownIsPending = pending, pending == nil
	return wait.Until(ctx, c.WithSharedPolling())
}

// brokenStatuses end a wait for a usable machine: it failed to be built, or
// it is in (or on its way in or out of) the recycle bin.
var brokenStatuses = []string{
	zenlayer.BMCStatusCreateFailed, zenlayer.BMCStatusInstallFailed,
	zenlayer.BMCStatusRecycling, zenlayer.BMCStatusRecycle, zenlayer.BMCStatusReleasing,
}

// waitInstanceCreated waits until a new instance is built: RUNNING, or
// STOPPED (a machine adopted from an earlier run, or whose interrupted
// create is finished, may already have been stopped as its configuration
// asks), failing fast on CREATE_FAILED and INSTALL_FAILED (and on an
// instance terminated meanwhile).
func waitInstanceCreated(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.BMCInstance, error) {
	return waitInstance(ctx, conn, id, "to be created and installed", timeout,
		[]string{zenlayer.BMCStatusRunning, zenlayer.BMCStatusStopped}, nil, brokenStatuses)
}

// waitInstancePowerSettled waits until a transition in progress (installing,
// booting, stopping) has ended in RUNNING or STOPPED.
func waitInstancePowerSettled(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.BMCInstance, error) {
	return waitInstance(ctx, conn, id, "to settle", timeout,
		[]string{zenlayer.BMCStatusRunning, zenlayer.BMCStatusStopped}, nil, brokenStatuses)
}

// waitInstancePower waits for RUNNING or STOPPED after a start or stop.
func waitInstancePower(ctx context.Context, conn *zenlayer.Client, id, target string, timeout time.Duration) (*zenlayer.BMCInstance, error) {
	return waitInstance(ctx, conn, id, "to be "+target, timeout, []string{target}, nil, brokenStatuses)
}

// terminableStatuses are the statuses in which an instance takes the next
// operation of a destroy.
var terminableStatuses = []string{
	zenlayer.BMCStatusRunning, zenlayer.BMCStatusStopped, zenlayer.BMCStatusCreateFailed, zenlayer.BMCStatusInstallFailed,
	zenlayer.BMCStatusRecycle, zenlayer.BMCStatusReleasing, wait.Gone,
}

// waitInstanceTerminable waits until the instance can take the next step of
// a destroy; a nil instance means it is gone.
func waitInstanceTerminable(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.BMCInstance, error) {
	return waitInstance(ctx, conn, id, "to settle before it is terminated", timeout, terminableStatuses, nil, nil)
}

// waitInstanceRecycled waits after TerminateInstance until the instance is
// in the recycle bin (RECYCLE), on its way out (RELEASING) or gone (nil).
// RUNNING or STOPPED, final statuses, mean it was restored meanwhile and
// end the wait; every other status counts as in progress: the API's enum
// has no RECYCLING (the instance is RECYCLE at once), and an interim status
// the destroy did not expect must not fail it.
func waitInstanceRecycled(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.BMCInstance, error) {
	return waitInstance(ctx, conn, id, "to enter the recycle bin", timeout,
		[]string{zenlayer.BMCStatusRecycle, zenlayer.BMCStatusReleasing, wait.Gone}, nil,
		[]string{zenlayer.BMCStatusRunning, zenlayer.BMCStatusStopped})
}

// waitInstanceReleased waits until a released instance is gone (it stays
// RECYCLE meanwhile; any status counts as in progress).
func waitInstanceReleased(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) error {
	_, err := waitInstance(ctx, conn, id, "to be released", timeout, []string{wait.Gone}, nil, nil)
	return err
}

// instanceFinder reads an instance for Read and the waits: one in the
// recycle bin is kept (its destroy releases it), one being released is gone.
var instanceFinder = framework.Finder[zenlayer.Client, zenlayer.BMCInstance]{
	Label: "BMC instance", Read: (*zenlayer.Client).ReadBMCInstance, Find: (*zenlayer.Client).FindBMCInstance, NotFound: zenlayer.IsNotFound,
	Status: func(inst *zenlayer.BMCInstance) string { return inst.InstanceStatus }, Gone: instanceReleasing,
	ID: func(inst *zenlayer.BMCInstance) string { return inst.InstanceID }, Name: func(inst *zenlayer.BMCInstance) string { return inst.InstanceName },
}

// reinstallStartGrace bounds how long waitInstanceReinstalled waits for a
// reinstall to show (INSTALLING) before it takes it as already done.
var reinstallStartGrace = time.Minute

// waitInstanceReinstalled waits after ReinstallInstance: first until the
// machine shows the reinstall (INSTALLING, or INSTALL_FAILED), for at most
// reinstallStartGrace, then until it is RUNNING, failing fast on
// INSTALL_FAILED (the CLI spec of ReinstallInstance: "The status of the
// instance will be INSTALLING during reinstallation ... RUNNING ... has been
// reinstalled successfully; INSTALL_FAILED ... failed").
func waitInstanceReinstalled(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.BMCInstance, error) {
	_, err := waitInstance(ctx, conn, id, "to start its reinstall", min(timeout, reinstallStartGrace),
		[]string{zenlayer.BMCStatusInstalling, zenlayer.BMCStatusInstallFailed}, nil,
		[]string{zenlayer.BMCStatusRecycling, zenlayer.BMCStatusRecycle, zenlayer.BMCStatusReleasing})
	var te *wait.TimeoutError
	if err != nil && !errors.As(err, &te) {
		return nil, err
	}
	return waitInstance(ctx, conn, id, "to be reinstalled", timeout, []string{zenlayer.BMCStatusRunning}, nil, brokenStatuses)
}

// waitInstanceResumedInstall waits for a reinstall that an interrupted run
// sent: until it has ended, RUNNING, or STOPPED (that run may have gone on
// to stop the machine, as its configuration asked), failing fast on
// INSTALL_FAILED.
func waitInstanceResumedInstall(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.BMCInstance, error) {
	return waitInstance(ctx, conn, id, "to be reinstalled", timeout, []string{zenlayer.BMCStatusRunning, zenlayer.BMCStatusStopped}, nil, brokenStatuses)
}

// changeShown is the pseudo status of waitInstanceShows' target.
const changeShown = "(change shown)"

// waitInstanceShows waits until DescribeInstances shows a change that an
// asynchronous action made (a subnet joined or left, a new bandwidth).
func waitInstanceShows(ctx context.Context, conn *zenlayer.Client, id, what string, timeout time.Duration, shown func(*zenlayer.BMCInstance) bool) error {
	status := wait.StatusOf(conn.FindBMCInstance, id, zenlayer.IsNotFound, func(inst *zenlayer.BMCInstance) string {
		if shown(inst) {
			return changeShown
		}
		return instanceFinder.Status(inst)
	})
	c := wait.Object(ctx, "BMC instance", id, what, status, timeout, []string{changeShown},
		[]string{zenlayer.BMCStatusRecycling, zenlayer.BMCStatusRecycle, zenlayer.BMCStatusReleasing, wait.Gone})
	_, err := wait.Until(ctx, c.WithSharedPolling())
	return err
}
