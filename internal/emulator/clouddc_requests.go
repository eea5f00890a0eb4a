package emulator

// The bodies of the CloudDC operations that are named types, as the API
// documents define them (the smaller ones are declared in their handler).
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
