package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/profile"
)

func TestProfileBusyboxUsage(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.workload")
	if err := os.WriteFile(bad, []byte("echo ok\necho 'open\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
		{[]string{"--name", "No"}, 2, `--name "No"`},
		{[]string{"--step-timeout", "0s"}, 2, "--step-timeout must be positive"},
		{[]string{"--script", bad}, 1, bad + ":2: unterminated single quote"},
		{[]string{"--script", bad + ".missing"}, 1, bad + ".missing"},
		{[]string{"--busybox", "/nonexistent/busybox"}, 1, "/nonexistent/busybox"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, append([]string{"profile", "busybox"}, tt.args...))
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
}

// TestProfileBusyboxEndToEnd runs the real binary on the bundled workload
// (a few seconds) and checks the profile: valid, attributed per applet,
// with the syscalls its steps cannot do without.
func TestProfileBusyboxEndToEnd(t *testing.T) {
	testenv.RequirePrivileges(t)
	testenv.RequireTool(t, "busybox", "busybox-static")
	cov := buildCoverage(t)
	out := filepath.Join(t.TempDir(), "bbw.json")
	cmd := exec.Command(cov, "profile", "busybox", "--out", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("coverage profile busybox: %v\n%s", err, stderr.String())
	}
	p, err := profile.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "busybox-workload" || p.Layer != profile.LayerTraced || p.Provenance.Package != "busybox-static" {
		t.Errorf("name %q layer %q package %q", p.Name, p.Layer, p.Provenance.Package)
	}
	// Each syscall, with applets that must have issued it.
	for _, c := range []struct {
		syscall string
		users   []string
	}{
		{"socket", []string{"httpd", "wget", "nc"}},
		{"bind", []string{"httpd"}},
		{"listen", []string{"httpd"}},
		{"accept", []string{"httpd"}},
		{"connect", []string{"wget", "nc"}},
		{"openat", []string{"tar", "gzip", "cp", "sed"}},
		{"getdents64", []string{"ls", "find", "ps"}},
		{"mkdir", []string{"mkdir", "tar"}},
		{"symlink", []string{"ln"}},
		{"link", []string{"ln"}},
		{"rename", []string{"mv"}},
		{"kill", []string{"kill", "timeout"}},
		{"wait4", []string{"sh", "timeout"}},
		{"execve", []string{"timeout", "setsid"}},
		{"clock_nanosleep", []string{"sleep"}},
		{"pipe2", []string{"sh"}},
	} {
		e, ok := p.Lookup(c.syscall)
		if !ok {
			t.Errorf("profile lacks %s", c.syscall)
			continue
		}
		for _, u := range c.users {
			found := false
			for _, have := range e.Users {
				found = found || have == u
			}
			if !found {
				t.Errorf("%s: users %v lack %s", c.syscall, e.Users, u)
			}
		}
	}
	// tar -x and the redirections create files: some openat has O_CREAT.
	created := false
	if e, ok := p.Lookup("openat"); ok {
		for v := range e.Args["flags"] {
			created = created || strings.Contains(v, "O_CREAT")
		}
	}
	if !created {
		t.Errorf("no openat with O_CREAT")
	}
	// The HTTP server bound the loopback address only.
	if e, ok := p.Lookup("bind"); ok && e.Args["family"]["AF_INET6"] != 0 {
		t.Errorf("bind families %v, want AF_INET (127.0.0.1) only", e.Args["family"])
	}
}

// TestProfileBusyboxPartial checks that a failing step names its line and
// that what was traced before it is kept, in a file marked partial.
func TestProfileBusyboxPartial(t *testing.T) {
	testenv.RequirePrivileges(t)
	testenv.RequireTool(t, "busybox", "busybox-static")
	dir := t.TempDir()
	script := filepath.Join(dir, "w.workload")
	if err := os.WriteFile(script, []byte("echo one\ncat missing-file\necho never\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "w.json")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr},
		[]string{"profile", "busybox", "--script", script, "--name", "w", "--out", out})
	if code != 1 || !strings.Contains(stderr.String(), script+":2 (cat missing-file): exit 1") {
		t.Fatalf("exit %d, stderr %q; want 1 and the failing line", code, stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s was written; a failed workload must not look complete", out)
	}
	p, err := profile.Load(out + ".partial")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p.Description, "PARTIAL") {
		t.Errorf("description %q", p.Description)
	}
	if e, ok := p.Lookup("write"); !ok || len(e.Users) != 1 || e.Users[0] != "echo" {
		t.Errorf("write entry %+v, want the echo step only", e)
	}
}
