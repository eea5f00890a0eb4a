package journal

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var errLost = errors.New("connection cut")

func fastPolls(t *testing.T) {
	t.Helper()
	oldBase, oldMax, oldInt := LookupBase, LookupMax, InterruptedLookup
	LookupBase, LookupMax, InterruptedLookup = 5*time.Millisecond, 20*time.Millisecond, time.Second
	t.Cleanup(func() { LookupBase, LookupMax, InterruptedLookup = oldBase, oldMax, oldInt })
}

// cloud is a fake API: creates take effect after a delay, answered or not.
type cloud struct {
	sends   atomic.Int32
	objects map[string]string // token -> id
	made    chan string
}

func newCloud() *cloud { return &cloud{objects: map[string]string{}, made: make(chan string, 10)} }

func (c *cloud) spec(args any, send func(ctx context.Context, token string) ([]string, error)) Spec {
	return Spec{
		Kind: "thing", Label: "thing", Scope: "test", Args: args,
		Ambiguous: func(err error) bool { return !errors.Is(err, errRefused) },
		Send: func(ctx context.Context, token string) ([]string, error) {
			c.sends.Add(1)
			return send(ctx, token)
		},
		Lookup: func(_ context.Context, token string) ([]string, error) {
			for {
				select {
				case tok := <-c.made:
					c.objects[tok] = "id-" + tok[:6]
					continue
				default:
				}
				break
			}
			if id, ok := c.objects[token]; ok {
				return []string{id}, nil
			}
			return nil, nil
		},
		Hint: func(token string) string { return "look for tag " + token },
	}
}

var errRefused = errors.New("INVALID_PARAMETER")

func useDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv(EnvDir, dir)
	return dir
}

func records(t *testing.T) []Entry {
	t.Helper()
	j, _ := Open()
	es, err := j.Entries()
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// A slow server: the create's answer is lost (client timeout) and the
// object appears later. It is adopted; the create is sent once.
func TestCreateSlowServerAdoptsWithoutResending(t *testing.T) {
	fastPolls(t)
	useDir(t)
	c := newCloud()
	s := c.spec("a", func(_ context.Context, token string) ([]string, error) {
		go func() { time.Sleep(80 * time.Millisecond); c.made <- token }()
		return nil, errLost
	})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	res, err := Create(ctx, s)
	if err != nil || len(res.IDs) != 1 || !res.Adopted {
		t.Fatalf("got %+v, %v", res, err)
	}
	if n := c.sends.Load(); n != 1 {
		t.Fatalf("create sent %d times, want 1", n)
	}
	if es := records(t); len(es) != 1 || es[0].State != StateSending {
		t.Fatalf("the record must stay, sending, until Answered: %+v", es)
	}
	res.Answered()
	if es := records(t); len(es) != 1 || es[0].State != StateAnswered || len(es[0].IDs) != 1 || es[0].IDs[0] != res.IDs[0] || es[0].Terraform != terraformProcess {
		t.Fatalf("Answered must keep the record, answered with its ids and terraform: %+v", es)
	}
	Held(res.IDs[0])
	if es := records(t); len(es) != 0 {
		t.Fatalf("Held must forget the answered record: %+v", es)
	}
}

// The object never appears within the timeout: a clear error naming the
// token; the record stays; the next process adopts the object when it
// finally shows up, without sending anything.
func TestCreateUnresolvedIsKeptForTheNextRun(t *testing.T) {
	fastPolls(t)
	useDir(t)
	c := newCloud()
	var sentToken string
	s := c.spec("b", func(_ context.Context, token string) ([]string, error) {
		sentToken = token
		return nil, errLost
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	res, err := Create(ctx, s)
	var ue *UnresolvedError
	if !errors.As(err, &ue) || ue.Token != sentToken || !ue.Kept {
		t.Fatalf("want an UnresolvedError naming %s, got %v", sentToken, err)
	}
	if !strings.Contains(err.Error(), sentToken) || !strings.Contains(err.Error(), "look for tag "+sentToken) {
		t.Fatalf("error does not name the token: %v", err)
	}
	res.Answered() // the resource's deferred Answered must not touch an unknown outcome
	es := records(t)
	if len(es) != 1 || es[0].State != StateUnresolved || es[0].Token != sentToken {
		t.Fatalf("records: %+v", es)
	}

	// Same process: its own record is never taken.
	c.made <- sentToken
	ctx2, cancel2 := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel2()
	s2 := c.spec("b", func(context.Context, string) ([]string, error) { return []string{"fresh"}, nil })
	if res, err := Create(ctx2, s2); err != nil || res.Adopted {
		t.Fatalf("a live process's record was adopted: %+v %v", res, err)
	} else {
		res.Answered() // answered, and its object not one of the cloud's: the next run passes it over
	}

	// A new process adopts it.
	NewProcessForTest()
	sends := c.sends.Load()
	res, err = Create(context.Background(), s2)
	if err != nil || !res.Adopted || res.IDs[0] != "id-"+sentToken[:6] || c.sends.Load() != sends {
		t.Fatalf("next run: %+v %v (sends %d → %d)", res, err, sends, c.sends.Load())
	}
	res.Answered()
	if es := records(t); !slices.ContainsFunc(es, func(e Entry) bool { return e.State == StateAnswered && e.Token == sentToken }) {
		t.Fatalf("the adopted create's record must be kept, answered: %+v", es)
	}
}

// A refusal is final: the record goes, and nothing is looked up.
func TestCreateRefusedForgetsTheRecord(t *testing.T) {
	useDir(t)
	c := newCloud()
	s := c.spec("c", func(context.Context, string) ([]string, error) { return nil, errRefused })
	res, err := Create(context.Background(), s)
	if !errors.Is(err, errRefused) {
		t.Fatal(err)
	}
	res.Answered()
	if len(records(t)) != 0 {
		t.Fatal("a refused create left a record")
	}
}

// Ctrl-C while the create is in flight: one detached look, then the record
// stays (nothing in the state); the next run adopts.
func TestCreateInterrupted(t *testing.T) {
	fastPolls(t)
	useDir(t)
	c := newCloud()
	ctx, cancel := context.WithCancel(context.Background())
	var tok string
	s := c.spec("d", func(ctx context.Context, token string) ([]string, error) {
		tok = token
		cancel() // Ctrl-C
		<-ctx.Done()
		go func() { time.Sleep(30 * time.Millisecond); c.made <- token }()
		return nil, ctx.Err()
	})
	_, err := Create(ctx, s)
	var ue *UnresolvedError
	if !errors.As(err, &ue) || !ue.Interrupted {
		t.Fatalf("want an interrupted UnresolvedError, got %v", err)
	}
	time.Sleep(60 * time.Millisecond)
	NewProcessForTest()
	res, err := Create(context.Background(), s)
	if err != nil || !res.Adopted || res.IDs[0] != "id-"+tok[:6] || c.sends.Load() != 1 {
		t.Fatalf("next run: %+v %v sends=%d", res, err, c.sends.Load())
	}
}

// An orphan whose object never appeared by its own deadline is given up:
// the next create is sent.
func TestCreateOrphanPastItsDeadlineIsGivenUp(t *testing.T) {
	fastPolls(t)
	useDir(t)
	j, _ := Open()
	j.Begin("thing", Spec{Kind: "thing", Scope: "test", Args: "e"}.hash(), "dead-token", time.Now().Add(-time.Minute))
	NewProcessForTest()
	c := newCloud()
	s := c.spec("e", func(context.Context, string) ([]string, error) { return []string{"new"}, nil })
	res, err := Create(context.Background(), s)
	if err != nil || res.Adopted || res.IDs[0] != "new" {
		t.Fatalf("%+v %v", res, err)
	}
	if es := records(t); len(es) != 1 || es[0].Token == "dead-token" {
		t.Fatalf("the orphan given up must be forgotten: %+v", es)
	}
}

// An orphan still within its deadline whose object has not appeared: the
// create is not sent; the run fails and the record stays.
func TestCreateOrphanWithinItsDeadlineBlocksAResend(t *testing.T) {
	fastPolls(t)
	useDir(t)
	j, _ := Open()
	j.Begin("thing", Spec{Kind: "thing", Scope: "test", Args: "f"}.hash(), "recent-token", time.Now().Add(time.Hour))
	NewProcessForTest()
	c := newCloud()
	s := c.spec("f", func(context.Context, string) ([]string, error) { return []string{"new"}, nil })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Millisecond)
	defer cancel()
	_, err := Create(ctx, s)
	var ue *UnresolvedError
	if !errors.As(err, &ue) || ue.Token != "recent-token" || c.sends.Load() != 0 {
		t.Fatalf("want the orphan's token in an error and no send, got %v (sends %d)", err, c.sends.Load())
	}
	if es := records(t); len(es) != 1 {
		t.Fatalf("records: %+v", es)
	}
}

// Another scope (endpoint, account) never adopts a record.
func TestCreateOtherScopeIsNotAdopted(t *testing.T) {
	fastPolls(t)
	useDir(t)
	j, _ := Open()
	j.Begin("thing", Spec{Kind: "thing", Scope: "other", Args: "g"}.hash(), "tok", time.Now().Add(time.Hour))
	NewProcessForTest()
	c := newCloud()
	res, err := Create(context.Background(), c.spec("g", func(context.Context, string) ([]string, error) { return []string{"new"}, nil }))
	if err != nil || res.Adopted {
		t.Fatal(res, err)
	}
}

// A record of a process that still runs (pid and start time) is never
// taken; one of a process that has ended is.
func TestClaimRespectsLiveProcesses(t *testing.T) {
	dir := useDir(t)
	j, _ := Open()
	hash := Hash("thing", 1)
	write := func(token string, o owner) {
		e := &Entry{Kind: "thing", Hash: hash, Token: token, Started: time.Now(), LookUntil: time.Now().Add(time.Hour), State: StateSending}
		if err := writeFile(filepath.Join(dir, fileName(token, o)), e); err != nil {
			t.Fatal(err)
		}
	}
	ppid := os.Getppid()
	write("parent", owner{pid: ppid, start: processStartTimeOf(ppid), nonce: "x"})
	if e, holder := j.Claim("thing", hash); e != nil || holder != ppid {
		t.Fatalf("claimed the record of a live process (pid %d): %+v, or did not see it held by it (holder %d)", ppid, e, holder)
	}
	write("reused", owner{pid: ppid, start: "1", nonce: "x"}) // same pid, other start: a reused pid
	write("dead", owner{pid: 1 << 22, start: "5", nonce: "x"})
	got := map[string]bool{}
	for {
		e, _ := j.Claim("thing", hash)
		if e == nil {
			break
		}
		got[e.Token] = true
	}
	if !got["dead"] || got["parent"] {
		t.Fatalf("claimed %v", got)
	}
	if processStartTime() != "0" && !got["reused"] {
		t.Fatalf("a reused pid's record must be claimable: %v", got)
	}
}

// The journal lives in TF_DATA_DIR (made if missing), else .terraform; an
// unwritable one is said once.
func TestJournalLocation(t *testing.T) {
	t.Setenv(EnvDir, "")
	data := filepath.Join(t.TempDir(), "data")
	t.Setenv("TF_DATA_DIR", data)
	if j, w := Open(); j == nil || w != "" {
		t.Fatal("TF_DATA_DIR journal not opened:", w)
	}
	if _, err := os.Stat(filepath.Join(data, subdir)); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TF_DATA_DIR", "")
	wd := t.TempDir()
	t.Chdir(wd)
	if j, _ := Open(); j == nil {
		t.Fatal("no journal without .terraform")
	}
	if _, err := os.Stat(filepath.Join(wd, ".terraform", subdir)); err != nil {
		t.Fatal("the .terraform journal was not made:", err)
	}
	if os.Geteuid() == 0 {
		// root writes anywhere: a file where the directory should be.
		blocked := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(blocked, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv("TF_DATA_DIR", blocked)
	} else {
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Setenv("TF_DATA_DIR", ro)
	}
	j, w := Open()
	if j != nil || !strings.Contains(w, "could not write") {
		t.Fatalf("want a warning, got %v %q", j, w)
	}
	if _, w := Open(); w != "" {
		t.Fatal("the warning must be said once")
	}
	// A create still works, and says so once.
	res, err := Create(context.Background(), Spec{Kind: "k", Label: "k", Ambiguous: func(error) bool { return true },
		Send: func(context.Context, string) ([]string, error) { return []string{"x"}, nil }})
	if err != nil || res.IDs[0] != "x" {
		t.Fatal(res, err)
	}
}

// recordOfOther starts another process, as another provider would be,
// that lives for seconds (at most until the test ends), and writes e as its
// record in dir; it returns the record's file.
func recordOfOther(t *testing.T, dir, seconds string, e *Entry) string {
	t.Helper()
	other := exec.CommandContext(context.Background(), "sleep", seconds)
	if err := other.Start(); err != nil {
		t.Skipf("no sleep command: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = other.Wait(); close(exited) }()
	t.Cleanup(func() { _ = other.Process.Kill(); <-exited })
	pid := other.Process.Pid
	file := filepath.Join(dir, fileName(e.Token, owner{pid: pid, start: processStartTimeOf(pid), nonce: "x"}))
	if err := writeFile(file, e); err != nil {
		t.Fatal(err)
	}
	return file
}

// A record that another running process holds for the same create (a
// provider whose terraform was killed, still alive for a moment) is waited
// for and, once that process has ended, adopted: the create is not sent
// again. One that process forgets (its create answered) is not waited for
// any longer: the create is then sent. One held past OwnerGrace fails the
// create, with nothing sent (the other process may still be making it).
func TestCreateWaitsForAnotherLiveProcess(t *testing.T) {
	fastPolls(t)
	oldGrace, oldPoll := OwnerGrace, OwnerPoll
	OwnerGrace, OwnerPoll = 5*time.Second, 10*time.Millisecond
	t.Cleanup(func() { OwnerGrace, OwnerPoll = oldGrace, oldPoll })
	for _, tc := range []struct {
		name  string
		sleep string
		// forget removes the other process's record while it runs; grace
		// shortens OwnerGrace below the other process's life.
		forget, grace bool
		adopted, held bool
	}{
		{name: "ends holding it", sleep: "0.3", adopted: true},
		{name: "forgets it", sleep: "3", forget: true},
		{name: "outlives the grace", sleep: "3", grace: true, held: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := useDir(t)
			if tc.grace {
				OwnerGrace = 200 * time.Millisecond
				defer func() { OwnerGrace = 5 * time.Second }()
			}
			c := newCloud()
			s := c.spec("same", func(_ context.Context, token string) ([]string, error) { return []string{"new-" + token[:6]}, nil })
			e := &Entry{Kind: s.Kind, Hash: s.hash(), Token: "0123456789abcdef", Started: time.Now(), LookUntil: time.Now().Add(time.Minute), State: StateSending}
			file := recordOfOther(t, dir, tc.sleep, e)
			c.objects[e.Token] = "made-by-the-other"
			if tc.forget {
				time.AfterFunc(200*time.Millisecond, func() { _ = os.Remove(file) })
			}
			start := time.Now()
			res, err := Create(context.Background(), s)
			if tc.held {
				var he *HeldError
				if !errors.As(err, &he) || c.sends.Load() != 0 || len(res.IDs) != 0 {
					t.Fatalf("err %v, %d sends, ids %v; want a HeldError and nothing sent", err, c.sends.Load(), res.IDs)
				}
				if he.PID <= 0 || !strings.Contains(filepath.Base(file), fmt.Sprintf("%d-", he.PID)) || !strings.Contains(err.Error(), fmt.Sprintf("(pid %d)", he.PID)) {
					t.Errorf("%v: does not name the process holding %s", err, filepath.Base(file))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.adopted != (res.Adopted && res.IDs[0] == "made-by-the-other") || tc.adopted == (c.sends.Load() == 1) {
				t.Fatalf("adopted %v ids %v, %d sends after %s; want adopted %v", res.Adopted, res.IDs, c.sends.Load(), time.Since(start), tc.adopted)
			}
			if time.Since(start) > 2*time.Second {
				t.Fatalf("the create waited %s", time.Since(start))
			}
		})
	}
}

// A create answered to a terraform that ended without closing its
// provider (killed, perhaps before it saved the answer) is adopted by the
// next create of the same arguments, not ordered again; unless a state
// has been seen to hold it (Held), or its terraform closed the provider
// (Closed). An answered object gone since is passed over.
func TestAnsweredRecordIsAdoptedUnlessAStateHoldsIt(t *testing.T) {
	fastPolls(t)
	for _, tc := range []struct {
		name    string
		then    func(id string)
		adopted bool
	}{
		{name: "terraform killed", then: func(string) {}, adopted: true},
		{name: "seen in a state", then: Held},
		{name: "provider closed", then: func(string) { Closed() }},
		{name: "object gone", then: func(string) {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			useDir(t)
			c := newCloud()
			s := c.spec("answered", func(_ context.Context, token string) ([]string, error) {
				c.objects[token] = "id-" + token[:6]
				return []string{c.objects[token]}, nil
			})
			res, err := Create(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			res.Answered()
			id := res.IDs[0]
			tc.then(id)
			if tc.name == "object gone" {
				clear(c.objects)
			}
			NewProcessForTest()
			again, err := Create(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			if got := again.Adopted && again.IDs[0] == id; got != tc.adopted || c.sends.Load() != map[bool]int32{true: 1, false: 2}[tc.adopted] {
				t.Fatalf("adopted %v (ids %v), %d sends; want adopted %v", again.Adopted, again.IDs, c.sends.Load(), tc.adopted)
			}
		})
	}
}

// An answered record of a provider that still runs: while its terraform
// runs too it is another run's finished create, neither waited for nor
// adopted; once its terraform has ended (the provider lingers, orphaned)
// it is adopted at once.
func TestAnsweredRecordOfALiveProvider(t *testing.T) {
	fastPolls(t)
	for _, terraformEnded := range []bool{false, true} {
		t.Run(map[bool]string{false: "its terraform runs", true: "its terraform ended"}[terraformEnded], func(t *testing.T) {
			dir := useDir(t)
			c := newCloud()
			s := c.spec("live", func(_ context.Context, token string) ([]string, error) { return []string{"new-" + token[:6]}, nil })
			tf := terraformProcess // alive: this test's own parent
			if terraformEnded {
				tf = "4194304-5"
			}
			e := &Entry{Kind: s.Kind, Hash: s.hash(), Token: "fedcba9876543210", Started: time.Now(), LookUntil: time.Now().Add(time.Minute),
				State: StateAnswered, IDs: []string{"made-by-the-other"}, Terraform: tf}
			recordOfOther(t, dir, "5", e)
			c.objects[e.Token] = "made-by-the-other"
			start := time.Now()
			res, err := Create(context.Background(), s)
			if err != nil || time.Since(start) > 2*time.Second {
				t.Fatalf("err %v after %s", err, time.Since(start))
			}
			if adopted := res.Adopted && res.IDs[0] == "made-by-the-other"; adopted != terraformEnded || c.sends.Load() != map[bool]int32{true: 0, false: 1}[terraformEnded] {
				t.Fatalf("adopted %v, %d sends; want adopted %v", res.Adopted, c.sends.Load(), terraformEnded)
			}
		})
	}
}

// A provider whose terraform was killed may linger, idle, for as long as
// the machine runs. A create of it that it no longer looks for is adopted
// by the next create of the same arguments at once, not waited for until
// the grace runs out (which would fail every later apply); one it is still
// sending is held.
func TestRecordOfALingeringProvider(t *testing.T) {
	fastPolls(t)
	oldGrace, oldPoll := OwnerGrace, OwnerPoll
	OwnerGrace, OwnerPoll = 300*time.Millisecond, 10*time.Millisecond
	t.Cleanup(func() { OwnerGrace, OwnerPoll = oldGrace, oldPoll })
	for _, state := range []string{StateUnresolved, StateSending} {
		t.Run(state, func(t *testing.T) {
			dir := useDir(t)
			c := newCloud()
			s := c.spec("lingering", func(_ context.Context, token string) ([]string, error) { return []string{"new-" + token[:6]}, nil })
			e := &Entry{Kind: s.Kind, Hash: s.hash(), Token: "00112233445566aa", Started: time.Now(), LookUntil: time.Now().Add(time.Minute),
				State: state, Terraform: "4194304-5"}
			recordOfOther(t, dir, "5", e)
			c.objects[e.Token] = "made-by-the-lingering"
			res, err := Create(context.Background(), s)
			if state == StateSending {
				var he *HeldError
				if !errors.As(err, &he) || c.sends.Load() != 0 {
					t.Fatalf("err %v, %d sends; want a HeldError and nothing sent", err, c.sends.Load())
				}
				return
			}
			if err != nil || !res.Adopted || res.IDs[0] != "made-by-the-lingering" || c.sends.Load() != 0 {
				t.Fatalf("err %v, adopted %v %v, %d sends; want the lingering provider's object adopted", err, res.Adopted, res.IDs, c.sends.Load())
			}
		})
	}
}

// Held and Closed forget only answered records: Held those naming the id,
// Closed this process's own. A create still in flight keeps its record.
func TestHeldAndClosedForgetOnlyAnsweredRecords(t *testing.T) {
	dir := useDir(t)
	j, _ := Open()
	write := func(token, state string, o owner, ids ...string) {
		e := &Entry{Kind: "thing", Hash: "h", Token: token, Started: time.Now(), LookUntil: time.Now().Add(time.Hour), State: state, IDs: ids, Terraform: terraformProcess}
		if err := writeFile(filepath.Join(dir, fileName(token, o)), e); err != nil {
			t.Fatal(err)
		}
	}
	other := owner{pid: 1 << 22, start: "5", nonce: "x"}
	write("mine-answered", StateAnswered, currentOwner(), "a")
	write("mine-sending", StateSending, currentOwner())
	write("other-answered-a", StateAnswered, other, "a", "b")
	write("other-answered-c", StateAnswered, other, "c")
	write("other-unresolved", StateUnresolved, other)
	tokens := func() (out []string) {
		es, _ := j.Entries()
		for _, e := range es {
			out = append(out, e.Token)
		}
		slices.Sort(out)
		return out
	}
	Held("b")
	if got := tokens(); !slices.Equal(got, []string{"mine-answered", "mine-sending", "other-answered-c", "other-unresolved"}) {
		t.Fatalf("after Held(b): %v", got)
	}
	Closed()
	if got := tokens(); !slices.Equal(got, []string{"mine-sending", "other-answered-c", "other-unresolved"}) {
		t.Fatalf("after Closed: %v", got)
	}
}

// A record another live process holds may change the moment after it is
// read: its create answered, to a terraform that has ended (killed). Each
// record is judged by one reading of it, so the change is seen at the
// next look, and the object adopted; never taken for a record that is
// neither held nor claimable, which would order the object again.
func TestRecordAnsweredWhileWaitedFor(t *testing.T) {
	fastPolls(t)
	oldGrace, oldPoll := OwnerGrace, OwnerPoll
	OwnerGrace, OwnerPoll = 5*time.Second, 10*time.Millisecond
	t.Cleanup(func() { OwnerGrace, OwnerPoll, readHook = oldGrace, oldPoll, nil })
	dir := useDir(t)
	c := newCloud()
	s := c.spec("flips", func(_ context.Context, token string) ([]string, error) { return []string{"new-" + token[:6]}, nil })
	e := &Entry{Kind: s.Kind, Hash: s.hash(), Token: "00112233445566778899", Started: time.Now(), LookUntil: time.Now().Add(time.Minute), State: StateSending}
	file := recordOfOther(t, dir, "5", e)
	c.objects[e.Token] = "made-by-the-other"
	var once atomic.Bool
	readHook = func(f string) {
		if f == file && once.CompareAndSwap(false, true) {
			answered := *e
			answered.State, answered.IDs, answered.Terraform = StateAnswered, []string{"made-by-the-other"}, "4194304-5"
			if err := writeFile(file, &answered); err != nil {
				t.Error(err)
			}
		}
	}
	res, err := Create(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Adopted || res.IDs[0] != "made-by-the-other" || c.sends.Load() != 0 {
		t.Fatalf("adopted %v ids %v, %d sends; want the other process's object adopted and nothing sent", res.Adopted, res.IDs, c.sends.Load())
	}
}
