package trace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syscov/syscov/internal/testenv"
	"golang.org/x/sys/unix"
)

// buildC compiles testdata/src with cc (musl-gcc or gcc) into a static binary.
func buildC(t *testing.T, cc, pkg, src string, extra ...string) string {
	t.Helper()
	path := testenv.RequireTool(t, cc, pkg)
	out := filepath.Join(t.TempDir(), filepath.Base(src)+"."+cc)
	args := append([]string{"-static", "-O1", "-o", out, filepath.Join("testdata", src)}, extra...)
	if b, err := exec.Command(path, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", cc, args, err, b)
	}
	return out
}

func newTracer(t *testing.T, opts *Options) *Tracer {
	t.Helper()
	testenv.RequirePrivileges(t)
	tr, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() {
		if err := tr.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return tr
}

// knownSpec records openat flags and mmap prot and flags.
var knownSpec = Spec{
	unix.SYS_OPENAT: {{Name: "flags", Arg: 2}},
	unix.SYS_MMAP:   {{Name: "prot", Arg: 2}, {Name: "flags", Arg: 3}},
}

// tally sums the counts of one syscall by errno and by first/second value.
type tally struct {
	total  uint64
	errnos map[int]uint64
	rows   map[[2]uint64]uint64 // successful calls by (v0, v1)
}

func tallies(res *Result) map[int]*tally {
	m := map[int]*tally{}
	for _, c := range res.Counts {
		tl := m[c.Nr]
		if tl == nil {
			tl = &tally{errnos: map[int]uint64{}, rows: map[[2]uint64]uint64{}}
			m[c.Nr] = tl
		}
		tl.total += c.Count
		if c.Errno != 0 {
			tl.errnos[c.Errno] += c.Count
		} else {
			tl.rows[[2]uint64{c.Values[0], c.Values[1]}] += c.Count
		}
	}
	return m
}

func checkKnown(t *testing.T, res *Result, libc string) {
	t.Helper()
	if res.Overflow != 0 {
		t.Errorf("overflow = %d", res.Overflow)
	}
	if res.Exit.Code != 0 || res.Exit.Signal != 0 {
		t.Errorf("exit = %+v", res.Exit)
	}
	m := tallies(res)
	get := func(nr int) *tally {
		if m[nr] == nil {
			return &tally{}
		}
		return m[nr]
	}
	if got := get(unix.SYS_GETPPID).total; got != 1000+33+44 {
		t.Errorf("getppid = %d, want 1077", got)
	}
	op := get(unix.SYS_OPENAT)
	if got := op.rows[[2]uint64{unix.O_RDONLY | unix.O_CLOEXEC, 0}]; got != 100 {
		t.Errorf("openat O_RDONLY|O_CLOEXEC ok = %d, want 100 (rows %v)", got, op.rows)
	}
	if got := op.errnos[int(unix.ENOENT)]; got != 7 {
		t.Errorf("openat ENOENT = %d, want 7", got)
	}
	mm := get(unix.SYS_MMAP)
	if got := mm.rows[[2]uint64{unix.PROT_READ | unix.PROT_WRITE, unix.MAP_PRIVATE | unix.MAP_ANONYMOUS | unix.MAP_NORESERVE}]; got != 5 {
		t.Errorf("mmap rw private|anon|noreserve = %d, want 5 (rows %v)", got, mm.rows)
	}
	births := get(unix.SYS_FORK).total + get(unix.SYS_CLONE).total + get(unix.SYS_CLONE3).total + get(unix.SYS_VFORK).total
	if births != 2 {
		t.Errorf("fork+clone+clone3+vfork = %d, want 2 (one fork, one pthread_create)", births)
	}
	if got := get(unix.SYS_EXIT_GROUP).total; got != 2 {
		t.Errorf("exit_group = %d, want 2", got)
	}
	if got := get(unix.SYS_EXIT).total; got != 1 {
		t.Errorf("exit = %d, want 1", got)
	}
	if got := get(unix.SYS_EXECVE).total; got != 1 {
		t.Errorf("execve = %d, want 1", got)
	}
	if t.Failed() {
		t.Logf("%s counts: %+v", libc, res.Counts)
	}
}

// variants are the two program sets New can choose; both must count the
// same. "btf" is the one a kernel with BTF gets.
var variants = []struct {
	name  string
	noBTF bool
}{{"btf", false}, {"nobtf", true}}

// newVariantTracer opens a tracer with the given program set and checks
// that New chose what it was asked for.
func newVariantTracer(t *testing.T, spec Spec, noBTF bool) *Tracer {
	t.Helper()
	if !noBTF {
		testenv.RequireKernelBTF(t)
	}
	tr := newTracer(t, &Options{Spec: spec, noBTF: noBTF})
	if tr.atEntry != noBTF {
		t.Fatalf("New loaded the programs for kernels %s BTF, want %s", map[bool]string{true: "without", false: "with"}[tr.atEntry], map[bool]string{true: "without", false: "with"}[noBTF])
	}
	return tr
}

// runVariants runs testdata/src, built with musl-gcc and with gcc, under
// each program set, and hands every result to check.
func runVariants(t *testing.T, spec Spec, src string, check func(t *testing.T, res *Result, libc string)) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			tr := newVariantTracer(t, spec, v.noBTF)
			for _, b := range []struct{ cc, pkg string }{{"musl-gcc", "musl-tools"}, {"gcc", "gcc"}} {
				t.Run(b.cc, func(t *testing.T) {
					bin := buildC(t, b.cc, b.pkg, src, "-pthread")
					res, err := tr.Run(context.Background(), exec.Command(bin), nil)
					if err != nil {
						t.Fatal(err)
					}
					check(t, res, b.cc)
				})
			}
		})
	}
}

func TestKnownCounts(t *testing.T) {
	runVariants(t, knownSpec, "known.c", checkKnown)
}

// The calls that never return or lose their number: exits of tasks that
// die from signals must not count, syscall(-1) must be reported, not
// taken for rt_sigreturn (testdata/exits.c has the expected counts).
func TestExitsAndSignalReturns(t *testing.T) {
	runVariants(t, nil, "exits.c", func(t *testing.T, res *Result, libc string) {
		if res.Exit.Code != 0 || res.Exit.Signal != 0 {
			t.Fatalf("exit = %+v, want 0 (the program checks its children)", res.Exit)
		}
		m := tallies(res)
		for _, w := range []struct {
			nr   int
			want uint64
		}{{unix.SYS_RT_SIGRETURN, 9}, {unix.SYS_EXIT_GROUP, 2}, {unix.SYS_EXIT, 1}} {
			got := uint64(0)
			if m[w.nr] != nil {
				got = m[w.nr].total
				if len(m[w.nr].errnos) != 0 {
					t.Errorf("syscall %d errors = %v, want none", w.nr, m[w.nr].errnos)
				}
			}
			if got != w.want {
				t.Errorf("syscall %d = %d, want %d", w.nr, got, w.want)
			}
		}
		if res.Unattributed != 3 {
			t.Errorf("unattributed = %d, want 3 (the syscall(-1) calls)", res.Unattributed)
		}
		if m[-1] != nil {
			t.Errorf("syscall -1 counted as a row: %+v", m[-1])
		}
		if t.Failed() {
			t.Logf("%s counts: %+v", libc, res.Counts)
		}
	})
}

// Two scopes traced at once must not see each other's calls.
func TestParallelScopesNoCrossTalk(t *testing.T) {
	tr := newTracer(t, &Options{Spec: knownSpec})
	checkKnownInParallel(t, tr, 4, "musl-gcc parallel")
}

// checkKnownInParallel runs testdata/known.c n times at once under tr and
// checks every run's counts.
func checkKnownInParallel(t *testing.T, tr *Tracer, n int, label string) {
	t.Helper()
	bin := buildC(t, "musl-gcc", "musl-tools", "known.c", "-pthread")
	var wg sync.WaitGroup
	results := make([]*Result, n)
	errs := make([]error, n)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = tr.Run(context.Background(), exec.Command(bin), nil)
		}()
	}
	wg.Wait()
	for i := range results {
		if errs[i] != nil {
			t.Fatalf("run %d: %v", i, errs[i])
		}
		checkKnown(t, results[i], label)
	}
}

// sleepArg is a sleep duration of about secs seconds that names this test
// process (secs.PID), so a check for sleepers left behind finds ours and
// not some other "sleep 60" on the machine.
func sleepArg(secs int) string { return fmt.Sprintf("%d.%d", secs, os.Getpid()) }

// sleepers lists the live processes whose command line is exactly
// "sleep ARG".
func sleepers(arg string) string {
	b, _ := exec.Command("pgrep", "-f", "-x", "sleep "+strings.ReplaceAll(arg, ".", `\.`)).Output()
	return strings.TrimSpace(string(b))
}

func TestTimeoutKillsTree(t *testing.T) {
	tr := newTracer(t, nil)
	sh := testenv.RequireTool(t, "sh", "dash")
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	// A grandchild that ignores SIGTERM and outlives its parent.
	arg := sleepArg(60)
	cmd := exec.Command(sh, "-c", "trap '' TERM; (sleep "+arg+" &) ; sleep "+arg)
	res, err := tr.Run(ctx, cmd, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Exit.TimedOut {
		t.Errorf("TimedOut = false")
	}
	if res.Exit.Signal != unix.SIGKILL {
		t.Errorf("signal = %v, want SIGKILL", res.Exit.Signal)
	}
	if left := sleepers(arg); left != "" {
		t.Errorf("processes left behind: %s", left)
	}
}

func TestDaemonKilledAfterMainExits(t *testing.T) {
	tr := newTracer(t, nil)
	sh := testenv.RequireTool(t, "sh", "dash")
	arg := sleepArg(61)
	cmd := exec.Command(sh, "-c", "setsid sleep "+arg+" </dev/null >/dev/null 2>&1 & exit 3")
	res, err := tr.Run(context.Background(), cmd, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Exit.Code != 3 || res.Exit.TimedOut {
		t.Errorf("exit = %+v, want code 3", res.Exit)
	}
	if res.Leftover != 1 {
		t.Errorf("leftover = %d, want 1", res.Leftover)
	}
	if left := sleepers(arg); left != "" {
		t.Errorf("daemon left behind: %s", left)
	}
}

func TestForkBombContained(t *testing.T) {
	tr := newTracer(t, nil)
	sh := testenv.RequireTool(t, "sh", "dash")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	cmd := exec.Command(sh, "-c", "f() { f | f & }; f; sleep 30")
	res, err := tr.Run(ctx, cmd, &RunOptions{PidsMax: 64})
	if err != nil {
		t.Fatal(err)
	}
	m := tallies(res)
	var clones uint64
	for _, nr := range []int{unix.SYS_CLONE, unix.SYS_FORK, unix.SYS_VFORK, unix.SYS_CLONE3} {
		if m[nr] != nil {
			clones += m[nr].errnos[int(unix.EAGAIN)]
		}
	}
	if clones == 0 {
		t.Errorf("no fork failed with EAGAIN: the pids limit did not hold")
	}
}

func TestNotExecutable(t *testing.T) {
	tr := newTracer(t, nil)
	f := filepath.Join(t.TempDir(), "x")
	if err := os.WriteFile(f, []byte("not a program"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Run(context.Background(), exec.Command(f), nil); err == nil {
		t.Fatal("Run of a non-executable file succeeded")
	}
}

// With SkipExecs 1, what a launcher does before it execs the workload is
// not counted.
func TestSkipExecs(t *testing.T) {
	tr := newTracer(t, &Options{Spec: knownSpec})
	bin := buildC(t, "musl-gcc", "musl-tools", "known.c", "-pthread")
	sh := testenv.RequireTool(t, "sh", "dash")
	// The shell's own openat calls (redirections) come before its exec.
	res, err := tr.Run(context.Background(), exec.Command(sh, "-c", "cat /dev/null >/dev/null; exec "+bin), &RunOptions{SkipExecs: 2})
	if err != nil {
		t.Fatal(err)
	}
	checkKnown(t, res, "after a launcher")
}

// Scopes whose index in the BPF scope table is taken go to the spill hash;
// counts must be just as exact there.
func TestSpilledScopesCountExactly(t *testing.T) {
	tr := newTracer(t, &Options{Spec: knownSpec})
	tr.mu.Lock()
	for i := range tr.tab {
		tr.tab[i] = ^uint64(0) // every index looks taken: all scopes spill
	}
	tr.mu.Unlock()
	checkKnownInParallel(t, tr, 2, "musl-gcc spilled")
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if tr.spilled != 0 {
		t.Errorf("spilled = %d after the runs, want 0", tr.spilled)
	}
}

// New removes the empty cgroup trees a killed tracer left behind, and
// nothing else: not a tree whose owner lives, not one with a process in it.
func TestNewRemovesStaleCgroups(t *testing.T) {
	testenv.RequirePrivileges(t)
	v2, _, err := findCgroups()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("/proc/sys/kernel/pid_max")
	if err != nil {
		t.Fatal(err)
	}
	dead := strings.TrimSpace(string(b)) // no pid reaches pid_max
	mk := func(name string) string {
		dir := filepath.Join(v2.point, name)
		if err := os.MkdirAll(filepath.Join(dir, "scope"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { removeTree(dir) })
		return dir
	}
	ns := strconv.FormatUint(pidNS(), 10)
	stale := mk("syscov-" + dead + "-1-" + ns)
	alive := mk(fmt.Sprintf("syscov-%d-999-%s", os.Getpid(), ns))
	busy := mk("syscov-" + dead + "-2-" + ns)
	// A tracer of another PID namespace: its pid cannot be checked here.
	foreign := mk("syscov-" + dead + "-3-1")
	sleeper := exec.Command("sleep", "30")
	if err := sleeper.Start(); err != nil {
		t.Fatal(err)
	}
	defer sleeper.Wait()
	defer sleeper.Process.Kill()
	if err := writeFile(filepath.Join(busy, "scope", "cgroup.procs"), strconv.Itoa(sleeper.Process.Pid)); err != nil {
		t.Fatal(err)
	}

	newTracer(t, nil)
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale empty tree %s not removed (%v)", stale, err)
	}
	for _, d := range []string{alive, busy, foreign} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s removed: %v", d, err)
		}
	}
}
