package emulator

import (
	"slices"
	"strings"
	"time"
)

// cdcNIC is one network interface of an instance.
type cdcNIC struct {
	SubnetID    string `json:"subnet_id"`
	IPv4Address string `json:"ipv4_address,omitempty"`
}

// cdcError is the error of an instance whose installation failed.
type cdcError struct {
	ErrorCode string `json:"error_code"`
	ErrorMsg  string `json:"error_msg"`
	ErrorType string `json:"error_type"`
}

// cdcInstance is a CloudDC instance as the emulator keeps it; instanceJSON
// is its wire form.
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

	// seq orders the listing: instances are listed in creation order.
	seq int
	timed
}

// instanceJSON is an instance as ListInstances answers it.
func (h *huaweiState) instanceJSON(i *cdcInstance) map[string]any {
	img := h.images[i.ImageID]
	nics := append([]cdcNIC{}, i.NICs...)
	var tags []cdcTag
	if srv := h.servers[i.ServerID]; srv != nil && !instanceGoneState(i.State) {
		tags = srv.Tags // an instance's tags are its server's (clouddc_tags.go)
	}
	out := map[string]any{
		"id": i.ID, "name": i.Name, "vpc_id": i.VpcID, "network_interfaces": nics, "tags": tagsJSON(tags),
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

// instanceGoneState: a terminated instance no longer has its server's tags.
func instanceGoneState(state string) bool { return state == cdcStateTerminated }

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

// applyBatch is an instance batch operation, checked in the API's order:
// its body (decoded into in) and the fields it requires, the instances of
// instance_id_set, the values of its own fields; then every instance must
// pass check, or the call fails with the first refusal and changes
// nothing. Last, apply changes each, and the answer (status) lists them.
func (h *huaweiState) applyBatch(body []byte, in cdcBatchReq, status int, check func(*cdcInstance) *errAPI, apply func(*cdcInstance)) (cdcAnswer, *errAPI) {
	if e := decodeCDC(body, in); e != nil {
		return cdcAnswer{}, e
	}
	if e := in.missing(); e != nil {
		return cdcAnswer{}, e
	}
	insts, e := h.batch(in.instanceSet())
	if e != nil {
		return cdcAnswer{}, e
	}
	if e := in.invalid(h); e != nil {
		return cdcAnswer{}, e
	}
	for _, i := range insts {
		if e := check(i); e != nil {
			return cdcAnswer{}, e
		}
	}
	out := make([]map[string]string, 0, len(insts))
	for _, i := range insts {
		apply(i)
		out = append(out, map[string]string{"id": i.ID})
	}
	return cdcAnswer{status: status, body: map[string]any{"instances": out}, ids: in.instanceSet()}, nil
}

// stateIn refuses an operation (op) on an instance whose state is not one of allowed.
func stateIn(i *cdcInstance, op string, allowed ...string) *errAPI {
	if !slices.Contains(allowed, i.State) {
		return instanceStateErr(i, op, allowed...)
	}
	return nil
}
