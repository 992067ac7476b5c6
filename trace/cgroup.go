package trace

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

// mount is one line of /proc/self/mountinfo that matters to us.
type mount struct {
	point   string // where it is mounted
	root    string // the cgroup path that appears at point
	fstype  string
	options string // super options (controllers for cgroup v1)
}

// readMounts parses mountinfo (see proc(5)).
func readMounts(r io.Reader) ([]mount, error) {
	var ms []mount
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		sep := -1
		for i, s := range f {
			if s == "-" {
				sep = i
				break
			}
		}
		if sep < 5 || sep+3 > len(f) {
			continue
		}
		ms = append(ms, mount{
			point:   unescapeMount(f[4]),
			root:    unescapeMount(f[3]),
			fstype:  f[sep+1],
			options: f[sep+3],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read mountinfo: %w", err)
	}
	return ms, nil
}

// unescapeMount undoes the octal escapes (\040 for space) of mountinfo.
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// cgroupMounts finds the cgroup v2 mount and, if present, the cgroup v1
// pids hierarchy (hybrid hosts keep their controllers there).
func cgroupMounts(ms []mount) (v2 *mount, v1pids *mount) {
	for i := range ms {
		m := &ms[i]
		switch m.fstype {
		case "cgroup2":
			if v2 == nil {
				v2 = m
			}
		case "cgroup":
			for _, o := range strings.Split(m.options, ",") {
				if o == "pids" && v1pids == nil {
					v1pids = m
				}
			}
		}
	}
	return v2, v1pids
}

// depth is the number of path components in a cgroup path ("/" is 0).
func depth(p string) int {
	p = strings.Trim(filepath.Clean(p), "/")
	if p == "" || p == "." {
		return 0
	}
	return strings.Count(p, "/") + 1
}

func writeFile(path, s string) error {
	if err := os.WriteFile(path, []byte(s), 0); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// hasWord reports whether the whitespace-separated file at path lists w.
func hasWord(path, w string) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	for _, f := range strings.Fields(string(b)) {
		if f == w {
			return true
		}
	}
	return false
}

// procs lists the pids in a cgroup.
func procs(dir string) ([]int, error) {
	b, err := os.ReadFile(filepath.Join(dir, "cgroup.procs"))
	if err != nil {
		return nil, err
	}
	var pids []int
	for _, f := range strings.Fields(string(b)) {
		if n, err := strconv.Atoi(f); err == nil {
			pids = append(pids, n)
		}
	}
	return pids, nil
}

// populated reads the "populated" field of cgroup.events (cgroup v2): true
// while any process lives in the cgroup or below it.
func populated(dir string) (bool, error) {
	b, err := os.ReadFile(filepath.Join(dir, "cgroup.events"))
	if err != nil {
		return false, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "populated "); ok {
			return strings.TrimSpace(v) != "0", nil
		}
	}
	return false, fmt.Errorf("no populated field in %s", filepath.Join(dir, "cgroup.events"))
}

// killAll kills every process in the cgroup v2 dir and its descendants, and
// waits until it is empty.
func killAll(dir string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	useKill := true
	for {
		pop, err := populated(dir)
		if err != nil {
			return fmt.Errorf("check cgroup %s: %w", dir, err)
		}
		if !pop {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("kill cgroup %s: processes still alive after %v", dir, timeout)
		}
		if useKill {
			// cgroup.kill (Linux 5.14) kills the whole subtree at once,
			// with no window for a fork to escape.
			if err := writeFile(filepath.Join(dir, "cgroup.kill"), "1"); err != nil {
				useKill = false
			}
		}
		if !useKill {
			if err := signalTree(dir); err != nil {
				return err
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// signalTree SIGKILLs every process listed in dir and its sub-cgroups (the
// fallback for kernels without cgroup.kill).
func signalTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		pids, err := procs(p)
		if err != nil {
			return nil
		}
		for _, pid := range pids {
			_ = killPid(pid)
		}
		return nil
	})
}

// removeTree removes a cgroup directory and the cgroups below it, deepest
// first (cgroupfs directories are removed with rmdir only).
func removeTree(dir string) error {
	var dirs []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs = append(dirs, p)
		}
		return nil
	})
	var first error
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := os.Remove(dirs[i]); err != nil && !errors.Is(err, os.ErrNotExist) && first == nil {
			first = fmt.Errorf("remove cgroup %s: %w", dirs[i], err)
		}
	}
	return first
}

// staleName matches the cgroup directories a Tracer makes:
// syscov-PID-N-PIDNS, where PIDNS is the inode of the owner's PID
// namespace, in which PID is its process id.
var staleName = regexp.MustCompile(`^syscov-([0-9]+)-[0-9]+-([0-9]+)$`)

// tracerDirName names the cgroup directory of this process's n-th Tracer.
func tracerDirName(n int64) string {
	return fmt.Sprintf("syscov-%d-%d-%d", os.Getpid(), n, pidNS())
}

// pidNS returns the inode of this process's PID namespace, 0 when it
// cannot be read.
func pidNS() uint64 {
	var st unix.Stat_t
	if err := unix.Stat("/proc/self/ns/pid", &st); err != nil {
		return 0
	}
	return st.Ino
}

// removeStale removes, below each of dirs, the cgroup trees of tracers
// whose process no longer exists (a coverage killed before Close) and in
// which no process lives any more. It never kills anything: a tree with a
// process in it, or whose owner is alive or cannot be told, is left alone.
// An owner in another PID namespace cannot be told (its pid means nothing
// here): a coverage in a container leaves the host's tracers alone, and
// the other way round. It is best effort and returns what it removed.
func removeStale(dirs ...string) []string {
	ns := pidNS()
	if ns == 0 {
		return nil
	}
	var removed []string
	for _, dir := range dirs {
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			m := staleName.FindStringSubmatch(e.Name())
			if m == nil || !e.IsDir() || m[2] != strconv.FormatUint(ns, 10) {
				continue
			}
			if _, err := os.Stat(filepath.Join("/proc", m[1])); !errors.Is(err, os.ErrNotExist) {
				continue // the owner lives, or we cannot tell
			}
			p := filepath.Join(dir, e.Name())
			if treeHasProcs(p) {
				continue
			}
			if removeTree(p) == nil {
				removed = append(removed, p)
			}
		}
	}
	return removed
}

// treeHasProcs reports whether any cgroup in the tree at dir holds a
// process, or whether that cannot be read.
func treeHasProcs(dir string) bool {
	busy := false
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			busy = true
			return filepath.SkipAll
		}
		if d.IsDir() {
			if pids, err := procs(p); err != nil || len(pids) > 0 {
				busy = true
				return filepath.SkipAll
			}
		}
		return nil
	})
	return busy
}
