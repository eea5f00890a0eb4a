package huaweicloud

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
)

// The physical servers of CloudDC: ListServers, ShowServer and
// ChangeServerPowerState (huaweicloud-sdk-go-v3 services/clouddc/v1,
// cloudDC_meta.go; model_physical_server.go, model_power_action.go,
// model_power_state.go, model_list_servers_request.go).

// Power actions of ChangeServerPowerState (PowerActionActionEnum).
const (
	PowerOn   = "power on"
	PowerOff  = "power off"
	Rebooting = "rebooting"
)

// PowerActions are the actions ChangeServerPowerState takes.
var PowerActions = []string{PowerOn, PowerOff, Rebooting}

// Power states of a physical server (PowerStateEnum).
const (
	PowerStateOn          = "on"
	PowerStateOff         = "off"
	PowerStatePoweringOn  = "powering-on"
	PowerStatePoweringOff = "powering-off"
	PowerStateRebooting   = "rebooting"
)

// ManageStates are the manage_state values ListServers filters by
// (ListServersRequestManageStateEnum), and in-use, which servers report
// (model_manage_state.go) but the filter does not take.
var ManageStates = []string{"delivering", "received", "onboard", "ready", "frozen", "offboarding"}

// ManageStateReady is the manage_state of a server an instance can be created on.
const ManageStateReady = "ready"

// Server is a physical server (PhysicalServer). Location, hardware
// attributes and health are left out: the provider does not use them.
type Server struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	ProjectID   string       `json:"project_id"`
	DomainID    string       `json:"domain_id"`
	ManageState string       `json:"manage_state"`
	PowerState  string       `json:"power_state"`
	OnboardTime string       `json:"onboard_time"`
	Tags        []Tag        `json:"tags"`
	Error       *ErrorStatus `json:"error"`
}

// ListServersRequest filters ListServers.
type ListServersRequest struct {
	// ManageState is one of ManageStates, or empty for all servers.
	ManageState string
	// Limit is the page size (default ListPageSize; the API takes 10..1000).
	Limit int
}

// ListServers lists the physical servers of the project, following the pages.
func (c *Client) ListServers(ctx context.Context, in ListServersRequest) ([]Server, error) {
	q := url.Values{}
	if in.ManageState != "" {
		q.Set("manage_state", in.ManageState)
	}
	return listPages[Server, listServersResponse](ctx, c, "ListServers", "/physicalservers", "servers", q, in.Limit,
		func(s *Server) string { return s.ID })
}

type listServersResponse struct {
	Servers  *[]Server `json:"servers"`
	PageInfo struct {
		NextMarker string `json:"next_marker"`
	} `json:"page_info"`
}

func (r listServersResponse) items() *[]Server { return r.Servers }
func (r listServersResponse) next() string     { return r.PageInfo.NextMarker }

// serverNotFound is err, or a *NotFoundError for server id if err is the
// API's "no such physical server" (404 iMetal.0100).
func serverNotFound(id string, err error) error {
	if HasCode(err, CodeServerNotFound) {
		return &NotFoundError{Kind: "CloudDC physical server", ID: id, Cause: err}
	}
	return err
}

// ShowServer returns a physical server, or a *NotFoundError.
func (c *Client) ShowServer(ctx context.Context, id string) (*Server, error) {
	var out Server
	err := c.call(ctx, request{service: "clouddc", operation: "ShowServer", method: http.MethodGet,
		path: "/physicalservers/" + url.PathEscape(id), idempotent: true}, &out)
	if err != nil {
		return nil, serverNotFound(id, err)
	}
	return &out, nil
}

// ChangeServerPowerState powers physical servers on or off, or reboots
// them (action: PowerOn, PowerOff or Rebooting); their instances go to
// stopped or back to running, asynchronously. Powering on or off twice
// ends in the same state, so those are retried like a read; a reboot is
// never re-sent after an ambiguous failure.
func (c *Client) ChangeServerPowerState(ctx context.Context, action string, serverIDs ...string) error {
	if !slices.Contains(PowerActions, action) {
		return fmt.Errorf("huaweicloud clouddc ChangeServerPowerState: action %q is not one of %q", action, PowerActions)
	}
	if len(serverIDs) == 0 {
		return fmt.Errorf("huaweicloud clouddc ChangeServerPowerState: no server id")
	}
	in := struct {
		Action    string   `json:"action"`
		ServerIDs []string `json:"server_id_set"`
	}{action, serverIDs}
	err := c.call(ctx, request{service: "clouddc", operation: "ChangeServerPowerState", method: http.MethodPut,
		path: "/physicalservers/power-state", body: in, idempotent: action != Rebooting}, nil)
	if len(serverIDs) == 1 {
		return serverNotFound(serverIDs[0], err)
	}
	return err
}
