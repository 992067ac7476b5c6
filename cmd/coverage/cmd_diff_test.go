package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	diffOld = "../../report/rundiff/testdata/old.json"
	diffNew = "../../report/rundiff/testdata/new.json"
)

// The diff's own sections are checked against report/rundiff's goldens
// there; here the command's wiring: arguments, formats, exit status, and
// the assessment rows measured with the shipped profiles (whose numbers
// change whenever a profile is regenerated, so only their presence is
// checked).
func TestDiffCommand(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"text", []string{diffOld, diffNew}, 0, []string{
			"Before: 5 total — 5 PASS, 0 XFAIL, 0 FAIL\nAfter: 6 total — 4 PASS, 1 XFAIL, 1 FAIL\n",
			"events/epoll_oneshot: PASS → XFAIL", "Coverage rows (before → after):", "│ dispatch ", "│ profile:musl-static "}, nil},
		{"flags after files", []string{diffOld, diffNew, "--format", "markdown"}, 0, []string{"| dispatch |", "fd/lseek_whence"}, nil},
		{"flags between", []string{diffOld, "--format=csv", diffNew}, 0, []string{"fd/lseek_whence", "dispatch"}, nil},
		{"fail on regression", []string{"--fail-on-regression", "--format", "json", diffOld, diffNew}, 1, []string{`"schema": "syscov.diff/v1"`, `"label": "dispatch"`}, []string{
			"regression: test events/epoll_oneshot: PASS → XFAIL\n",
			"regression: test fd/lseek_whence: PASS → FAIL\n",
			"regression: syscall dup3: no longer covered by a PASS test\n",
		}},
		{"improvement only", []string{"--fail-on-regression", diffNew, diffNew}, 0, nil, nil},
		{"one file", []string{diffOld}, 2, nil, []string{"want two run files (coverage diff OLD.json NEW.json), got 1"}},
		{"bad format", []string{"--format", "html", diffOld, diffNew}, 2, nil, []string{`--format "html": want one of text, markdown, json, csv`}},
		{"missing file", []string{diffOld, "nope.json"}, 1, nil, []string{"coverage diff: load run: open nope.json: no such file or directory"}},
		{"wrong schema", []string{diffOld, "../../profile/testdata/traced.json"}, 1, nil, []string{`traced.json`, `schema is "syscov.profile/v1", want "syscov.run/v1"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, append([]string{"diff"}, tc.args...))
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			for _, s := range tc.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout.String())
				}
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
		})
	}
}

// TestDiffBinary runs the real binary, writing to --out.
func TestDiffBinary(t *testing.T) {
	cov := buildCoverage(t)
	out := filepath.Join(t.TempDir(), "diff.md")
	cmd := exec.Command(cov, "diff", "--format", "markdown", "--out", out, diffOld, diffNew)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "| `fd/lseek_whence` | PASS | FAIL |") {
		t.Errorf("markdown lacks the status change:\n%s", b)
	}
}
