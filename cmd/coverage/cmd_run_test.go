package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/runner"
	"github.com/syscov/syscov/trace"
)

// pgidTracer runs commands for real, in their own process group, and
// records no syscalls: enough to test the command without root.
type pgidTracer struct{}

func (pgidTracer) Run(ctx context.Context, cmd *exec.Cmd, _ *trace.RunOptions) (*trace.Result, error) {
	cmd.SysProcAttr.Setpgid = true
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	res := &trace.Result{}
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		res.Exit.TimedOut = true
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		err = <-done
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	res.Duration = time.Since(start)
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return nil, err
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	res.Exit.Code = ws.ExitStatus()
	if ws.Signaled() {
		res.Exit.Signal = ws.Signal()
	}
	return res, nil
}

func (pgidTracer) Syscalls(*trace.Result) []result.Syscall { return nil }

func withFakeTracer(t *testing.T) {
	t.Helper()
	saved := newRunTracer
	newRunTracer = func() (runner.Tracer, func() error, error) {
		return pgidTracer{}, func() error { return nil }, nil
	}
	t.Cleanup(func() { newRunTracer = saved })
}

func TestRunCommand(t *testing.T) {
	testenv.RequireTool(t, "musl-gcc", "musl-tools")
	withFakeTracer(t)
	cache := t.TempDir()

	failing := t.TempDir()
	os.MkdirAll(filepath.Join(failing, "g"), 0o755)
	os.WriteFile(filepath.Join(failing, "g", "fails.c"), []byte("#include <stdio.h>\nint main(void){puts(\"CONTRACT_FAIL\");return 1;}\n"), 0o644)

	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    []string // substrings
		stderr    []string
		wantTests map[string]string // id -> status in the JSON
		noRun     bool              // refused before running: no run.json
	}{
		{
			name:      "kevlar layout",
			args:      []string{"--contracts", "../../runner/testdata/kevlar/testing/contracts"},
			code:      0,
			stdout:    []string{"Syscalls covered beyond baseline", "3 total — 2 PASS, 1 XFAIL, 0 FAIL", "Coverage assessment", "profile:musl-static"},
			stderr:    []string{"XFAIL       process/wait_xfail", "wrote ", "report.md"},
			wantTests: map[string]string{"fd/dup_basic": "PASS", "process/getppid_positive": "PASS", "process/wait_xfail": "XFAIL"},
		},
		{
			name:      "a failing contract sets the exit status",
			args:      []string{"--contracts", failing, "-j", "1", "--timeout", "5s"},
			code:      1,
			stdout:    []string{"1 total — 0 PASS, 0 XFAIL, 1 FAIL"},
			wantTests: map[string]string{"g/fails": "FAIL"},
		},
		{
			name:   "fail-under",
			args:   []string{"--contracts", "../../runner/testdata/kevlar/testing/contracts", "--fail-under", "dispatch=99", "--fail-under", "profile:pthreads=0"},
			code:   1,
			stderr: []string{"fail-under: dispatch: ", "below 99%", "report.csv"},
		},
		{name: "fail-under bad", args: []string{"--fail-under", "dispatch"}, code: 2, stderr: []string{"want ROW=PERCENT"}},
		{name: "fail-under unknown row, refused before the run", args: []string{"--fail-under", "musl=50"}, code: 2, stderr: []string{`unknown row "musl"`, "profile:musl-static"}, noRun: true},
		{name: "bad profile, refused before the run", args: []string{"--profile", "/nonexistent/p.json"}, code: 1, stderr: []string{"/nonexistent/p.json"}, noRun: true},
		{name: "extra argument", args: []string{"contracts"}, code: 2, stderr: []string{`unexpected argument "contracts"`}},
		{name: "bad -j", args: []string{"-j", "0"}, code: 2, stderr: []string{"-j must be at least 1"}},
		{name: "bad timeout", args: []string{"--timeout", "-1s"}, code: 2, stderr: []string{"--timeout must be positive"}},
		{name: "bad duration", args: []string{"--timeout", "soon"}, code: 2, stderr: []string{"-timeout"}},
		{name: "missing suite", args: []string{"--contracts", "/nonexistent/syscov"}, code: 2, stderr: []string{"--contracts /nonexistent/syscov: not a directory"}},
		{name: "help", args: []string{"-h"}, code: 0, stdout: []string{"usage: coverage run", "-contracts", "examples:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "report", "run.json")
			var stdout, stderr bytes.Buffer
			args := append([]string{"run", "--cache", cache, "--json", out}, tt.args...)
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, args)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, &stdout, &stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, &stdout)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, &stderr)
				}
			}
			if _, err := os.Stat(out); tt.noRun && err == nil {
				t.Errorf("%s was written: the suite ran", out)
			}
			if tt.wantTests == nil {
				return
			}
			for _, f := range []string{"report.txt", "report.md", "report.json", "report.csv", "coverage.png", "coverage.svg"} {
				if _, err := os.Stat(filepath.Join(filepath.Dir(out), f)); err != nil {
					t.Errorf("the report beside run.json: %v", err)
				}
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			var doc result.Run
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatalf("parse %s: %v", out, err)
			}
			if doc.Schema != result.RunSchema || doc.Compiler == "" || len(doc.CFlags) == 0 {
				t.Errorf("header: schema %q compiler %q cflags %q", doc.Schema, doc.Compiler, doc.CFlags)
			}
			got := map[string]string{}
			for _, x := range doc.Tests {
				got[x.ID] = x.Status
			}
			if len(got) != len(tt.wantTests) {
				t.Errorf("tests %v, want %v", got, tt.wantTests)
			}
			for id, st := range tt.wantTests {
				if got[id] != st {
					t.Errorf("%s: %q, want %q", id, got[id], st)
				}
			}
		})
	}
}

func TestRunCommandOutsideTree(t *testing.T) {
	withFakeTracer(t)
	t.Chdir(t.TempDir())
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"run"})
	if code != 2 || !strings.Contains(stderr.String(), "pass --contracts DIR") {
		t.Errorf("exit %d, stderr %q; want 2 asking for --contracts", code, &stderr)
	}
}
