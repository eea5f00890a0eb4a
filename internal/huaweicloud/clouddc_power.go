package huaweicloud

import (
	"context"
	"fmt"
	"net/http"
	"slices"
)

// Actions of ChangeServerPowerState, as the Huawei Cloud Go SDK v3 names
// them (huaweicloud/huaweicloud-sdk-go-v3 services/clouddc/v1/model/
// model_power_action.go, PowerActionActionEnum).
const (
	PowerOn     = "power on"
	PowerOff    = "power off"
	PowerReboot = "rebooting"
)

// ChangeServerPowerState powers physical servers on or off, or reboots
// them: PUT /v1/{project_id}/physicalservers/power-state with {action,
// server_id_set} (SDK services/clouddc/v1/cloudDC_meta.go,
// GenReqDefForChangeServerPowerState; model_change_server_power_state_
// request.go). The call is asynchronous ("whether the power state changed
// must be read from the server"): the instance on a server goes from
// running through stopping to stopped, or back to running. Powering on
// or off again is harmless, so those are retried like reads; a reboot is
// not re-sent after an ambiguous failure (a second one would reboot the
// server twice): the caller reads the instance to learn what happened.
func (c *Client) ChangeServerPowerState(ctx context.Context, action string, serverIDs ...string) error {
	if !slices.Contains([]string{PowerOn, PowerOff, PowerReboot}, action) {
		return fmt.Errorf("huaweicloud clouddc ChangeServerPowerState: unknown action %q", action)
	}
	if len(serverIDs) == 0 {
		return fmt.Errorf("huaweicloud clouddc ChangeServerPowerState: no server ids")
	}
	in := struct {
		Action    string   `json:"action"`
		ServerIDs []string `json:"server_id_set"`
	}{action, serverIDs}
	return c.call(ctx, request{service: "clouddc", operation: "ChangeServerPowerState", method: http.MethodPut,
		path: "/physicalservers/power-state", body: in, idempotent: action != PowerReboot}, nil)
}
