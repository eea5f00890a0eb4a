package zec

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/framework"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/zenlayer"
)

// diskSettledStatuses are the statuses in which a disk accepts operations.
var diskSettledStatuses = []string{zenlayer.DiskStatusAvailable, zenlayer.DiskStatusInUse}

// waitDisk waits until the disk reaches one of target. Every status not in
// target and not FAILED counts as in progress: the API adds transitional
// statuses (SNAPSHOT_CREATING, ROLLING_BACK, ...) over time.
func waitDisk(ctx context.Context, conn *zenlayer.Client, id, what string, timeout time.Duration, target ...string) (*zenlayer.Disk, error) {
	return wait.Until(ctx, diskFinder.Object(ctx, conn, id, what, timeout, target, []string{zenlayer.DiskStatusFailed}).WithSharedPolling())
}

// waitDiskSettled waits until the disk is AVAILABLE or IN_USE (or gone,
// which is reported as a *wait error wrapping wait.ErrGone).
func waitDiskSettled(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.Disk, error) {
	return waitDisk(ctx, conn, id, "to settle", timeout, diskSettledStatuses...)
}

// waitDiskReleasable waits until the disk can be released (or needs no
// release): AVAILABLE, IN_USE (to be detached first), RECYCLED, FAILED or gone.
func waitDiskReleasable(ctx context.Context, conn *zenlayer.Client, id string, timeout time.Duration) (*zenlayer.Disk, error) {
	return wait.Until(ctx, wait.Config[*zenlayer.Disk]{
		Operation: "ZEC disk " + id + " to settle before release",
		Target: []string{zenlayer.DiskStatusAvailable, zenlayer.DiskStatusInUse, zenlayer.DiskStatusRecycled,
			zenlayer.DiskStatusFailed, wait.Gone},
		UnknownIsPending: true,
		Refresh:          diskFinder.Refresh(conn, id),
		Timeout:          timeout,
	}.WithSharedPolling())
}

// waitDiskResized waits until the resize has landed: the status is settled
// and the size is the new one.
func waitDiskResized(ctx context.Context, conn *zenlayer.Client, id string, size int64, timeout time.Duration) (*zenlayer.Disk, error) {
	const grown = "(resized)"
	refresh := diskFinder.Refresh(conn, id)
	return wait.Until(ctx, wait.Config[*zenlayer.Disk]{
		Operation:        fmt.Sprintf("ZEC disk %s to reach %d GiB", id, size),
		Target:           []string{grown},
		Failure:          []string{zenlayer.DiskStatusFailed},
		UnknownIsPending: true,
		Timeout:          timeout,
		Refresh: func(ctx context.Context) (*zenlayer.Disk, string, error) {
			d, status, err := refresh(ctx)
			if err == nil && d != nil && d.DiskSize >= size && (status == zenlayer.DiskStatusAvailable || status == zenlayer.DiskStatusInUse) {
				return d, grown, nil
			}
			return d, status, err
		},
	}.WithSharedPolling())
}

// diskReleased reports whether a disk's status says it is on its way out
// or in the recycle bin.
func diskReleased(status string) bool {
	switch status {
	case zenlayer.DiskStatusDeleting, zenlayer.DiskStatusRecycling, zenlayer.DiskStatusRecycled:
		return true
	}
	return false
}

// diskInBin reports whether a disk's status says it is on its way into or
// in the recycle bin, from where a release frees it.
func diskInBin(status string) bool {
	return status == zenlayer.DiskStatusRecycling || status == zenlayer.DiskStatusRecycled
}

// diskFinder reads a disk for Read and the waits: a RECYCLED disk is on its
// way out (kept while a destroy that left it in the bin is unfinished).
var diskFinder = framework.Finder[zenlayer.Client, zenlayer.Disk]{
	Label: "ZEC disk", Read: (*zenlayer.Client).ReadDisk, Find: (*zenlayer.Client).FindDisk, NotFound: zenlayer.IsNotFound,
	Status: func(d *zenlayer.Disk) string { return d.DiskStatus }, Gone: diskReleased, InBin: diskInBin,
	ID: func(d *zenlayer.Disk) string { return d.DiskID }, Name: func(d *zenlayer.Disk) string { return d.DiskName },
}

// growDisk resizes a disk (a data disk, or an instance's system disk) to
// size GiB and waits until it reports it. It waits for the disk to settle
// first: a resize that an interrupted run sent may still be under way
// (CHANGING), and the disk reports its new size only once it has ended;
// a disk of the size already is not resized again (the API would refuse
// it).
func growDisk(ctx context.Context, conn *zenlayer.Client, id string, size int64, timeout time.Duration) error {
	d, err := waitDiskSettled(ctx, conn, id, timeout)
	if err != nil {
		return err
	}
	if d.DiskSize >= size {
		tflog.Warn(ctx, "ZEC disk is of the planned size already (a resize an interrupted run sent has ended): not resizing it again",
			map[string]any{"id": id, "size": d.DiskSize})
		return nil
	}
	tflog.Info(ctx, "resizing ZEC disk", map[string]any{"id": id, "from": d.DiskSize, "to": size})
	if err := conn.ResizeDisk(ctx, id, size); err != nil {
		return err
	}
	_, err = waitDiskResized(ctx, conn, id, size, timeout)
	return err
}
