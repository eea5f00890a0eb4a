// Package journal is the one create guard of the provider: it makes sure
// that a create whose answer is unknown is never sent again blindly, and
// that an object a create made is found again even when the process that
// sent it was interrupted or killed.
//
// None of the APIs takes an idempotency token, so every create carries a
// create token of the provider's own (a tag or a metadata pair) and every
// guarded create is written to a durable record before it is sent: a small
// file per create under the Terraform data directory (TF_DATA_DIR, else
// .terraform, made if it does not exist; CLOUDCOMPUTE_JOURNAL_DIR
// overrides it). The record is removed only when the outcome is known:
// the object's id is in a state, or the server refused the create
// outright. A create whose outcome is unknown keeps its record, so the next
// apply looks for that token before it creates anything. So does a create
// answered with its id: terraform may be killed before it saves the
// answer (it writes its state after the provider has answered). Such a
// record is marked answered and forgotten once a state is known to hold
// the id: terraform closes the provider at the end of its run (Closed),
// or a plan, refresh or destroy names the id (Held). One whose terraform
// ended otherwise is adopted, by its token, by the next create of the same
// arguments, instead of a second order.
//
// A record belongs to the process that wrote it (its pid and start time are
// in the file name): a live process's record is never adopted by another.
//
// This package owns the records (journal.go, and owner*.go for whose they
// are) and the rule (guard.go, see Create). It also keeps the two other
// records a killed process must not lose: a destroy's release from a
// recycle bin in flight (release.go), so that the next refresh does not
// drop an object the destroy left in the bin, and the marks an Update
// started with or sent (marks.go), which Terraform drops with the private
// state of a resource whose provider dies in the middle of it. It imports
// of the project only internal/wait and internal/transport, and no API
// client: the resources pass it their send and lookup functions.
package journal
