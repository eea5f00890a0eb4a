package zenlayer

import (
	"context"
	"fmt"
)

// The in-place changes of a ZEC instance (version 2025-09-01; requests as
// in zenlayercloud-sdk-go v0.2.40 zec20250901/models.go).

// ModifyInstanceType changes the type of a STOPPED instance (RESIZING →
// STOPPED). It is sent NotIdempotent: after a lost answer the caller reads
// the instance to know whether the change was made.
func (c *Client) ModifyInstanceType(ctx context.Context, id, instanceType string) error {
	return c.Call(ctx, ZEC, "ModifyInstanceType", map[string]any{"instanceId": id, "instanceType": instanceType}, nil, NotIdempotent())
}

// ResetInstanceRequest is the input of ResetInstance.
type ResetInstanceRequest struct {
	InstanceID string `json:"instanceId"`
	// ImageID is the image to install; the instance's own if empty.
	ImageID  string `json:"imageId,omitempty"`
	Password string `json:"password,omitempty"`
	KeyID    string `json:"keyId,omitempty"`
	Timezone string `json:"timezone,omitempty"`
	UserData string `json:"userData,omitempty"`
}

// String never shows the password or the user data.
func (r ResetInstanceRequest) String() string {
	r.Password = redacted(r.Password)
	r.UserData = redacted(r.UserData)
	type plain ResetInstanceRequest
	return fmt.Sprintf("%+v", plain(r))
}

// ResetInstance reinstalls a STOPPED instance (its system disk is reset):
// DEPLOYING, then RUNNING or REINSTALL_FAILED. It is never sent twice
// blindly (NotIdempotent): a second reinstall would wipe the disk again.
func (c *Client) ResetInstance(ctx context.Context, in ResetInstanceRequest) error {
	return c.Call(ctx, ZEC, "ResetInstance", in, nil, NotIdempotent(), Secret(in.Password, in.UserData))
}

// ResetInstancePassword sets the password of a RUNNING instance whose QEMU
// guest agent is on. Setting the same password twice is harmless, so it is
// retried like any other call.
func (c *Client) ResetInstancePassword(ctx context.Context, id, password string) error {
	return c.Call(ctx, ZEC, "ResetInstancePassword", map[string]any{"instanceId": id, "password": password}, nil, Secret(password))
}

// SetNicSecurityGroup binds a vNIC to a security group, unbinding the one
// it had (ModifyNetworkInterfaceAttribute; binding the group it has succeeds).
func (c *Client) SetNicSecurityGroup(ctx context.Context, nicID, securityGroupID string) error {
	return c.Call(ctx, ZEC, "ModifyNetworkInterfaceAttribute", map[string]any{"nicId": nicID, "securityGroupId": securityGroupID}, nil)
}

// SetIPForward turns the IP forwarding of an instance on (StartIpForward)
// or off (StopIpForward).
func (c *Client) SetIPForward(ctx context.Context, id string, on bool) error {
	action := "StopIpForward"
	if on {
		action = "StartIpForward"
	}
	return c.Call(ctx, ZEC, action, map[string]any{"instanceId": id}, nil)
}

// PrimaryNic is the instance's primary vNIC, or nil if the answer lists none.
func (i *Instance) PrimaryNic() *InstanceNic {
	for k := range i.Nics {
		if i.Nics[k].NicType == "Primary" {
			return &i.Nics[k]
		}
	}
	if len(i.Nics) > 0 {
		return &i.Nics[0]
	}
	return nil
}
