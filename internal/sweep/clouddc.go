package sweep

import (
	"context"
	"errors"
	"fmt"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/huaweicloud"
	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// CloudDCInstances deletes the test instances of the client's project and
// waits until the API lists them as terminated (or no more). One already
// shutting down is only waited for.
func CloudDCInstances(ctx context.Context, c *huaweicloud.Client, logf Logf) error {
	list, err := c.ListInstances(ctx, huaweicloud.ListInstancesRequest{})
	if err != nil {
		return fmt.Errorf("listing CloudDC instances: %w", err)
	}
	var errs []error
	for _, inst := range list {
		if !isTestObject(inst.Name) || huaweicloud.IsTerminated(inst.State) {
			continue
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
				errs = append(errs, fmt.Errorf("deleting CloudDC instance %s (%s): %w", inst.ID, inst.Name, err))
				continue
			}
		}
		if _, err := wait.Until(ctx, wait.Object(ctx, "CloudDC instance", inst.ID, "to be deleted", status, Timeout,
			[]string{huaweicloud.StateTerminated, wait.Gone}, nil)); err != nil {
			errs = append(errs, err)
			continue
		}
		logf("deleted CloudDC instance %s (%s)", inst.ID, inst.Name)
	}
	return errors.Join(errs...)
}
