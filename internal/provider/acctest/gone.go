package acctest

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// CheckGone is a CheckDestroy through the finder, so that it holds
// against the emulator and a real cloud alike: every resource of type typ
// in the state is gone. find returns the object's status, or the finder's
// NotFound error; a status among gone (on its way out) counts as gone too.
func CheckGone(typ string, find func(ctx context.Context, id string) (string, error), gone ...string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ctx := context.Background()
		for _, rs := range s.RootModule().Resources {
			if rs.Type != typ || rs.Primary == nil || rs.Primary.ID == "" {
				continue
			}
			status, err := find(ctx, rs.Primary.ID)
			switch {
			case transport.IsNotFound(err):
				continue
			case err != nil:
				return fmt.Errorf("looking for %s %s after the destroy: %w", typ, rs.Primary.ID, err)
			case slices.Contains(gone, status):
				continue
			}
			return fmt.Errorf("%s %s still exists after the destroy (status %s)", typ, rs.Primary.ID, status)
		}
		return nil
	}
}

// WaitFor polls done every second until it reports true, an error, or the
// timeout passes (changes behind Terraform's back take a while on a real
// cloud).
func WaitFor(what string, timeout time.Duration, done func(ctx context.Context) (bool, error)) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		ok, err := done(ctx)
		if err != nil {
			return fmt.Errorf("waiting for %s: %w", what, err)
		}
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: gave up after %s", what, timeout)
		case <-time.After(time.Second):
		}
	}
}

// WaitStatus waits until find answers one of want (or, with want holding
// "", until the object is gone).
func WaitStatus(what string, timeout time.Duration, find func(ctx context.Context) (string, error), want ...string) error {
	return WaitFor(what, timeout, func(ctx context.Context) (bool, error) {
		status, err := find(ctx)
		if transport.IsNotFound(err) {
			return slices.Contains(want, ""), nil
		}
		if err != nil {
			return false, err
		}
		return slices.Contains(want, status), nil
	})
}
