package huaweicloud

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// CloudDC instance states. The API's sources disagree: the SDK lists the
// first ten (an older SDK spells terminated "teminated"), the documents
// add "error". Callers treat the state as an open string.
const (
	StatePending          = "pending"
	StateRunning          = "running"
	StateStopping         = "stopping"
	StateStopped          = "stopped"
	StateReinstalling     = "reinstalling"
	StateShuttingDown     = "shutting-down"
	StateTerminated       = "terminated"
	StateTerminatedTypo   = "teminated"
	StateFailed           = "failed"
	StateError            = "error"
	StateModifyingIP      = "modifyIping"
	StateSwitchInstalling = "switch-installing"
)

// InstanceStates are the values ListInstances accepts as instance_state.
var InstanceStates = []string{StatePending, StateRunning, StateStopping, StateStopped, StateReinstalling, StateShuttingDown, StateTerminated, StateFailed}

// IsTerminated reports whether state means the instance is deleted.
func IsTerminated(state string) bool {
	return state == StateTerminated || state == StateTerminatedTypo
}

// IsFailed reports whether state is a failure state.
func IsFailed(state string) bool { return state == StateFailed || state == StateError }

// Limits of the CloudDC API.
const (
	MaxNetworkInterfaces = 2
	MaxMetadata          = 10
	MaxIDsPerList        = 100
	MaxReinstallIDs      = 10
	// ListPageSize is the page size the client asks for (the API takes 10..1000).
	ListPageSize = 100
)

// NetworkInterface is a NIC of an instance: a subnet and, optionally, a fixed IPv4 address.
type NetworkInterface struct {
	SubnetID    string `json:"subnet_id"`
	IPv4Address string `json:"ipv4_address,omitempty"`
}

// Image is the OS image of an instance.
type Image struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	OSType string `json:"os_type"`
}

// Tag is a resource tag.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value,omitempty"`
}

// ErrorStatus is the API's account of a failed operation.
type ErrorStatus struct {
	ErrorCode string `json:"error_code"`
	ErrorMsg  string `json:"error_msg"`
	ErrorType string `json:"error_type"`
}

func (e *ErrorStatus) String() string {
	if e == nil || (e.ErrorCode == "" && e.ErrorMsg == "") {
		return ""
	}
	s := e.ErrorMsg
	if e.ErrorCode != "" {
		s = e.ErrorCode + ": " + s
	}
	if e.ErrorType != "" {
		s += " (" + e.ErrorType + ")"
	}
	return s
}

// Instance is a CloudDC instance as ListInstances returns it.
type Instance struct {
	ID                string             `json:"id"`
	Name              string             `json:"name"`
	VpcID             string             `json:"vpc_id"`
	NetworkInterfaces []NetworkInterface `json:"network_interfaces"`
	Tags              []Tag              `json:"tags"`
	Image             *Image             `json:"image"`
	Description       string             `json:"description"`
	State             string             `json:"state"`
	OperationState    string             `json:"operation_state"`
	Metadata          map[string]string  `json:"metadata"`
	ServerID          string             `json:"server_id"`
	CreatedAt         string             `json:"created_at"`
	UpdatedAt         string             `json:"updated_at"`
	LaunchedAt        string             `json:"launched_at"`
	Error             *ErrorStatus       `json:"error"`
	// CreateToken is the provider's create token, taken out of Metadata
	// (CreateTokenMetadataKey) so that Metadata holds the user's pairs only.
	CreateToken string `json:"-"`
}

// CreateTokenMetadataKey is the metadata key the provider puts on every
// instance it creates, with a value unique to that create. CreateInstance
// takes no idempotency token, so after a create whose outcome is unknown (a
// cut connection, a 5xx, an interrupted run) the provider looks the
// instance up by this pair instead of creating a second one. It takes one
// of the API's 10 metadata pairs.
const CreateTokenMetadataKey = "cloudcompute-create-token" //nolint:gosec // a metadata key, not a credential

// MaxUserMetadata is how many metadata pairs a configuration may set: the
// API's limit less the create token's pair.
const MaxUserMetadata = MaxMetadata - 1

// Ambiguous reports whether a failed create may nevertheless have been
// applied (transport.Ambiguous): after such an error the object is looked
// up by its create token before the create is ever sent again.
func Ambiguous(err error) bool { return transport.Ambiguous(err) }

// AnswerStatus is the HTTP status of the answer, and whether it could not be read.
func (e *APIError) AnswerStatus() (int, bool) { return e.HTTPStatus, e.Code == CodeMalformedResponse }

// takeCreateToken moves the provider's create token out of inst.Metadata.
func (inst *Instance) takeCreateToken() {
	tok, ok := inst.Metadata[CreateTokenMetadataKey]
	if !ok {
		return
	}
	inst.CreateToken = tok
	delete(inst.Metadata, CreateTokenMetadataKey)
	if len(inst.Metadata) == 0 {
		inst.Metadata = nil
	}
}

// FindInstancesByCreateToken returns the ids of the instances created with
// a create token that are not deleted or being deleted (a failed instance
// is returned: it is adopted, then replaced like any failed create).
// ListInstances has no metadata filter, so every instance is listed.
func (c *Client) FindInstancesByCreateToken(ctx context.Context, token string) ([]string, error) {
	list, err := c.ListInstances(ctx, ListInstancesRequest{})
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, inst := range list {
		if inst.CreateToken == token && !IsTerminated(inst.State) && inst.State != StateShuttingDown {
			ids = append(ids, inst.ID)
		}
	}
	return ids, nil
}

// InstanceStatus is the answer of ShowInstanceStatus.
type InstanceStatus struct {
	State          string       `json:"state"`
	OperationState string       `json:"operation_state"`
	Error          *ErrorStatus `json:"error"`
	// Status is an older spelling of State seen in a documentation example.
	Status string `json:"status"`
}

// Placement chooses the physical server of a new instance.
type Placement struct {
	ServerID string `json:"server_id"`
}

// CreateInstanceRequest is the body of CreateInstance.
type CreateInstanceRequest struct {
	Name              string             `json:"name"`
	ImageID           string             `json:"image_id"`
	VpcID             string             `json:"vpc_id"`
	NetworkInterfaces []NetworkInterface `json:"network_interfaces"`
	Password          string             `json:"password"`
	Metadata          map[string]string  `json:"metadata,omitempty"`
	Description       string             `json:"description,omitempty"`
	Placement         *Placement         `json:"placement,omitempty"`
}

// CreateInstance installs an OS on a physical server and returns the new
// instance's id. It is asynchronous: poll ShowInstanceStatus until
// running. It is never re-sent after an ambiguous failure (the API has no
// idempotency token); a 429 refusal is retried. Callers put a create token
// in the metadata (CreateTokenMetadataKey) and, after an Ambiguous error,
// look the instance up with FindInstancesByCreateToken.
func (c *Client) CreateInstance(ctx context.Context, in CreateInstanceRequest) (string, error) {
	var out struct {
		InstanceID string `json:"instance_id"`
	}
	if err := c.call(ctx, request{service: "clouddc", operation: "CreateInstance", method: http.MethodPost, path: "/instances", body: in, secrets: []string{in.Password}}, &out); err != nil {
		return "", err
	}
	if out.InstanceID == "" {
		return "", &APIError{Service: "clouddc", Operation: "CreateInstance", HTTPStatus: http.StatusAccepted, Code: CodeMalformedResponse,
			Message: "the answer has no instance_id; an instance may have been created"}
	}
	return out.InstanceID, nil
}

// ListInstancesRequest filters ListInstances. IDs and ServerIDs are
// mutually exclusive in the API.
type ListInstancesRequest struct {
	IDs       []string
	ServerIDs []string
	State     string
	// Limit is the page size (default ListPageSize; the API clamps it to 10..1000).
	Limit int
}

type listInstancesResponse struct {
	// Instances is a pointer so that an answer without the list (which
	// would read as "no instances", and so as "not found") is told apart.
	Instances *[]Instance `json:"instances"`
	PageInfo  struct {
		NextMarker   string `json:"next_marker"`
		CurrentCount int    `json:"current_count"`
	} `json:"page_info"`
	Count int `json:"count"`
}

func (r listInstancesResponse) items() *[]Instance { return r.Instances }
func (r listInstancesResponse) next() string       { return r.PageInfo.NextMarker }

// ListInstances lists every instance matching in, following the pages and
// splitting id lists longer than the API takes.
func (c *Client) ListInstances(ctx context.Context, in ListInstancesRequest) ([]Instance, error) {
	if len(in.IDs) > 0 && len(in.ServerIDs) > 0 {
		return nil, errors.New("huaweicloud clouddc ListInstances: instance ids and server ids cannot be combined")
	}
	for _, list := range [][]string{in.IDs, in.ServerIDs} {
		if len(list) > MaxIDsPerList {
			return transport.Chunked(list, MaxIDsPerList, func(chunk []string) ([]Instance, error) {
				part := in
				if len(in.IDs) > 0 {
					part.IDs = chunk
				} else {
					part.ServerIDs = chunk
				}
				return c.ListInstances(ctx, part)
			})
		}
	}
	q := url.Values{}
	if len(in.IDs) > 0 {
		q.Set("instance_id", strings.Join(in.IDs, ","))
	}
	if len(in.ServerIDs) > 0 {
		q.Set("server_id", strings.Join(in.ServerIDs, ","))
	}
	if in.State != "" {
		q.Set("instance_state", in.State)
	}
	all, err := listPages[Instance, listInstancesResponse](ctx, c, "ListInstances", "/instances", "instances", q, in.Limit,
		func(i *Instance) string { return i.ID })
	for i := range all {
		all[i].takeCreateToken()
	}
	return all, err
}

// instanceNotFound is err, or a *NotFoundError for instance id if err is
// the API's answer "no such instance" (see IsNotFoundCode).
func instanceNotFound(id string, err error) error {
	if IsNotFoundCode(err) {
		return &NotFoundError{Kind: "CloudDC instance", ID: id, Cause: err}
	}
	return err
}

// FindInstance returns the instance with id, or a *NotFoundError. A
// terminated instance the API still lists is returned as it is: callers
// decide (IsTerminated).
func (c *Client) FindInstance(ctx context.Context, id string) (*Instance, error) {
	list, err := c.ListInstances(ctx, ListInstancesRequest{IDs: []string{id}})
	if err != nil {
		return nil, instanceNotFound(id, err)
	}
	for i := range list {
		if list[i].ID == id {
			return &list[i], nil
		}
	}
	return nil, &NotFoundError{Kind: "CloudDC instance", ID: id}
}

// ShowInstanceStatus returns an instance's state, or a *NotFoundError.
func (c *Client) ShowInstanceStatus(ctx context.Context, id string) (*InstanceStatus, error) {
	var out InstanceStatus
	err := c.call(ctx, request{service: "clouddc", operation: "ShowInstanceStatus", method: http.MethodGet,
		path: "/instances/" + url.PathEscape(id) + "/status", idempotent: true}, &out)
	if err != nil {
		return nil, instanceNotFound(id, err)
	}
	if out.State == "" {
		out.State = out.Status
	}
	if out.State == "" {
		return nil, &APIError{Service: "clouddc", Operation: "ShowInstanceStatus", HTTPStatus: http.StatusOK, Code: CodeMalformedResponse,
			Message: "the answer has no state"}
	}
	return &out, nil
}

// DeleteInstance starts the deletion of an instance (shutting-down →
// terminated). It returns a *NotFoundError if the instance does not exist.
// It is safe to repeat.
func (c *Client) DeleteInstance(ctx context.Context, id string) error {
	err := c.call(ctx, request{service: "clouddc", operation: "DeleteInstance", method: http.MethodDelete,
		path: "/instances/" + url.PathEscape(id), idempotent: true}, nil)
	return instanceNotFound(id, err)
}

// NICAddress is a NIC of ModifyInstanceIP: a subnet and an IP address
// (empty: allocated from the subnet).
type NICAddress struct {
	SubnetID  string `json:"subnet_id"`
	IPAddress string `json:"ip_address,omitempty"`
}

// ModifyInstanceIPRequest is the body of ModifyInstanceIp.
type ModifyInstanceIPRequest struct {
	VpcID string       `json:"vpc_id,omitempty"`
	NICs  []NICAddress `json:"nics"`
}

// ModifyInstanceIP changes the VPC, subnets and IP addresses of an
// instance (asynchronous: modifyIping → running). It is not re-sent after
// an ambiguous failure.
func (c *Client) ModifyInstanceIP(ctx context.Context, id string, in ModifyInstanceIPRequest) error {
	err := c.call(ctx, request{service: "clouddc", operation: "ModifyInstanceIp", method: http.MethodPut,
		path: "/instances/" + url.PathEscape(id) + "/ip", body: in}, nil)
	return instanceNotFound(id, err)
}

// ReinstallOSRequest is the body of ReinstallOs.
type ReinstallOSRequest struct {
	ImageID     string   `json:"image_id,omitempty"`
	Password    string   `json:"password"`
	InstanceIDs []string `json:"instance_id_set"`
}

// ReinstallOS reinstalls the OS of running instances (at most 10) from an
// image (default: the current one), setting a new password. Asynchronous
// (reinstalling → running); not re-sent after an ambiguous failure.
func (c *Client) ReinstallOS(ctx context.Context, in ReinstallOSRequest) error {
	if len(in.InstanceIDs) == 0 || len(in.InstanceIDs) > MaxReinstallIDs {
		return fmt.Errorf("huaweicloud clouddc ReinstallOs: 1 to %d instances at a time, got %d", MaxReinstallIDs, len(in.InstanceIDs))
	}
	return c.call(ctx, request{service: "clouddc", operation: "ReinstallOs", method: http.MethodPut, path: "/instances/reinstall", body: in, secrets: []string{in.Password}}, nil)
}

// ChangeInstancePassword sets the administrator password of instances. It
// is synchronous and all-or-nothing; the new password takes effect at the
// next power-on or reboot. Setting the same password twice is harmless, so
// it is retried like a read.
func (c *Client) ChangeInstancePassword(ctx context.Context, password string, ids ...string) error {
	in := struct {
		NewPassword string   `json:"new_password"`
		InstanceIDs []string `json:"instance_id_set"`
	}{password, ids}
	return c.call(ctx, request{service: "clouddc", operation: "ChangeInstancePassword", method: http.MethodPut, path: "/instances/password", body: in, idempotent: true, secrets: []string{password}}, nil)
}

// Scope names the endpoint and project the client works on: a create
// record is adopted only by a create in the same scope.
func (c *Client) Scope() string { return "clouddc " + c.clouddc.String() + " " + c.cfg.ProjectID }
