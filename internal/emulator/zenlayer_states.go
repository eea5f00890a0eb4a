package emulator

// The emulator's own tables of the statuses ZEC and BMC report, each with
// where it comes from. The SDK types them as plain strings (zec20250901 and
// bmc20221120 models.go: InstanceInfo.Status, DiskInfo.DiskStatus,
// InstanceInfo.InstanceStatus); their values are the enums of the CLI
// specs (zenlayercloud-cli apis/en-US/<service>/*.yaml), which the SDK and
// the CLI are generated with.

// ZEC instance statuses: the status enum of DescribeInstances
// (apis/en-US/zec/describe-instances.yaml, dataSet.status), which
// DescribeInstancesStatus answers as instanceStatus, and:
//   - PENDING, the first status of a create, which the official provider
//     waits through (terraform-provider-zenlayercloud v0.2.28,
//     ZecInstanceStatusPending);
//   - STARTING, the starting status of the StartInstances document, where
//     the enum says BOOTING: the emulator answers BOOTING unless
//     Options.ZECStartingStatus asks for STARTING.
const (
	instStatusPending      = "PENDING"
	instStatusDeploying    = "DEPLOYING"
	instStatusRunning      = "RUNNING"
	instStatusStopping     = "STOPPING"
	instStatusStopped      = "STOPPED"
	instStatusBooting      = "BOOTING"
	instStatusStarting     = "STARTING"
	instStatusReleasing    = "RELEASING"
	instStatusRecycling    = "RECYCLING"
	instStatusRecycle      = "RECYCLE"
	instStatusCreateFailed = "CREATE_FAILED"
	instStatusReboot       = "REBOOT"
	instStatusRebuilding   = "REBUILDING"
	instStatusImaging      = "IMAGING"
	instStatusResizing     = "RESIZING"
)

// ZEC disk statuses: the diskStatus enum of DescribeDisks
// (apis/en-US/zec/describe-disks.yaml, dataSet.diskStatus).
const (
	diskStatusCreating  = "CREATING"
	diskStatusAvailable = "AVAILABLE"
	diskStatusAttaching = "ATTACHING"
	diskStatusInUse     = "IN_USE"
	diskStatusDetaching = "DETACHING"
	diskStatusChanging  = "CHANGING"
	diskStatusDeleting  = "DELETING"
	diskStatusRecycling = "RECYCLING"
	diskStatusRecycled  = "RECYCLED"
)

// BMC instance statuses: the instanceStatus enum of DescribeInstances
// (apis/en-US/bmc/describe-instances.yaml), which has no RECYCLING and no
// RELEASING: TerminateInstance puts an instance in the recycle bin
// (RECYCLE) at once, as the official provider expects, and a released one
// stays RECYCLE until it is gone.
const (
	bmcStatusPending       = "PENDING"
	bmcStatusCreating      = "CREATING"
	bmcStatusCreateFailed  = "CREATE_FAILED"
	bmcStatusInstalling    = "INSTALLING"
	bmcStatusInstallFailed = "INSTALL_FAILED"
	bmcStatusRunning       = "RUNNING"
	bmcStatusStopped       = "STOPPED"
	bmcStatusBooting       = "BOOTING"
	bmcStatusStopping      = "STOPPING"
	bmcStatusRecycle       = "RECYCLE"
)

// bmcStatuses are the values DescribeInstances takes as instanceStatus.
var bmcStatuses = []string{
	bmcStatusPending, bmcStatusCreating, bmcStatusCreateFailed, bmcStatusInstalling, bmcStatusInstallFailed,
	bmcStatusRunning, bmcStatusStopped, bmcStatusBooting, bmcStatusStopping, bmcStatusRecycle,
}
