package zenlayer

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// The guard of non-idempotent releases (releaseOnce), on scripted answers
// (the errors are in coalesce_unknown_test.go).

// scriptedRelease answers the sends with sends[i] (the last one repeats) and
// the status reads with reads[i] ("" followed by an error: see readErrs).
type scriptedRelease struct {
	sends    []error
	reads    []string
	readErrs map[int]error // by read index
	nSend    int
	nRead    int
}

func (s *scriptedRelease) op() releaseOp {
	return releaseOp{
		Action: "ReleaseDisk", Kind: "ZEC disk", ID: "disk-1",
		Send: func(context.Context) error {
			err := s.sends[min(s.nSend, len(s.sends)-1)]
			s.nSend++
			return err
		},
		Status: func(context.Context) (string, error) {
			i := s.nRead
			s.nRead++
			if err := s.readErrs[i]; err != nil {
				return "", err
			}
			return s.reads[min(i, len(s.reads)-1)], nil
		},
	}
}

func notFound() error { return &NotFoundError{Kind: "ZEC disk", ID: "disk-1"} }

func TestReleaseOnce(t *testing.T) {
	readFailure := errors.New("DescribeDisks: giving up after 6 attempts")
	for _, tc := range []struct {
		name             string
		s                scriptedRelease
		wantSends        int
		wantReads        int
		wantErr          error // errors.Is; nil: success
		wantUnknown      bool
		wantErrSubstring string
	}{
		{name: "success is read once, before", s: scriptedRelease{sends: []error{nil}, reads: []string{"AVAILABLE"}}, wantSends: 1, wantReads: 1},
		{name: "lost answer, object moved into the bin: not sent again",
			s:         scriptedRelease{sends: []error{errLost}, reads: []string{"AVAILABLE", "RECYCLING"}},
			wantSends: 1, wantReads: 2},
		{name: "lost answer, object freed: not sent again",
			s:         scriptedRelease{sends: []error{errLost}, reads: []string{"RECYCLED"}, readErrs: map[int]error{1: notFound()}},
			wantSends: 1, wantReads: 2},
		{name: "5xx, object where it was: sent again",
			s:         scriptedRelease{sends: []error{err500, nil}, reads: []string{"AVAILABLE", "AVAILABLE"}},
			wantSends: 2, wantReads: 2},
		{name: "5xx every time, object never moves: three sends, then the error",
			s:         scriptedRelease{sends: []error{err500}, reads: []string{"RECYCLED"}},
			wantSends: 3, wantReads: 4, wantErr: err500, wantErrSubstring: "sent 3 times, and ZEC disk disk-1 is still RECYCLED"},
		{name: "lost answer, object unreadable: outcome unknown, not sent again",
			s:         scriptedRelease{sends: []error{errLost}, reads: []string{"AVAILABLE"}, readErrs: map[int]error{1: readFailure}},
			wantSends: 1, wantReads: 2, wantErr: readFailure, wantUnknown: true, wantErrSubstring: "was not sent again"},
		{name: "a refusal is returned as it is",
			s:         scriptedRelease{sends: []error{err400}, reads: []string{"IN_USE"}},
			wantSends: 1, wantReads: 1, wantErr: err400},
		{name: "failed ids in a 200 answer are an answer, not a lost one",
			s:         scriptedRelease{sends: []error{&BatchError{Action: "ReleaseInstances", FailedIDs: []string{"disk-1"}}}, reads: []string{"RUNNING"}},
			wantSends: 1, wantReads: 1, wantErrSubstring: "failed for [disk-1]"},
		{name: "gone before: sent all the same, the API's not-found is returned",
			s:         scriptedRelease{sends: []error{err404}, readErrs: map[int]error{0: notFound()}},
			wantSends: 1, wantReads: 1, wantErr: err404},
		{name: "unreadable before: not sent",
			s:         scriptedRelease{sends: []error{nil}, readErrs: map[int]error{0: readFailure}},
			wantSends: 0, wantReads: 1, wantErr: readFailure},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := (&Client{}).releaseOnce(context.Background(), tc.s.op())
			if tc.s.nSend != tc.wantSends || tc.s.nRead != tc.wantReads {
				t.Errorf("sent %d times and read %d times, want %d and %d", tc.s.nSend, tc.s.nRead, tc.wantSends, tc.wantReads)
			}
			switch {
			case tc.wantErr == nil && tc.wantErrSubstring == "" && err != nil:
				t.Fatalf("err = %v, want success", err)
			case tc.wantErr != nil && !errors.Is(err, tc.wantErr):
				t.Fatalf("err = %v, want it to wrap %v", err, tc.wantErr)
			case tc.wantErrSubstring != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErrSubstring)):
				t.Fatalf("err = %v, want it to say %q", err, tc.wantErrSubstring)
			}
			if got := IsReleaseOutcomeUnknown(err); got != tc.wantUnknown {
				t.Errorf("IsReleaseOutcomeUnknown = %v, want %v (err %v)", got, tc.wantUnknown, err)
			}
		})
	}
}
