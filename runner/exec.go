package runner

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/trace"
)

// passLine is the last output line of a passing contract.
const passLine = "CONTRACT_PASS"

// outputLines is how many lines of a contract's output a Test keeps.
const outputLines = 20

// scratch is a run's scratch tree: bin/ holds copies of the binaries
// (readable by the contracts' user, unlike a cache under root's home) and
// work/<id>/ is each contract's private working directory.
type scratch struct {
	root string
	id   *Identity
}

func newScratch(parent string, id *Identity) (*scratch, error) {
	root, err := os.MkdirTemp(parent, "syscov-run-")
	if err != nil {
		return nil, fmt.Errorf("create scratch directory: %w", err)
	}
	s := &scratch{root: root, id: id}
	for _, d := range []string{root, filepath.Join(root, "bin"), filepath.Join(root, "work")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			s.remove()
			return nil, fmt.Errorf("create scratch directory: %w", err)
		}
		if err := os.Chmod(d, 0o755); err != nil {
			s.remove()
			return nil, fmt.Errorf("create scratch directory: %w", err)
		}
	}
	return s, nil
}

func (s *scratch) remove() { os.RemoveAll(s.root) }

// prepare copies bin into the scratch tree and makes an empty working
// directory owned by the contracts' user.
func (s *scratch) prepare(bin, name string) (exe, work string, err error) {
	exe = filepath.Join(s.root, "bin", name)
	if err := copyFile(exe, bin); err != nil {
		return "", "", fmt.Errorf("copy binary: %w", err)
	}
	work = filepath.Join(s.root, "work", name)
	if err := os.Mkdir(work, 0o700); err != nil {
		return "", "", fmt.Errorf("create working directory: %w", err)
	}
	if s.id.credential() != nil {
		if err := os.Chown(work, int(s.id.UID), int(s.id.GID)); err != nil {
			return "", "", fmt.Errorf("create working directory: %w", err)
		}
	}
	return exe, work, nil
}

// exec runs a built binary under the tracer and fills t's status, exit,
// output and syscalls. name is unique within the run.
func (r *run) exec(ctx context.Context, t *result.Test, bin, name string) error {
	exe, work, err := r.sc.prepare(bin, name)
	if err != nil {
		return fmt.Errorf("prepare %s: %w", t.ID, err)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("prepare %s: %w", t.ID, err)
	}
	defer pr.Close()
	out := &headTail{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		out.readFrom(pr)
	}()

	cmd := exec.Command(exe)
	cmd.Dir = work
	cmd.Env = []string{
		"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
		"HOME=" + work,
		"TMPDIR=" + work,
		"LANG=C",
		"LC_ALL=C",
	}
	cmd.Stdout = pw // an *os.File: exec passes it on without a copying goroutine
	cmd.Stderr = pw
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: r.sc.id.credential()}

	tctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	res, err := r.tr.Run(tctx, cmd, &trace.RunOptions{PidsMax: r.opts.PidsMax})
	cancel()
	pw.Close()
	// Every writer is dead once Run returns; the deadline only guards
	// against a tracer that broke that promise.
	pr.SetReadDeadline(time.Now().Add(5 * time.Second))
	wg.Wait()
	if err != nil {
		return fmt.Errorf("trace %s: %w", t.ID, err)
	}

	t.ExitCode = res.Exit.Code
	t.DurationMS = res.Duration.Milliseconds()
	t.Output = firstLines(out.head(), outputLines)
	t.Overflow = res.Overflow
	t.Unattributed = res.Unattributed
	t.Syscalls = r.tr.Syscalls(res)
	if res.Exit.Signal != 0 && !res.Exit.TimedOut {
		t.Signal = unix.SignalName(res.Exit.Signal)
		if t.Signal == "" {
			t.Signal = fmt.Sprintf("signal %d", int(res.Exit.Signal))
		}
	}
	switch {
	case res.Exit.TimedOut:
		t.Status = result.StatusTimeout
	case res.Exit.Signal != 0:
		t.Status = result.StatusCrash
	case res.Exit.Code == 0 && lastLine(out.tail()) == passLine:
		t.Status = result.StatusPass
	default:
		t.Status = result.StatusFail
	}
	return nil
}

// headTail keeps the first and the last bytes of a stream, so a contract
// that prints without end costs bounded memory.
type headTail struct {
	mu    sync.Mutex
	h, t  []byte
	total int64
}

const (
	headMax = 16 << 10
	tailMax = 4 << 10
)

func (b *headTail) readFrom(f *os.File) {
	buf := make([]byte, 32<<10)
	for {
		n, err := f.Read(buf)
		b.write(buf[:n])
		if err != nil {
			return
		}
	}
}

func (b *headTail) write(p []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.total += int64(len(p))
	if room := headMax - len(b.h); room > 0 {
		b.h = append(b.h, p[:min(room, len(p))]...)
	}
	b.t = append(b.t, p...)
	if len(b.t) > tailMax {
		b.t = append(b.t[:0], b.t[len(b.t)-tailMax:]...)
	}
}

func (b *headTail) head() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.h)
}

func (b *headTail) tail() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.t)
}

// lastLine returns the last non-empty line of s, without trailing spaces.
func lastLine(s string) string {
	s = strings.TrimRight(s, " \t\r\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return strings.TrimRight(s, " \t\r")
}
