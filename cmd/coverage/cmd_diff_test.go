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

func TestDiffCommand(t *testing.T) {
	golden := func(name string) string {
		b, err := os.ReadFile(filepath.Join("../../report/rundiff/testdata/golden", name))
		if err != nil {
			t.Fatal(err)
		}
		// The goldens label the runs by base name; the command uses the
		// paths it was given.
		s := strings.ReplaceAll(string(b), "old.json", diffOld)
		return strings.ReplaceAll(s, "new.json", diffNew)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr []string
	}{
		{"text", []string{diffOld, diffNew}, 0, golden("diff.txt"), nil},
		{"flags after files", []string{diffOld, diffNew, "--format", "markdown"}, 0, golden("diff.md"), nil},
		{"flags between", []string{diffOld, "--format=csv", diffNew}, 0, golden("diff.csv"), nil},
		{"fail on regression", []string{"--fail-on-regression", "--format", "json", diffOld, diffNew}, 1, golden("diff.json"), []string{
			"regression: test events/epoll_oneshot: PASS → XFAIL\n",
			"regression: test fd/lseek_whence: PASS → FAIL\n",
			"regression: syscall dup3: no longer covered by a PASS test\n",
		}},
		{"improvement only", []string{"--fail-on-regression", diffNew, diffNew}, 0, "", nil},
		{"one file", []string{diffOld}, 2, "", []string{"want two run files (coverage diff OLD.json NEW.json), got 1"}},
		{"bad format", []string{"--format", "html", diffOld, diffNew}, 2, "", []string{`--format "html": want one of text, markdown, json, csv`}},
		{"missing file", []string{diffOld, "nope.json"}, 1, "", []string{"coverage diff: read run: open nope.json: no such file or directory"}},
		{"wrong schema", []string{diffOld, "../../profile/testdata/traced.json"}, 1, "", []string{`traced.json: schema "syscov.profile/v1", want "syscov.run/v1"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, append([]string{"diff"}, tc.args...))
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			if tc.stdout != "" && stdout.String() != tc.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), tc.stdout)
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
