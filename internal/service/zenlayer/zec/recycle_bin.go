package zec

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// releaseThroughBin is the end of the destroy of a ZEC disk or instance
// (what), written once for both: on accounts with a recycle bin the first
// release moves the object into the bin (status recycled) and a second one
// frees it for good.
//
// An object found in the bin (inBin) stays there when releaseFromBin is
// false. Otherwise it is released and awaited until it is gone or in the
// bin; from the bin it is released once more, unless releaseFromBin is
// false, which leaves it there with a warning. release sends one release
// and reports whether the destroy ends there (an error, in diags, or
// nothing left to release); await waits until the object reaches one of
// target and answers it (the zero T once it is gone).
func releaseThroughBin[T comparable](ctx context.Context, diags *diag.Diagnostics, what, id string, inBin, releaseFromBin bool, recycled string,
	release func() (stop bool), await func(what string, target ...string) (T, error),
) {
	if inBin && !releaseFromBin {
		warnLeftInRecycleBin(diags, what, id)
		return
	}
	if release() {
		return
	}
	obj, err := await("to be released", wait.Gone, recycled)
	if err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC %s (%s) to be released", what, id), err.Error())
		return
	}
	var gone T
	if obj == gone {
		return
	}
	// The account has a recycle bin and the object is in it.
	if !releaseFromBin {
		warnLeftInRecycleBin(diags, what, id)
		return
	}
	tflog.Info(ctx, "ZEC "+what+" is in the recycle bin, releasing it from there", map[string]any{"id": id})
	if release() {
		return
	}
	if _, err := await("to be released from the recycle bin", wait.Gone); err != nil {
		diags.AddError(fmt.Sprintf("waiting for ZEC %s (%s) to be released from the recycle bin", what, id), err.Error())
	}
}

// warnLeftInRecycleBin says that destroy left a ZEC disk or instance (what)
// in the recycle bin, as release_on_destroy = false asks.
func warnLeftInRecycleBin(diags *diag.Diagnostics, what, id string) {
	diags.AddWarning(fmt.Sprintf("ZEC %s (%s) left in the recycle bin", what, id),
		fmt.Sprintf("release_on_destroy is false, so %s %s was moved to the account's recycle bin and not freed. "+
			"It can be restored from there for a limited time and is freed by Zenlayer afterwards; Terraform no longer manages it.", what, id))
}
