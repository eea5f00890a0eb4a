package emulator

// The emulator's own table of the error codes of API 2.0 that it answers,
// each with where it comes from. Their HTTP statuses are the documents'
// (each action's "Error Codes" table); where no document gives one, 4xx for
// a refusal and 5xx for a failure of the system (the "Responses" page of
// the API reference).

// Common codes: the API reference's "Common Error Codes" page, and the
// rate limit of the "Request Limits" page.
const (
	codeAuthMissing        = "AUTHFAILURE_MISSING_AUTHORIZATION"
	codeAuthInvalid        = "AUTHFAILURE_INVALID_AUTHORIZATION"
	codeAuthSecretNotFound = "AUTHFAILURE_SECRET_ID_NOT_FOUND"
	codeAuthSignature      = "AUTHFAILURE_SIGNATURE_FAILURE"
	codeAuthExpired        = "AUTHFAILURE_SIGNATURE_EXPIRED"
	codeInvalidAction      = "INVALID_ACTION"
	codeInvalidVersion     = "INVALID_VERSION"
	codeInvalidService     = "INVALID_SERVICE"
	codeMissingParameter   = "MISSING_PARAMETER"
	codeInvalidParameter   = "INVALID_PARAMETER"
	codeInvalidValue       = "INVALID_PARAMETER_VALUE"
	codeInvalidContentType = "INVALID_CONTENT_TYPE"
	codeRateLimit          = "REQUEST_LIMIT_EXCEEDED"
	codeInternal           = "INTERNAL_SERVER_ERROR"
	// codeOperationTimeout: the operation timed out in the API's back end,
	// whose outcome the caller cannot know (the fault op-timeout answers it
	// after doing the action; the API notes, /work/shared/api/zenlayer.md).
	codeOperationTimeout = "INVALID_OPERATION_TIMEOUT"
	// Tags: the tag limits of the "Tags" section of the create documents.
	codeTagLimit        = "INVALID_TAG_LIMIT_EXCEEDED"
	codeTagKey          = "INVALID_TAG_KEY"
	codeTagKeyDuplicate = "INVALID_TAG_KEY_DUPLICATED"
)

// ZEC codes: the "Error Codes" tables of the ZEC documents (ReleaseDisk and
// StartInstances are the seeds; CreateDisks, AttachDisks, DetachDisks,
// ResizeDisk, CreateZecInstances), except where noted. The ZEC packages of
// the SDK carry no errors.go.
const (
	codeDiskNotFound              = "INVALID_DISK_NOT_FOUND"
	codeDiskNotPortable           = "INVALID_DISK_NOT_PORTABLE"
	codeDiskStatus                = "UNSUPPORTED_OPERATION_DISK_STATUS"
	codeDiskAttached              = "UNSUPPORTED_OPERATION_DISK_ATTACHED"
	codeDiskZoneMismatch          = "INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED"
	codeDiskCategory              = "INVALID_DISK_CATEGORY"
	codeDiskSize                  = "INVALID_DISK_SIZE"
	codeDiskName                  = "INVALID_PARAMETER_DISK_NAME"
	codeAttachLimit               = "LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH"
	codeSnapshotNotFound          = "INVALID_SNAPSHOT_NOT_FOUND"
	codeZoneNotFound              = "INVALID_ZONE_NOT_FOUND"
	codeImageNotFound             = "INVALID_IMAGE_NOT_FOUND"
	codeInstanceTypeNotFound      = "INVALID_INSTANCE_TYPE_NOT_FOUND"
	codeInstanceName              = "INVALID_PARAMETER_INSTANCE_NAME"
	codePasswordMalformed         = "INVALID_PASSWORD_MALFORMED"
	codeInstanceNotFound          = "INVALID_INSTANCE_NOT_FOUND"
	codeInstanceInOperation       = "OPERATION_DENIED_INSTANCE_IN_OPERATION"
	codeUnsupportedInstanceStatus = "UNSUPPORTED_OPERATION_INSTANCE_STATUS"
	// codeDiskBeingRecycled: ReleaseDisk of a disk on its way into the
	// recycle bin; the official provider takes it for success
	// (terraform-provider-zenlayercloud v0.2.28,
	// zenlayercloud/services/zec/service_zenlayer_zec.go, DeleteDiskById).
	codeDiskBeingRecycled = "UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE"
)

// BMC codes: the constants of zenlayercloud-sdk-go v0.2.40
// zenlayercloud/bmc20221120/errors.go, by name (the wire code is the
// constant's name; the SDK's value is an older dotted spelling).
const (
	bmcCodeInstanceNotFound      = codeInstanceNotFound
	bmcCodeNotRecycled           = "OPERATION_DENIED_INSTANCE_NOT_RECYCLED"
	bmcCodeRecycled              = "OPERATION_DENIED_INSTANCE_RECYCLED"
	bmcCodeCreating              = "OPERATION_DENIED_INSTANCE_CREATING"
	bmcCodeInstalling            = "OPERATION_DENIED_INSTANCE_STATUS_INSTALLING"
	bmcCodeNotRunning            = "OPERATION_DENIED_INSTANCE_NOT_RUNNING"
	bmcCodeNotStopped            = "OPERATION_DENIED_INSTANCE_NOT_STOPPED"
	bmcCodeZoneNotFound          = codeZoneNotFound
	bmcCodeInstanceTypeNotFound  = codeInstanceTypeNotFound
	bmcCodeImageNotFound         = codeImageNotFound
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
	// ModifyInstanceBandwidth, ModifyInstanceTrafficPackage,
	// AssociateSubnetInstances and UnAssociateSubnetInstance (the same errors.go).
	bmcCodeInstanceStatus           = "OPERATION_DENIED_INSTANCE_STATUS"
	bmcCodeBandwidthParamExceed     = "INVALID_PARAMETER_BANDWIDTH_EXCEED"
	bmcCodeInternetChargeNotSupport = "OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT"
	bmcCodeTrafficPackageError      = "INVALID_PARAMETER_TRAFFIC_PACKAGE_ERROR"
	bmcCodeInstanceNotSupportSubnet = "OPERATION_DENIED_INSTANCE_NOT_SUPPORT_SUBNET"
	bmcCodeDifferentZone            = "OPERATION_DENIED_DIFFERENT_ZONE"
	bmcCodeSubnetNotRepeatInstance  = "OPERATION_DENIED_SUBNET_NOT_REPEAT_INSTANCE"
	// errors.go's "Instance is being removed": a subnet move of the
	// instance is under way.
	bmcCodeSubnetAssociating = "OPERATION_DENIED_SUBNET_ASSOCIATING_INSTANCE"
	// A PREPAID downgrade waiting for the next billing cycle, and its
	// cancellation (CancelInstanceBandwidthDowngrade,
	// CancelInstanceTrafficPackageDowngrade; the same errors.go).
	bmcCodeBandwidthProcessing     = "OPERATION_FAILED_INSTANCE_BANDWIDTH_PROCESSING"
	bmcCodeExistPlanTrafficPackage = "OPERATION_FAILED_INSTANCE_EXIST_PLAN_TRAFFIC_PACKAGE"
	bmcCodeDowngradeNotExist       = "OPERATION_DENIED_DOWNGRADE_NOT_EXIST"
	bmcCodeNoTrafficPackage        = "OPERATION_FILED_INSTANCE_NOT_EXIST_TRAFFIC_PACKAGE"
)
