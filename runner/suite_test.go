package runner

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/result"
)

// issueFamilies are the syscall behaviours the bundled suite must exercise
// (issue 4, and the seed's groups A-G): a syscall, and optionally an
// argument whose decoded value must contain every flag in want, seen in a
// passing contract (any contract when in is "").
var issueFamilies = []struct {
	label, syscall, arg, want, in string
}{
	{label: "A pread64", syscall: "pread64"},
	{label: "A pwrite64", syscall: "pwrite64"},
	{label: "A preadv", syscall: "preadv"},
	{label: "A pwritev", syscall: "pwritev"},
	{label: "A ftruncate", syscall: "ftruncate"},
	{label: "A splice", syscall: "splice"},
	{label: "B openat O_EXCL", syscall: "openat", arg: "flags", want: "O_CREAT|O_EXCL"},
	{label: "B openat O_TRUNC", syscall: "openat", arg: "flags", want: "O_TRUNC"},
	{label: "B openat O_APPEND", syscall: "openat", arg: "flags", want: "O_APPEND"},
	{label: "B statfs", syscall: "statfs"},
	{label: "B fstatfs", syscall: "fstatfs"},
	{label: "B utimensat", syscall: "utimensat"},
	{label: "B fchmod", syscall: "fchmod"},
	{label: "B fchmodat", syscall: "fchmodat"},
	{label: "B mknod", syscall: "mknod"},
	{label: "C execve argv+envp (self-exec)", syscall: "execve", in: "process/execve_argv_envp"},
	{label: "C wait4 WNOHANG", syscall: "wait4", arg: "options", want: "WNOHANG"},
	{label: "C setsid", syscall: "setsid"},
	{label: "C getsid", syscall: "getsid"},
	{label: "C prctl name", syscall: "prctl", arg: "option", want: "PR_SET_NAME"},
	{label: "C prctl child subreaper", syscall: "prctl", arg: "option", want: "PR_SET_CHILD_SUBREAPER"},
	{label: "C setuid", syscall: "setuid"},
	{label: "C setgid", syscall: "setgid"},
	{label: "D MAP_FIXED", syscall: "mmap", arg: "flags", want: "MAP_FIXED"},
	{label: "D MAP_PRIVATE COW of a file", syscall: "mmap", in: "vm/mmap_private_cow"},
	{label: "D mremap", syscall: "mremap"},
	{label: "D large anonymous mmap", syscall: "mmap", arg: "flags", want: "MAP_PRIVATE|MAP_ANONYMOUS", in: "vm/mmap_large_anon"},
	{label: "E EPOLLONESHOT", syscall: "epoll_ctl", arg: "events", want: "EPOLLONESHOT"},
	{label: "E inotify IN_CREATE", syscall: "inotify_add_watch", arg: "mask", want: "IN_CREATE"},
	{label: "E accept4 SOCK_NONBLOCK|SOCK_CLOEXEC", syscall: "accept4", arg: "flags", want: "SOCK_NONBLOCK|SOCK_CLOEXEC"},
	{label: "E SCM_RIGHTS send", syscall: "sendmsg", in: "sockets/scm_rights"},
	{label: "E SCM_RIGHTS receive", syscall: "recvmsg", in: "sockets/scm_rights"},
	{label: "E setsockopt", syscall: "setsockopt"},
	{label: "F setitimer", syscall: "setitimer", arg: "which", want: "ITIMER_REAL"},
	{label: "F SIGCHLD SIG_IGN auto-reap", syscall: "wait4", in: "signals/sigchld_ign_reap"},
	{label: "F sigaltstack", syscall: "sigaltstack"},
	{label: "F rt_sigtimedwait", syscall: "rt_sigtimedwait"},
	{label: "G pthread_key isolation", syscall: "clone", in: "threading/pthread_key"},
	{label: "G pthread_mutex counter", syscall: "futex", in: "threading/mutex_counter"},
	{label: "G getrusage", syscall: "getrusage"},
	{label: "G tgkill", syscall: "tgkill"},
	{label: "ipc shmget", syscall: "shmget"},
	{label: "ipc shmat", syscall: "shmat"},
	{label: "ipc shmdt", syscall: "shmdt"},
	{label: "ipc shmctl", syscall: "shmctl"},
	{label: "ipc semget", syscall: "semget"},
	{label: "ipc semop", syscall: "semop"},
	{label: "ipc semtimedop", syscall: "semtimedop"},
	{label: "ipc semctl", syscall: "semctl"},
	{label: "ipc msgget", syscall: "msgget"},
	{label: "ipc msgsnd", syscall: "msgsnd"},
	{label: "ipc msgrcv", syscall: "msgrcv"},
	{label: "ipc msgctl", syscall: "msgctl"},
	{label: "ipc mq_open", syscall: "mq_open"},
	{label: "ipc mq_timedsend", syscall: "mq_timedsend"},
	{label: "ipc mq_timedreceive", syscall: "mq_timedreceive"},
	{label: "ipc mq_notify", syscall: "mq_notify"},
	{label: "ipc mq_getsetattr", syscall: "mq_getsetattr"},
	{label: "ipc mq_unlink", syscall: "mq_unlink"},
	{label: "ipc pipe2 O_DIRECT", syscall: "pipe2", arg: "flags", want: "O_DIRECT"},
}

// covers tells whether s has a call whose arg value holds every flag of
// want ("A|B").
func covers(s *result.Syscall, arg, want string) bool {
	if arg == "" {
		return true
	}
	for v := range s.Args[arg] {
		have := strings.Split(v, "|")
		ok := true
		for _, w := range strings.Split(want, "|") {
			ok = ok && slices.Contains(have, w)
		}
		if ok {
			return true
		}
	}
	return false
}

// TestBundledSuite runs the bundled contracts under the eBPF tracer as
// the default user: every contract passes (or is a listed divergence), and
// the passing ones exercise every syscall family the issue names.
func TestBundledSuite(t *testing.T) {
	tr := newRealTracer(t)
	run := runFixture(t, "../contracts", tr, &Options{Timeout: DefaultTimeout})
	if len(run.Tests) < 150 {
		t.Errorf("only %d contracts ran", len(run.Tests))
	}
	for _, tt := range run.Tests {
		if tt.Status != result.StatusPass && tt.Status != result.StatusXFail {
			t.Errorf("%s: %s (exit %d %s)\n%s%s", tt.ID, tt.Status, tt.ExitCode, tt.Signal, tt.Output, tt.BuildError)
		}
	}
	for _, f := range issueFamilies {
		found := false
		for i := range run.Tests {
			tt := &run.Tests[i]
			if tt.Status != result.StatusPass || (f.in != "" && tt.ID != f.in) {
				continue
			}
			for j := range tt.Syscalls {
				if s := &tt.Syscalls[j]; s.Name == f.syscall && covers(s, f.arg, f.want) {
					found = true
				}
			}
		}
		if !found {
			where := "any passing contract"
			if f.in != "" {
				where = f.in
			}
			t.Errorf("%s: no %s %s %s in %s", f.label, f.syscall, f.arg, f.want, where)
		}
	}
}

// innerEnv marks the test binary that TestBundledSuiteInChildPIDNamespace
// starts inside a new PID namespace, so that binary runs the suite rather
// than starting another namespace.
const innerEnv = "SYSCOV_TEST_IN_CHILD_PIDNS"

// TestBundledSuiteInChildPIDNamespace runs TestBundledSuite again from
// inside a fresh PID namespace (with its own /proc) whose session and
// process-group leaders stay outside it. That is how CI and containers
// start the suite, and there getsid(0) and getpgrp() return 0: contracts
// must pass there too, not only when launched from a shell on the host.
func TestBundledSuiteInChildPIDNamespace(t *testing.T) {
	if os.Getenv(innerEnv) == "1" {
		t.Skip("already inside the child PID namespace")
	}
	testenv.RequirePrivileges(t)
	unshare := testenv.RequireTool(t, "unshare", "util-linux")
	cmd := exec.Command(unshare, "--pid", "--fork", "--mount-proc", "--kill-child",
		os.Args[0], "-test.run=^TestBundledSuite$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), innerEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bundled suite in a child PID namespace: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: TestBundledSuite ") {
		t.Fatalf("bundled suite in a child PID namespace did not run:\n%s", out)
	}
	// The premise: the leaders really are out of sight in there.
	probe := exec.Command(unshare, "--pid", "--fork", "--mount-proc", "--kill-child",
		"sh", "-c", `awk '{print $6, $5}' /proc/self/stat`)
	ids, err := probe.Output()
	if err != nil {
		t.Fatalf("probe the child PID namespace: %v", err)
	}
	if got := strings.TrimSpace(string(ids)); got != "0 0" {
		t.Errorf("session and group ids in the child PID namespace = %q, want \"0 0\"", got)
	}
}
