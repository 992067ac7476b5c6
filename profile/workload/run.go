package workload

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/syscov/syscov/profile"
	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/trace"
)

// BusyBox is the bundled BusyBox workload script (busybox.workload).
//
//go:embed busybox.workload
var BusyBox []byte

// BusyBoxName is the name the bundled script goes by in errors and
// provenance.
const BusyBoxName = "busybox.workload"

// Tracer runs commands under the eBPF tracer and decodes the results;
// runner.Tracer has the same shape, and cmd/coverage's tracer satisfies
// both.
type Tracer interface {
	// Run has the semantics of trace.Tracer.Run.
	Run(ctx context.Context, cmd *exec.Cmd, opts *trace.RunOptions) (*trace.Result, error)
	// Syscalls decodes a result into per-syscall summaries.
	Syscalls(res *trace.Result) []result.Syscall
}

// DefaultStepTimeout bounds each step (and each %listen wait).
const DefaultStepTimeout = 10 * time.Second

// Options configure Run. Binary is required.
type Options struct {
	// Binary is the multi-call binary the applets are run from.
	Binary string
	// Script is the workload; nil means BusyBox. ScriptName names it in
	// errors ("" means BusyBoxName, or "workload" for another script).
	Script     []byte
	ScriptName string
	// StepTimeout bounds each step; 0 means DefaultStepTimeout.
	StepTimeout time.Duration
}

// Result is what a workload run produced.
type Result struct {
	// Steps are the script's steps as run, variables expanded.
	Steps []Step
	// Runs are the traced steps, in script order, each labelled with its
	// applet: the input of profile.FromTraces.
	Runs []profile.TracedInput
	// Duration is the wall time of the whole workload.
	Duration time.Duration
}

// Run runs the workload in a fresh scratch directory (removed afterwards),
// each step traced as its own run. It stops at the first step that fails,
// with an error naming the script line, and then still returns the runs
// traced until then (a nil Result only when nothing ran). Background steps
// still running when the workload ends are killed, and their syscalls up
// to then count.
func Run(ctx context.Context, tr Tracer, opts *Options) (*Result, error) {
	if opts == nil || opts.Binary == "" {
		return nil, errors.New("run workload: no binary given")
	}
	o := *opts
	if o.Script == nil {
		o.Script = BusyBox
		if o.ScriptName == "" {
			o.ScriptName = BusyBoxName
		}
	}
	if o.ScriptName == "" {
		o.ScriptName = "workload"
	}
	if o.StepTimeout <= 0 {
		o.StepTimeout = DefaultStepTimeout
	}
	bin, err := filepath.Abs(o.Binary)
	if err != nil {
		return nil, fmt.Errorf("run workload: %w", err)
	}
	if st, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("run workload: %w", err)
	} else if st.IsDir() || st.Mode()&0o111 == 0 {
		return nil, fmt.Errorf("run workload: %s is not an executable file", bin)
	}
	dir, err := os.MkdirTemp("", "syscov-workload-")
	if err != nil {
		return nil, fmt.Errorf("run workload: create scratch directory: %w", err)
	}
	defer os.RemoveAll(dir)
	port, err := freePort()
	if err != nil {
		return nil, fmt.Errorf("run workload: %w", err)
	}
	steps, err := Parse(o.ScriptName, o.Script, map[string]string{
		"PORT": strconv.Itoa(port), "BUSYBOX": bin, "DIR": dir,
	})
	if err != nil {
		return nil, err
	}
	w := &runState{tr: tr, o: &o, bin: bin, dir: dir, runs: make([]*profile.TracedInput, len(steps))}
	start := time.Now()
	err = w.run(ctx, steps)
	w.stopBackground()
	if err == nil {
		err = w.bgErr()
	}
	res := &Result{Steps: steps, Duration: time.Since(start)}
	for _, r := range w.runs {
		if r != nil {
			res.Runs = append(res.Runs, *r)
		}
	}
	return res, err
}

type runState struct {
	tr   Tracer
	o    *Options
	bin  string
	dir  string
	runs []*profile.TracedInput // by step index

	bgCancel []context.CancelFunc
	bgWG     sync.WaitGroup
	bgMu     sync.Mutex
	bgErrs   []error
}

func (w *runState) run(ctx context.Context, steps []Step) error {
	for i := range steps {
		st := &steps[i]
		where := fmt.Sprintf("%s:%d (%s)", w.o.ScriptName, st.Line, st)
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s: interrupted: %w", where, err)
		}
		switch st.Kind {
		case StepListen:
			if err := waitListen(ctx, st.Port, w.o.StepTimeout); err != nil {
				return fmt.Errorf("%s: %w%s", where, err, w.bgStderr())
			}
		case StepBackground:
			cmd, stderr, closeFiles, err := w.command(st)
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			bctx, cancel := context.WithCancel(ctx)
			w.bgCancel = append(w.bgCancel, cancel)
			w.bgWG.Add(1)
			go func() {
				defer w.bgWG.Done()
				defer closeFiles()
				res, err := w.tr.Run(bctx, cmd, nil)
				switch {
				case err != nil:
					w.addBgErr(fmt.Errorf("%s: %w", where, err))
				case res.Overflow != 0:
					w.addBgErr(fmt.Errorf("%s: the tracer's map was full (%d events lost); counts would be lower bounds", where, res.Overflow))
				case !res.Exit.TimedOut && ctx.Err() == nil && failed(res) != st.Fail:
					w.addBgErr(fmt.Errorf("%s: background step %s%s", where, status(res), tail(stderr)))
				default:
					w.runs[i] = &profile.TracedInput{User: st.Applet, Syscalls: w.tr.Syscalls(res)}
				}
			}()
		case StepRun:
			cmd, stderr, closeFiles, err := w.command(st)
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			sctx, cancel := context.WithTimeout(ctx, w.o.StepTimeout)
			res, err := w.tr.Run(sctx, cmd, nil)
			cancel()
			closeFiles()
			switch {
			case err != nil:
				return fmt.Errorf("%s: %w", where, err)
			case res.Exit.TimedOut && ctx.Err() != nil:
				return fmt.Errorf("%s: interrupted: %w", where, ctx.Err())
			case res.Exit.TimedOut:
				return fmt.Errorf("%s: did not end within %v and was killed%s", where, w.o.StepTimeout, tail(stderr))
			case res.Overflow != 0:
				return fmt.Errorf("%s: the tracer's map was full (%d events lost); counts would be lower bounds", where, res.Overflow)
			case failed(res) != st.Fail:
				want := "exit 0"
				if st.Fail {
					want = "a failure (it is marked %fail)"
				}
				return fmt.Errorf("%s: %s, want %s%s", where, status(res), want, tail(stderr))
			}
			w.runs[i] = &profile.TracedInput{User: st.Applet, Syscalls: w.tr.Syscalls(res)}
		}
	}
	return nil
}

// command prepares the process of a StepRun or StepBackground step.
func (w *runState) command(st *Step) (*exec.Cmd, *bytes.Buffer, func(), error) {
	cmd := exec.Command(w.bin, append([]string{st.Applet}, st.Args...)...)
	cmd.Dir = w.dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + w.dir, "LC_ALL=C", "TZ=UTC"}
	var files []*os.File
	closeFiles := func() {
		for _, f := range files {
			f.Close()
		}
	}
	path := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(w.dir, p)
	}
	if st.Stdin != "" {
		f, err := os.Open(path(st.Stdin))
		if err != nil {
			return nil, nil, nil, fmt.Errorf("redirect stdin: %w", err)
		}
		files = append(files, f)
		cmd.Stdin = f
	}
	if st.Stdout != "" {
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if st.Append {
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		}
		f, err := os.OpenFile(path(st.Stdout), flags, 0o644)
		if err != nil {
			closeFiles()
			return nil, nil, nil, fmt.Errorf("redirect stdout: %w", err)
		}
		files = append(files, f)
		cmd.Stdout = f
	}
	stderr := &bytes.Buffer{}
	cmd.Stderr = &limitWriter{w: stderr, n: 4096}
	return cmd, stderr, closeFiles, nil
}

// stopBackground kills the background steps still running and waits for
// their results.
func (w *runState) stopBackground() {
	for _, c := range w.bgCancel {
		c()
	}
	w.bgWG.Wait()
}

func (w *runState) addBgErr(err error) {
	w.bgMu.Lock()
	defer w.bgMu.Unlock()
	w.bgErrs = append(w.bgErrs, err)
}

func (w *runState) bgErr() error {
	w.bgMu.Lock()
	defer w.bgMu.Unlock()
	return errors.Join(w.bgErrs...)
}

// bgStderr returns the errors of background steps that already ended, to
// explain a %listen that never saw its server.
func (w *runState) bgStderr() string {
	if err := w.bgErr(); err != nil {
		return "; " + err.Error()
	}
	return ""
}

func failed(res *trace.Result) bool { return res.Exit.Code != 0 || res.Exit.Signal != 0 }

func status(res *trace.Result) string {
	if res.Exit.Signal != 0 {
		return fmt.Sprintf("killed by signal %d (%v)", int(res.Exit.Signal), res.Exit.Signal)
	}
	return fmt.Sprintf("exit %d", res.Exit.Code)
}

func tail(stderr *bytes.Buffer) string {
	s := strings.TrimSpace(stderr.String())
	if s == "" {
		return ""
	}
	return "; stderr: " + s
}

// limitWriter keeps the first n bytes written and drops the rest.
type limitWriter struct {
	w io.Writer
	n int
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}

// freePort returns a TCP port free on 127.0.0.1 at the time of the call.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free loopback port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitListen polls /proc/net/tcp until a socket listens on 127.0.0.1:port.
// Reading the kernel's table, rather than connecting, leaves a one-shot
// server's single connection to the workload.
func waitListen(ctx context.Context, port int, timeout time.Duration) error {
	want := fmt.Sprintf("0100007F:%04X", port)
	deadline := time.Now().Add(timeout)
	for {
		ok, err := listening("/proc/net/tcp", want)
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("nothing listened on 127.0.0.1:%d within %v", port, timeout)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("interrupted: %w", ctx.Err())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// listening reports whether table (/proc/net/tcp format) has a socket in
// state LISTEN (0A) whose local address is local.
func listening(table, local string) (bool, error) {
	f, err := os.Open(table)
	if err != nil {
		return false, fmt.Errorf("read socket table: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) > 3 && fs[1] == local && fs[3] == "0A" {
			return true, nil
		}
	}
	return false, sc.Err()
}
