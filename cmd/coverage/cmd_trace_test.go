package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/result"
)

// buildCoverage builds the real binary once per test binary run.
func buildCoverage(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "coverage")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func buildKnown(t *testing.T, cc, pkg string) string {
	t.Helper()
	path := testenv.RequireTool(t, cc, pkg)
	out := filepath.Join(t.TempDir(), "known")
	if b, err := exec.Command(path, "-static", "-O1", "-pthread", "-o", out, "../../trace/testdata/known.c").CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", cc, err, b)
	}
	return out
}

// TestTraceEndToEnd runs the real coverage binary on the known-count
// program and checks the JSON document, exit status included.
func TestTraceEndToEnd(t *testing.T) {
	testenv.RequirePrivileges(t)
	cov := buildCoverage(t)
	known := buildKnown(t, "musl-gcc", "musl-tools")
	out := filepath.Join(t.TempDir(), "trace.json")
	cmd := exec.Command(cov, "trace", "--format", "json", "--out", out, "--", known)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("coverage trace: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc result.Trace
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("decode %s: %v", out, err)
	}
	if doc.Schema != result.TraceSchema || doc.Exit.Code != 0 || doc.Exit.Signal != nil || doc.Overflow != 0 {
		t.Errorf("header = %q exit %+v overflow %d", doc.Schema, doc.Exit, doc.Overflow)
	}
	by := map[string]result.Syscall{}
	for _, s := range doc.Syscalls {
		by[s.Name] = s
	}
	if n := by["getppid"].Count; n != 1077 {
		t.Errorf("getppid = %d, want 1077", n)
	}
	if n := by["openat"].Count; n != 107 {
		t.Errorf("openat = %d, want 107", n)
	}
	if n := by["openat"].Errors["ENOENT"]; n != 7 {
		t.Errorf("openat ENOENT = %d, want 7", n)
	}
	if n := by["exit_group"].Count; n != 2 {
		t.Errorf("exit_group = %d, want 2", n)
	}
	if n := by["exit"].Count; n != 1 {
		t.Errorf("exit = %d, want 1", n)
	}
	if len(doc.Unobserved) == 0 {
		t.Errorf("unobserved is empty; vDSO calls must be named")
	}
}

// TestTraceReportsUnattributed checks that exits carrying the number -1
// reach both outputs, and that rt_sigreturn is still counted exactly
// (trace/testdata/exits.c: 9 handled signals, 3 syscall(-1)).
func TestTraceReportsUnattributed(t *testing.T) {
	testenv.RequirePrivileges(t)
	cc := testenv.RequireTool(t, "musl-gcc", "musl-tools")
	bin := filepath.Join(t.TempDir(), "exits")
	if b, err := exec.Command(cc, "-static", "-O1", "-pthread", "-o", bin, "../../trace/testdata/exits.c").CombinedOutput(); err != nil {
		t.Fatalf("musl-gcc: %v\n%s", err, b)
	}
	for _, format := range []string{"json", "text"} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr},
			[]string{"trace", "--format", format, "--", bin})
		if code != 0 {
			t.Fatalf("%s: exit %d; stderr %s", format, code, stderr.String())
		}
		if format == "text" {
			if want := "NOTE: 3 syscall exits carried the number -1"; !strings.Contains(stdout.String(), want) {
				t.Errorf("text output lacks %q:\n%s", want, stdout.String())
			}
			continue
		}
		var doc result.Trace
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Fatalf("decode: %v\n%s", err, stdout.String())
		}
		if doc.Unattributed != 3 {
			t.Errorf("unattributed = %d, want 3", doc.Unattributed)
		}
		for _, s := range doc.Syscalls {
			if s.Name == "rt_sigreturn" && s.Count != 9 {
				t.Errorf("rt_sigreturn = %d, want 9", s.Count)
			}
		}
	}
}

// TestTracePassesExitStatus checks that the traced command's status is
// coverage's own.
func TestTracePassesExitStatus(t *testing.T) {
	testenv.RequirePrivileges(t)
	sh := testenv.RequireTool(t, "sh", "dash")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr},
		[]string{"trace", "--", sh, "-c", "exit 7"})
	if code != 7 {
		t.Errorf("exit = %d, want 7; stderr %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "exit_group") {
		t.Errorf("table lacks exit_group:\n%s", stdout.String())
	}
}

func TestTraceUsage(t *testing.T) {
	for _, args := range [][]string{{"trace"}, {"trace", "--format", "xml", "--", "true"}, {"trace", "--bogus"}} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, args); code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, code, stderr.String())
		}
	}
}
