// Package sweep deletes what acceptance tests left behind in a real
// account: every ZEC disk and instance, BMC instance and CloudDC instance
// whose name starts with Prefix ("tf-acc-", the prefix of every name the
// tests give), by the same rules the resources follow (a BMC machine is
// terminated, then released from the recycle bin; a recycled ZEC object is
// released a second time; a boot disk is never released on its own; a
// PREPAID machine cannot be released early and is only kept from renewing).
//
// The create-token tag alone is no mark of a test object: every object the
// provider creates carries one, a user's too. Only the name prefix is.
//
// Its tests register the sweepers with terraform-plugin-testing
// (resource.AddTestSweepers, resource.TestMain): go test ./internal/sweep
// -sweep=<region>. It imports only the API clients and the waiter: no
// provider, framework or emulator code.
package sweep
