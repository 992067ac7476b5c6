package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/syscov/syscov/internal/hoststate"
	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/profile"
)

// TestProfileSystemdBootUsage checks the command-line errors, which are
// found before anything is booted or traced.
func TestProfileSystemdBootUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--seconds", "0"}, 2, "--seconds must be at least 1"},
		{[]string{"--mask", "../x"}, 2, `unit "../x": not a unit name`},
		{[]string{"--mask", "postgresql"}, 2, "unknown unit type"},
		{[]string{"--unit", "a/b.target"}, 2, "--unit"},
		{[]string{"--date", "yesterday"}, 2, "want YYYY-MM-DD"},
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
		{[]string{"--systemd", "/nonexistent/systemd"}, 1, "systemd /nonexistent/systemd: no such file or directory"},
		{[]string{"--systemd", "systemd"}, 1, "want an absolute path"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, append([]string{"profile", "systemd-boot"}, tc.args...))
			if code != tc.code || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr.String(), tc.code, tc.want)
			}
		})
	}
}

// TestNSBootRefusesByHand runs the hidden launcher outside a boot: it must
// refuse without touching anything, and stay out of the help.
func TestNSBootRefusesByHand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"__nsboot", `{"systemd":"/lib/systemd/systemd","argv":["x"]}`})
	if code != 1 || !strings.Contains(stderr.String(), "only as PID 1") {
		t.Errorf("exit %d, stderr %q; want 1 and a refusal", code, stderr.String())
	}
	var help bytes.Buffer
	printHelp(&help)
	if strings.Contains(help.String(), "__nsboot") {
		t.Errorf("the hidden launcher is in the help:\n%s", help.String())
	}
}

// systemdBootOptIn is the variable that turns on the tests that boot the
// machine's systemd (as in package profile/systemdboot).
const systemdBootOptIn = "SYSCOV_TEST_SYSTEMD_BOOT"

func optInSystemdBoot(t *testing.T) {
	t.Helper()
	if os.Getenv(systemdBootOptIn) != "1" {
		t.Skipf("boots the machine's systemd; set %s=1 to run it", systemdBootOptIn)
	}
	testenv.RequirePrivileges(t)
}

// TestProfileSystemdBootEndToEnd runs the real command (opt-in) and loads
// the profile it wrote.
func TestProfileSystemdBootEndToEnd(t *testing.T) {
	optInSystemdBoot(t)
	cov := buildCoverage(t)
	out := filepath.Join(t.TempDir(), "boot.json")
	b, err := exec.Command(cov, "profile", "systemd-boot", "--seconds", "5", "--out", out).CombinedOutput()
	if err != nil {
		t.Fatalf("coverage profile systemd-boot: %v\n%s", err, b)
	}
	p, err := profile.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if p.Layer != profile.LayerTraced || p.Provenance.Command != "coverage profile systemd-boot --seconds 5 --out "+out {
		t.Errorf("layer %q, command %q", p.Layer, p.Provenance.Command)
	}
	for _, name := range []string{"execve", "mount", "epoll_wait"} {
		if _, ok := p.Lookup(name); !ok {
			t.Errorf("profile lacks %s", name)
		}
	}
	if !strings.Contains(string(b), "distinct syscalls") {
		t.Errorf("no summary on stderr:\n%s", b)
	}
}

// TestProfileSystemdBootKilled SIGKILLs coverage in the middle of a boot
// (opt-in): its cleanup guard must still kill the boot and remove the
// tracer's cgroups.
func TestProfileSystemdBootKilled(t *testing.T) {
	optInSystemdBoot(t)
	cov := buildCoverage(t)
	before, err := hoststate.Take()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(cov, "profile", "systemd-boot", "--seconds", "60", "--out", filepath.Join(t.TempDir(), "x.json"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	marker := fmt.Sprintf("/syscov-%d-", cmd.Process.Pid)
	// Wait until systemd runs as the boot's PID 1.
	var pidns uint64
	for deadline := time.Now().Add(30 * time.Second); pidns == 0 && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		st, err := hoststate.Take()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range st.Processes {
			if p.Comm == "systemd" && strings.Contains(p.Cgroup, marker) {
				pidns = p.PidNS
			}
		}
	}
	if pidns == 0 {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("systemd did not start within 30s")
	}
	time.Sleep(2 * time.Second)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	marks := &hoststate.Marks{PidNS: pidns, CgroupSubstrings: []string{marker}, CgroupSuffixes: []string{".scope", ".slice", ".service"}, CgroupForeign: []string{"/syscov-"}}
	var left []string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		after, err := hoststate.Take()
		if err != nil {
			t.Fatal(err)
		}
		if left = hoststate.Compare(before, after).Marked(marks); len(left) == 0 {
			return
		}
	}
	t.Errorf("30s after coverage was killed, the boot is still there:\n  %s", strings.Join(left, "\n  "))
}
