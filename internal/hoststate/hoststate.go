package hoststate

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// Process is one process of a snapshot.
type Process struct {
	PID  int
	Comm string
	// Start is the start time in clock ticks since boot (proc(5) stat
	// field 22): with PID, it tells a process from a later one that
	// reused the PID.
	Start uint64
	// PidNS and MntNS are the inode numbers of its namespaces; 0 when
	// they could not be read.
	PidNS, MntNS uint64
	// Cgroup is its /proc/PID/cgroup, one line per hierarchy, joined by ';'.
	Cgroup string
}

func (p Process) String() string {
	return fmt.Sprintf("pid %d (%s) pidns %d mntns %d cgroup %s", p.PID, p.Comm, p.PidNS, p.MntNS, p.Cgroup)
}

// State is one snapshot of the host.
type State struct {
	// Processes are sorted by PID; the calling process is left out.
	Processes []Process
	// Mounts are the lines of /proc/self/mountinfo (the caller's mount
	// namespace: the host's when the caller runs there).
	Mounts []string
	// Cgroups are the directories of every mounted cgroup hierarchy (v1
	// and v2), below and including each mount point, sorted.
	Cgroups []string
	// Hostname is the UTS node name.
	Hostname string
}

// Take reads a snapshot of the host. Processes and cgroups that vanish
// while they are read are skipped.
func Take() (*State, error) {
	st := &State{}
	mi, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return nil, fmt.Errorf("snapshot mounts: %w", err)
	}
	st.Mounts = strings.Split(strings.TrimRight(string(mi), "\n"), "\n")
	for _, point := range CgroupMounts(st.Mounts) {
		dirs, err := walkDirs(point)
		if err != nil {
			return nil, fmt.Errorf("snapshot cgroups under %s: %w", point, err)
		}
		st.Cgroups = append(st.Cgroups, dirs...)
	}
	sort.Strings(st.Cgroups)
	var uts unix.Utsname
	if err := unix.Uname(&uts); err != nil {
		return nil, fmt.Errorf("snapshot hostname: %w", err)
	}
	st.Hostname = unix.ByteSliceToString(uts.Nodename[:])
	if st.Processes, err = processes(); err != nil {
		return nil, err
	}
	return st, nil
}

// CgroupMounts returns the mount points of the cgroup and cgroup2 file
// systems listed in mountinfo lines (proc(5) format).
func CgroupMounts(mountinfo []string) []string {
	var out []string
	for _, line := range mountinfo {
		f := strings.Fields(line)
		for i, s := range f {
			if s == "-" && i+1 < len(f) && len(f) > 4 {
				if f[i+1] == "cgroup" || f[i+1] == "cgroup2" {
					out = append(out, f[4])
				}
				break
			}
		}
	}
	return out
}

func walkDirs(root string) ([]string, error) {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walked
			}
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, p)
		}
		return nil
	})
	return dirs, err
}

func processes() ([]Process, error) {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil, fmt.Errorf("snapshot processes: %w", err)
	}
	self := os.Getpid()
	var out []Process
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == self {
			continue
		}
		p, ok := readProcess(pid)
		if ok {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PID < out[j].PID })
	return out, nil
}

// readProcess reads one process; false when it exited meanwhile.
func readProcess(pid int) (Process, bool) {
	dir := "/proc/" + strconv.Itoa(pid)
	b, err := os.ReadFile(dir + "/stat")
	if err != nil {
		return Process{}, false
	}
	p := Process{PID: pid}
	s := string(b)
	open, closing := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || closing < open {
		return Process{}, false
	}
	p.Comm = s[open+1 : closing]
	// Fields after the comm start at field 3 (state); starttime is 22.
	rest := strings.Fields(s[closing+1:])
	if len(rest) > 19 {
		p.Start, _ = strconv.ParseUint(rest[19], 10, 64)
	}
	p.PidNS = nsInode(dir + "/ns/pid")
	p.MntNS = nsInode(dir + "/ns/mnt")
	if cg, err := os.ReadFile(dir + "/cgroup"); err == nil {
		p.Cgroup = strings.ReplaceAll(strings.TrimSpace(string(cg)), "\n", ";")
	}
	return p, true
}

func nsInode(path string) uint64 {
	var st unix.Stat_t
	if unix.Stat(path, &st) != nil {
		return 0
	}
	return st.Ino
}

// Diff is what changed between two snapshots.
type Diff struct {
	// NewProcesses were not in the first snapshot (by PID and start
	// time); GoneProcesses are no longer in the second.
	NewProcesses, GoneProcesses  []Process
	MountsAdded, MountsRemoved   []string
	CgroupsAdded, CgroupsRemoved []string
	// Hostname holds the two names when they differ.
	Hostname []string
}

// Compare returns what changed from before to after.
func Compare(before, after *State) *Diff {
	d := &Diff{}
	key := func(p Process) [2]uint64 { return [2]uint64{uint64(p.PID), p.Start} }
	had := map[[2]uint64]bool{}
	for _, p := range before.Processes {
		had[key(p)] = true
	}
	has := map[[2]uint64]bool{}
	for _, p := range after.Processes {
		has[key(p)] = true
		if !had[key(p)] {
			d.NewProcesses = append(d.NewProcesses, p)
		}
	}
	for _, p := range before.Processes {
		if !has[key(p)] {
			d.GoneProcesses = append(d.GoneProcesses, p)
		}
	}
	d.MountsAdded, d.MountsRemoved = setDiff(before.Mounts, after.Mounts)
	d.CgroupsAdded, d.CgroupsRemoved = setDiff(before.Cgroups, after.Cgroups)
	if before.Hostname != after.Hostname {
		d.Hostname = []string{before.Hostname, after.Hostname}
	}
	return d
}

// setDiff returns what b adds to a and what it lacks, each in order.
func setDiff(a, b []string) (added, removed []string) {
	in := func(xs []string) map[string]bool {
		m := make(map[string]bool, len(xs))
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	for _, x := range b {
		if !ina[x] {
			added = append(added, x)
		}
	}
	for _, x := range a {
		if !inb[x] {
			removed = append(removed, x)
		}
	}
	return added, removed
}

// Marks identify what one actor can leave behind.
type Marks struct {
	// PidNS and MntNS: a process in either namespace is the actor's.
	PidNS, MntNS uint64
	// CgroupSubstrings: a cgroup directory, or a process whose cgroup
	// line, contains one of these is the actor's (e.g. "/syscov-1234-").
	CgroupSubstrings []string
	// CgroupSuffixes: a new cgroup directory whose name ends with one of
	// these is the actor's (e.g. ".scope" for systemd's cgroups), unless
	// its path contains one of CgroupForeign (e.g. "/syscov-": below some
	// tracer's scope, which CgroupSubstrings attributes when it is ours).
	CgroupSuffixes []string
	CgroupForeign  []string
}

// Marked returns the changes of d that m attributes to the actor, one line
// each, plus every mount and hostname change (nothing else on a host
// changes those while a test runs). Empty means nothing of the actor is
// left.
func (d *Diff) Marked(m *Marks) []string {
	var out []string
	cgMarked := func(s string) bool {
		return slices.ContainsFunc(m.CgroupSubstrings, func(x string) bool { return strings.Contains(s, x) })
	}
	for _, p := range d.NewProcesses {
		if (m.PidNS != 0 && p.PidNS == m.PidNS) || (m.MntNS != 0 && p.MntNS == m.MntNS) || cgMarked(p.Cgroup) {
			out = append(out, "process: "+p.String())
		}
	}
	for _, c := range d.CgroupsAdded {
		suffixed := slices.ContainsFunc(m.CgroupSuffixes, func(x string) bool { return strings.HasSuffix(c, x) }) &&
			!slices.ContainsFunc(m.CgroupForeign, func(x string) bool { return strings.Contains(c, x) })
		if cgMarked(c) || suffixed {
			out = append(out, "cgroup added: "+c)
		}
	}
	for _, c := range d.CgroupsRemoved {
		if cgMarked(c) {
			out = append(out, "cgroup removed: "+c)
		}
	}
	for _, l := range d.MountsAdded {
		out = append(out, "mount added: "+l)
	}
	for _, l := range d.MountsRemoved {
		out = append(out, "mount removed: "+l)
	}
	if d.Hostname != nil {
		out = append(out, fmt.Sprintf("hostname: %q -> %q", d.Hostname[0], d.Hostname[1]))
	}
	return out
}

// Summary counts every change of d, attributed or not, for a test's log.
func (d *Diff) Summary() string {
	return fmt.Sprintf("%d new processes, %d gone, %d cgroups added, %d removed, %d mounts added, %d removed, hostname changed: %v",
		len(d.NewProcesses), len(d.GoneProcesses), len(d.CgroupsAdded), len(d.CgroupsRemoved),
		len(d.MountsAdded), len(d.MountsRemoved), d.Hostname != nil)
}
