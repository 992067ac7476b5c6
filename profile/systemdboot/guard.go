package systemdboot

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// GuardArg selects the guard in a program that embeds it, like
// LauncherArg: Boot runs `Options.Launcher... GuardArg DIR...` and that
// program must call Guard(os.Stdin, DIR...).
const GuardArg = "__nsboot-guard"

// guardDone is what Boot writes to the guard when it has cleaned up itself.
const guardDone = "done\n"

// tracerDirRE matches the cgroup directories trace.Tracer makes
// (syscov-<pid>-<n>-<pidns>); the guard removes nothing else.
var tracerDirRE = regexp.MustCompile(`^syscov-[0-9]+-[0-9]+-[0-9]+$`)

// Guard is the cleanup of last resort when the process that called Boot
// dies without cleaning up (SIGKILL, a crash). Boot starts it outside the
// boot, in a session of its own, with a pipe on r and the tracer's cgroup
// directories (v2, and the v1 pids twin on hybrid hosts) as dirs. If r
// ends without Boot's "done", Guard kills every process below dirs (with
// it, the boot's PID 1 and so its namespaces and mounts) and removes the
// directories. A parent-death signal on the launcher would do part of
// this, but systemd as PID 1 does not always keep it, and it cannot
// remove cgroups.
func Guard(r io.Reader, dirs []string) error {
	for _, d := range dirs {
		if !filepath.IsAbs(d) || !tracerDirRE.MatchString(filepath.Base(d)) {
			return fmt.Errorf("guard: %s is not a tracer cgroup directory", d)
		}
	}
	b, _ := io.ReadAll(r)
	if string(b) == guardDone {
		return nil
	}
	deadline := time.Now().Add(20 * time.Second)
	var errs []error
	for _, d := range dirs {
		if err := killTree(d, deadline); err != nil {
			errs = append(errs, err)
		}
	}
	for _, d := range dirs {
		if err := removeTree(d); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// killTree kills every process in dir and below, until none is left.
func killTree(dir string, deadline time.Time) error {
	for {
		pids := treeProcs(dir)
		if len(pids) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("guard: processes still alive in %s: %v", dir, pids)
		}
		// cgroup.kill (cgroup v2, Linux 5.14) kills the subtree at once;
		// elsewhere, kill the listed processes one by one.
		if os.WriteFile(filepath.Join(dir, "cgroup.kill"), []byte("1"), 0) != nil {
			for _, p := range pids {
				_ = syscallKill(p)
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func treeProcs(dir string) []int {
	var pids []int
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		f, err := os.Open(filepath.Join(p, "cgroup.procs"))
		if err != nil {
			return nil
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if n, err := strconv.Atoi(strings.TrimSpace(sc.Text())); err == nil {
				pids = append(pids, n)
			}
		}
		return nil
	})
	return pids
}

// removeTree removes a cgroup directory and those below it, deepest first.
func removeTree(dir string) error {
	var dirs []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs = append(dirs, p)
		}
		return nil
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := os.Remove(dirs[i]); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("guard: remove cgroup %s: %w", dirs[i], err)
		}
	}
	return nil
}

// guardDirs finds the tracer's cgroup directories from the launcher's
// /proc/PID/cgroup (cgroup paths as the host sees them) and the host's
// mountinfo: the top directory of the v2 path under the cgroup2 mount, and
// the same name under a cgroup v1 pids mount if the tracer made one there.
func guardDirs(procCgroup, mountinfo string) ([]string, error) {
	var top string
	for _, line := range strings.Split(procCgroup, "\n") {
		if p, ok := strings.CutPrefix(line, "0::/"); ok {
			top, _, _ = strings.Cut(p, "/")
		}
	}
	if !tracerDirRE.MatchString(top) {
		return nil, fmt.Errorf("find the tracer's cgroup: the launcher's cgroup v2 path does not start with syscov-<pid>-<n>-<pidns>:\n%s", procCgroup)
	}
	var v2 string
	var v1 []string
	for _, line := range strings.Split(mountinfo, "\n") {
		f := strings.Fields(line)
		for i, s := range f {
			if s != "-" || i+3 >= len(f) || len(f) < 5 {
				continue
			}
			point := f[4]
			switch {
			case f[i+1] == "cgroup2" && v2 == "":
				v2 = filepath.Join(point, top)
			case f[i+1] == "cgroup" && strings.Contains(","+f[i+3]+",", ",pids,"):
				if _, err := os.Stat(filepath.Join(point, top)); err == nil {
					v1 = append(v1, filepath.Join(point, top))
				}
			}
			break
		}
	}
	if v2 == "" {
		return nil, errors.New("find the tracer's cgroup: cgroup v2 is not mounted")
	}
	return append([]string{v2}, v1...), nil
}

func syscallKill(pid int) error { return unix.Kill(pid, unix.SIGKILL) }
