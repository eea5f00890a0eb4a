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

// onInstance is the action act on the one instance named by instanceId.
func (z *zecState) onInstance(act func(req *call, i *zecInstance) *errAPI) zenlayerAction {
	return onOne("instanceId", z.instance, act)
}

// stoppedOnly refuses an instance that is not STOPPED: busy ones with
// OPERATION_DENIED_INSTANCE_IN_OPERATION, the others with
// UNSUPPORTED_OPERATION_INSTANCE_STATUS.
func stoppedOnly(i *zecInstance) *errAPI { return acceptsFrom(instStatusStopped)(i) }

// modifyInstanceType follows ModifyInstanceType: "You can only perform this
// operation on instances whose status is STOPPED"; RESIZING, then STOPPED
// with the new type (the API notes).
func (z *zecState) modifyInstanceType(req *call, i *zecInstance) *errAPI {
	typeID, e := req.required("instanceType")
	if e != nil {
		return e
	}
	t, ok := ZECInstanceTypes[typeID]
	if !ok {
		return apiErr(http.StatusNotFound, codeInstanceTypeNotFound, "The specified instance type %s does not exist.", typeID)
	}
	if e := stoppedOnly(i); e != nil {
		return e
	}
	if typeID == i.InstanceType {
		return apiErr(http.StatusBadRequest, codeInvalidValue, "Instance %s is already of type %s.", i.InstanceID, typeID)
	}
	i.Status = instStatusResizing
	i.tl.after(z.s.now(), z.s.opts.Durations.InstanceChange, func() {
		i.InstanceType, i.CPU, i.Memory, i.Status = typeID, t.CPU, t.Memory, instStatusStopped
	})
	return nil
}

// resetInstance follows ResetInstance: a STOPPED instance is reinstalled
// from imageId (its own image if none), never across OS types, on a system
// disk at least the image's minimum, with a password or a key pair (neither
// for Windows and Generic images); it is DEPLOYING, then RUNNING.
func (z *zecState) resetInstance(req *call, i *zecInstance) *errAPI {
	imageID := stringOr(req.str("imageId"), i.ImageID)
	image, ok := ZECImages[imageID]
	if !ok {
		return apiErr(http.StatusNotFound, codeImageNotFound, "The specified image %s does not exist.", imageID)
	}
	if image.osFamily() != ZECImages[i.ImageID].osFamily() {
		return apiErr(http.StatusBadRequest, codeInvalidParameter,
			"Cross-OS type reinstallation is not supported: instance %s runs a %s image, %s is %s.", i.InstanceID,
			ZECImages[i.ImageID].osFamily(), imageID, image.osFamily())
	}
	if e := checkLogin(image, req); e != nil {
		return e
	}
	if name := req.str("instanceName"); name != nil {
		if e := checkInstanceName(*name); e != nil {
			return e
		}
	}
	if e := stoppedOnly(i); e != nil {
		return e
	}
	sys := z.disks[i.SystemDiskID]
	if sys != nil && sys.DiskSize < image.MinDisk {
		return apiErr(http.StatusBadRequest, codeDiskSize,
			"The system disk (%d GiB) is smaller than image %s needs (%d GiB).", sys.DiskSize, imageID, image.MinDisk)
	}
	keyID := stringOr(req.str("keyId"), "")
	installed := func() { i.ImageID, i.KeyID = imageID, keyID }
	if !z.s.opts.ZECResetImageAtEnd {
		installed()
		installed = func() {}
	}
	i.TimeZone = stringOr(req.str("timezone"), i.TimeZone)
	i.EnableAgent = valueOr(req.flag("enableAgent"), i.EnableAgent)
	i.InstanceName = stringOr(req.str("instanceName"), i.InstanceName)
	i.UserData = stringOr(req.str("userData"), "")
	i.Resets++
	i.Status = instStatusDeploying
	i.tl.after(z.s.now(), z.s.opts.Durations.InstanceChange, func() { installed(); i.Status = instStatusRunning })
	return nil
}

// resetInstancePassword follows ResetInstancePassword: "The instance must
// have QGA installed and be in a powered-on state"; the password policy is
// the create's with fewer special characters.
func (z *zecState) resetInstancePassword(req *call, i *zecInstance) *errAPI {
	password, e := req.required("password")
	if e != nil {
		return e
	}
	if kinds, clean := passwordKinds(password, passwordResetSpecials); len(password) < 8 || len(password) > 16 || !clean || kinds < 3 {
		return apiErr(http.StatusBadRequest, codePasswordMalformed,
			"Invalid password. The specified password does not meet the requirements: 8 to 16 characters with at least three of lowercase letters, uppercase letters, digits and %s.", passwordResetSpecials)
	}
	if e := acceptsFrom(instStatusRunning)(i); e != nil {
		return e
	}
	if !i.EnableAgent {
		return apiErr(http.StatusBadRequest, codeUnsupportedInstanceStatus,
			"The password of instance %s cannot be reset: its QEMU Guest Agent (enableAgent) is off.", i.InstanceID)
	}
	i.PasswordResets++
	return nil
}

// modifyNetworkInterfaceAttribute follows ModifyNetworkInterfaceAttribute:
// it renames a vNIC and binds it to one security group ("Specifying this
// field will unbind the original security group"; binding the group it
// already has succeeds). Its nicId is found by nicOwner.
func (z *zecState) modifyNetworkInterfaceAttribute(req *call, i *zecInstance) *errAPI {
	if name := req.str("name"); name != nil {
		if !diskNamePattern.MatchString(*name) || len(*name) < 2 || len(*name) > 63 {
			return apiErr(http.StatusBadRequest, codeInvalidValue,
				"name %q is invalid: 2 to 63 letters, digits, '-', '/', '_' and '.', starting and ending with a letter or digit.", *name)
		}
	}
	if e := notLeaving(i); e != nil {
		return e
	}
	i.NicName = stringOr(req.str("name"), i.NicName)
	i.SecurityGroupID = stringOr(req.str("securityGroupId"), i.SecurityGroupID)
	return nil
}

// nicOwner is the instance of a vNIC: an instance's one vNIC is
// "<instanceId>-nic0".
func (z *zecState) nicOwner(nicID string) (*zecInstance, *errAPI) {
	instanceID, ok := strings.CutSuffix(nicID, "-nic0")
	i := z.instances[instanceID]
	if !ok || i == nil {
		return nil, apiErr(http.StatusNotFound, codeNicNotFound, "The vNIC %s does not exist.", nicID)
	}
	return i, nil
}

// ipForward follows StartIpForward (on) and StopIpForward: IP forwarding
// of an instance on or off.
func ipForward(on bool) func(req *call, i *zecInstance) *errAPI {
	return func(_ *call, i *zecInstance) *errAPI {
		if e := notLeaving(i); e != nil {
			return e
		}
		i.EnableIPForward = on
		return nil
	}
}

// notLeaving refuses an instance being released or in the recycle bin.
func notLeaving(i *zecInstance) *errAPI {
	switch i.Status {
	case instStatusReleasing, instStatusRecycling, instStatusRecycle, instStatusPending, instStatusDeploying:
		return errInstanceStatus(i)
	}
	return nil
}
