package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/profile"
	"github.com/syscov/syscov/profile/static"
)

func TestProfileTraceUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--", "true"}, "--name is required"},
		{[]string{"--name", "x"}, "missing command to trace"},
		{[]string{"--name", "Bad Name", "--", "true"}, `--name "Bad Name"`},
		{[]string{"--bogus"}, "bogus"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, append([]string{"profile", "trace"}, tt.args...))
		if code != 2 || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, code, stderr.String(), tt.want)
		}
	}
}

// Syscalls profile/static/testdata/prog.c issues, each a different way:
// through syscall(SYS_getcpu, ...), through libc's fsync wrapper, and
// through an inline-assembly wrapper of its own (sysinfo).
var progSyscalls = []string{"getcpu", "fsync", "sysinfo"}

// TestProfileTraceWithinStatic is the acceptance test of the two layers:
// on small static binaries built here with musl-gcc and gcc, the traced
// profile of a run is within the static profile of the same binary, and
// both hold the syscalls the program is known to issue.
func TestProfileTraceWithinStatic(t *testing.T) {
	testenv.RequirePrivileges(t)
	for _, cc := range []struct{ cc, pkg string }{{"musl-gcc", "musl-tools"}, {"gcc", "gcc"}} {
		t.Run(cc.cc, func(t *testing.T) {
			compiler := testenv.RequireTool(t, cc.cc, cc.pkg)
			dir := t.TempDir()
			bin := filepath.Join(dir, "prog")
			if b, err := exec.Command(compiler, "-static", "-O2", "-o", bin, "../../profile/static/testdata/prog.c").CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", cc.cc, err, b)
			}
			res, err := static.Analyze([]string{bin}, nil)
			if err != nil {
				t.Fatal(err)
			}
			st, err := res.Profile(&static.Meta{Name: "prog-static", Package: "test", PackageVersion: "0", Date: "2026-01-01", Command: "test"})
			if err != nil {
				t.Fatal(err)
			}

			out := filepath.Join(dir, "prog-traced.json")
			var stdout, stderr bytes.Buffer
			args := []string{"profile", "trace", "--name", "prog-traced", "--out", out, "--", bin}
			if code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, args); code != 0 {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
			}
			tr, err := profile.Load(out)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Layer != profile.LayerTraced || tr.Provenance.Method != tracedMethod {
				t.Errorf("layer %q method %q", tr.Layer, tr.Provenance.Method)
			}
			// A binary built here belongs to no package, and says so.
			if tr.Provenance.Package != "unknown" || !strings.Contains(stderr.String(), "no Debian package owns "+bin) {
				t.Errorf("package %q, stderr %q; want unknown and a note", tr.Provenance.Package, stderr.String())
			}
			if want := "coverage profile trace --name prog-traced --out " + out + " -- " + bin; tr.Provenance.Command != want {
				t.Errorf("command %q, want %q", tr.Provenance.Command, want)
			}
			for _, name := range progSyscalls {
				if _, ok := st.Lookup(name); !ok {
					t.Errorf("static profile lacks %s", name)
				}
				if e, ok := tr.Lookup(name); !ok || e.Count != 1 || len(e.Users) != 1 || e.Users[0] != "prog" {
					t.Errorf("traced profile: %s = %+v, want one call by prog", name, e)
				}
			}
			// The one traced call that is not the binary's own: the
			// execve that started it, issued by the launcher and counted
			// because tracing starts at that exec (profile/doc.go).
			for _, e := range profile.Missing(st, tr) {
				if e.Name == "execve" && e.Count == 1 {
					continue
				}
				t.Errorf("traced syscall %s (%d calls) is not found by the static analysis of %s (unresolved sites: %+v)", e.Key(), e.Count, bin, st.Unresolved)
			}
		})
	}
}

// TestProfileTracePackageAndStatus traces BusyBox: the profile names its
// Debian package and version, and the command's exit status is passed
// through with the profile still written.
func TestProfileTracePackageAndStatus(t *testing.T) {
	testenv.RequirePrivileges(t)
	bb := testenv.RequireTool(t, "busybox", "busybox-static")
	testenv.RequireTool(t, "dpkg-query", "dpkg")
	out := filepath.Join(t.TempDir(), "sh.json")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr},
		[]string{"profile", "trace", "--name", "bb-sh", "--out", out, "--description", "exit three", "--", bb, "sh", "-c", "echo hi; exit 3"})
	if code != 3 {
		t.Fatalf("exit %d, want 3; stderr %s", code, stderr.String())
	}
	if stdout.String() != "hi\n" {
		t.Errorf("command output %q, want hi", stdout.String())
	}
	p, err := profile.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if p.Provenance.Package != "busybox-static" || p.Provenance.PackageVersion == "" || p.Provenance.PackageVersion == "unknown" {
		t.Errorf("package %q %q, want busybox-static and its version", p.Provenance.Package, p.Provenance.PackageVersion)
	}
	if !strings.HasPrefix(p.Description, "exit three") {
		t.Errorf("description %q", p.Description)
	}
	if e, ok := p.Lookup("exit_group"); !ok || e.Count != 1 {
		t.Errorf("exit_group entry %+v", e)
	}
	if e, ok := p.Lookup("write"); !ok || e.Count == 0 {
		t.Errorf("write entry %+v, want the echo", e)
	}
}
