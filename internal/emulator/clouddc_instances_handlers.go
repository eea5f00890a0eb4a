package emulator

import (
	"net/http"
	"slices"
	"sort"
	"strings"
)

// createInstance follows CreateInstance: the instance is pending on a ready
// server, which is in-use from then on (see scheduleCreate).
func (h *huaweiState) createInstance(req cdcRequest) (cdcAnswer, *errAPI) {
	var in cdcCreateReq
	if e := decodeCDC(req.body, &in); e != nil {
		return cdcAnswer{}, e
	}
	c, e := h.checkCreate(&in)
	if e != nil {
		return cdcAnswer{}, e
	}
	now := h.s.now()
	h.created++
	inst := &cdcInstance{
		ID: h.newUUID(), Name: *in.Name, VpcID: *in.VpcID, NICs: c.nics, ImageID: *in.ImageID, Description: c.description,
		State: cdcStatePending, OperationState: "install-processing", Metadata: in.Metadata, ServerID: c.server.ID,
		CreatedAt: now, UpdatedAt: now, Password: *in.Password, seq: h.created,
	}
	c.server.ManageState = "in-use"
	h.instances[inst.ID] = inst
	h.scheduleCreate(inst, c.server, now)
	return cdcAnswer{status: http.StatusAccepted, body: map[string]any{"instance_id": inst.ID}, ids: []string{inst.ID}}, nil
}

func (h *huaweiState) listInstances(req cdcRequest) (cdcAnswer, *errAPI) {
	q := req.r.URL.Query()
	limit, e := cdcLimit(q)
	if e != nil {
		return cdcAnswer{}, e
	}
	state := q.Get("instance_state")
	if state != "" && !slices.Contains(cdcListStates, state) {
		return cdcAnswer{}, invalidParam("instance_state %q is not one of %s", state, strings.Join(cdcListStates, ", "))
	}
	ids, e := idList("instance_id", q.Get("instance_id"))
	if e != nil {
		return cdcAnswer{}, e
	}
	servers, e := idList("server_id", q.Get("server_id"))
	if e != nil {
		return cdcAnswer{}, e
	}
	if len(ids) > 0 && len(servers) > 0 {
		return cdcAnswer{}, invalidParam("instance_id and server_id cannot be used together")
	}
	match := filterSorted(h.instances, func(i *cdcInstance) bool {
		switch {
		case len(ids) > 0 && !slices.Contains(ids, i.ID):
		case len(servers) > 0 && !slices.Contains(servers, i.ServerID):
		case state != "" && i.State != state:
		default:
			return true
		}
		return false
	})
	sort.Slice(match, func(a, b int) bool { return match[a].seq < match[b].seq })
	page, info, e := markerPage(match, q.Get("marker"), limit, "an instance", true, func(i *cdcInstance) string { return i.ID })
	if e != nil {
		return cdcAnswer{}, e
	}
	return cdcAnswer{status: http.StatusOK, body: map[string]any{"instances": mapEach(page, h.instanceJSON), "page_info": info, "count": len(match)}, ids: ids}, nil
}

func (h *huaweiState) showInstanceStatus(req cdcRequest) (cdcAnswer, *errAPI) {
	i, e := h.instance(req.id)
	if e != nil {
		return cdcAnswer{}, e
	}
	out := map[string]any{"state": i.State, "operation_state": i.OperationState}
	if i.Error != nil {
		out["error"] = i.Error
	}
	return cdcAnswer{status: http.StatusOK, body: out, note: i.State}, nil
}

func (h *huaweiState) deleteInstance(req cdcRequest) (cdcAnswer, *errAPI) {
	i, e := h.instance(req.id)
	if e != nil {
		return cdcAnswer{}, e
	}
	if e := h.startDelete(i); e != nil {
		return cdcAnswer{}, e
	}
	return cdcAnswer{status: http.StatusNoContent}, nil
}

func (h *huaweiState) deleteInstances(req cdcRequest) (cdcAnswer, *errAPI) {
	return h.applyBatch(req.body, &cdcDeleteReq{}, http.StatusAccepted, func(i *cdcInstance) *errAPI {
		if i.State == cdcStateTerminated {
			return instancesNotFound(i.ID)
		}
		return h.checkDeletable(i)
	}, func(i *cdcInstance) { _ = h.startDelete(i) })
}

func (h *huaweiState) modifyInstanceIP(req cdcRequest) (cdcAnswer, *errAPI) {
	i, e := h.instance(req.id)
	if e != nil {
		return cdcAnswer{}, e
	}
	var in struct {
		VpcID *string `json:"vpc_id"`
		NICs  []struct {
			SubnetID  string  `json:"subnet_id"`
			IPAddress *string `json:"ip_address"`
		} `json:"nics"`
	}
	if e := decodeCDC(req.body, &in); e != nil {
		return cdcAnswer{}, e
	}
	if len(in.NICs) == 0 {
		return cdcAnswer{}, missingParams("nics")
	}
	retry := i.State == cdcStateFailed && i.OperationState == "modify-ip-failed"
	if i.State != cdcStateRunning && !retry {
		return cdcAnswer{}, instanceStateErr(i, "an IP change", cdcStateRunning)
	}
	vpc := i.VpcID
	if in.VpcID != nil && *in.VpcID != "" {
		if !h.vpcExists(*in.VpcID) {
			return cdcAnswer{}, invalidParam("vpc_id %s does not exist", *in.VpcID)
		}
		vpc = *in.VpcID
	}
	nics := make([]cdcNIC, 0, len(in.NICs))
	for _, n := range in.NICs {
		ip := ""
		if n.IPAddress != nil {
			ip = *n.IPAddress
		}
		nics = append(nics, cdcNIC{SubnetID: n.SubnetID, IPv4Address: ip})
	}
	nics, e = h.resolveNICs(vpc, nics, i.ID)
	if e != nil {
		return cdcAnswer{}, e
	}
	h.modifyIP(i, vpc, nics)
	return cdcAnswer{status: http.StatusAccepted}, nil
}

func (h *huaweiState) reinstallOS(req cdcRequest) (cdcAnswer, *errAPI) {
	var in cdcReinstallReq
	now := h.s.now()
	// "Prerequisites: The instance is in the running state" (ReinstallOS
	// document); a failed instance may be reinstalled to recover it.
	return h.applyBatch(req.body, &in, http.StatusAccepted, func(i *cdcInstance) *errAPI {
		return stateIn(i, "a reinstallation", cdcStateRunning, cdcStateFailed)
	}, func(i *cdcInstance) { h.reinstall(i, stringOr(in.ImageID, i.ImageID), *in.Password, now) })
}

// changeInstancePassword is synchronous and all-or-nothing. "Prerequisites:
// The instance is in the running state" (ChangeInstancePassword document).
func (h *huaweiState) changeInstancePassword(req cdcRequest) (cdcAnswer, *errAPI) {
	var in cdcPasswordReq
	return h.applyBatch(req.body, &in, http.StatusOK, func(i *cdcInstance) *errAPI {
		return stateIn(i, "a password change", cdcStateRunning)
	}, func(i *cdcInstance) { i.Password, i.UpdatedAt = *in.NewPassword, h.s.now() })
}
