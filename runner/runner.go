package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"golang.org/x/sys/unix"

	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/trace"
)

// Tracer runs a command under the syscall tracer and decodes what it
// recorded. The runner calls Run concurrently, up to Options.Jobs at once.
type Tracer interface {
	// Run starts cmd, waits for it and returns its counts, with the
	// semantics of trace.Tracer.Run: the whole process tree is killed
	// when cmd exits or ctx ends (then Exit.TimedOut is set, and that is
	// not an error). An error means the command could not be traced.
	Run(ctx context.Context, cmd *exec.Cmd, opts *trace.RunOptions) (*trace.Result, error)
	// Syscalls decodes a result into per-syscall summaries.
	Syscalls(res *trace.Result) []result.Syscall
}

// Defaults of Options.
const (
	DefaultTimeout = 10 * time.Second
	DefaultPidsMax = 256
)

// Options tune a run. A nil *Options means all defaults.
type Options struct {
	// CC is the compiler, a name on PATH or a path; "" means DefaultCC.
	CC string
	// CFlags replace DefaultCFlags when non-nil.
	CFlags []string
	// CacheDir holds compiled binaries and the kernel header shim; ""
	// means DefaultCacheDir().
	CacheDir string
	// Jobs is how many contracts run at once; 0 means runtime.NumCPU().
	Jobs int
	// Timeout bounds each contract's run; 0 means DefaultTimeout.
	Timeout time.Duration
	// User runs the contracts as this user name or numeric UID; "" means
	// the default of ResolveUser.
	User string
	// PidsMax caps the tasks of one contract (fork-bomb containment);
	// 0 means DefaultPidsMax.
	PidsMax int
	// ScratchDir is where the run's scratch directory is made; "" means
	// os.TempDir(). The scratch directory is removed at the end.
	ScratchDir string
	// Progress, when set, is called once per finished contract, from one
	// goroutine at a time.
	Progress func(Progress)
}

// Progress reports one finished contract.
type Progress struct {
	Done, Total int
	Test        *result.Test
}

// baselineSource is the empty program whose syscalls are the baseline.
const baselineSource = "int main(void) { return 0; }\n"

// Run builds and runs the suite in dir under tr and returns the run
// document. A contract that fails, crashes, hangs or does not build is a
// status, not an error. Errors are for problems with the set-up: an
// unreadable suite or divergence list, a missing compiler or kernel
// headers, a baseline program that does not run cleanly, or a tracer
// failure. When ctx is cancelled, Run returns what was collected with
// Interrupted set and a nil error.
func Run(ctx context.Context, dir string, tr Tracer, opts *Options) (*result.Run, error) {
	o := Options{}
	if opts != nil {
		o = *opts
	}
	if err := o.fill(); err != nil {
		return nil, err
	}
	contracts, err := Discover(dir)
	if err != nil {
		return nil, err
	}
	div, err := LoadDivergences(dir)
	if err != nil {
		return nil, err
	}
	id, err := ResolveUser(o.User)
	if err != nil {
		return nil, err
	}
	cc, err := newCompiler(ctx, o.CC, o.CFlags, o.CacheDir)
	if err != nil {
		return nil, err
	}
	sc, err := newScratch(o.ScratchDir, id)
	if err != nil {
		return nil, err
	}
	defer sc.remove()

	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("run contracts: %w", err)
	}
	doc := &result.Run{
		Schema:       result.RunSchema,
		ContractsDir: absDir,
		Compiler:     cc.path + " (" + cc.version() + ")",
		CFlags:       cc.userFlag,
		Arch:         runtime.GOARCH,
		Tests:        []result.Test{},
	}
	var uts unix.Utsname
	if err := unix.Uname(&uts); err == nil {
		doc.Arch = unix.ByteSliceToString(uts.Machine[:])
		doc.Kernel = unix.ByteSliceToString(uts.Release[:])
	}

	r := &run{tr: tr, cc: cc, sc: sc, opts: &o}
	doc.Baseline, err = r.baseline(ctx)
	if err != nil {
		if ctx.Err() != nil {
			doc.Interrupted = true
			return doc, nil
		}
		return nil, err
	}

	tests, err := r.all(ctx, contracts, div)
	if err != nil {
		return nil, err
	}
	doc.Tests = tests
	doc.Interrupted = len(tests) < len(contracts)
	return doc, nil
}

func (o *Options) fill() error {
	if o.CC == "" {
		o.CC = DefaultCC
	}
	if o.CFlags == nil {
		o.CFlags = DefaultCFlags
	}
	if o.CacheDir == "" {
		d, err := DefaultCacheDir()
		if err != nil {
			return err
		}
		o.CacheDir = d
	}
	if o.Jobs < 0 || o.Timeout < 0 || o.PidsMax < 0 {
		return errors.New("run contracts: Jobs, Timeout and PidsMax must not be negative")
	}
	if o.Jobs == 0 {
		o.Jobs = runtime.NumCPU()
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.PidsMax == 0 {
		o.PidsMax = DefaultPidsMax
	}
	return nil
}

// run is the state shared by the workers of one Run.
type run struct {
	tr   Tracer
	cc   *compiler
	sc   *scratch
	opts *Options
}

// baseline builds and traces the empty program and returns the names of
// the syscalls it made.
func (r *run) baseline(ctx context.Context) ([]string, error) {
	src := filepath.Join(r.sc.root, "src", "syscov_empty.c")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		return nil, fmt.Errorf("write baseline program: %w", err)
	}
	if err := os.WriteFile(src, []byte(baselineSource), 0o644); err != nil {
		return nil, fmt.Errorf("write baseline program: %w", err)
	}
	bin, err := r.cc.build(ctx, src)
	if err != nil {
		return nil, fmt.Errorf("build baseline program: %w", err)
	}
	t := &result.Test{ID: "baseline", Name: "baseline"}
	if err := r.exec(ctx, t, bin, "baseline"); err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if t.ExitCode != 0 || t.Signal != "" || t.Status == result.StatusTimeout {
		return nil, fmt.Errorf("run baseline program: it did not exit cleanly (exit %d %s %s): %s", t.ExitCode, t.Signal, t.Status, firstLine(t.Output))
	}
	names := make([]string, 0, len(t.Syscalls))
	for _, s := range t.Syscalls {
		names = append(names, s.Name)
	}
	sort.Strings(names)
	return names, nil
}

// all runs every contract on Jobs workers and returns the outcomes of
// those that finished, in discovery order.
func (r *run) all(ctx context.Context, contracts []Contract, div Divergences) ([]result.Test, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type outcome struct {
		i   int
		t   *result.Test // nil when interrupted
		err error
	}
	idx := make(chan int)
	outs := make(chan outcome)
	var wg sync.WaitGroup
	for range min(r.opts.Jobs, len(contracts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				t, err := r.one(ctx, contracts[i], div)
				outs <- outcome{i, t, err}
			}
		}()
	}
	go func() {
		defer close(idx)
		for i := range contracts {
			select {
			case idx <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(outs) }()

	done := make([]*result.Test, len(contracts))
	var firstErr error
	n := 0
	for o := range outs {
		if o.err != nil {
			if firstErr == nil {
				firstErr = o.err
				cancel()
			}
			continue
		}
		if o.t == nil {
			continue
		}
		done[o.i] = o.t
		n++
		if r.opts.Progress != nil {
			r.opts.Progress(Progress{Done: n, Total: len(contracts), Test: o.t})
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	tests := make([]result.Test, 0, n)
	for _, t := range done {
		if t != nil {
			tests = append(tests, *t)
		}
	}
	return tests, nil
}

// one builds and runs a contract. It returns a nil test when ctx ended
// before the contract finished.
func (r *run) one(ctx context.Context, c Contract, div Divergences) (*result.Test, error) {
	if ctx.Err() != nil {
		return nil, nil
	}
	t := &result.Test{ID: c.ID(), Group: c.Group, Name: c.Name}
	bin, err := r.cc.build(ctx, c.Path)
	var be *BuildError
	switch {
	case ctx.Err() != nil:
		return nil, nil
	case errors.As(err, &be):
		t.Status = result.StatusBuildError
		t.BuildError = be.Output
		return t, nil
	case err != nil:
		return nil, fmt.Errorf("build %s: %w", c.ID(), err)
	}
	if err := r.exec(ctx, t, bin, c.Group+"."+c.Name); err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, nil
	}
	if reason, ok := div[c.ID()]; ok {
		t.Reason = reason
		if t.Status != result.StatusPass {
			t.Status = result.StatusXFail
		}
	}
	return t, nil
}
