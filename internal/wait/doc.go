// Package wait holds the provider's one generic waiter: it polls a status
// function until the status settles, with exponential backoff (capped, with
// jitter), a timeout, context cancellation, failure states that end the wait
// at once, and a count of consecutive not-found answers before "gone" is
// believed. A transient failure of a status poll (a 429, a 5xx or a
// connection error that the client's retries did not overcome, see
// Transient) does not end a wait: it polls again until its timeout, and a
// timeout is always a *TimeoutError naming what it waited for, the last
// status and the last transient error. Its clock can be replaced in tests.
// StatusOf makes the status function of an object from its finder, the
// finder's not-found test and the object's status; Object is the usual
// wait for one object (its operation's name, its poll log). WithProgress
// gives a ctx whose waits report each status change (what an action shows
// as it happens); Leaving waits for an object to leave a status (a reboot
// that has begun).
//
// It imports no package of the project (internal/transport imports it),
// so no API client either: errors classify themselves through the
// Transient interface.
package wait
