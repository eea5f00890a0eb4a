package emulator

import (
	"encoding/json"
	"net/http"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
)

// The CloudDC emulator: instances (an OS installed on one of the
// customer's physical servers) with the API's state machine
//
//	CreateInstance         pending → running (Durations.CloudDCCreate), or failed / error (CreateFailRate, async-fail fault)
//	ModifyInstanceIp       running → modifyIping → running (Durations.CloudDCStop)
//	ReinstallOs            running | stopped | failed → reinstalling → running (Durations.CloudDCReinstall)
//	ChangeServerPowerState power off: running → stopping → stopped; power on: stopped → running;
//	                       rebooting: running → stopping → running (Durations.CloudDCStop each)
//	DeleteInstance         204, then shutting-down → terminated (Durations.CloudDCDelete); the
//	                       terminated instance is still listed for Durations.CloudDCTerminatedVisible,
//	                       then every call answers 404 iMetal.0200.
//
// and the documented constraints and error codes (iMetal.0001 / 0002 400,
// 0004 403, 0099 500, 0100 404, 0101 400, 0200 404, 0201 400 for an
// operation the instance's state does not allow).

const (
	cdcMaxNICs         = 2
	cdcMaxMetadata     = 10
	cdcMaxDescription  = 255
	cdcMaxIDsPerFilter = 100
	cdcMaxBatch        = 50 // DeleteInstances and ReinstallOs (the newer document; the SDK says 10)
	cdcMinLimit        = 10
	cdcMaxLimit        = 1000
	cdcFirstHostOctet  = 10
	cdcPasswordSpecial = "!@$%^-_=+[{}]:,./?"
	cdcTimeFormat      = time.RFC3339
)

type cdcImage struct{ ID, Name, OSType string }

type cdcSubnet struct {
	ID, VpcID string
	prefix    netip.Prefix
	gateway   netip.Addr
}

type cdcServer struct {
	ID, Name, ManageState, PowerState string
	onboard                           time.Time
}

type cdcNIC struct {
	SubnetID    string `json:"subnet_id"`
	IPv4Address string `json:"ipv4_address,omitempty"`
}

type cdcError struct {
	ErrorCode string `json:"error_code"`
	ErrorMsg  string `json:"error_msg"`
	ErrorType string `json:"error_type"`
}

type cdcInstance struct {
	ID             string
	Name           string
	VpcID          string
	NICs           []cdcNIC
	ImageID        string
	Description    string
	State          string
	OperationState string
	Metadata       map[string]string
	ServerID       string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	LaunchedAt     time.Time
	Error          *cdcError
	Password       string

	seq int
	timed
}

func (h *huaweiState) initCatalogue() {
	h.images = map[string]cdcImage{
		HuaweiImageID:        {ID: HuaweiImageID, Name: "Ubuntu 22.04 server 64bit", OSType: "Linux"},
		HuaweiImageID2:       {ID: HuaweiImageID2, Name: "Huawei Cloud EulerOS 2.0 64bit", OSType: "Linux"},
		HuaweiWindowsImageID: {ID: HuaweiWindowsImageID, Name: "Windows Server 2022 Datacenter 64bit", OSType: "Windows"},
	}
	h.subnets = map[string]*cdcSubnet{}
	for _, sn := range []struct{ id, vpc, cidr string }{
		{HuaweiSubnetID, HuaweiVPCID, "192.168.0.0/24"},
		{HuaweiSubnetID2, HuaweiVPCID, "192.168.1.0/24"},
		{HuaweiSubnetID3, HuaweiVPCID2, "10.10.0.0/24"},
	} {
		p := netip.MustParsePrefix(sn.cidr)
		h.subnets[sn.id] = &cdcSubnet{ID: sn.id, VpcID: sn.vpc, prefix: p, gateway: p.Addr().Next()}
	}
	h.servers = map[string]*cdcServer{}
	for _, srv := range h.opts.Servers {
		h.servers[srv.ID] = &cdcServer{ID: srv.ID, Name: srv.Name, ManageState: srv.ManageState, PowerState: "on", onboard: h.s.now()}
	}
}

func (h *huaweiState) vpcExists(id string) bool {
	for _, sn := range h.subnets {
		if sn.VpcID == id {
			return true
		}
	}
	return false
}

func invalidParam(format string, args ...any) *errAPI {
	return apiErr(http.StatusBadRequest, huaweicloud.CodeInvalidParameter, "A request parameter contains invalid or unsupported value: "+format, args...)
}

func missingParams(names ...string) *errAPI {
	return apiErr(http.StatusBadRequest, huaweicloud.CodeMissingParameter, "Missing required parameters: %s", strings.Join(names, ", "))
}

func instancesNotFound(ids ...string) *errAPI {
	return apiErr(http.StatusNotFound, huaweicloud.CodeInstanceNotFound, "Instances not found: [%s]", strings.Join(ids, ", "))
}

func instanceStateErr(i *cdcInstance, op string, allowed ...string) *errAPI {
	return apiErr(http.StatusBadRequest, huaweicloud.CodeInstanceState, "Instances state does not allow %s: [%s] is %s (allowed: %s)", op, i.ID, i.State, strings.Join(allowed, ", "))
}

// decodeCDC decodes a body strictly: unknown fields and wrong types are iMetal.0001.
func decodeCDC(body []byte, v any) *errAPI {
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalidParam("the body is not valid: %v", err)
	}
	return nil
}

// checkCDCName: 1 to 63 Chinese characters, letters, digits, "_", "-" and ".".
func checkCDCName(name string) *errAPI {
	n := utf8.RuneCountInString(name)
	if n < 1 || n > 63 {
		return invalidParam("name must be 1 to 63 characters, got %d", n)
	}
	for _, r := range name {
		if !cdcNameRune(r) {
			return invalidParam("name %q may contain only Chinese characters, letters, digits, '_', '-' and '.'", name)
		}
	}
	return nil
}

func cdcNameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) || r == '_' || r == '-' || r == '.'
}

func cdcMetadataKeyRune(r rune) bool {
	return (r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) || strings.ContainsRune("-_: .", r)
}

// checkCDCPassword is the documented policy of CreateInstance and
// ReinstallOs: 8 to 26 characters, at least three of upper case, lower
// case, digits and !@$%^-_=+[{}]:,./?, and neither the administrator's
// name (root, Administrator) nor its reverse.
func checkCDCPassword(pw string) *errAPI {
	if n := len(pw); n < 8 || n > 26 {
		return invalidParam("password must be 8 to 26 characters")
	}
	var upper, lower, digit, special bool
	for _, r := range pw {
		switch {
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(cdcPasswordSpecial, r):
			special = true
		default:
			return invalidParam("password may contain only letters, digits and %s", cdcPasswordSpecial)
		}
	}
	classes := 0
	for _, b := range []bool{upper, lower, digit, special} {
		if b {
			classes++
		}
	}
	if classes < 3 {
		return invalidParam("password must contain at least three of: upper-case letters, lower-case letters, digits, special characters %s", cdcPasswordSpecial)
	}
	l := strings.ToLower(pw)
	for _, name := range []string{"root", "toor", "administrator", "rotartsinimda"} {
		if strings.Contains(l, name) {
			return invalidParam("password must not contain the administrator's user name or its reverse")
		}
	}
	return nil
}

func checkCDCMetadata(md map[string]string) *errAPI {
	if len(md) > cdcMaxMetadata {
		return invalidParam("metadata may hold at most %d pairs, got %d", cdcMaxMetadata, len(md))
	}
	for k, v := range md {
		if len(k) < 1 || len(k) > 255 || strings.IndexFunc(k, func(r rune) bool { return !cdcMetadataKeyRune(r) }) >= 0 {
			return invalidParam("metadata key %q must be 1 to 255 letters, digits, '-', '_', ':', ' ' and '.'", k)
		}
		if utf8.RuneCountInString(v) > 255 {
			return invalidParam("metadata value of %q is longer than 255 characters", k)
		}
	}
	return nil
}

// usedIPs are the addresses taken in a subnet, except by the instance skip.
func (h *huaweiState) usedIPs(subnetID, skip string) map[string]bool {
	used := map[string]bool{}
	for _, i := range h.instances {
		if i.ID == skip || i.State == huaweicloud.StateTerminated {
			continue
		}
		for _, n := range i.NICs {
			if n.SubnetID == subnetID {
				used[n.IPv4Address] = true
			}
		}
	}
	return used
}

// resolveNICs checks NICs against the VPC and allocates the addresses not given.
func (h *huaweiState) resolveNICs(vpcID string, nics []cdcNIC, skip string) ([]cdcNIC, *errAPI) {
	if len(nics) < 1 || len(nics) > cdcMaxNICs {
		return nil, invalidParam("network interfaces: 1 to %d are allowed, got %d", cdcMaxNICs, len(nics))
	}
	out := make([]cdcNIC, len(nics))
	taken := map[string]bool{}
	for k, n := range nics {
		if n.SubnetID == "" {
			return nil, missingParams("subnet_id")
		}
		sn := h.subnets[n.SubnetID]
		if sn == nil {
			return nil, invalidParam("subnet %s does not exist", n.SubnetID)
		}
		if sn.VpcID != vpcID {
			return nil, invalidParam("subnet %s is not in VPC %s: all network interfaces must be in the instance's VPC", n.SubnetID, vpcID)
		}
		used := h.usedIPs(sn.ID, skip)
		for ip := range taken {
			used[ip] = true
		}
		if n.IPv4Address != "" {
			addr, err := netip.ParseAddr(n.IPv4Address)
			if err != nil || !addr.Is4() {
				return nil, invalidParam("ip address %q is not an IPv4 address", n.IPv4Address)
			}
			last := sn.prefix.Addr().As4()
			last[3] |= 0xff
			if !sn.prefix.Contains(addr) || addr == sn.prefix.Addr() || addr == sn.gateway || addr == netip.AddrFrom4(last) {
				return nil, invalidParam("ip address %s is not a usable address of subnet %s (%s)", addr, sn.ID, sn.prefix)
			}
			if used[addr.String()] {
				return nil, invalidParam("ip address %s is already in use in subnet %s", addr, sn.ID)
			}
			out[k] = cdcNIC{SubnetID: sn.ID, IPv4Address: addr.String()}
		} else {
			addr := sn.prefix.Addr()
			for range cdcFirstHostOctet {
				addr = addr.Next()
			}
			for used[addr.String()] && sn.prefix.Contains(addr.Next()) {
				addr = addr.Next()
			}
			out[k] = cdcNIC{SubnetID: sn.ID, IPv4Address: addr.String()}
		}
		taken[out[k].IPv4Address] = true
	}
	return out, nil
}

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

func (h *huaweiState) createInstance(req cdcRequest) (cdcAnswer, *errAPI) {
	var in cdcCreateReq
	if e := decodeCDC(req.body, &in); e != nil {
		return cdcAnswer{}, e
	}
	var missing []string
	for name, v := range map[string]*string{"name": in.Name, "image_id": in.ImageID, "vpc_id": in.VpcID, "password": in.Password} {
		if v == nil || *v == "" {
			missing = append(missing, name)
		}
	}
	if len(in.NetworkInterfaces) == 0 {
		missing = append(missing, "network_interfaces")
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return cdcAnswer{}, missingParams(missing...)
	}
	if e := checkCDCName(*in.Name); e != nil {
		return cdcAnswer{}, e
	}
	if _, ok := h.images[*in.ImageID]; !ok {
		return cdcAnswer{}, invalidParam("image_id %s is not an available private image", *in.ImageID)
	}
	if !h.vpcExists(*in.VpcID) {
		return cdcAnswer{}, invalidParam("vpc_id %s does not exist", *in.VpcID)
	}
	nics := make([]cdcNIC, 0, len(in.NetworkInterfaces))
	for _, n := range in.NetworkInterfaces {
		nics = append(nics, cdcNIC{SubnetID: n.SubnetID, IPv4Address: n.IPv4Address})
	}
	nics, e := h.resolveNICs(*in.VpcID, nics, "")
	if e != nil {
		return cdcAnswer{}, e
	}
	if e := checkCDCPassword(*in.Password); e != nil {
		return cdcAnswer{}, e
	}
	if e := checkCDCMetadata(in.Metadata); e != nil {
		return cdcAnswer{}, e
	}
	desc := ""
	if in.Description != nil {
		desc = *in.Description
	}
	if utf8.RuneCountInString(desc) > cdcMaxDescription {
		return cdcAnswer{}, invalidParam("description is longer than %d characters", cdcMaxDescription)
	}
	server, e := h.pickServer(in.Placement)
	if e != nil {
		return cdcAnswer{}, e
	}

	s := h.s
	now := s.now()
	h.created++
	inst := &cdcInstance{
		ID: h.newUUID(), Name: *in.Name, VpcID: *in.VpcID, NICs: nics, ImageID: *in.ImageID, Description: desc,
		State: huaweicloud.StatePending, OperationState: "install-processing", Metadata: in.Metadata, ServerID: server.ID,
		CreatedAt: now, UpdatedAt: now, Password: *in.Password, seq: h.created,
	}
	server.ManageState = "in-use"
	h.instances[inst.ID] = inst
	fail := s.randFloat() < s.opts.CreateFailRate
	if s.asyncFailHere(inst.ID) {
		fail = true
	}
	failState := huaweicloud.StateFailed
	if s.randFloat() < 0.5 {
		failState = huaweicloud.StateError // the documents' spelling
	}
	inst.tl.after(now, s.opts.Durations.CloudDCCreate, func() {
		if inst.State != huaweicloud.StatePending {
			return
		}
		at := now.Add(s.opts.Durations.CloudDCCreate)
		inst.UpdatedAt = at
		if fail {
			inst.State, inst.OperationState = failState, "install-failed"
			inst.Error = &cdcError{ErrorCode: huaweicloud.CodeInternalError, ErrorType: "create_instance_error",
				ErrorMsg: "Installing the OS on physical server " + server.ID + " failed: the server did not boot from the image (PXE boot timed out)"}
			return
		}
		inst.State, inst.OperationState, inst.LaunchedAt = huaweicloud.StateRunning, "install-succeed", at
	})
	return cdcAnswer{status: http.StatusAccepted, body: map[string]any{"instance_id": inst.ID}, ids: []string{inst.ID}}, nil
}

// pickServer is placement.server_id, which must be ready, or a random ready server.
func (h *huaweiState) pickServer(p *struct {
	ServerID string `json:"server_id"`
}) (*cdcServer, *errAPI) {
	if p != nil && p.ServerID != "" {
		srv := h.servers[p.ServerID]
		if srv == nil {
			return nil, apiErr(http.StatusNotFound, huaweicloud.CodeServerNotFound, "Physical servers ID not found: [%s]", p.ServerID)
		}
		if srv.ManageState != "ready" {
			return nil, apiErr(http.StatusBadRequest, huaweicloud.CodeServerNotReady, "Physical servers state is not ready: [%s] (manage_state %s)", srv.ID, srv.ManageState)
		}
		return srv, nil
	}
	var ready []*cdcServer
	for _, srv := range sortedValues(h.servers) {
		if srv.ManageState == "ready" {
			ready = append(ready, srv)
		}
	}
	if len(ready) == 0 {
		return nil, apiErr(http.StatusBadRequest, huaweicloud.CodeServerNotReady, "Physical servers state is not ready: no server of the project is in manage_state ready")
	}
	return ready[min(len(ready)-1, int(h.s.randFloat()*float64(len(ready))))], nil
}

func (h *huaweiState) instanceJSON(i *cdcInstance) map[string]any {
	img := h.images[i.ImageID]
	nics := append([]cdcNIC{}, i.NICs...)
	out := map[string]any{
		"id": i.ID, "name": i.Name, "vpc_id": i.VpcID, "network_interfaces": nics, "tags": []any{},
		"image":       map[string]any{"id": img.ID, "name": img.Name, "os_type": img.OSType},
		"description": i.Description, "state": i.State, "operation_state": i.OperationState, "server_id": i.ServerID,
		"created_at": i.CreatedAt.UTC().Format(cdcTimeFormat), "updated_at": i.UpdatedAt.UTC().Format(cdcTimeFormat), "launched_at": "",
	}
	if !i.LaunchedAt.IsZero() {
		out["launched_at"] = i.LaunchedAt.UTC().Format(cdcTimeFormat)
	}
	if len(i.Metadata) > 0 {
		out["metadata"] = i.Metadata
	}
	if i.Error != nil {
		out["error"] = i.Error
	}
	return out
}

// idList parses a comma-separated list of at most 100 UUIDs.
func idList(name, v string) ([]string, *errAPI) {
	if v == "" {
		return nil, nil
	}
	ids := strings.Split(v, ",")
	if len(ids) > cdcMaxIDsPerFilter {
		return nil, invalidParam("%s may list at most %d ids, got %d", name, cdcMaxIDsPerFilter, len(ids))
	}
	for _, id := range ids {
		if !uuidPattern.MatchString(id) {
			return nil, invalidParam("%s %q is not a UUID", name, id)
		}
	}
	return ids, nil
}

func (h *huaweiState) listInstances(req cdcRequest) (cdcAnswer, *errAPI) {
	q := req.r.URL.Query()
	limit := cdcMaxLimit
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return cdcAnswer{}, invalidParam("limit %q is not a number", v)
		}
		limit = min(max(n, cdcMinLimit), cdcMaxLimit)
	}
	state := q.Get("instance_state")
	if state != "" && !slices.Contains(huaweicloud.InstanceStates, state) {
		return cdcAnswer{}, invalidParam("instance_state %q is not one of %s", state, strings.Join(huaweicloud.InstanceStates, ", "))
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
	var match []*cdcInstance
	for _, i := range h.instances {
		switch {
		case len(ids) > 0 && !slices.Contains(ids, i.ID):
		case len(servers) > 0 && !slices.Contains(servers, i.ServerID):
		case state != "" && i.State != state:
		default:
			match = append(match, i)
		}
	}
	sort.Slice(match, func(a, b int) bool { return match[a].seq < match[b].seq })
	start := 0
	if marker := q.Get("marker"); marker != "" {
		start = -1
		for k, i := range match {
			if i.ID == marker {
				start = k + 1
			}
		}
		if start < 0 {
			return cdcAnswer{}, invalidParam("marker %q is not an instance of this listing", marker)
		}
	}
	end := min(len(match), start+limit)
	page := make([]map[string]any, 0, end-start)
	for _, i := range match[start:end] {
		page = append(page, h.instanceJSON(i))
	}
	info := map[string]any{"current_count": len(page)}
	if end < len(match) && end > start {
		info["next_marker"] = match[end-1].ID
	}
	if start > 0 {
		info["previous_marker"] = match[start-1].ID
	}
	return cdcAnswer{status: http.StatusOK, body: map[string]any{"instances": page, "page_info": info, "count": len(match)}, ids: ids}, nil
}

// instance finds the {id} of a request. Called with s.mu held.
func (h *huaweiState) instance(id string) (*cdcInstance, *errAPI) {
	if !uuidPattern.MatchString(id) {
		return nil, invalidParam("instance id %q is not a UUID", id)
	}
	i := h.instances[id]
	if i == nil {
		return nil, instancesNotFound(id)
	}
	return i, nil
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

// startDelete moves an instance to shutting-down → terminated → gone.
// Called with s.mu held.
func (h *huaweiState) startDelete(i *cdcInstance) *errAPI {
	switch i.State {
	case huaweicloud.StateShuttingDown:
		return nil // already on its way
	case huaweicloud.StateTerminated:
		return instancesNotFound(i.ID)
	case huaweicloud.StatePending, huaweicloud.StateRunning, huaweicloud.StateStopped, huaweicloud.StateFailed, huaweicloud.StateError:
	default:
		return instanceStateErr(i, "deletion", huaweicloud.StatePending, huaweicloud.StateRunning, huaweicloud.StateStopped, huaweicloud.StateFailed)
	}
	s := h.s
	now := s.now()
	d := s.opts.Durations
	i.tl.clear()
	i.State, i.OperationState, i.UpdatedAt, i.Error = huaweicloud.StateShuttingDown, "uninstall-processing", now, nil
	i.tl.after(now, d.CloudDCDelete, func() {
		i.State, i.OperationState, i.UpdatedAt = huaweicloud.StateTerminated, "uninstall-succeed", now.Add(d.CloudDCDelete)
		if srv := h.servers[i.ServerID]; srv != nil && srv.ManageState == "in-use" {
			srv.ManageState = "ready"
		}
	})
	i.tl.after(now, d.CloudDCDelete+d.CloudDCTerminatedVisible, func() { delete(h.instances, i.ID) })
	return nil
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
	var in struct {
		IDs []string `json:"instance_id_set"`
	}
	if e := decodeCDC(req.body, &in); e != nil {
		return cdcAnswer{}, e
	}
	insts, e := h.batch(in.IDs)
	if e != nil {
		return cdcAnswer{}, e
	}
	for _, i := range insts {
		if i.State == huaweicloud.StateTerminated {
			return cdcAnswer{}, instancesNotFound(i.ID)
		}
		if e := h.checkDeletable(i); e != nil {
			return cdcAnswer{}, e
		}
	}
	out := make([]map[string]string, 0, len(insts))
	for _, i := range insts {
		_ = h.startDelete(i)
		out = append(out, map[string]string{"id": i.ID})
	}
	return cdcAnswer{status: http.StatusAccepted, body: map[string]any{"instances": out}, ids: in.IDs}, nil
}

func (h *huaweiState) checkDeletable(i *cdcInstance) *errAPI {
	switch i.State {
	case huaweicloud.StatePending, huaweicloud.StateRunning, huaweicloud.StateStopped, huaweicloud.StateFailed, huaweicloud.StateError, huaweicloud.StateShuttingDown:
		return nil
	}
	return instanceStateErr(i, "deletion", huaweicloud.StatePending, huaweicloud.StateRunning, huaweicloud.StateStopped, huaweicloud.StateFailed)
}

// batch finds the instances of an instance_id_set (1 to 50 ids, all known).
func (h *huaweiState) batch(ids []string) ([]*cdcInstance, *errAPI) {
	if len(ids) == 0 {
		return nil, missingParams("instance_id_set")
	}
	if len(ids) > cdcMaxBatch {
		return nil, invalidParam("instance_id_set may hold at most %d ids, got %d", cdcMaxBatch, len(ids))
	}
	var missing []string
	var out []*cdcInstance
	for _, id := range ids {
		if !uuidPattern.MatchString(id) {
			return nil, invalidParam("instance id %q is not a UUID", id)
		}
		if i := h.instances[id]; i == nil {
			missing = append(missing, id)
		} else {
			out = append(out, i)
		}
	}
	if len(missing) > 0 {
		return nil, instancesNotFound(missing...)
	}
	return out, nil
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
	retry := i.State == huaweicloud.StateFailed && i.OperationState == "modify-ip-failed"
	if i.State != huaweicloud.StateRunning && !retry {
		return cdcAnswer{}, instanceStateErr(i, "an IP change", huaweicloud.StateRunning)
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
	s := h.s
	now := s.now()
	i.VpcID, i.NICs = vpc, nics
	i.State, i.OperationState, i.UpdatedAt, i.Error = huaweicloud.StateModifyingIP, "modify-ip-processing", now, nil
	i.tl.after(now, s.opts.Durations.CloudDCStop, func() {
		i.State, i.OperationState, i.UpdatedAt = huaweicloud.StateRunning, "modify-ip-succeed", now.Add(s.opts.Durations.CloudDCStop)
	})
	return cdcAnswer{status: http.StatusAccepted}, nil
}

func (h *huaweiState) reinstallOS(req cdcRequest) (cdcAnswer, *errAPI) {
	var in struct {
		ImageID  *string  `json:"image_id"`
		Password *string  `json:"password"`
		IDs      []string `json:"instance_id_set"`
	}
	if e := decodeCDC(req.body, &in); e != nil {
		return cdcAnswer{}, e
	}
	if in.Password == nil || *in.Password == "" {
		return cdcAnswer{}, missingParams("password")
	}
	insts, e := h.batch(in.IDs)
	if e != nil {
		return cdcAnswer{}, e
	}
	if in.ImageID != nil && *in.ImageID != "" {
		if _, ok := h.images[*in.ImageID]; !ok {
			return cdcAnswer{}, invalidParam("image_id %s is not an available private image", *in.ImageID)
		}
	}
	if e := checkCDCPassword(*in.Password); e != nil {
		return cdcAnswer{}, e
	}
	for _, i := range insts {
		switch i.State {
		case huaweicloud.StateRunning, huaweicloud.StateStopped, huaweicloud.StateFailed:
		default:
			return cdcAnswer{}, instanceStateErr(i, "a reinstallation", huaweicloud.StateRunning, huaweicloud.StateStopped, huaweicloud.StateFailed)
		}
	}
	s := h.s
	now := s.now()
	out := make([]map[string]string, 0, len(insts))
	for _, i := range insts {
		image := i.ImageID
		if in.ImageID != nil && *in.ImageID != "" {
			image = *in.ImageID
		}
		i.State, i.OperationState, i.UpdatedAt, i.Error = huaweicloud.StateReinstalling, "reinstall-processing", now, nil
		i.tl.after(now, s.opts.Durations.CloudDCReinstall, func() {
			at := now.Add(s.opts.Durations.CloudDCReinstall)
			i.ImageID, i.Password = image, *in.Password
			i.State, i.OperationState, i.UpdatedAt, i.LaunchedAt = huaweicloud.StateRunning, "reinstall-succeed", at, at
		})
		out = append(out, map[string]string{"id": i.ID})
	}
	return cdcAnswer{status: http.StatusAccepted, body: map[string]any{"instances": out}, ids: in.IDs}, nil
}

// changeInstancePassword is synchronous and all-or-nothing; the API does
// no complexity check of the new password.
func (h *huaweiState) changeInstancePassword(req cdcRequest) (cdcAnswer, *errAPI) {
	var in struct {
		NewPassword *string  `json:"new_password"`
		IDs         []string `json:"instance_id_set"`
	}
	if e := decodeCDC(req.body, &in); e != nil {
		return cdcAnswer{}, e
	}
	if in.NewPassword == nil || *in.NewPassword == "" {
		return cdcAnswer{}, missingParams("new_password")
	}
	insts, e := h.batch(in.IDs)
	if e != nil {
		return cdcAnswer{}, e
	}
	for _, i := range insts {
		if i.State != huaweicloud.StateRunning && i.State != huaweicloud.StateStopped {
			return cdcAnswer{}, instanceStateErr(i, "a password change", huaweicloud.StateRunning, huaweicloud.StateStopped)
		}
	}
	out := make([]map[string]string, 0, len(insts))
	for _, i := range insts {
		i.Password, i.UpdatedAt = *in.NewPassword, h.s.now()
		out = append(out, map[string]string{"id": i.ID})
	}
	return cdcAnswer{status: http.StatusOK, body: map[string]any{"instances": out}, ids: in.IDs}, nil
}

func (h *huaweiState) serverJSON(srv *cdcServer) map[string]any {
	return map[string]any{
		"id": srv.ID, "name": srv.Name, "project_id": h.opts.ProjectID, "domain_id": HuaweiDomainID,
		"manage_state": srv.ManageState, "power_state": srv.PowerState, "health_state": "normal",
		"onboard_time": srv.onboard.UTC().Format(cdcTimeFormat), "tags": []any{},
	}
}

func (h *huaweiState) listServers(req cdcRequest) (cdcAnswer, *errAPI) {
	q := req.r.URL.Query()
	state := q.Get("manage_state")
	limit := cdcMaxLimit
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return cdcAnswer{}, invalidParam("limit %q is not a number", v)
		}
		limit = min(max(n, cdcMinLimit), cdcMaxLimit)
	}
	var match []*cdcServer
	for _, srv := range sortedValues(h.servers) {
		if state == "" || srv.ManageState == state {
			match = append(match, srv)
		}
	}
	start := 0
	if marker := q.Get("marker"); marker != "" {
		start = -1
		for k, srv := range match {
			if srv.ID == marker {
				start = k + 1
			}
		}
		if start < 0 {
			return cdcAnswer{}, invalidParam("marker %q is not a server of this listing", marker)
		}
	}
	end := min(len(match), start+limit)
	page := make([]map[string]any, 0, end-start)
	for _, srv := range match[start:end] {
		page = append(page, h.serverJSON(srv))
	}
	info := map[string]any{"current_count": len(page)}
	if end < len(match) {
		info["next_marker"] = match[end-1].ID
	}
	return cdcAnswer{status: http.StatusOK, body: map[string]any{"servers": page, "page_info": info, "count": len(match)}}, nil
}

func (h *huaweiState) showServer(req cdcRequest) (cdcAnswer, *errAPI) {
	srv := h.servers[req.id]
	if srv == nil {
		return cdcAnswer{}, apiErr(http.StatusNotFound, huaweicloud.CodeServerNotFound, "Physical servers ID not found: [%s]", req.id)
	}
	return cdcAnswer{status: http.StatusOK, body: h.serverJSON(srv)}, nil
}

// changeServerPowerState powers servers on or off, or reboots them; their
// instances go through stopping → stopped, or back to running.
func (h *huaweiState) changeServerPowerState(req cdcRequest) (cdcAnswer, *errAPI) {
	var in struct {
		Action    string   `json:"action"`
		ServerIDs []string `json:"server_id_set"`
	}
	if e := decodeCDC(req.body, &in); e != nil {
		return cdcAnswer{}, e
	}
	if in.Action == "" || len(in.ServerIDs) == 0 {
		return cdcAnswer{}, missingParams("action", "server_id_set")
	}
	if in.Action != "power on" && in.Action != "power off" && in.Action != "rebooting" {
		return cdcAnswer{}, invalidParam("action %q is not one of \"power on\", \"power off\", \"rebooting\"", in.Action)
	}
	var missing []string
	for _, id := range in.ServerIDs {
		if h.servers[id] == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return cdcAnswer{}, apiErr(http.StatusNotFound, huaweicloud.CodeServerNotFound, "Physical servers ID not found: [%s]", strings.Join(missing, ", "))
	}
	s := h.s
	now := s.now()
	d := s.opts.Durations.CloudDCStop
	var touched []string
	out := make([]map[string]string, 0, len(in.ServerIDs))
	for _, id := range in.ServerIDs {
		srv := h.servers[id]
		out = append(out, map[string]string{"id": id})
		for _, i := range sortedValues(h.instances) {
			if i.ServerID != id {
				continue
			}
			switch {
			case in.Action == "power off" && i.State == huaweicloud.StateRunning:
				i.State, i.UpdatedAt = huaweicloud.StateStopping, now
				i.tl.after(now, d, func() { i.State, i.UpdatedAt, srv.PowerState = huaweicloud.StateStopped, now.Add(d), "off" })
			case in.Action == "power on" && i.State == huaweicloud.StateStopped:
				i.State, i.UpdatedAt = huaweicloud.StatePending, now
				i.tl.after(now, d, func() { i.State, i.UpdatedAt, srv.PowerState = huaweicloud.StateRunning, now.Add(d), "on" })
			case in.Action == "rebooting" && i.State == huaweicloud.StateRunning:
				i.State, i.UpdatedAt = huaweicloud.StateStopping, now
				i.tl.after(now, d, func() { i.State, i.UpdatedAt = huaweicloud.StateRunning, now.Add(d) })
			default:
				continue
			}
			touched = append(touched, i.ID)
		}
	}
	return cdcAnswer{status: http.StatusAccepted, body: map[string]any{"servers": out}, ids: touched}, nil
}

// CloudDCInstanceView is what tests read of a CloudDC instance.
type CloudDCInstanceView struct {
	ID, Name, State, ImageID, VpcID, ServerID, Password, Description string
	IPs                                                              []string
	SubnetIDs                                                        []string
	Metadata                                                         map[string]string
}

// CloudDCInstance returns a copy of an instance (terminated ones included
// while they are listed), or false once it is gone.
func (s *Server) CloudDCInstance(id string) (CloudDCInstanceView, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.advanceAll()
	i := s.huawei().instances[id]
	if i == nil {
		return CloudDCInstanceView{}, false
	}
	v := CloudDCInstanceView{ID: i.ID, Name: i.Name, State: i.State, ImageID: i.ImageID, VpcID: i.VpcID, ServerID: i.ServerID,
		Password: i.Password, Description: i.Description, Metadata: i.Metadata}
	for _, n := range i.NICs {
		v.IPs = append(v.IPs, n.IPv4Address)
		v.SubnetIDs = append(v.SubnetIDs, n.SubnetID)
	}
	return v, true
}

// SetCloudDCInstanceState forces an instance's state behind the provider's
// back, dropping its pending transitions (tests).
func (s *Server) SetCloudDCInstanceState(id, state string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.huawei().instances[id]
	if i == nil {
		return false
	}
	i.tl.clear()
	i.State = state
	return true
}

// DeleteCloudDCInstance removes an instance at once behind the provider's
// back (tests: "disappears"); its server is ready again.
func (s *Server) DeleteCloudDCInstance(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.huawei()
	i := h.instances[id]
	if i == nil {
		return false
	}
	if srv := h.servers[i.ServerID]; srv != nil && srv.ManageState == "in-use" {
		srv.ManageState = "ready"
	}
	delete(h.instances, id)
	return true
}

// AddCloudDCInstance places a running instance (HuaweiImageID, HuaweiVPCID,
// one NIC in HuaweiSubnetID) on a ready server: a fixture for tests and the
// demo. It returns the id, or "" if no server is ready.
func (s *Server) AddCloudDCInstance(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.huawei()
	srv, e := h.pickServer(nil)
	if e != nil {
		return ""
	}
	nics, e := h.resolveNICs(HuaweiVPCID, []cdcNIC{{SubnetID: HuaweiSubnetID}}, "")
	if e != nil {
		return ""
	}
	now := s.now()
	h.created++
	i := &cdcInstance{ID: h.newUUID(), Name: name, VpcID: HuaweiVPCID, NICs: nics, ImageID: HuaweiImageID, State: huaweicloud.StateRunning,
		OperationState: "install-succeed", ServerID: srv.ID, CreatedAt: now, UpdatedAt: now, LaunchedAt: now, Password: "Fixture-Passw0rd", seq: h.created}
	srv.ManageState = "in-use"
	h.instances[i.ID] = i
	return i.ID
}

// SetHuaweiServerState changes a physical server's manage_state (tests: no ready server).
func (s *Server) SetHuaweiServerState(id, state string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	srv := s.huawei().servers[id]
	if srv == nil {
		return false
	}
	srv.ManageState = state
	return true
}
