package runner

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/trace"
)

// fakeTracer runs commands for real but records no syscalls, so the
// runner's statuses, timeouts and clean-up are testable without root. It
// stands in for the tracer's scope by marking every process of a run with
// an environment variable (inherited by children, daemons included) and
// killing every marked process when the command ends or ctx is done.
type fakeTracer struct {
	mu     sync.Mutex
	tokens []string
	// syscalls, when set, is what Syscalls returns for every result.
	syscalls []result.Syscall
}

const scopeEnv = "SYSCOV_FAKE_SCOPE"

func (f *fakeTracer) Run(ctx context.Context, cmd *exec.Cmd, _ *trace.RunOptions) (*trace.Result, error) {
	var b [8]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	f.mu.Lock()
	f.tokens = append(f.tokens, token)
	f.mu.Unlock()
	cmd.Env = append(cmd.Env, scopeEnv+"="+token)

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	res := &trace.Result{}
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		res.Exit.TimedOut = true
		killMarked(token)
		err = <-done
	}
	res.Duration = time.Since(start)
	res.Leftover = killMarked(token)
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return nil, err
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	res.Exit.Code = ws.ExitStatus()
	if ws.Signaled() {
		res.Exit.Signal = ws.Signal()
	}
	return res, nil
}

func (f *fakeTracer) Syscalls(*trace.Result) []result.Syscall { return f.syscalls }

// alive returns the pids of processes still marked by any run of f.
func (f *fakeTracer) alive() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	var pids []int
	for _, tok := range f.tokens {
		pids = append(pids, marked(tok)...)
	}
	return pids
}

// killMarked SIGKILLs every process marked with token until none is left
// (they may fork while being killed) and returns how many it killed. One
// empty scan of /proc is not enough: a process that exits while its child
// is being forked is unreadable while the child may get a pid the scan has
// already passed (pids wrap around at pid_max, 32768 on many machines), so
// it takes three empty scans in a row.
func killMarked(token string) int {
	n, empty := 0, 0
	for range 200 {
		pids := marked(token)
		if len(pids) == 0 {
			if empty++; empty == 3 {
				return n
			}
			time.Sleep(time.Millisecond)
			continue
		}
		empty = 0
		for _, p := range pids {
			if syscall.Kill(p, syscall.SIGKILL) == nil {
				n++
			}
		}
		time.Sleep(time.Millisecond)
	}
	return n
}

// marked lists live (non-zombie) processes whose environment holds token.
func marked(token string) []int {
	want := []byte(scopeEnv + "=" + token + "\x00")
	ents, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		env, err := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
		if err != nil || !bytes.Contains(env, want) {
			continue
		}
		pids = append(pids, pid)
	}
	return pids
}
