package systemdboot

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// consoleMax bounds the console output a Result keeps (the tail).
const consoleMax = 4 << 20

// openPTY allocates a pseudo-terminal pair: the master stays with Boot, the
// slave becomes the boot's /dev/console. Neither becomes anyone's
// controlling terminal on the host (O_NOCTTY).
func openPTY() (master, slave *os.File, err error) {
	mfd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("open /dev/ptmx for the boot's console: %w", err)
	}
	if err := unix.IoctlSetPointerInt(mfd, unix.TIOCSPTLCK, 0); err != nil {
		unix.Close(mfd)
		return nil, nil, fmt.Errorf("unlock the console pty: %w", err)
	}
	r, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(mfd), unix.TIOCGPTPEER, unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC)
	if errno != 0 {
		unix.Close(mfd)
		return nil, nil, fmt.Errorf("open the console pty's peer (TIOCGPTPEER, Linux 4.13): %w", errno)
	}
	sfd2 := int(r)
	// Output as written: no \n to \r\n translation in the log.
	if t, err := unix.IoctlGetTermios(sfd2, unix.TCGETS); err == nil {
		t.Oflag &^= unix.ONLCR
		_ = unix.IoctlSetTermios(sfd2, unix.TCSETS, t)
	}
	return os.NewFile(uintptr(mfd), "ptmx"), os.NewFile(uintptr(sfd2), "console"), nil
}

// console drains the master side so that systemd never blocks on a full
// terminal, keeping the tail of the output.
type console struct {
	master *os.File
	tee    io.Writer

	mu      sync.Mutex
	buf     []byte
	stopped bool
	done    chan struct{}
}

func newConsole(master *os.File, tee io.Writer) *console {
	return &console{master: master, tee: tee, done: make(chan struct{})}
}

// drain reads until stop. A pty master reads EIO while no slave is open:
// systemd hangs the console up (vhangup) and reopens it, so EIO is waited
// out rather than taken as the end.
func (c *console) drain() {
	defer close(c.done)
	b := make([]byte, 32<<10)
	for {
		n, err := c.master.Read(b)
		if n > 0 {
			c.add(b[:n])
		}
		if err == nil {
			continue
		}
		if c.isStopped() || errors.Is(err, os.ErrClosed) || errors.Is(err, os.ErrDeadlineExceeded) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (c *console) add(p []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tee != nil {
		_, _ = c.tee.Write(p)
	}
	c.buf = append(c.buf, p...)
	if len(c.buf) > consoleMax {
		c.buf = append([]byte(nil), c.buf[len(c.buf)-consoleMax:]...)
	}
}

func (c *console) isStopped() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stopped
}

// stop reads what is left (everyone who wrote is dead by now), ends the
// drain and returns the output.
func (c *console) stop() []byte {
	_ = c.master.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
	c.mu.Lock()
	c.stopped = true
	c.mu.Unlock()
	<-c.done
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf
}
