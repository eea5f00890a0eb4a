package zenlayer

import (
	"fmt"
	"sort"
	"strings"
)

// BMC error codes the provider handles (the API's own spelling; see the
// BMC documents). INVALID_INSTANCE_NOT_FOUND is CodeInstanceNotFound.
const (
	// CodeBMCInstanceNotRecycled (403): ReleaseInstances on an instance that is not in the recycle bin.
	CodeBMCInstanceNotRecycled = "OPERATION_DENIED_INSTANCE_NOT_RECYCLED"
	// CodeBMCInstanceRecycled (403): the instance is in the recycle bin (TerminateInstance, Start, Stop).
	CodeBMCInstanceRecycled = "OPERATION_DENIED_INSTANCE_RECYCLED"
	// CodeBMCInstanceCreating (403): TerminateInstance while PENDING or CREATING.
	CodeBMCInstanceCreating = "OPERATION_DENIED_INSTANCE_CREATING"
	// CodeBMCInstanceInstalling (403): TerminateInstance while INSTALLING.
	CodeBMCInstanceInstalling = "OPERATION_DENIED_INSTANCE_STATUS_INSTALLING"
	// CodeBMCInstanceSubscription (403): TerminateInstance on a PREPAID (subscription)
	// instance, on API versions that refuse it instead of cancelling the renewal.
	CodeBMCInstanceSubscription = "OPERATION_DENIED_INSTANCE_SUBSCRIPTION"
	// CodeBMCInstanceNotRunning (403): StopInstances on an instance that is not RUNNING.
	CodeBMCInstanceNotRunning = "OPERATION_DENIED_INSTANCE_NOT_RUNNING"
	// CodeBMCInstanceNotStopped (403): StartInstances on an instance that is not STOPPED.
	CodeBMCInstanceNotStopped = "OPERATION_DENIED_INSTANCE_NOT_STOPPED"
	// CodeBMCPostpaidPromise (403): TerminateInstance on a resource in its commitment period.
	CodeBMCPostpaidPromise = "OPERATION_DENIED_POSTPAID_PROMISE"
	// CodeBMCBandwidthProcessing (403): ModifyInstanceBandwidth while a
	// change of the bandwidth is being made, or a PREPAID decrease waits
	// (errors.go: "Bandwidth is being modified").
	CodeBMCBandwidthProcessing = "OPERATION_FAILED_INSTANCE_BANDWIDTH_PROCESSING"
	// CodeBMCSubnetMoving (403): AssociateSubnetInstances or
	// UnAssociateSubnetInstance while a subnet move of the instance is under
	// way (errors.go: "Instance is being removed").
	CodeBMCSubnetMoving = "OPERATION_DENIED_SUBNET_ASSOCIATING_INSTANCE"
	// CodeBMCSubnetInSubnet (403): AssociateSubnetInstances of an instance
	// in a subnet already (errors.go: "Duplicated instances in the subnet").
	CodeBMCSubnetInSubnet = "OPERATION_DENIED_SUBNET_NOT_REPEAT_INSTANCE"
)

// bmcPerInstanceCodes are the answers of a batch action that concern one of
// its instances rather than the call: when a batch fails with one of them,
// ReleaseBMCInstances asks again id by id to learn which instance it was.
var bmcPerInstanceCodes = []string{CodeInstanceNotFound, CodeBMCInstanceNotRecycled}

// BMCReleaseError reports the instances ReleaseBMCInstances did not release,
// each with its own error. The other instances were released.
type BMCReleaseError struct {
	// Failures maps instance ids to what the API answered for them.
	Failures map[string]error
}

func (e *BMCReleaseError) Error() string {
	ids := e.ids()
	if len(ids) == 1 {
		return e.Failures[ids[0]].Error()
	}
	parts := make([]string, 0, len(ids))
	for _, id := range ids {
		parts = append(parts, id+": "+e.Failures[id].Error())
	}
	return fmt.Sprintf("zenlayer bmc ReleaseInstances failed for %d instances: %s", len(ids), strings.Join(parts, "; "))
}

// Unwrap exposes every failure, so HasCode and errors.As see them.
func (e *BMCReleaseError) Unwrap() []error {
	out := make([]error, 0, len(e.Failures))
	for _, id := range e.ids() {
		out = append(out, e.Failures[id])
	}
	return out
}

// For returns the error of one instance, nil if it was released.
func (e *BMCReleaseError) For(id string) error { return e.Failures[id] }

func (e *BMCReleaseError) ids() []string {
	ids := make([]string, 0, len(e.Failures))
	for id := range e.Failures {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
