package journal

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cloudcompute/terraform-provider-cloudcompute/internal/wait"
)

// NewToken returns a random token for one create.
func NewToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Spec is one guarded create.
type Spec struct {
	// Kind names the resource type in the journal ("zec_disk").
	Kind string
	// Label names it to people ("ZEC disk").
	Label string
	// Scope is where the create goes (endpoint, account): a record is
	// adopted only by a create of the same scope and arguments.
	Scope string
	// Args are the create's arguments, without secrets: a record left by an
	// earlier run is adopted only by a create of the same arguments.
	Args any
	// Ambiguous says whether a failed create may nevertheless have been
	// carried out (no answer, a 5xx, an answer that cannot be read). Any
	// other failure is a refusal: the create surely did not happen.
	Ambiguous func(error) bool
	// Send sends the create, marked with token.
	Send func(ctx context.Context, token string) ([]string, error)
	// Lookup finds the usable objects marked with token.
	Lookup func(ctx context.Context, token string) ([]string, error)
	// Hint tells a person how to find an object marked with token.
	Hint func(token string) string
}

// hash is the digest a record of this create is found by: the same kind,
// scope and arguments.
func (s Spec) hash() string {
	return Hash(s.Kind, struct {
		Scope string
		Args  any
	}{s.Scope, s.Args})
}

// Result is a guarded create's outcome.
type Result struct {
	// IDs are the objects the create made or adopted.
	IDs []string
	// Adopted is true when the objects were found by their token rather
	// than answered by the create.
	Adopted bool
	// Warnings are for the user (the journal could not be written).
	Warnings []string

	entry *Entry
}

// Answered marks the create's record answered with its ids (see
// Entry.Answered). Call it when the resource's Create returns with the ids
// in its state. A create whose outcome is unknown keeps its record as it
// is, whatever Answered is told.
func (r *Result) Answered() {
	if r != nil && len(r.IDs) > 0 {
		r.entry.Answered(r.IDs)
	}
}

// Polling of lookups while an object may still appear. Tests shorten it.
var (
	LookupBase = time.Second
	LookupMax  = 15 * time.Second
	// InterruptedLookup bounds the lookups made after Ctrl-C.
	InterruptedLookup = 20 * time.Second
	// NoDeadline is how long lookups go on when the create has no deadline.
	NoDeadline = 20 * time.Minute
	// OwnerGrace is how long a create waits for another running process
	// that holds a record of the same create to end (awaitOther), and
	// OwnerPoll how often it looks.
	OwnerGrace = 30 * time.Second
	OwnerPoll  = 200 * time.Millisecond
	clock      = wait.RealClock
)

// UnresolvedError is a create whose answer was lost and whose object had
// not appeared by the deadline. Its record is kept for the next run.
type UnresolvedError struct {
	Label, Token, Hint, JournalDir string
	Kept                           bool
	Cause, LookupErr               error
	Interrupted                    bool
}

func (e *UnresolvedError) Error() string {
	what := "no " + e.Label + " carrying its create token " + e.Token + " appeared before the create's timeout ran out"
	if e.Interrupted {
		what = "the run was interrupted before a " + e.Label + " carrying its create token " + e.Token + " was found"
	}
	msg := fmt.Sprintf("the answer to the create of a %s was lost (%v), and %s", e.Label, e.Cause, what)
	if e.LookupErr != nil {
		msg += fmt.Sprintf(" (the last lookup failed: %v)", e.LookupErr)
	}
	msg += ". The create was not sent again, so that no second " + e.Label + " is ordered."
	if e.Kept {
		msg += " The token is kept in " + e.JournalDir + ": the next apply looks for it first and adopts the " + e.Label + " if it appears."
	} else {
		msg += " The token could not be kept on disk: if the " + e.Label + " appears later, it is not in the state."
	}
	if e.Hint != "" {
		msg += " To find it yourself: " + e.Hint + "."
	}
	return msg
}

// Unwrap gives the create's own error.
func (e *UnresolvedError) Unwrap() error { return e.Cause }

// Create makes a create that must not happen twice. The one rule for
// every create of every cloud:
//
//  1. A record that a process no longer running left for the same scope
//     and arguments is looked up first, until the object appears or the
//     record's own deadline has passed; a found object is adopted and
//     nothing is sent. So is the record of a create answered to a
//     terraform that ended without closing its provider (killed before it
//     saved the answer, perhaps), unless a state has since been seen to
//     hold its object (Held). A record another running process holds is
//     waited for (at most OwnerGrace) and then claimed, if that process
//     ended without forgetting it (a provider whose terraform was killed).
//  2. Otherwise a new token is written to the journal, then the create is
//     sent, marked with it.
//  3. A refusal (a 4xx with a code) is final and forgets the record: such a
//     create surely did not happen, and may be sent again by a later run.
//  4. A create whose answer is unknown (timeout, cut connection, 5xx,
//     malformed answer, Ctrl-C) is never sent again in this run: the object
//     is looked up by its token, repeatedly, for as long as the create's
//     deadline (ctx) allows, and adopted when it appears. If it does not,
//     Create fails with an *UnresolvedError naming the token, and the
//     record stays, so that the next run looks for it first.
func Create(ctx context.Context, s Spec) (*Result, error) {
	res := &Result{}
	j, warning := Open()
	if warning != "" {
		res.Warnings = append(res.Warnings, warning)
	}
	hash := s.hash()
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(NoDeadline)
	}

	for {
		orphan, holder := j.Claim(s.Kind, hash)
		if orphan == nil && holder != 0 {
			var err error
			if orphan, err = awaitOther(ctx, j, s, hash); err != nil {
				return res, err
			}
		}
		if orphan == nil {
			break
		}
		ids, err := adoptOrphan(ctx, s, orphan)
		if len(ids) > 0 {
			res.IDs, res.Adopted, res.entry = ids, true, orphan
			return res, nil
		}
		if err != nil {
			return res, err
		}
	}

	token := NewToken()
	entry, warning := j.Begin(s.Kind, hash, token, deadline)
	if warning != "" {
		res.Warnings = append(res.Warnings, warning)
	}
	res.entry = entry
	ids, err := s.Send(ctx, token)
	if err == nil {
		res.IDs = ids
		return res, nil
	}
	if !s.Ambiguous(err) {
		entry.Done() // refused: nothing was made
		return res, err
	}
	tflog.Warn(ctx, "create outcome unknown; looking it up by its token instead of sending it again",
		map[string]any{"kind": s.Label, "create_token": token, "error": err.Error()})
	found, lerr := lookFor(ctx, s, token, deadline)
	if len(found) > 0 {
		tflog.Info(ctx, "adopted the object of a create whose answer was lost", map[string]any{"kind": s.Label, "ids": found})
		res.IDs, res.Adopted = found, true
		return res, nil
	}
	entry.Unresolved()
	res.entry = nil // the outcome is unknown: Done must not forget it
	return res, &UnresolvedError{Label: s.Label, Token: token, Hint: hint(s, token), JournalDir: Dir(), Kept: entry.Kept(),
		Cause: err, LookupErr: lerr, Interrupted: ctx.Err() != nil && !errors.Is(context.Cause(ctx), context.DeadlineExceeded)}
}

// adoptOrphan looks for the object of a record an earlier run left
// (orphan, now this process's) and returns its ids when it is there. An
// answered create's object existed: one look tells whether it still does.
// Any other may yet appear until the record's own deadline: until then the
// record stays and adoptOrphan fails with an *UnresolvedError. A record
// whose object is gone, or never appeared in time, is forgotten (nil, nil):
// the caller tries the next one, then creates anew.
func adoptOrphan(ctx context.Context, s Spec, orphan *Entry) ([]string, error) {
	answered, until := orphan.State == StateAnswered, orphan.LookUntil
	if answered {
		until = time.Now()
	}
	tflog.Warn(ctx, "an earlier run left a create unfinished, or its answer perhaps unsaved (its terraform ended without closing the provider); looking for its object first",
		map[string]any{"kind": s.Label, "create_token": orphan.Token, "state": orphan.State, "ids": orphan.IDs, "started": orphan.Started, "look_until": orphan.LookUntil})
	ids, lerr := lookFor(ctx, s, orphan.Token, until)
	switch {
	case len(ids) > 0:
		tflog.Warn(ctx, "adopted the object of an earlier, unfinished create", map[string]any{"kind": s.Label, "ids": ids, "create_token": orphan.Token})
		return ids, nil
	case lerr != nil || (!answered && time.Now().Before(orphan.LookUntil)):
		// Not settled: the object may still appear. Keep the record.
		return nil, &UnresolvedError{Label: s.Label, Token: orphan.Token, Hint: hint(s, orphan.Token), JournalDir: Dir(),
			Kept: orphan.Kept(), Cause: errors.New("an earlier run was interrupted while it created it"), LookupErr: lerr, Interrupted: ctx.Err() != nil}
	default:
		tflog.Warn(ctx, "the object of an earlier, unfinished create never appeared within that create's timeout, or is gone since; forgetting it",
			map[string]any{"kind": s.Label, "create_token": orphan.Token})
		orphan.Done()
		return nil, nil
	}
}

// awaitOther waits, at most OwnerGrace, while another running process
// holds a record of the same create (Claim says it is held), and claims
// the record once that process has ended. A provider whose terraform was
// killed (SIGKILL: terraform wrote no state) lives on for a while with its
// records, finishing what it was doing; the next run, started at once,
// must adopt what that create made, not order it again. A record the
// other process marks answered is claimed at once if its terraform has
// ended (the answer reached no state), and is otherwise another run's
// finished create, not this one's: the create then goes on as usual, as
// it does when the other process forgets the record. A record still held
// when the grace runs out (or the run is interrupted) is a *HeldError:
// nothing is sent, since the other process may still be making the
// object, and the next run adopts it.
func awaitOther(ctx context.Context, j *Journal, s Spec, hash string) (*Entry, error) {
	tflog.Warn(ctx, "another provider process holds a create of the same arguments in flight; waiting for it to end before creating",
		map[string]any{"kind": s.Label, "grace": OwnerGrace.String()})
	until := clock.Now().Add(OwnerGrace)
	for {
		e, holder := j.Claim(s.Kind, hash)
		if e != nil {
			return e, nil
		}
		if holder == 0 {
			return nil, nil
		}
		if !clock.Now().Before(until) || wait.Sleep(ctx, clock, OwnerPoll) != nil {
			return nil, &HeldError{Label: s.Label, Grace: OwnerGrace, JournalDir: Dir(), Interrupted: ctx.Err() != nil, PID: holder}
		}
	}
}

// HeldError is a create not sent because another provider process that
// is still running holds a record of the same create (awaitOther).
type HeldError struct {
	Label, JournalDir string
	Grace             time.Duration
	Interrupted       bool
	// PID is the process that holds the record (-1: unknown).
	PID int
}

func (e *HeldError) Error() string {
	waited := "for " + e.Grace.String()
	if e.Interrupted {
		waited = "until the run was interrupted"
	}
	process := "another provider process"
	if e.PID > 0 {
		process += fmt.Sprintf(" (pid %d)", e.PID)
	}
	return fmt.Sprintf("%s is still creating a %s with the same arguments (its record is in %s), and it was waited for %s: "+
		"it may be the provider of a terraform that was killed, still finishing that create. Nothing was sent, so that no second %s is ordered. "+
		"Run the apply again once that process has ended: its %s is then adopted.", process, e.Label, e.JournalDir, waited, e.Label, e.Label)
}

// ended reports whether ctx is done or its deadline has passed: a sleep
// until the deadline may return a moment before ctx itself says so, and a
// lookup sent on it then would fail at once.
func ended(ctx context.Context) bool {
	if ctx.Err() != nil {
		return true
	}
	d, ok := ctx.Deadline()
	return ok && !time.Now().Before(d)
}

func hint(s Spec, token string) string {
	if s.Hint == nil {
		return ""
	}
	return s.Hint(token)
}

// lookFor looks the objects marked with token up until they appear or
// until (bounded by ctx's deadline). A lookup that fails is tried again;
// its error is returned only if nothing was found. Once ctx has ended
// (Ctrl-C, or the create's timeout) it looks once more, on a short
// detached context, so that an object made just now is not lost.
func lookFor(ctx context.Context, s Spec, token string, until time.Time) ([]string, error) {
	if d, ok := ctx.Deadline(); ok && d.Before(until) {
		until = d
	}
	for n := 0; ; n++ {
		detached := ended(ctx)
		lctx, cancel := ctx, context.CancelFunc(func() {})
		if detached {
			lctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), InterruptedLookup)
		}
		ids, err := s.Lookup(lctx, token)
		cancel()
		if err == nil && len(ids) > 0 {
			return ids, nil
		}
		if err != nil {
			tflog.Debug(ctx, "create token lookup failed", map[string]any{"kind": s.Label, "create_token": token, "error": err.Error()})
		}
		if detached {
			return nil, err
		}
		if ctx.Err() != nil {
			continue // ended during this lookup: the next one is detached
		}
		remaining := time.Until(until)
		if remaining <= 0 {
			return nil, err
		}
		// On ctx's end the sleep returns early and the loop looks once more.
		_ = wait.Sleep(ctx, clock, min(wait.Backoff(n, LookupBase, LookupMax, 0, nil), remaining))
	}
}
