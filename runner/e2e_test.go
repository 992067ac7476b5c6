package runner

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/internal/tracefmt"
	"github.com/syscov/syscov/result"
	systab "github.com/syscov/syscov/syscall-tables"
)

// newRealTracer opens the eBPF tracer with the decoder coverage run uses.
func newRealTracer(t *testing.T) *tracefmt.Tracer {
	t.Helper()
	testenv.RequirePrivileges(t)
	tr, err := tracefmt.New(systab.X86_64)
	if err != nil {
		t.Fatalf("open tracer: %v", err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

// leftovers lists live processes whose executable lies below dir, the
// parent of this test's own scratch directories.
func leftovers(dir string) []string {
	ents, _ := os.ReadDir("/proc")
	var out []string
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe"))
		if err == nil && strings.HasPrefix(exe, dir+"/") {
			out = append(out, e.Name()+" "+exe)
		}
	}
	return out
}

// TestRealTracerStatuses runs the fixture suite, then a fork bomb, under
// the eBPF tracer: same statuses as with the fake, and nothing survives.
func TestRealTracerStatuses(t *testing.T) {
	tr := newRealTracer(t)
	scratch := scratchParent(t)
	run := runFixture(t, "testdata/suite", tr, &Options{Jobs: 2, ScratchDir: scratch})
	want := map[string]string{
		"basic/broken": "BUILD_ERROR", "basic/fail": "FAIL", "basic/hang": "TIMEOUT",
		"basic/no_pass_line": "FAIL", "basic/pass": "PASS", "basic/segv": "CRASH",
		"basic/xfail": "XFAIL", "basic/xpass": "PASS", "process/daemon": "PASS",
	}
	for _, tt := range run.Tests {
		if want[tt.ID] != tt.Status {
			t.Errorf("%s: %s, want %s (output %q)", tt.ID, tt.Status, want[tt.ID], tt.Output)
		}
	}
	if len(run.Tests) != len(want) {
		t.Errorf("ran %d tests, want %d", len(run.Tests), len(want))
	}
	if len(run.Baseline) == 0 {
		t.Error("empty baseline")
	}

	start := time.Now()
	run = runFixture(t, "testdata/forkbomb", tr, &Options{Timeout: 2 * time.Second, PidsMax: 64, ScratchDir: scratch})
	if got := run.Tests[0].Status; got != result.StatusTimeout {
		t.Errorf("fork bomb: %s, want TIMEOUT", got)
	}
	t.Logf("fork bomb contained and killed in %v", time.Since(start))
	if l := leftovers(scratch); len(l) > 0 {
		t.Errorf("processes left behind: %v", l)
	}
}

var (
	straceCall = regexp.MustCompile(`^\d+\s+([a-z_0-9]+)\(`)
	// vdso are the calls the vDSO answers without entering the kernel:
	// strace never sees them, and the tracer only when libc falls back.
	vdso = map[string]bool{"clock_gettime": true, "gettimeofday": true, "time": true, "getcpu": true, "clock_getres": true}
)

// straceSet runs bin under strace -f in dir and returns the syscall names
// of every process, vDSO calls left out. Its output starts at execve and
// has "+++ exited" and "--- SIG" lines, which carry no call.
func straceSet(t *testing.T, strace, bin, dir string) map[string]bool {
	t.Helper()
	out := filepath.Join(t.TempDir(), "strace.out")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, strace, "-f", "-qq", "-o", out, bin)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + dir, "TMPDIR=" + dir, "LANG=C", "LC_ALL=C"}
	_ = cmd.Run() // the status is the contract's; only the calls matter
	f, err := os.Open(out)
	if err != nil {
		t.Fatalf("strace %s: %v", bin, err)
	}
	defer f.Close()
	set := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := straceCall.FindStringSubmatch(sc.Text()); m != nil && !vdso[m[1]] {
			set[m[1]] = true
		}
	}
	return set
}

func diff(a, b map[string]bool) []string {
	var d []string
	for k := range a {
		if !b[k] {
			d = append(d, k)
		}
	}
	sort.Strings(d)
	return d
}

// TestSyscallSetsMatchStrace compares, for a few contracts, the syscall
// set the runner records with the one strace -f sees.
func TestSyscallSetsMatchStrace(t *testing.T) {
	tr := newRealTracer(t)
	strace := testenv.RequireTool(t, "strace", "strace")
	testenv.RequireTool(t, "musl-gcc", "musl-tools")

	// A suite of fixtures plus a few bundled contracts, run as the
	// current user so that strace (run as that user too) sees the same
	// program paths.
	suite := t.TempDir()
	copySrc := func(from, to string) {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(suite, to)), 0o755)
		if err := os.WriteFile(filepath.Join(suite, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copySrc("testdata/suite/contract.h", "contract.h")
	copySrc("testdata/suite/basic/pass.c", "basic/pass.c")
	copySrc("testdata/suite/basic/fail.c", "basic/fail.c")
	copySrc("testdata/suite/basic/segv.c", "basic/segv.c")
	copySrc("testdata/strace/process/fork_wait.c", "process/fork_wait.c")
	if _, err := os.Stat("../contracts/contract.h"); err == nil {
		// The bundled header offers everything the fixtures use.
		copySrc("../contracts/contract.h", "contract.h")
		for _, b := range []string{"fd/dup_family.c", "fd/pread_pwrite.c", "events/epoll_basic.c", "sockets/unix_stream_pair.c", "ipc/msg_types.c", "ipc/mq_priority.c", "ipc/sem_ops.c"} {
			if _, err := os.Stat("../contracts/" + b); err == nil {
				copySrc("../contracts/"+b, b)
			}
		}
	}
	cur := strconv.Itoa(os.Geteuid())
	run := runFixture(t, suite, tr, &Options{User: cur})
	if len(run.Tests) < 5 {
		t.Fatalf("only %d tests ran", len(run.Tests))
	}

	cc, err := newCompiler(context.Background(), DefaultCC, DefaultCFlags, testCache)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range run.Tests {
		t.Run(tt.ID, func(t *testing.T) {
			bin, err := cc.build(context.Background(), filepath.Join(suite, tt.Group, tt.Name+".c"))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, s := range tt.Syscalls {
				if !vdso[s.Name] {
					got[s.Name] = true
				}
			}
			want := straceSet(t, strace, bin, t.TempDir())
			if extra, missing := diff(got, want), diff(want, got); len(extra)+len(missing) > 0 {
				t.Errorf("tracer vs strace -f: only traced %v, only in strace %v", extra, missing)
			}
			t.Logf("%d syscalls agree", len(got))
		})
	}
}
