package hoststate

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestCompareAndMarked(t *testing.T) {
	const bootPidNS, bootMntNS = 4026532174, 4026532170
	before := &State{
		Processes: []Process{
			{PID: 1, Comm: "init", Start: 5, PidNS: 100, MntNS: 200, Cgroup: "0::/"},
			{PID: 50, Comm: "sh", Start: 70, PidNS: 100, MntNS: 200, Cgroup: "0::/"},
			{PID: 60, Comm: "old", Start: 80, PidNS: 100, MntNS: 200, Cgroup: "0::/"},
		},
		Mounts:   []string{"27 1 254:0 / / rw - ext4 /dev/vda rw", "41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw"},
		Cgroups:  []string{"/sys/fs/cgroup/unified", "/sys/fs/cgroup/unified/other"},
		Hostname: "vm",
	}
	after := &State{
		Processes: []Process{
			{PID: 1, Comm: "init", Start: 5, PidNS: 100, MntNS: 200, Cgroup: "0::/"},
			// PID 50 reused by a later process: new, and the old one gone.
			{PID: 50, Comm: "make", Start: 900, PidNS: 100, MntNS: 200, Cgroup: "0::/"},
			{PID: 70, Comm: "systemd", Start: 950, PidNS: bootPidNS, MntNS: bootMntNS, Cgroup: "0::/syscov-42-1-99/s0-1/init.scope"},
			{PID: 71, Comm: "journald", Start: 951, PidNS: 100, MntNS: 200, Cgroup: "0::/syscov-42-1-99/s0-1/system.slice/j.service"},
			{PID: 72, Comm: "other-helper", Start: 952, PidNS: 100, MntNS: 200, Cgroup: "0::/syscov-99-1-99/s0-1"},
		},
		Mounts: []string{"27 1 254:0 / / rw - ext4 /dev/vda rw", "41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw",
			"90 27 0:50 / /tmp rw - tmpfs syscov-boot rw"},
		Cgroups: []string{"/sys/fs/cgroup/unified", "/sys/fs/cgroup/unified/init.scope",
			"/sys/fs/cgroup/unified/syscov-42-1", "/sys/fs/cgroup/unified/syscov-99-1",
			"/sys/fs/cgroup/unified/syscov-99-1/s0-1/init.scope"},
		Hostname: "booted",
	}
	d := Compare(before, after)
	if got := pids(d.NewProcesses); !reflect.DeepEqual(got, []int{50, 70, 71, 72}) {
		t.Errorf("new processes %v, want [50 70 71 72]", got)
	}
	if got := pids(d.GoneProcesses); !reflect.DeepEqual(got, []int{50, 60}) {
		t.Errorf("gone processes %v, want [50 60]", got)
	}
	if !reflect.DeepEqual(d.CgroupsRemoved, []string{"/sys/fs/cgroup/unified/other"}) {
		t.Errorf("cgroups removed %v", d.CgroupsRemoved)
	}
	m := &Marks{PidNS: bootPidNS, MntNS: bootMntNS, CgroupSubstrings: []string{"/syscov-42-"}, CgroupSuffixes: []string{".scope", ".slice", ".service"}, CgroupForeign: []string{"/syscov-"}}
	got := d.Marked(m)
	want := []string{
		"process: pid 70 (systemd)",
		"process: pid 71 (journald)",
		"cgroup added: /sys/fs/cgroup/unified/init.scope",
		"cgroup added: /sys/fs/cgroup/unified/syscov-42-1",
		"mount added: 90 27 0:50 / /tmp rw - tmpfs syscov-boot rw",
		`hostname: "vm" -> "booted"`,
	}
	if len(got) != len(want) {
		t.Fatalf("marked:\n%s\nwant %d lines", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("marked[%d] = %q, want prefix %q", i, got[i], want[i])
		}
	}
	// Nothing changed: nothing marked, whatever the marks.
	if same := Compare(after, after).Marked(m); len(same) != 0 {
		t.Errorf("identical snapshots marked %v", same)
	}
}

func pids(ps []Process) []int {
	var out []int
	for _, p := range ps {
		out = append(out, p.PID)
	}
	return out
}

func TestCgroupMounts(t *testing.T) {
	mi := []string{
		"22 27 0:21 / /proc rw,relatime - proc proc rw",
		"39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids",
		"41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw",
		"50 27 0:40 / /mnt/x rw,relatime shared:5 - cgroup2 none rw,nsdelegate",
	}
	got := CgroupMounts(mi)
	want := []string{"/sys/fs/cgroup/pids", "/sys/fs/cgroup/unified", "/mnt/x"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CgroupMounts = %v, want %v", got, want)
	}
}

// TestTake reads the real host: the snapshot lists this machine's mounts
// and hostname, and leaves the calling process out.
func TestTake(t *testing.T) {
	st, err := Take()
	if err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	if st.Hostname != host {
		t.Errorf("hostname %q, want %q", st.Hostname, host)
	}
	if len(st.Mounts) == 0 || !strings.Contains(strings.Join(st.Mounts, "\n"), " / / ") {
		t.Errorf("mounts lack the root: %v", st.Mounts)
	}
	for _, p := range st.Processes {
		if p.PID == os.Getpid() {
			t.Errorf("the calling process is in the snapshot")
		}
	}
	if len(st.Processes) == 0 {
		t.Errorf("no processes")
	}
}
