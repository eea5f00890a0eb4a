package provider

import (
	"fmt"
	"os"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/transport"
)

// maxRetriesLimit is the largest max_retries a block accepts.
const maxRetriesLimit = 20

// maxRetriesAttribute is the max_retries attribute of a cloud's block,
// read by retryPolicy.
func maxRetriesAttribute(env string) schema.Int64Attribute {
	return schema.Int64Attribute{
		Optional: true,
		MarkdownDescription: fmt.Sprintf("How many times one call may be retried (0 to %[1]d), if a count is wanted. Unset (the default), "+
			"retries are bounded by time only: a call refused with 429, or failed with a 5xx or a connection error, is retried until "+
			"the operation's timeout (the resource's `timeouts`; %[2]d minutes for a call without one), never sooner than the server's "+
			"`Retry-After` asks, and fails at once when that `Retry-After` would pass the timeout. A create is retried only when the "+
			"server surely did not act on it (a 429 refusal, a connection that failed before the request was sent). A status poll "+
			"that still fails does not end a wait: the wait polls again until its own timeout. Falls back to `%[3]s`.",
			maxRetriesLimit, int(transport.DefaultMaxElapsed.Minutes()), env),
		Validators: []validator.Int64{int64validator.Between(0, maxRetriesLimit)},
	}
}

// retryPolicy is the retry policy of a cloud's client: max_retries (attr,
// else the variable env), if set, bounds the count of retries of a call;
// otherwise only its time does. A bad variable is an error diagnostic
// (and false).
func retryPolicy(v types.Int64, env string, diags *diag.Diagnostics) (transport.Policy, bool) {
	policy := transport.DefaultPolicy()
	switch {
	case !v.IsNull() && !v.IsUnknown():
		policy.MaxAttempts = int(v.ValueInt64()) + 1
	case os.Getenv(env) != "":
		n, err := strconv.Atoi(os.Getenv(env))
		if err != nil || n < 0 || n > maxRetriesLimit {
			diags.AddError("Invalid "+env, fmt.Sprintf("%s must be a number from 0 to %d, got %q.", env, maxRetriesLimit, os.Getenv(env)))
			return policy, false
		}
		policy.MaxAttempts = n + 1
	}
	return policy, true
}
