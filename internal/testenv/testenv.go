// Package testenv gates tests on what the machine offers. Every test that
// needs privileges or a tool goes through it, so a skip always names what
// is missing, and CI can turn skips into failures.
package testenv

import (
	"os"
	"os/exec"
	"testing"

	"golang.org/x/sys/unix"
)

// StrictEnv is the environment variable that turns every skip of this
// package into a failure. CI sets it: there, a missing privilege or tool is
// a broken set-up, not a reason to test less.
const StrictEnv = "SYSCOV_REQUIRE_PRIVILEGED"

func skipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv(StrictEnv) == "1" {
		t.Fatalf("%s=1 but: "+format, append([]any{StrictEnv}, args...)...)
	}
	t.Skipf(format, args...)
}

// RequirePrivileges skips (or, under SYSCOV_REQUIRE_PRIVILEGED=1, fails)
// unless the test runs as root, which the eBPF tracer needs (CAP_BPF,
// CAP_PERFMON and CAP_SYS_ADMIN for cgroups).
func RequirePrivileges(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		skipOrFail(t, "requires root (CAP_BPF, CAP_PERFMON, CAP_SYS_ADMIN for the eBPF tracer and cgroups); running as uid %d", os.Geteuid())
	}
	var rl unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_MEMLOCK, &rl); err != nil {
		skipOrFail(t, "requires getrlimit(RLIMIT_MEMLOCK): %v", err)
	}
}

// RequireTool skips (or fails under SYSCOV_REQUIRE_PRIVILEGED=1) unless
// the named program is on PATH; pkg is the Debian package that provides it.
func RequireTool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		skipOrFail(t, "requires %s (Debian package %s): not on PATH", name, pkg)
	}
	return p
}

// KernelBTF is where the running kernel exposes its BTF.
const KernelBTF = "/sys/kernel/btf/vmlinux"

// RequireKernelBTF skips (or fails under SYSCOV_REQUIRE_PRIVILEGED=1)
// unless the kernel exposes its BTF, which the tracer's preferred programs
// (tp_btf, CO-RE) need.
func RequireKernelBTF(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(KernelBTF); err != nil {
		skipOrFail(t, "requires kernel BTF (CONFIG_DEBUG_INFO_BTF=y, %s): %v", KernelBTF, err)
	}
}
