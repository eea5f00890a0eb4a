// Copyright (c) The terraform-provider-cloudcompute authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The headers policy of CONTRIBUTING.md: LICENSE is the MPL-2.0 text, and
// .copywrite.hcl says so.
func TestLicense(t *testing.T) {
	b, err := os.ReadFile("LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("Mozilla Public License Version 2.0\n")) ||
		!bytes.Contains(b, []byte(`Exhibit B - "Incompatible With Secondary Licenses" Notice`)) {
		t.Error("LICENSE is not the Mozilla Public License 2.0 text")
	}
	cw, err := os.ReadFile(".copywrite.hcl")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`(?m)^\s*license\s*=\s*"MPL-2.0"$`, `(?m)^\s*copyright_holder\s*=\s*"` + regexp.QuoteMeta(copyrightHolder) + `"$`} {
		if !regexp.MustCompile(want).Match(cw) {
			t.Errorf(".copywrite.hcl does not match %s", want)
		}
	}
}

const copyrightHolder = "The terraform-provider-cloudcompute authors"

var (
	// A license line, in the comment syntax of Go, shell, YAML or HCL.
	spdxLine = regexp.MustCompile(`^(//|#) SPDX-License-Identifier: (.*)$`)
	// The copyright line above it (HashiCorp's header tool may add the years).
	copyrightLine = regexp.MustCompile(`^(//|#) Copyright (\(c\) )?(\d{4}(, \d{4})? )?` + regexp.QuoteMeta(copyrightHolder) + `( \d{4}(, \d{4})?)?$`)
)

// Every license header in the repository is the project's: its copyright
// line, then MPL-2.0. A file without one is allowed until the headers are
// added in one sweep (CONTRIBUTING.md).
func TestLicenseHeaders(t *testing.T) {
	skipDirs := map[string]bool{".git": true, "dist": true, "bin": true, ".terraform": true, ".bench": true, "testdata": true, "node_modules": true}
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > 1<<20 {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.IndexByte(b, 0) >= 0 {
			return nil // a binary file
		}
		var prev string
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimRight(sc.Text(), "\r")
			if m := spdxLine.FindStringSubmatch(line); m != nil {
				checked++
				if m[2] != "MPL-2.0" {
					t.Errorf("%s:%d: license %q, want MPL-2.0 (LICENSE)", path, n, m[2])
				}
				if !copyrightLine.MatchString(prev) {
					t.Errorf("%s:%d: the license line follows %q, want the line %q", path, n, prev, "Copyright (c) "+copyrightHolder)
				}
			}
			prev = line
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Error("no license header found: the walk did not see the repository")
	}
}
