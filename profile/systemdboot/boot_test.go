package systemdboot

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syscov/syscov/internal/hoststate"
	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/internal/tracefmt"
	systab "github.com/syscov/syscov/syscall-tables"
	"github.com/syscov/syscov/trace"
)

// OptInEnv turns on the test that boots the machine's systemd: it takes
// ten seconds and starts every service of the default target, so CI does
// not do it on every run.
const OptInEnv = "SYSCOV_TEST_SYSTEMD_BOOT"

// TestMain makes the test binary its own launcher, as the coverage binary
// is for the command.
func TestMain(m *testing.M) {
	if len(os.Args) >= 2 && os.Args[1] == GuardArg {
		if err := Guard(os.Stdin, os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if len(os.Args) == 3 && os.Args[1] == LauncherArg {
		if err := Launch(os.Args[2]); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(127)
	}
	os.Exit(m.Run())
}

func launcher(t *testing.T) []string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return []string{exe}
}

func newTracer(t *testing.T) (*trace.Tracer, *systab.Table) {
	t.Helper()
	testenv.RequirePrivileges(t)
	tab, err := systab.Linux(systab.X86_64)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := trace.New(&trace.Options{Spec: tracefmt.Spec(tab)})
	if err != nil {
		t.Fatal(err)
	}
	return tr, tab
}

// marks are what a boot of this test process can leave behind: processes
// in its namespaces, cgroups below this process's tracers
// (syscov-<pid>-N-<pidns>), and cgroups named like systemd's.
func marks(ns Namespaces) *hoststate.Marks {
	return &hoststate.Marks{
		PidNS: ns.PidNS, MntNS: ns.MntNS,
		CgroupSubstrings: []string{fmt.Sprintf("/syscov-%d-", os.Getpid())},
		CgroupSuffixes:   []string{".scope", ".slice", ".service", ".socket", ".mount"},
		CgroupForeign:    []string{"/syscov-"},
	}
}

func snapshot(t *testing.T) *hoststate.State {
	t.Helper()
	st, err := hoststate.Take()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// requireUnchanged fails when after differs from before by anything the
// boot could have made.
func requireUnchanged(t *testing.T, before *hoststate.State, ns Namespaces) {
	t.Helper()
	d := hoststate.Compare(before, snapshot(t))
	if left := d.Marked(marks(ns)); len(left) > 0 {
		t.Errorf("the host changed:\n  %s", strings.Join(left, "\n  "))
	}
	t.Logf("host diff, including other programs of this machine: %s", d.Summary())
}

// TestBootFailures boots programs that are not systemd: each must end in a
// clear error, with the host as it was.
func TestBootFailures(t *testing.T) {
	tr, _ := newTracer(t)
	defer tr.Close()
	// A file that exists on the host but not in the boot's root (the
	// test's temporary directory is under /tmp, a private tmpfs inside).
	hidden := filepath.Join(t.TempDir(), "systemd")
	if err := os.WriteFile(hidden, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, systemd, want string
	}{
		{"exits at once", "/bin/false", "systemd exited with status 1"},
		{"missing", "/nonexistent/systemd", "systemd /nonexistent/systemd: no such file or directory"},
		{"not in the boot's root", hidden, "is not in the boot's root"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t)
			res, err := Boot(context.Background(), tr, &Options{Launcher: launcher(t), Systemd: tc.systemd, Window: 5 * time.Second})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Boot(%s) = %v, %v; want an error containing %q", tc.systemd, res, err, tc.want)
			}
			t.Logf("error: %v", err)
			requireUnchanged(t, before, Namespaces{})
		})
	}
}

func optIn(t *testing.T) {
	t.Helper()
	if os.Getenv(OptInEnv) != "1" {
		// An opt-in, not a missing privilege: CI does not boot systemd.
		t.Skipf("boots the machine's systemd for 10s; set %s=1 to run it", OptInEnv)
	}
}

// TestBootSystemd boots the machine's systemd for 10 seconds (opt-in),
// checks the profile, and proves the host is unchanged: no process of the
// boot, no mount, no cgroup, the same hostname. A snapshot taken during the
// boot must show the boot's processes and cgroups (so the marks do find
// them) while the host's mounts and hostname stay untouched.
func TestBootSystemd(t *testing.T) {
	optIn(t)
	testenv.RequirePrivileges(t)
	before := snapshot(t) // before the tracer makes its cgroups
	tr, tab := newTracer(t)

	var mu sync.Mutex
	var during *hoststate.State
	var duringErr error
	var capBnd uint64
	started := make(chan Namespaces, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ns Namespaces
		select {
		case ns = <-started:
		case <-time.After(time.Minute):
			return
		}
		time.Sleep(5 * time.Second)
		st, err := hoststate.Take()
		// systemd's bounding set, as the host sees it.
		status, err2 := os.ReadFile(fmt.Sprintf("/proc/%d/status", ns.PID))
		var bnd uint64
		if err2 == nil {
			bnd, err2 = CapBnd(string(status))
		}
		mu.Lock()
		during, duringErr, capBnd = st, errors.Join(err, err2), bnd
		mu.Unlock()
	}()
	var console strings.Builder
	res, err := Boot(context.Background(), tr, &Options{
		Launcher: launcher(t),
		Window:   10 * time.Second,
		Console:  &console,
		Started:  func(ns Namespaces) { started <- ns },
	})
	<-done
	if err := tr.Close(); err != nil {
		t.Errorf("close tracer: %v", err)
	}
	if err != nil {
		t.Fatalf("Boot: %v", err)
	}
	if res.Namespaces.PidNS == 0 || res.Namespaces.MntNS == 0 || res.Namespaces.PID == 0 {
		t.Errorf("namespaces not reported: %+v", res.Namespaces)
	}

	mu.Lock()
	if duringErr != nil || during == nil {
		t.Fatalf("snapshot during the boot: %v", duringErr)
	}
	mid := hoststate.Compare(before, during)
	if lastCap, err := os.ReadFile("/proc/sys/kernel/cap_last_cap"); err == nil {
		last, _ := strconv.Atoi(strings.TrimSpace(string(lastCap)))
		if leak := capBnd & DroppedCaps(last); leak != 0 || capBnd == 0 {
			t.Errorf("systemd's bounding set %#x keeps dropped capabilities %#x", capBnd, leak)
		}
	}
	bnd := capBnd
	mu.Unlock()
	var procs, cgroups int
	for _, l := range mid.Marked(marks(res.Namespaces)) {
		switch {
		case strings.HasPrefix(l, "process: "):
			procs++
		case strings.HasPrefix(l, "cgroup added: "):
			cgroups++
		default:
			t.Errorf("during the boot, the host changed: %s", l)
		}
	}
	if procs < 2 || cgroups < 3 {
		t.Errorf("during the boot the marks found %d processes and %d cgroups of it, want at least 2 and 3", procs, cgroups)
	}
	t.Logf("during the boot: %d processes and %d cgroups of the boot visible from the host; systemd CapBnd %#x", procs, cgroups, bnd)
	requireUnchanged(t, before, res.Namespaces)

	p, err := res.Profile(tab, &Meta{Name: "systemd-boot", Package: "systemd", PackageVersion: "test", Date: "2026-01-01", Command: "go test"})
	if err != nil {
		t.Fatalf("profile: %v", err)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("profile does not validate: %v", err)
	}
	// What any systemd boot does: PID 1 mounts its API file systems,
	// forks services, waits on epoll, talks over sockets, writes cgroup
	// files, reads its units.
	for _, name := range []string{"execve", "mount", "epoll_wait", "epoll_ctl", "openat", "socket", "bind",
		"sendmsg", "recvmsg", "mkdir", "waitid", "signalfd4", "getdents64", "prctl", "capset"} {
		if _, ok := p.Lookup(name); !ok {
			t.Errorf("profile lacks %s", name)
		}
	}
	if _, ok := p.Lookup("clone3"); !ok {
		if _, ok := p.Lookup("clone"); !ok {
			t.Errorf("profile has neither clone3 nor clone")
		}
	}
	if res.Trace.Overflow != 0 {
		t.Errorf("tracer map overflowed %d times", res.Trace.Overflow)
	}
	if !res.StartupSeen {
		t.Errorf("systemd did not report \"Startup finished\" within 10s; console:\n%s", console.String())
	}
	t.Logf("%d distinct syscalls, ran %.1fs, startup %v seen=%v", len(p.Syscalls), res.Ran.Seconds(), res.Startup, res.StartupSeen)
	if !slices.ContainsFunc(strings.Split(console.String(), "\n"), func(l string) bool { return strings.Contains(l, "Reached target") }) {
		t.Errorf("no \"Reached target\" on the console:\n%s", console.String())
	}
}

// TestBootInterrupted cancels a boot (as Ctrl-C does) while systemd starts
// its services: Boot returns the context's error, and nothing is left.
func TestBootInterrupted(t *testing.T) {
	optIn(t)
	testenv.RequirePrivileges(t)
	before := snapshot(t)
	tr, _ := newTracer(t)
	defer tr.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var ns Namespaces
	var nsMu sync.Mutex
	_, err := Boot(ctx, tr, &Options{
		Launcher: launcher(t),
		Window:   time.Minute,
		Started: func(n Namespaces) {
			nsMu.Lock()
			ns = n
			nsMu.Unlock()
			time.AfterFunc(2*time.Second, cancel)
		},
	})
	if err == nil || !strings.Contains(err.Error(), "interrupted") || ctx.Err() == nil {
		t.Fatalf("Boot = %v, want an interruption error", err)
	}
	if err := tr.Close(); err != nil {
		t.Errorf("close tracer: %v", err)
	}
	nsMu.Lock()
	defer nsMu.Unlock()
	if ns.PidNS == 0 {
		t.Fatalf("systemd never started")
	}
	requireUnchanged(t, before, ns)
}
