package emulator

import (
	"net/http"
	"strings"
)

// The actions that change an instance in place (version 2025-09-01):
//
//	ModifyInstanceType   STOPPED → RESIZING → STOPPED, of the new type
//	ResetInstance        STOPPED → DEPLOYING → RUNNING, system disk reset
//	ResetInstancePassword, ModifyNetworkInterfaceAttribute,
//	StartIpForward, StopIpForward: at once
//
// Each follows its document (zenlayercloud-cli apis/en-US/zec/<action>.yaml)
// and its SDK model (zenlayercloud-sdk-go v0.2.40 zec20250901/models.go).

// codeNicNotFound answers a nicId no instance has. The
// ModifyNetworkInterfaceAttribute document lists no error codes: the code
// follows INVALID_DISK_NOT_FOUND and INVALID_INSTANCE_NOT_FOUND.
const codeNicNotFound = "INVALID_NIC_NOT_FOUND"

// passwordResetSpecials are the special characters ResetInstancePassword
// takes: "~!@$^*-_=+" (reset-instance-password.yaml; the SDK's comment on
// ResetInstancePasswordRequest.Password says the same), fewer than a create.
const passwordResetSpecials = "~!@$^*-_=+"

// instanceOf is the instance named by the instanceId of a request.
func (z *zecState) instanceOf(req *call) (*zecInstance, []string, *errAPI) {
	return oneOf(req, "instanceId", z.instance)
}

// stoppedOnly refuses an instance that is not STOPPED: busy ones with
// OPERATION_DENIED_INSTANCE_IN_OPERATION, the others with
// UNSUPPORTED_OPERATION_INSTANCE_STATUS.
func stoppedOnly(i *zecInstance) *errAPI { return acceptsFrom(instStatusStopped)(i) }

// modifyInstanceType follows ModifyInstanceType: "You can only perform this
// operation on instances whose status is STOPPED"; RESIZING, then STOPPED
// with the new type (the API notes).
func (z *zecState) modifyInstanceType(req *call) (any, []string, error) {
	i, ids, e := z.instanceOf(req)
	if e != nil {
		return nil, ids, e
	}
	typeID, e := req.required("instanceType")
	if e != nil {
		return nil, ids, e
	}
	t, ok := ZECInstanceTypes[typeID]
	if !ok {
		return nil, ids, apiErr(http.StatusNotFound, codeInstanceTypeNotFound, "The specified instance type %s does not exist.", typeID)
	}
	if e := stoppedOnly(i); e != nil {
		return nil, ids, e
	}
	if typeID == i.InstanceType {
		return nil, ids, apiErr(http.StatusBadRequest, codeInvalidValue, "Instance %s is already of type %s.", i.InstanceID, typeID)
	}
	i.Status = instStatusResizing
	i.tl.after(z.s.now(), z.s.opts.Durations.InstanceChange, func() {
		i.InstanceType, i.CPU, i.Memory, i.Status = typeID, t.CPU, t.Memory, instStatusStopped
	})
	return nil, ids, nil
}

// resetInstance follows ResetInstance: a STOPPED instance is reinstalled
// from imageId (its own image if none), never across OS types, on a system
// disk at least the image's minimum, with a password or a key pair (neither
// for Windows and Generic images); it is DEPLOYING, then RUNNING.
func (z *zecState) resetInstance(req *call) (any, []string, error) {
	i, ids, e := z.instanceOf(req)
	if e != nil {
		return nil, ids, e
	}
	imageID := stringOr(req.str("imageId"), i.ImageID)
	image, ok := ZECImages[imageID]
	if !ok {
		return nil, ids, apiErr(http.StatusNotFound, codeImageNotFound, "The specified image %s does not exist.", imageID)
	}
	if image.osFamily() != ZECImages[i.ImageID].osFamily() {
		return nil, ids, apiErr(http.StatusBadRequest, codeInvalidParameter,
			"Cross-OS type reinstallation is not supported: instance %s runs a %s image, %s is %s.", i.InstanceID,
			ZECImages[i.ImageID].osFamily(), imageID, image.osFamily())
	}
	if e := checkLogin(image, req); e != nil {
		return nil, ids, e
	}
	if name := req.str("instanceName"); name != nil {
		if e := checkInstanceName(*name); e != nil {
			return nil, ids, e
		}
	}
	if e := stoppedOnly(i); e != nil {
		return nil, ids, e
	}
	sys := z.disks[i.SystemDiskID]
	if sys != nil && sys.DiskSize < image.MinDisk {
		return nil, ids, apiErr(http.StatusBadRequest, codeDiskSize,
			"The system disk (%d GiB) is smaller than image %s needs (%d GiB).", sys.DiskSize, imageID, image.MinDisk)
	}
	i.ImageID, i.KeyID = imageID, stringOr(req.str("keyId"), "")
	i.TimeZone = stringOr(req.str("timezone"), i.TimeZone)
	i.EnableAgent = valueOr(req.flag("enableAgent"), i.EnableAgent)
	i.InstanceName = stringOr(req.str("instanceName"), i.InstanceName)
	i.UserData = stringOr(req.str("userData"), "")
	i.Resets++
	i.Status = instStatusDeploying
	i.tl.after(z.s.now(), z.s.opts.Durations.InstanceChange, func() { i.Status = instStatusRunning })
	return nil, ids, nil
}

// resetInstancePassword follows ResetInstancePassword: "The instance must
// have QGA installed and be in a powered-on state"; the password policy is
// the create's with fewer special characters.
func (z *zecState) resetInstancePassword(req *call) (any, []string, error) {
	i, ids, e := z.instanceOf(req)
	if e != nil {
		return nil, ids, e
	}
	password, e := req.required("password")
	if e != nil {
		return nil, ids, e
	}
	if kinds, clean := passwordKinds(password, passwordResetSpecials); len(password) < 8 || len(password) > 16 || !clean || kinds < 3 {
		return nil, ids, apiErr(http.StatusBadRequest, codePasswordMalformed,
			"Invalid password. The specified password does not meet the requirements: 8 to 16 characters with at least three of lowercase letters, uppercase letters, digits and %s.", passwordResetSpecials)
	}
	if e := acceptsFrom(instStatusRunning)(i); e != nil {
		return nil, ids, e
	}
	if !i.EnableAgent {
		return nil, ids, apiErr(http.StatusBadRequest, codeUnsupportedInstanceStatus,
			"The password of instance %s cannot be reset: its QEMU Guest Agent (enableAgent) is off.", i.InstanceID)
	}
	i.PasswordResets++
	return nil, ids, nil
}

// modifyNetworkInterfaceAttribute follows ModifyNetworkInterfaceAttribute:
// it renames a vNIC and binds it to one security group ("Specifying this
// field will unbind the original security group"; binding the group it
// already has succeeds). An instance's one vNIC is "<instanceId>-nic0".
func (z *zecState) modifyNetworkInterfaceAttribute(req *call) (any, []string, error) {
	nicID, e := req.required("nicId")
	if e != nil {
		return nil, nil, e
	}
	ids := []string{nicID}
	instanceID, ok := strings.CutSuffix(nicID, "-nic0")
	i := z.instances[instanceID]
	if !ok || i == nil {
		return nil, ids, apiErr(http.StatusNotFound, codeNicNotFound, "The vNIC %s does not exist.", nicID)
	}
	if name := req.str("name"); name != nil {
		if !diskNamePattern.MatchString(*name) || len(*name) < 2 || len(*name) > 63 {
			return nil, ids, apiErr(http.StatusBadRequest, codeInvalidValue,
				"name %q is invalid: 2 to 63 letters, digits, '-', '/', '_' and '.', starting and ending with a letter or digit.", *name)
		}
	}
	if e := notLeaving(i); e != nil {
		return nil, ids, e
	}
	i.NicName = stringOr(req.str("name"), i.NicName)
	i.SecurityGroupID = stringOr(req.str("securityGroupId"), i.SecurityGroupID)
	return nil, ids, nil
}

// startIPForward and stopIPForward follow StartIpForward and StopIpForward:
// IP forwarding of an instance on or off.
func (z *zecState) startIPForward(req *call) (any, []string, error) { return z.setIPForward(req, true) }

func (z *zecState) stopIPForward(req *call) (any, []string, error) { return z.setIPForward(req, false) }

func (z *zecState) setIPForward(req *call, on bool) (any, []string, error) {
	i, ids, e := z.instanceOf(req)
	if e != nil {
		return nil, ids, e
	}
	if e := notLeaving(i); e != nil {
		return nil, ids, e
	}
	i.EnableIPForward = on
	return nil, ids, nil
}

// notLeaving refuses an instance being released or in the recycle bin.
func notLeaving(i *zecInstance) *errAPI {
	switch i.Status {
	case instStatusReleasing, instStatusRecycling, instStatusRecycle, instStatusPending, instStatusDeploying:
		return errInstanceStatus(i)
	}
	return nil
}
