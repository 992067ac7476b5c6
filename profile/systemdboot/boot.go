package systemdboot

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/syscov/syscov/trace"
)

// Tracer runs a command in a traced scope; *trace.Tracer is one.
type Tracer interface {
	Run(ctx context.Context, cmd *exec.Cmd, opts *trace.RunOptions) (*trace.Result, error)
}

// Options configure a boot. A nil *Options means defaults, except that
// Launcher has no default.
type Options struct {
	// Launcher is the argument vector of a program that calls Launch with
	// the argument following LauncherArg, e.g. {"/proc/self/exe"} for a
	// program whose main handles LauncherArg. Boot appends LauncherArg and
	// the configuration.
	Launcher []string
	// Systemd is the systemd binary; "" means DefaultSystemd.
	Systemd string
	// Window is how long systemd runs under tracing, from its exec; 0
	// means 10 seconds.
	Window time.Duration
	// Unit is the unit systemd starts (its --unit); "" means its default
	// target.
	Unit string
	// Mask lists units masked for the boot (e.g. services of the host that
	// are not part of the workload being profiled).
	Mask []string
	// Console, when set, receives everything systemd writes to its console.
	Console io.Writer
	// PidsMax caps the tasks of the boot (trace.RunOptions.PidsMax); 0
	// means 4096.
	PidsMax int
	// Started, when set, is called once systemd has been exec'd, from
	// Boot's own goroutine; it must return quickly.
	Started func(Namespaces)
}

// Namespaces identifies a running boot as the host sees it.
type Namespaces struct {
	// PID is the host's pid of the boot's PID 1.
	PID int
	// PidNS and MntNS are the inode numbers of the boot's PID and mount
	// namespaces (as in /proc/PID/ns/pid -> pid:[INODE]).
	PidNS, MntNS uint64
}

// Result is what a boot did.
type Result struct {
	// Trace holds the syscalls of systemd and everything it started.
	Trace *trace.Result
	// Namespaces identifies the boot (its PID 1 is dead by now).
	Namespaces Namespaces
	// Ran is how long systemd ran, from its exec to its kill.
	Ran time.Duration
	// Startup is the time systemd reported in "Startup finished in ...",
	// and StartupSeen whether it did within the window.
	Startup     time.Duration
	StartupSeen bool
	// Console is what systemd wrote to its console (at most consoleMax
	// bytes; the tail is kept).
	Console []byte
}

// setupTimeout bounds the launcher's set-up before systemd's exec.
const setupTimeout = 30 * time.Second

// Boot boots systemd in fresh namespaces under t for the window, then
// kills it (see the package documentation). It returns an error, and no
// result, when the launcher cannot build the boot's root, when systemd
// exits before the window ends, and when ctx ends first (that error
// matches ctx.Err()). In every case, everything the boot started has been
// killed and its namespaces are gone when Boot returns; the cgroups are
// removed by t.
func Boot(ctx context.Context, t Tracer, opts *Options) (*Result, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if err := o.fill(); err != nil {
		return nil, err
	}
	arg, err := newConfig(&o).encode()
	if err != nil {
		return nil, err
	}

	master, slave, err := openPTY()
	if err != nil {
		return nil, err
	}
	defer master.Close()
	defer slave.Close()
	con := newConsole(master, o.Console)
	go con.drain()

	statusR, statusW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("create status pipe: %w", err)
	}
	defer statusR.Close()
	var closeW sync.Once
	closeStatusW := func() { closeW.Do(func() { statusW.Close() }) }
	defer closeStatusW()

	cmd := exec.Command(o.Launcher[0], append(o.Launcher[1:len(o.Launcher):len(o.Launcher)], LauncherArg, arg)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.ExtraFiles = []*os.File{statusW}
	cmd.Env = []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin"}
	cmd.SysProcAttr = &syscall.SysProcAttr{
		// PID namespace at clone; the others by unshare in the child,
		// after CLONE_INTO_CGROUP put it in the tracer's scope, so the
		// cgroup namespace is rooted there. Go marks / MS_REC|MS_PRIVATE
		// right after unsharing the mount namespace.
		Cloneflags:   unix.CLONE_NEWPID,
		Unshareflags: unix.CLONE_NEWNS | unix.CLONE_NEWUTS | unix.CLONE_NEWIPC | unix.CLONE_NEWNET | unix.CLONE_NEWCGROUP,
		Setsid:       true,
		Pdeathsig:    syscall.SIGKILL,
	}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	st := &launchState{}
	setupTimer := time.AfterFunc(setupTimeout, func() {
		if st.setTimedOut() {
			cancel()
		}
	})
	defer setupTimer.Stop()
	var windowTimer *time.Timer
	g := &guard{}
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		sc := bufio.NewScanner(statusR)
		for sc.Scan() {
			kind, rest, _ := strings.Cut(sc.Text(), " ")
			switch kind {
			case statusNS:
				st.setNS(rest)
				if err := g.start(&o, st.namespaces().PID); err != nil {
					st.setErr(err.Error())
					cancel()
				}
			case statusExec:
				// The launcher runs, so the fork is done: our copy of
				// the write end can go, and EOF then means exec.
				st.setExecLine()
				closeStatusW()
			case statusErr:
				st.setErr(rest)
			}
		}
		if st.execed() {
			windowTimer = time.AfterFunc(o.Window, cancel)
			if o.Started != nil {
				o.Started(st.namespaces())
			}
		}
	}()

	res, err := t.Run(runCtx, cmd, &trace.RunOptions{SkipExecs: 1, PidsMax: o.PidsMax})
	closeStatusW()
	<-readerDone
	// Everything in the scope is dead: the guard can go.
	g.release()
	if windowTimer != nil {
		windowTimer.Stop()
	}
	slave.Close()
	console := con.stop()
	ns, execAt, msg, setupTimedOut := st.snapshot()
	if msg != "" {
		// The launcher's own words say more than the tracer's.
		return nil, fmt.Errorf("boot %s: set up the namespaces: %s", o.Systemd, msg)
	}
	if err != nil {
		return nil, fmt.Errorf("boot %s: %w", o.Systemd, err)
	}
	ran := time.Duration(0)
	if !execAt.IsZero() {
		ran = time.Since(execAt)
	}
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("interrupted after %.1fs: the boot was killed and nothing was written: %w", ran.Seconds(), ctx.Err())
	case setupTimedOut:
		return nil, fmt.Errorf("boot %s: the launcher did not exec systemd within %v; it was killed%s", o.Systemd, setupTimeout, tail(console))
	case execAt.IsZero():
		return nil, fmt.Errorf("boot %s: the launcher exited (%s) before it started systemd%s", o.Systemd, exitText(res.Exit), tail(console))
	case !res.Exit.TimedOut:
		return nil, fmt.Errorf("boot %s: systemd %s after %.2fs, before the %v window ended; a systemd PID 1 never exits on its own%s",
			o.Systemd, exitText(res.Exit), ran.Seconds(), o.Window, tail(console))
	}
	if n := execs(res); n < 2 {
		// PID 1 moves itself into init.scope and starts each service in
		// a cgroup of its own: a tracer that only sees the scope's own
		// cgroup counts systemd's exec and then nothing.
		return nil, fmt.Errorf("boot %s: the tracer saw %d successful execve in the boot, but systemd starts services with execve: this kernel does not let the tracer follow the cgroups systemd makes below the scope (bpf_get_current_ancestor_cgroup_id)", o.Systemd, n)
	}
	out := &Result{Trace: res, Namespaces: ns, Ran: ran, Console: console}
	out.Startup, out.StartupSeen = parseStartup(string(console))
	return out, nil
}

func (o *Options) fill() error {
	if len(o.Launcher) == 0 || o.Launcher[0] == "" {
		return errors.New("boot systemd: no launcher program")
	}
	if o.Systemd == "" {
		o.Systemd = DefaultSystemd
	}
	if err := CheckSystemd(o.Systemd); err != nil {
		return err
	}
	if o.Window == 0 {
		o.Window = 10 * time.Second
	}
	if o.Window < 0 {
		return fmt.Errorf("boot window %v: want a positive duration", o.Window)
	}
	if o.PidsMax == 0 {
		o.PidsMax = 4096
	}
	if o.Unit != "" {
		if err := CheckUnitName(o.Unit); err != nil {
			return err
		}
	}
	for _, u := range o.Mask {
		if err := CheckUnitName(u); err != nil {
			return err
		}
	}
	return nil
}

// CheckSystemd reports whether path names an executable file by an
// absolute path, as Boot needs.
func CheckSystemd(path string) error {
	if !filepath.IsAbs(path) {
		return fmt.Errorf("systemd %s: want an absolute path", path)
	}
	st, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("systemd %s: %w", path, err)
	}
	if !st.Mode().IsRegular() || st.Mode().Perm()&0o111 == 0 {
		return fmt.Errorf("systemd %s: not an executable file", path)
	}
	return nil
}

// guard runs Guard beside a boot (see guard.go).
type guard struct {
	cmd *exec.Cmd
	w   *os.File
}

// start starts the guard for the boot whose PID 1 has host pid pid.
func (g *guard) start(o *Options, pid int) error {
	cg, err := os.ReadFile(fmt.Sprintf("/proc/%d/cgroup", pid))
	if err != nil {
		return fmt.Errorf("start the cleanup guard: %w", err)
	}
	mi, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return fmt.Errorf("start the cleanup guard: %w", err)
	}
	dirs, err := guardDirs(string(cg), string(mi))
	if err != nil {
		return fmt.Errorf("start the cleanup guard: %w", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("start the cleanup guard: %w", err)
	}
	defer r.Close()
	cmd := exec.Command(o.Launcher[0], append(append(o.Launcher[1:len(o.Launcher):len(o.Launcher)], GuardArg), dirs...)...)
	cmd.Stdin = r
	cmd.Env = []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin"}
	// A session of its own: a Ctrl-C on the terminal does not reach it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		w.Close()
		return fmt.Errorf("start the cleanup guard: %w", err)
	}
	g.cmd, g.w = cmd, w
	return nil
}

// release tells the guard Boot cleaned up, and waits for it to exit.
func (g *guard) release() {
	if g.cmd == nil {
		return
	}
	_, _ = io.WriteString(g.w, guardDone)
	g.w.Close()
	_ = g.cmd.Wait()
}

// execs counts the successful execve calls of a run.
func execs(r *trace.Result) uint64 {
	var n uint64
	for _, c := range r.Counts {
		if c.Nr == unix.SYS_EXECVE && c.Errno == 0 {
			n += c.Count
		}
	}
	return n
}

func exitText(e trace.ExitStatus) string {
	if e.Signal != 0 {
		return "was killed by " + e.Signal.String()
	}
	return "exited with status " + strconv.Itoa(e.Code)
}

// tail formats the last lines of the console for an error message.
func tail(console []byte) string {
	s := strings.TrimSpace(strings.ReplaceAll(string(console), "\r", ""))
	if s == "" {
		return " (nothing on the console)"
	}
	lines := strings.Split(s, "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return "; last console lines:\n  " + strings.Join(lines, "\n  ")
}

// launchState is what the status pipe said.
type launchState struct {
	mu            sync.Mutex
	ns            Namespaces
	execAt        time.Time
	execLine      bool // EXEC was announced
	sawExec       bool // ... and the pipe closed with no error after it
	err           string
	setupTimedOut bool
}

func (s *launchState) setNS(rest string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := strings.Fields(rest)
	if len(f) != 3 {
		return
	}
	s.ns.PID, _ = strconv.Atoi(f[0])
	s.ns.PidNS, _ = strconv.ParseUint(f[1], 10, 64)
	s.ns.MntNS, _ = strconv.ParseUint(f[2], 10, 64)
}

func (s *launchState) setExecLine() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.execLine = true
}

func (s *launchState) setErr(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.err = msg
}

// execed records, at EOF of the status pipe, whether systemd was exec'd:
// EXEC was announced and no error followed.
func (s *launchState) execed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.execLine && s.err == "" && !s.setupTimedOut {
		s.sawExec = true
		s.execAt = time.Now()
	}
	return s.sawExec
}

// setTimedOut marks the set-up as too slow unless systemd already runs.
func (s *launchState) setTimedOut() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sawExec {
		return false
	}
	s.setupTimedOut = true
	return true
}

func (s *launchState) namespaces() Namespaces {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ns
}

func (s *launchState) snapshot() (Namespaces, time.Time, string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ns, s.execAt, s.err, s.setupTimedOut
}
