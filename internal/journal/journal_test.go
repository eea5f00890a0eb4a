package journal

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestCreateAdoptsAnOrphanOnce(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvDir, dir)
	args := map[string]any{"zone": "z", "size": 20}
	// A process that died mid-create left this entry behind.
	j := Open()
	orphan := j.Begin("disk", Hash("disk", args), "tok-dead")
	b, _ := os.ReadFile(orphan.path)
	if len(b) == 0 {
		t.Fatal("no entry written")
	}
	old := processStart
	processStart = time.Now().Add(time.Hour) // this test's process counts as a later one
	defer func() { processStart = old }()

	created := 0
	lookup := func(token string, _ time.Time) ([]string, error) {
		if token == "tok-dead" {
			return []string{"disk-orphan"}, nil
		}
		return nil, nil
	}
	create := func(token string) ([]string, error) { created++; return []string{"disk-" + token}, nil }
	tokens := []string{"t1", "t2"}
	next := func() string { tok := tokens[0]; tokens = tokens[1:]; return tok }

	ids, adopted, done, err := Create("disk", args, next, create, lookup)
	if err != nil || !adopted || ids[0] != "disk-orphan" || created != 0 {
		t.Fatalf("first create: %v adopted=%v err=%v created=%d", ids, adopted, err, created)
	}
	done()
	ids, adopted, done, err = Create("disk", args, next, create, lookup)
	if err != nil || adopted || ids[0] != "disk-t1" || created != 1 {
		t.Fatalf("second create: %v adopted=%v err=%v", ids, adopted, err)
	}
	done()
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
		t.Fatalf("entries left: %v", left)
	}
}

func TestCreateIgnoresOtherArgumentsAndFailedLookups(t *testing.T) {
	t.Setenv(EnvDir, t.TempDir())
	old := processStart
	processStart = time.Now().Add(time.Hour)
	defer func() { processStart = old }()
	Open().Begin("disk", Hash("disk", map[string]int{"size": 20}), "tok-a")
	lookup := func(string, time.Time) ([]string, error) { return nil, errors.New("API down") }
	create := func(token string) ([]string, error) { return []string{"new-" + token}, nil }
	ids, adopted, done, err := Create("disk", map[string]int{"size": 30}, func() string { return "t" }, create, lookup)
	if err != nil || adopted || ids[0] != "new-t" {
		t.Fatalf("other arguments: %v %v %v", ids, adopted, err)
	}
	done()
	ids, adopted, done, err = Create("disk", map[string]int{"size": 20}, func() string { return "u" }, create, lookup)
	if err != nil || adopted || ids[0] != "new-u" {
		t.Fatalf("failed lookup must fall back to a create: %v %v %v", ids, adopted, err)
	}
	done()
}

func TestNoJournalWithoutDotTerraform(t *testing.T) {
	t.Setenv(EnvDir, "")
	t.Chdir(t.TempDir())
	if Open() != nil {
		t.Fatal("a journal outside a Terraform working directory")
	}
	ids, adopted, done, err := Create("disk", 1, func() string { return "t" }, func(string) ([]string, error) { return []string{"x"}, nil }, nil)
	if err != nil || adopted || ids[0] != "x" {
		t.Fatal(ids, adopted, err)
	}
	done()
}
