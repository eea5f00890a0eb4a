package emulator

import (
	"net/http"
	"strings"
)

// The physical servers API: ListServers, ShowServer and
// ChangeServerPowerState, and the placement of new instances.

// pickServer is placement.server_id, which must be ready, or a random ready server.
func (h *huaweiState) pickServer(p *struct {
	ServerID string `json:"server_id"`
}) (*cdcServer, *errAPI) {
	if p != nil && p.ServerID != "" {
		srv := h.servers[p.ServerID]
		if srv == nil {
			return nil, apiErr(http.StatusNotFound, cdcCodeServerNotFound, "Physical servers ID not found: [%s]", p.ServerID)
		}
		if srv.ManageState != "ready" {
			return nil, apiErr(http.StatusBadRequest, cdcCodeServerNotReady, "Physical servers state is not ready: [%s] (manage_state %s)", srv.ID, srv.ManageState)
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
		return nil, apiErr(http.StatusBadRequest, cdcCodeServerNotReady, "Physical servers state is not ready: no server of the project is in manage_state ready")
	}
	return ready[min(len(ready)-1, int(h.s.randFloat()*float64(len(ready))))], nil
}

// freeServer makes the server of a terminated instance ready again.
func (h *huaweiState) freeServer(i *cdcInstance) {
	if srv := h.servers[i.ServerID]; srv != nil && srv.ManageState == "in-use" {
		srv.ManageState = "ready"
	}
}

func (h *huaweiState) serverJSON(srv *cdcServer) map[string]any {
	return map[string]any{
		"id": srv.ID, "name": srv.Name, "project_id": h.opts.ProjectID, "domain_id": HuaweiDomainID,
		"manage_state": srv.ManageState, "power_state": srv.PowerState, "health_state": "normal",
		"onboard_time": srv.onboard.UTC().Format(cdcTimeFormat), "tags": tagsJSON(srv.Tags),
	}
}

func (h *huaweiState) listServers(req cdcRequest) (cdcAnswer, *errAPI) {
	q := req.r.URL.Query()
	state := q.Get("manage_state")
	limit, e := cdcLimit(q)
	if e != nil {
		return cdcAnswer{}, e
	}
	match := filterSorted(h.servers, func(srv *cdcServer) bool { return state == "" || srv.ManageState == state })
	page, info, e := markerPage(match, q.Get("marker"), limit, "a server", false, func(srv *cdcServer) string { return srv.ID })
	if e != nil {
		return cdcAnswer{}, e
	}
	return cdcAnswer{status: http.StatusOK, body: map[string]any{"servers": mapEach(page, h.serverJSON), "page_info": info, "count": len(match)}}, nil
}

func (h *huaweiState) showServer(req cdcRequest) (cdcAnswer, *errAPI) {
	srv := h.servers[req.id]
	if srv == nil {
		return cdcAnswer{}, apiErr(http.StatusNotFound, cdcCodeServerNotFound, "Physical servers ID not found: [%s]", req.id)
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
		return cdcAnswer{}, apiErr(http.StatusNotFound, cdcCodeServerNotFound, "Physical servers ID not found: [%s]", strings.Join(missing, ", "))
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
			case in.Action == "power off" && i.State == cdcStateRunning:
				i.State, i.UpdatedAt = cdcStateStopping, now
				i.tl.after(now, d, func() { i.State, i.UpdatedAt, srv.PowerState = cdcStateStopped, now.Add(d), "off" })
			case in.Action == "power on" && i.State == cdcStateStopped:
				i.State, i.UpdatedAt = cdcStatePending, now
				i.tl.after(now, d, func() { i.State, i.UpdatedAt, srv.PowerState = cdcStateRunning, now.Add(d), "on" })
			case in.Action == "rebooting" && i.State == cdcStateRunning:
				i.State, i.UpdatedAt = cdcStateStopping, now
				i.tl.after(now, d, func() { i.State, i.UpdatedAt = cdcStateRunning, now.Add(d) })
			default:
				continue
			}
			touched = append(touched, i.ID)
		}
	}
	// ChangeServerPowerStateResponse (model_change_server_power_state_response.go): physical_servers.
	return cdcAnswer{status: http.StatusAccepted, body: map[string]any{"physical_servers": out}, ids: touched}, nil
}
