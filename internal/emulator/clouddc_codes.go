package emulator

// The emulator's own tables of CloudDC instance states and of the error
// codes of CloudDC, its API gateway and IAM, each with where it comes from.

// CloudDC instance states: InstanceStateEnum of huaweicloud-sdk-go-v3
// services/clouddc/v1/model/model_instance_state.go (the state of
// ShowInstanceStatus and ListInstances), except where noted.
const (
	cdcStatePending      = "pending"
	cdcStateRunning      = "running"
	cdcStateStopping     = "stopping"
	cdcStateStopped      = "stopped"
	cdcStateReinstalling = "reinstalling"
	cdcStateShuttingDown = "shutting-down"
	// cdcStateTerminated: the SDK's InstanceStateEnum spells it "teminated"
	// (TEMINATED); ListInstancesRequestInstanceStateEnum
	// (model_list_instances_request.go) and the DeleteInstance document
	// spell it "terminated", which the emulator answers.
	cdcStateTerminated = "terminated"
	cdcStateFailed     = "failed"
	// cdcStateError is the failure state of the ShowInstanceStatus document
	// (not in the SDK's enum); cdcStateModifyingIP the state of an IP change
	// in the ModifyInstanceIp document.
	cdcStateError       = "error"
	cdcStateModifyingIP = "modifyIping"
)

// cdcListStates are the instance_state values ListInstances takes:
// ListInstancesRequestInstanceStateEnum (model_list_instances_request.go).
var cdcListStates = []string{cdcStatePending, cdcStateRunning, cdcStateStopping, cdcStateStopped,
	cdcStateReinstalling, cdcStateShuttingDown, cdcStateTerminated, cdcStateFailed}

// CloudDC error codes: the "Error Codes" page of the CloudDC API reference
// (api-clouddc), which the SDK does not model (its errors carry the
// error_code of the body: core/sdkerr/errors.go ServiceResponseError).
const (
	cdcCodeInvalidParameter = "iMetal.0001"
	cdcCodeMissingParameter = "iMetal.0002"
	cdcCodeForbidden        = "iMetal.0004"
	cdcCodeInternalError    = "iMetal.0099"
	cdcCodeServerNotFound   = "iMetal.0100"
	cdcCodeServerNotReady   = "iMetal.0101"
	cdcCodeInstanceNotFound = "iMetal.0200"
	cdcCodeInstanceState    = "iMetal.0201"
	// cdcCodeGatewayAuth is the API gateway's authentication failure (API
	// Gateway error codes, APIGW.0301 "Incorrect IAM authentication information").
	cdcCodeGatewayAuth = "APIGW.0301"
)

// iamSubjectTokenHeader is the header of IAM's answer that carries a new
// token (IAM API reference, "Obtaining a User Token", response header
// X-Subject-Token).
const iamSubjectTokenHeader = "X-Subject-Token"
