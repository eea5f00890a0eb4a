package emulator

import (
	"time"
)

// The BMC (bare metal) backend: Zenlayer API 2.0 service "bmc", version
// 2022-11-20: instances (bmc_instances*.go, their status machine in
// bmc_instances_state.go) over a fixed catalogue (bmc_catalog.go).
func init() {
	registerBackend("bmc", func(s *Server) backend { return newBMCState(s) })
}

// Charge types of BMC instances.
const (
	bmcChargePrepaid  = "PREPAID"
	bmcChargePostpaid = "POSTPAID"
)

// BMC error codes (the API documents; HTTP statuses as the documents give them).
const (
	bmcCodeInstanceNotFound      = "INVALID_INSTANCE_NOT_FOUND"
	bmcCodeNotRecycled           = "OPERATION_DENIED_INSTANCE_NOT_RECYCLED"
	bmcCodeRecycled              = "OPERATION_DENIED_INSTANCE_RECYCLED"
	bmcCodeCreating              = "OPERATION_DENIED_INSTANCE_CREATING"
	bmcCodeInstalling            = "OPERATION_DENIED_INSTANCE_STATUS_INSTALLING"
	bmcCodeNotRunning            = "OPERATION_DENIED_INSTANCE_NOT_RUNNING"
	bmcCodeNotStopped            = "OPERATION_DENIED_INSTANCE_NOT_STOPPED"
	bmcCodeZoneNotFound          = "INVALID_ZONE_NOT_FOUND"
	bmcCodeInstanceTypeNotFound  = "INVALID_INSTANCE_TYPE_NOT_FOUND"
	bmcCodeImageNotFound         = "INVALID_IMAGE_NOT_FOUND"
	bmcCodeSubnetNotFound        = "INVALID_SUBNET_NOT_FOUND"
	bmcCodeSubnetZoneMismatch    = "INVALID_SUBNET_ZONE_MISMATCH"
	bmcCodeChargeTypeNotSupport  = "INVALID_CHARGE_TYPE_NOT_SUPPORT"
	bmcCodeBandwidthExceed       = "INVALID_BANDWIDTH_VALUE_EXCEED_MAXIMUM"
	bmcCodeHostnameExceed        = "INVALID_PARAMETER_HOSTNAME_EXCEED"
	bmcCodeHostnameMalformed     = "INVALID_PARAMETER_HOSTNAME_MALFORMED"
	bmcCodeNameExceed            = "INVALID_PARAMETER_INSTANCE_NAME_EXCEED"
	bmcCodePasswordMalformed     = "INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED"
	bmcCodeLoginConflict         = "INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT"
	bmcCodeSSHKeyMalformed       = "INVALID_PARAMETER_SSH_KEY_MALFORMED"
	bmcCodeSSHKeyDuplicate       = "INVALID_PARAMETER_SSH_KEY_DUPLICATE"
	bmcCodeRaidConflict          = "INVALID_RAID_CONFIG_FAST_CUSTOM_CONFLICT"
	bmcCodeRaidNotSupport        = "INVALID_INSTANCE_TYPE_RAID_NOT_SUPPORT"
	bmcCodeRaidDiskMismatch      = "INVALID_PARAMETER_VALUE_RAID_DISK_MISMATCH"
	bmcCodeRaidDiskDisorder      = "INVALID_PARAMETER_VALUE_RAID_DISK_DISORDER"
	bmcCodeRaidSequenceDuplicate = "INVALID_PARAMETER_VALUE_RAID_DISK_SEQUENCE_DUPLICATE"
	bmcCodeRaidSequenceRange     = "INVALID_PARAMETER_VALUE_RAID_DISK_SEQUENCE_RANGE"
	bmcCodeNicNameConflict       = "INVALID_PARAMETER_NIC_NAME_CONFLICT"
	bmcCodeNicNameMalformed      = "INVALID_PARAMETER_NIC_NAME_MALFORMED"
	bmcCodePartitionImageNotSet  = "INVALID_PARTITION_IMAGE_NOT_SET"
	bmcCodePartitionSizeNotFull  = "INVALID_PARTITION_SIZE_NOT_FULL"
	bmcCodePartitionDuplicate    = "INVALID_PARTITION_DUPLICATE_FILE_PATH"
	bmcCodePartitionMissingRoot  = "INVALID_PARTITION_MISSING_REQUIRED_FILE_PATH"
	bmcCodePartitionMalformed    = "INVALID_PARTITION_MALFORMED"
	bmcCodePartitionNoType       = "INVALID_PARTITION_NO_TYPE"
	bmcCodePartitionOrder        = "INVALID_PARTITION_INVALID_ORDER"
)

// bmcState is the BMC backend.
type bmcState struct {
	s         *Server
	instances map[string]*bmcInstance
	// ipSeq numbers the addresses handed out.
	ipSeq int
}

func newBMCState(s *Server) *bmcState {
	return &bmcState{s: s, instances: map[string]*bmcInstance{}}
}

func (b *bmcState) zenlayerService() string { return "bmc" }

func (b *bmcState) actions() map[string]zenlayerAction {
	return map[string]zenlayerAction{
		"CreateInstances":          action(b.createInstances),
		"DescribeInstances":        action(b.describeInstances),
		"StartInstances":           action(b.startInstances),
		"StopInstances":            action(b.stopInstances),
		"RebootInstances":          action(b.rebootInstances),
		"ModifyInstancesAttribute": action(b.modifyInstancesAttribute),
		"TerminateInstance":        action(b.terminateInstance),
		"ReleaseInstances":         action(b.releaseInstances),
		"DescribeZones":            action(b.describeZones),
		"DescribeInstanceTypes":    action(b.describeInstanceTypes),
		"DescribeImages":           action(b.describeImages),
	}
}

// advance applies due transitions. Called with s.mu held.
func (b *bmcState) advance(now time.Time) {
	advanceEach(b.instances, now)
}

// inventory lists the instances as "bmc_instance". Called with s.mu held.
func (b *bmcState) inventory(inv map[string][]string) {
	addInventory(inv, "bmc_instance", b.instances)
}

// bmcOf is the server's BMC backend.
func (s *Server) bmcOf() *bmcState {
	return backendOf[*bmcState](s, "bmc")
}
