package wait

import (
	"context"
	"errors"
)

// Left is the status Leaving reports for every status but the one the
// object is leaving (and Gone). Put it in Target to wait until an
// operation the API starts asynchronously (a reboot, which may still
// answer RUNNING for a moment after the call) has visibly begun.
const Left = "(left)"

// Leaving is refresh seen by a wait for the object to leave status from:
// from stays from, Gone stays Gone, any other status is Left.
func Leaving[T any](refresh StatusFunc[T], from string) StatusFunc[T] {
	return func(ctx context.Context) (T, string, error) {
		obj, status, err := refresh(ctx)
		if err == nil && status != from && status != Gone {
			status = Left
		}
		return obj, status, err
	}
}

// IsTimeout reports whether err is, or wraps, the *TimeoutError of a wait.
func IsTimeout(err error) bool {
	var te *TimeoutError
	return errors.As(err, &te)
}
