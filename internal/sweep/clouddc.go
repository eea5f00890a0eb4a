package sweep

import (
	"context"
	"fmt"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// CloudDCInstances deletes the test instances of the client's project and
// waits until the API lists them as terminated (or no more). One already
// shutting down is only waited for.
func CloudDCInstances(ctx context.Context, c *huaweicloud.Client, logf Logf) error {
	return sweepAll(ctx, "CloudDC instances", c.ListInstances, huaweicloud.ListInstancesRequest{},
		func(inst *huaweicloud.Instance) string { return inst.Name },
		func(inst *huaweicloud.Instance) error {
			if huaweicloud.IsTerminated(inst.State) {
				return nil
			}
			status := wait.StatusOf(c.FindInstance, inst.ID, huaweicloud.IsNotFound, func(i *huaweicloud.Instance) string {
				if huaweicloud.IsTerminated(i.State) {
					return huaweicloud.StateTerminated
				}
				return i.State
			})
			if inst.State != huaweicloud.StateShuttingDown {
				logf("deleting CloudDC instance %s (%s, %s)", inst.ID, inst.Name, inst.State)
				if err := c.DeleteInstance(ctx, inst.ID); err != nil && !huaweicloud.IsNotFound(err) {
					return fmt.Errorf("deleting CloudDC instance %s (%s): %w", inst.ID, inst.Name, err)
				}
			}
			if _, err := wait.Until(ctx, wait.Object(ctx, "CloudDC instance", inst.ID, "to be deleted", status, Timeout,
				[]string{huaweicloud.StateTerminated, wait.Gone}, nil)); err != nil {
				return err
			}
			logf("deleted CloudDC instance %s (%s)", inst.ID, inst.Name)
			return nil
		})
}
