package emulator

// The bodies of the CloudDC operations that are named types, as the API
// documents define them: the create and the instance batch operations (the
// other bodies are declared in their handler).
// Pointers tell an absent field from a zero one.

// cdcCreateReq is the body of CreateInstance.
type cdcCreateReq struct {
	Name              *string `json:"name"`
	ImageID           *string `json:"image_id"`
	VpcID             *string `json:"vpc_id"`
	NetworkInterfaces []struct {
		SubnetID    string `json:"subnet_id"`
		IPv4Address string `json:"ipv4_address"`
	} `json:"network_interfaces"`
	Password    *string           `json:"password"`
	Metadata    map[string]string `json:"metadata"`
	Description *string           `json:"description"`
	Placement   *struct {
		ServerID string `json:"server_id"`
	} `json:"placement"`
}

// cdcBatchReq is the body of an instance batch operation: instance_id_set
// and the operation's own fields, with their checks
// (clouddc_instances_validate.go). Each body declares instance_id_set and
// every method itself (no embedded part), so that a body which forgets a
// check does not compile, and a decode error names the JSON field alone.
type cdcBatchReq interface {
	instanceSet() []string
	// missing is the error of a required field of the operation's own that
	// the body lacks (nil: none lacks); the API reports it before it looks
	// the instances up.
	missing() *errAPI
	// invalid is the error of a value of the operation's own fields (nil:
	// all are valid); the API checks them once the instances are found.
	invalid(h *huaweiState) *errAPI
}

// cdcDeleteReq is the body of DeleteInstances: instance_id_set alone.
type cdcDeleteReq struct {
	IDs []string `json:"instance_id_set"`
}

// cdcReinstallReq is the body of ReinstallOs.
type cdcReinstallReq struct {
	ImageID  *string  `json:"image_id"`
	Password *string  `json:"password"`
	IDs      []string `json:"instance_id_set"`
}

// cdcPasswordReq is the body of ChangeInstancePassword (the API does no
// complexity check of the new password).
type cdcPasswordReq struct {
	NewPassword *string  `json:"new_password"`
	IDs         []string `json:"instance_id_set"`
}
