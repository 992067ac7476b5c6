package systemdboot

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// LauncherArg is the argument that selects the launcher in a program that
// embeds it: Boot runs `Options.Launcher... LauncherArg CONFIG`, and that
// program must call Launch(CONFIG) (see cmd/coverage's hidden __nsboot
// command, or this package's TestMain).
const LauncherArg = "__nsboot"

// statusFD is the launcher's end of the status pipe (Boot's ExtraFiles[0]).
const statusFD = 3

// Status lines the launcher writes to Boot, one per line.
const (
	statusNS   = "NS"   // NS <host pid> <pid ns inode> <mnt ns inode>
	statusExec = "EXEC" // about to exec systemd
	statusErr  = "ERR"  // ERR <message>: set-up failed, the launcher exits
)

// Launch is the launcher: it runs as PID 1 of the boot's fresh namespaces,
// builds the boot's root and execs systemd (see the package documentation).
// It returns only on failure, after reporting the error to Boot; the
// caller should then exit with a non-zero status. It refuses to run
// anywhere but as PID 1 of a PID namespace Boot made, so running it by hand
// cannot touch the host.
func Launch(arg string) error {
	// Check before touching descriptor 3: run by hand, it is not ours.
	if os.Getpid() != 1 {
		return errors.New("the systemd-boot launcher runs only as PID 1 of the namespaces coverage profile systemd-boot makes")
	}
	var st unix.Stat_t
	if err := unix.Fstat(statusFD, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFIFO {
		return errors.New("the systemd-boot launcher needs its status pipe on descriptor 3")
	}
	status := os.NewFile(statusFD, "status")
	err := launch(arg, status)
	if err != nil {
		fmt.Fprintf(status, "%s %s\n", statusErr, strings.ReplaceAll(err.Error(), "\n", " "))
	}
	return err
}

func launch(arg string, status *os.File) error {
	// Capabilities are per thread: the bounding set is dropped on this
	// thread, and this thread must be the one that execs.
	runtime.LockOSThread()
	unix.CloseOnExec(statusFD)
	cfg, err := decodeConfig(arg)
	if err != nil {
		return err
	}
	// Report the namespaces and our pid as the host sees them, while
	// /proc is still the host's.
	self, err := os.Readlink("/proc/self")
	if err != nil {
		return fmt.Errorf("read host pid: %w", err)
	}
	pidns, err1 := nsInode("pid")
	mntns, err2 := nsInode("mnt")
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	fmt.Fprintf(status, "%s %s %d %d\n", statusNS, self, pidns, mntns)

	mi, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return fmt.Errorf("read mounts: %w", err)
	}
	cgOpts, err := cgroup2Options(string(mi))
	if err != nil {
		return err
	}
	con, err := consolePath()
	if err != nil {
		return err
	}
	for _, op := range rootPlan(cgOpts, con) {
		if err := doMount(op); err != nil {
			return err
		}
		if op.target == scratch {
			for _, d := range []string{upperDir, workDir} {
				if err := os.Mkdir(d, 0o755); err != nil {
					return fmt.Errorf("create %s: %w", d, err)
				}
			}
		}
		if op.target == newRoot+"/dev" && op.fstype == "tmpfs" {
			if err := populateDev(newRoot + "/dev"); err != nil {
				return err
			}
		}
	}
	for _, u := range cfg.Mask {
		if err := maskUnit(newRoot, u); err != nil {
			return err
		}
	}
	if st, err := os.Stat(newRoot + cfg.Systemd); err != nil {
		return fmt.Errorf("systemd %s is not in the boot's root, an overlay of the root file system with its own /dev, /run and /tmp (other file systems and those directories are not visible): %w", cfg.Systemd, errors.Unwrap(err))
	} else if !st.Mode().IsRegular() || st.Mode().Perm()&0o111 == 0 {
		return fmt.Errorf("systemd %s is not an executable file", cfg.Systemd)
	}
	if err := dropBoundingCaps(); err != nil {
		return err
	}
	if err := enterRoot(newRoot); err != nil {
		return err
	}
	fmt.Fprintf(status, "%s\n", statusExec)
	err = unix.Exec(cfg.Systemd, cfg.Argv, cfg.Env)
	return fmt.Errorf("exec %s: %w", cfg.Systemd, err)
}

// consolePath returns the path of the launcher's stdin (the console pty):
// a bind mount needs a path of this mount namespace, and the descriptor's
// own mount belongs to the host's.
func consolePath() (string, error) {
	p, err := os.Readlink("/proc/self/fd/0")
	if err != nil {
		return "", fmt.Errorf("find the console: %w", err)
	}
	var a, b unix.Stat_t
	if err := unix.Fstat(0, &a); err != nil {
		return "", fmt.Errorf("find the console: %w", err)
	}
	if err := unix.Stat(p, &b); err != nil || a.Rdev != b.Rdev || a.Mode&unix.S_IFMT != unix.S_IFCHR {
		return "", fmt.Errorf("find the console: standard input %s is not a terminal reachable by its path", p)
	}
	return p, nil
}

func nsInode(name string) (uint64, error) {
	var st unix.Stat_t
	if err := unix.Stat("/proc/self/ns/"+name, &st); err != nil {
		return 0, fmt.Errorf("stat %s namespace: %w", name, err)
	}
	return st.Ino, nil
}

// doMount runs one operation of the plan. Missing targets are created only
// below the scratch tmpfs (that is, never on a host file system); an
// optional operation with a missing target is skipped.
func doMount(op mountOp) error {
	if _, err := os.Lstat(op.target); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s: %w", op, err)
		}
		if op.optional {
			return nil
		}
		if !strings.HasPrefix(op.target, scratch+"/") {
			return fmt.Errorf("%s: mount point missing", op)
		}
		if err := makeTarget(op); err != nil {
			return err
		}
	}
	if op.optional && op.source != "" {
		if _, err := os.Stat(op.source); err != nil {
			return nil
		}
	}
	if err := unix.Mount(op.source, op.target, op.fstype, op.flags, op.data); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// makeTarget creates op's mount point: an empty file when a non-directory
// is bound there, else a directory.
func makeTarget(op mountOp) error {
	if op.flags&unix.MS_BIND != 0 && op.source != "" {
		if st, err := os.Stat(op.source); err == nil && !st.IsDir() {
			if err := os.MkdirAll(filepath.Dir(op.target), 0o755); err != nil {
				return fmt.Errorf("%s: %w", op, err)
			}
			f, err := os.OpenFile(op.target, os.O_CREATE|os.O_WRONLY, 0o600)
			if err != nil {
				return fmt.Errorf("%s: %w", op, err)
			}
			return f.Close()
		}
	}
	if err := os.MkdirAll(op.target, 0o755); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

func populateDev(dev string) error {
	old := unix.Umask(0)
	defer unix.Umask(old)
	for _, n := range devNodes {
		if err := unix.Mknod(filepath.Join(dev, n.name), unix.S_IFCHR|0o666, int(unix.Mkdev(n.major, n.minor))); err != nil {
			return fmt.Errorf("create %s/%s: %w", dev, n.name, err)
		}
	}
	for _, l := range devLinks {
		if err := os.Symlink(l[1], filepath.Join(dev, l[0])); err != nil {
			return fmt.Errorf("create %s/%s: %w", dev, l[0], err)
		}
	}
	return nil
}

// maskUnit does what `systemctl mask` does, in the overlay: a unit file
// symlinked to /dev/null in /etc/systemd/system.
func maskUnit(root, unit string) error {
	dir := filepath.Join(root, "etc/systemd/system")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("mask %s: %w", unit, err)
	}
	p := filepath.Join(dir, unit)
	if err := os.RemoveAll(p); err != nil {
		return fmt.Errorf("mask %s: %w", unit, err)
	}
	if err := os.Symlink("/dev/null", p); err != nil {
		return fmt.Errorf("mask %s: %w", unit, err)
	}
	return nil
}

func dropBoundingCaps() error {
	b, err := os.ReadFile("/proc/sys/kernel/cap_last_cap")
	if err != nil {
		return fmt.Errorf("read cap_last_cap: %w", err)
	}
	last, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return fmt.Errorf("read cap_last_cap: %w", err)
	}
	drop := dropCaps(last)
	for _, c := range drop {
		if err := unix.Prctl(unix.PR_CAPBSET_DROP, uintptr(c), 0, 0, 0); err != nil {
			return fmt.Errorf("drop capability %d from the bounding set: %w", c, err)
		}
	}
	// Check what the kernel says this thread's bounding set is.
	status, err := os.ReadFile("/proc/thread-self/status")
	if err != nil {
		return fmt.Errorf("check the bounding set: %w", err)
	}
	bnd, err := CapBnd(string(status))
	if err != nil {
		return fmt.Errorf("check the bounding set: %w", err)
	}
	for _, c := range drop {
		if bnd&(1<<c) != 0 {
			return fmt.Errorf("capability %d is still in the bounding set after PR_CAPBSET_DROP", c)
		}
	}
	return nil
}

// CapBnd returns the CapBnd field of a /proc/PID/status text.
func CapBnd(status string) (uint64, error) {
	for _, line := range strings.Split(status, "\n") {
		if v, ok := strings.CutPrefix(line, "CapBnd:"); ok {
			return strconv.ParseUint(strings.TrimSpace(v), 16, 64)
		}
	}
	return 0, errors.New("no CapBnd line")
}

// DroppedCaps returns the capabilities Boot drops, as a mask, for a
// kernel whose highest capability is last.
func DroppedCaps(last int) uint64 {
	var m uint64
	for _, c := range dropCaps(last) {
		m |= 1 << c
	}
	return m
}

// enterRoot makes root the root of the mount namespace and detaches the old
// one (pivot_root(".", ".") stacks the old root on the new; unmounting "."
// then removes it).
func enterRoot(root string) error {
	if err := unix.Chdir(root); err != nil {
		return fmt.Errorf("enter %s: %w", root, err)
	}
	if err := unix.PivotRoot(".", "."); err != nil {
		return fmt.Errorf("pivot_root to %s: %w", root, err)
	}
	if err := unix.Unmount(".", unix.MNT_DETACH); err != nil {
		return fmt.Errorf("detach the old root: %w", err)
	}
	if err := unix.Chdir("/"); err != nil {
		return fmt.Errorf("enter /: %w", err)
	}
	return nil
}
