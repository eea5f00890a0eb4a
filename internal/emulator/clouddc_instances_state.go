package emulator

import (
	"time"
)

// CloudDC instances live through the API's state machine:
//
//	CreateInstance         pending → running (Durations.CloudDCCreate), or failed / error (CreateFailRate, async-fail fault)
//	ModifyInstanceIp       running → modifyIping → running (Durations.CloudDCStop)
//	ReinstallOs            running | failed → reinstalling → running (Durations.CloudDCReinstall)
//	ChangeInstancePassword running only (synchronous)
//	ChangeServerPowerState power off: running → stopping → stopped; power on: stopped → running;
//	                       rebooting: running → stopping → running (Durations.CloudDCStop each)
//	DeleteInstance         204, then shutting-down → terminated (Durations.CloudDCDelete); the
//	                       terminated instance is still listed for Durations.CloudDCTerminatedVisible,
//	                       then every call answers 404 iMetal.0200.

// scheduleCreate plays pending → running for a new instance on server, or
// pending → failed / error for a share of Options.CreateFailRate and under
// an async-fail fault. A state changed meanwhile (a delete) wins.
func (h *huaweiState) scheduleCreate(inst *cdcInstance, server *cdcServer, now time.Time) {
	s := h.s
	fail := s.randFloat() < s.opts.CreateFailRate
	if s.asyncFailHere(inst.ID) {
		fail = true
	}
	failState := cdcStateFailed
	if s.randFloat() < 0.5 {
		failState = cdcStateError // the documents' spelling
	}
	inst.tl.after(now, s.opts.Durations.CloudDCCreate, func() {
		if inst.State != cdcStatePending {
			return
		}
		at := now.Add(s.opts.Durations.CloudDCCreate)
		inst.UpdatedAt = at
		if fail {
			inst.State, inst.OperationState = failState, "install-failed"
			inst.Error = &cdcError{ErrorCode: cdcCodeInternalError, ErrorType: "create_instance_error",
				ErrorMsg: "Installing the OS on physical server " + server.ID + " failed: the server did not boot from the image (PXE boot timed out)"}
			return
		}
		inst.State, inst.OperationState, inst.LaunchedAt = cdcStateRunning, "install-succeed", at
	})
}

// startDelete moves an instance to shutting-down → terminated → gone.
// Called with s.mu held.
func (h *huaweiState) startDelete(i *cdcInstance) *errAPI {
	switch i.State {
	case cdcStateShuttingDown:
		return nil // already on its way
	case cdcStateTerminated:
		return instancesNotFound(i.ID)
	case cdcStatePending, cdcStateRunning, cdcStateStopped, cdcStateFailed, cdcStateError:
	default:
		return instanceStateErr(i, "deletion", cdcStatePending, cdcStateRunning, cdcStateStopped, cdcStateFailed)
	}
	s := h.s
	now := s.now()
	d := s.opts.Durations
	i.tl.clear()
	i.State, i.OperationState, i.UpdatedAt, i.Error = cdcStateShuttingDown, "uninstall-processing", now, nil
	i.tl.after(now, d.CloudDCDelete, func() {
		i.State, i.OperationState, i.UpdatedAt = cdcStateTerminated, "uninstall-succeed", now.Add(d.CloudDCDelete)
		h.freeServer(i)
	})
	i.tl.after(now, d.CloudDCDelete+d.CloudDCTerminatedVisible, func() { delete(h.instances, i.ID) })
	return nil
}

func (h *huaweiState) checkDeletable(i *cdcInstance) *errAPI {
	switch i.State {
	case cdcStatePending, cdcStateRunning, cdcStateStopped, cdcStateFailed, cdcStateError, cdcStateShuttingDown:
		return nil
	}
	return instanceStateErr(i, "deletion", cdcStatePending, cdcStateRunning, cdcStateStopped, cdcStateFailed)
}

// modifyIP gives an instance its new VPC and addresses: modifyIping, then
// running again.
func (h *huaweiState) modifyIP(i *cdcInstance, vpc string, nics []cdcNIC) {
	s := h.s
	now := s.now()
	i.VpcID, i.NICs = vpc, nics
	i.State, i.OperationState, i.UpdatedAt, i.Error = cdcStateModifyingIP, "modify-ip-processing", now, nil
	i.tl.after(now, s.opts.Durations.CloudDCStop, func() {
		i.State, i.OperationState, i.UpdatedAt = cdcStateRunning, "modify-ip-succeed", now.Add(s.opts.Durations.CloudDCStop)
	})
}

// reinstall installs image on an instance with a new administrator
// password: reinstalling from now, then running.
func (h *huaweiState) reinstall(i *cdcInstance, image, password string, now time.Time) {
	s := h.s
	i.State, i.OperationState, i.UpdatedAt, i.Error = cdcStateReinstalling, "reinstall-processing", now, nil
	i.tl.after(now, s.opts.Durations.CloudDCReinstall, func() {
		at := now.Add(s.opts.Durations.CloudDCReinstall)
		i.ImageID, i.Password = image, password
		i.State, i.OperationState, i.UpdatedAt, i.LaunchedAt = cdcStateRunning, "reinstall-succeed", at, at
	})
}
