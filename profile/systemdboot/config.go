package systemdboot

import (
	"encoding/json"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// DefaultSystemd is where Debian (and most distributions) install systemd.
const DefaultSystemd = "/lib/systemd/systemd"

// ContainerName is the value of $container systemd is started with: it
// tells systemd it runs in a container (see systemd's CONTAINER_INTERFACE).
const ContainerName = "syscov"

// config is what the launcher needs; Boot passes it as one JSON argument.
type config struct {
	// Systemd is the path of the systemd binary inside the boot's root.
	Systemd string `json:"systemd"`
	// Argv is systemd's full argument vector, argv[0] included.
	Argv []string `json:"argv"`
	// Env is systemd's environment.
	Env []string `json:"env"`
	// Mask lists unit names masked for the boot.
	Mask []string `json:"mask,omitempty"`
}

func (c *config) encode() (string, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("encode launcher config: %w", err)
	}
	return string(b), nil
}

func decodeConfig(s string) (*config, error) {
	var c config
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("decode launcher config: %w", err)
	}
	if !path.IsAbs(c.Systemd) || len(c.Argv) == 0 {
		return nil, fmt.Errorf("decode launcher config: need an absolute systemd path and an argument vector")
	}
	for _, u := range c.Mask {
		if err := CheckUnitName(u); err != nil {
			return nil, err
		}
	}
	return &c, nil
}

// newConfig builds the launcher's configuration from validated options.
func newConfig(o *Options) *config {
	argv := []string{o.Systemd, "--system", "--log-target=console", "--log-level=info", "--show-status=yes"}
	if o.Unit != "" {
		argv = append(argv, "--unit="+o.Unit)
	}
	return &config{
		Systemd: o.Systemd,
		Argv:    argv,
		// TERM=dumb keeps colour escapes out of the console log.
		Env:  []string{"container=" + ContainerName, "TERM=dumb"},
		Mask: append([]string(nil), o.Mask...),
	}
}

// unitSuffixes are the unit types systemd knows (systemd.unit(5)).
var unitSuffixes = []string{".service", ".socket", ".device", ".mount", ".automount",
	".swap", ".target", ".path", ".timer", ".slice", ".scope"}

// CheckUnitName reports whether name is a plain systemd unit name (e.g.
// "postgresql.service", "getty@tty1.service"): no path, a known type suffix.
func CheckUnitName(name string) error {
	if name == "" || strings.ContainsAny(name, "/\\ \t\n") || name[0] == '.' || len(name) > 255 {
		return fmt.Errorf("unit %q: not a unit name (want NAME.TYPE, e.g. postgresql.service)", name)
	}
	for _, s := range unitSuffixes {
		if strings.HasSuffix(name, s) && len(name) > len(s) {
			return nil
		}
	}
	return fmt.Errorf("unit %q: unknown unit type (want one of %s)", name, strings.Join(unitSuffixes, " "))
}

// keptCaps is the capability bounding set systemd runs with: the default
// of systemd-nspawn with a private network (CAP_NET_ADMIN), minus
// CAP_AUDIT_CONTROL and CAP_SYS_BOOT (the audit subsystem and kexec are not
// namespaced). Everything else is dropped before systemd's exec.
var keptCaps = map[int]bool{
	unix.CAP_CHOWN: true, unix.CAP_DAC_OVERRIDE: true, unix.CAP_DAC_READ_SEARCH: true,
	unix.CAP_FOWNER: true, unix.CAP_FSETID: true, unix.CAP_KILL: true,
	unix.CAP_SETGID: true, unix.CAP_SETUID: true, unix.CAP_SETPCAP: true,
	unix.CAP_LINUX_IMMUTABLE: true, unix.CAP_NET_BIND_SERVICE: true, unix.CAP_NET_BROADCAST: true,
	unix.CAP_NET_ADMIN: true, unix.CAP_NET_RAW: true, unix.CAP_IPC_OWNER: true,
	unix.CAP_SYS_CHROOT: true, unix.CAP_SYS_PTRACE: true, unix.CAP_SYS_ADMIN: true,
	unix.CAP_SYS_NICE: true, unix.CAP_SYS_RESOURCE: true, unix.CAP_SYS_TTY_CONFIG: true,
	unix.CAP_MKNOD: true, unix.CAP_LEASE: true, unix.CAP_AUDIT_WRITE: true,
	unix.CAP_SETFCAP: true,
}

// dropCaps lists the capabilities to drop from the bounding set, given the
// kernel's highest capability number (/proc/sys/kernel/cap_last_cap).
func dropCaps(last int) []int {
	var out []int
	for c := 0; c <= last; c++ {
		if !keptCaps[c] {
			out = append(out, c)
		}
	}
	return out
}

// mountOp is one mount(2) call of the launcher's set-up.
type mountOp struct {
	source, target, fstype string
	flags                  uintptr
	data                   string
	// optional ops are skipped when the target does not exist.
	optional bool
}

func (m mountOp) String() string {
	return fmt.Sprintf("mount %q on %s (type %q, flags %#x, %q)", m.source, m.target, m.fstype, m.flags, m.data)
}

// Paths inside the boot's own mount namespace (never the host's: the
// tmpfs on scratch hides the directory below it from the boot only).
const (
	scratch  = "/tmp"
	lowerDir = scratch + "/lower"
	upperDir = scratch + "/upper"
	workDir  = scratch + "/work"
	newRoot  = scratch + "/root"
)

const (
	nsd = unix.MS_NOSUID | unix.MS_NODEV
	ro  = unix.MS_BIND | unix.MS_REMOUNT | unix.MS_RDONLY
)

// rootPlan is the mount sequence that builds the boot's root, in order.
// cgroup2Opts are the host's cgroup2 superblock options (see
// cgroup2Options). The first operation makes every mount of the new
// namespace private, so nothing that follows can propagate to the host.
// console is the path of the boot's console in the launcher's mount
// namespace (its stdin, a pty of the host's devpts; see consolePath).
func rootPlan(cgroup2Opts, console string) []mountOp {
	r := newRoot
	plan := []mountOp{
		{target: "/", flags: unix.MS_REC | unix.MS_PRIVATE},
		{source: "syscov-boot", target: scratch, fstype: "tmpfs", flags: nsd, data: "mode=0700"},
		{source: "/", target: lowerDir, flags: unix.MS_BIND},
		{target: lowerDir, flags: ro},
		{source: "syscov-boot", target: r, fstype: "overlay",
			data: "lowerdir=" + lowerDir + ",upperdir=" + upperDir + ",workdir=" + workDir},
		{source: "proc", target: r + "/proc", fstype: "proc", flags: nsd | unix.MS_NOEXEC},
	}
	// Kernel knobs that are not namespaced stay read-only (as in
	// systemd-nspawn and other container managers).
	for _, p := range []string{"/proc/sys", "/proc/sysrq-trigger", "/proc/irq", "/proc/bus"} {
		plan = append(plan,
			mountOp{source: r + p, target: r + p, flags: unix.MS_BIND, optional: true},
			mountOp{target: r + p, flags: ro, optional: true})
	}
	plan = append(plan,
		mountOp{source: "sysfs", target: r + "/sys", fstype: "sysfs", flags: nsd | unix.MS_NOEXEC | unix.MS_RDONLY},
		mountOp{source: "cgroup2", target: r + "/sys/fs/cgroup", fstype: "cgroup2", flags: nsd | unix.MS_NOEXEC, data: cgroup2Opts},
		mountOp{source: "syscov-dev", target: r + "/dev", fstype: "tmpfs", flags: unix.MS_NOSUID, data: "mode=0755"},
		// dirs and nodes of /dev are made here (see Launch)
		mountOp{source: "devpts", target: r + "/dev/pts", fstype: "devpts", flags: unix.MS_NOSUID | unix.MS_NOEXEC, data: "newinstance,ptmxmode=0666,mode=0620"},
		mountOp{source: "syscov-shm", target: r + "/dev/shm", fstype: "tmpfs", flags: nsd, data: "mode=1777"},
		mountOp{source: console, target: r + "/dev/console", flags: unix.MS_BIND},
		mountOp{source: "syscov-run", target: r + "/run", fstype: "tmpfs", flags: nsd, data: "mode=0755"},
		mountOp{source: "syscov-tmp", target: r + "/tmp", fstype: "tmpfs", flags: nsd, data: "mode=1777"},
	)
	return plan
}

// devNodes are the character devices of the boot's /dev.
var devNodes = []struct {
	name         string
	major, minor uint32
}{
	{"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7}, {"random", 1, 8}, {"urandom", 1, 9}, {"tty", 5, 0},
}

// devLinks are the symlinks of the boot's /dev.
var devLinks = [][2]string{
	{"ptmx", "pts/ptmx"}, {"fd", "/proc/self/fd"}, {"stdin", "/proc/self/fd/0"},
	{"stdout", "/proc/self/fd/1"}, {"stderr", "/proc/self/fd/2"},
}

// cgroup2Options returns the superblock options of the first cgroup2 mount
// in mountinfo (proc(5) format), without rw/ro: mounting cgroup2 applies its
// options to the one shared superblock, so the boot's mount must repeat the
// host's (nsdelegate, memory_recursiveprot, ...) to leave them unchanged.
func cgroup2Options(mountinfo string) (string, error) {
	for _, line := range strings.Split(mountinfo, "\n") {
		f := strings.Fields(line)
		for i, s := range f {
			if s != "-" || i+3 >= len(f) {
				continue
			}
			if f[i+1] != "cgroup2" {
				break
			}
			var keep []string
			for _, o := range strings.Split(f[i+3], ",") {
				if o != "rw" && o != "ro" && o != "" {
					keep = append(keep, o)
				}
			}
			return strings.Join(keep, ","), nil
		}
	}
	return "", fmt.Errorf("cgroup v2 is not mounted: systemd needs it (mount -t cgroup2 none /sys/fs/cgroup/unified)")
}

// parseStartup finds systemd's "Startup finished in ..." line in console
// output and returns the total it reports. In a container the line reads
// "Startup finished in 1.234s."; on a machine it lists kernel, initrd and
// userspace parts and ends with "= TOTAL.".
func parseStartup(console string) (time.Duration, bool) {
	i := strings.Index(console, "Startup finished in ")
	if i < 0 {
		return 0, false
	}
	line := console[i+len("Startup finished in "):]
	if j := strings.IndexAny(line, "\r\n"); j >= 0 {
		line = line[:j]
	}
	if j := strings.LastIndex(line, "= "); j >= 0 {
		line = line[j+2:]
	}
	line = strings.TrimSuffix(strings.TrimSpace(line), ".")
	d, err := parseTimespan(line)
	if err != nil {
		return 0, false
	}
	return d, true
}

// parseTimespan parses systemd's format_timespan output, e.g. "1min 2.5s",
// "812ms", "3.004s", "1h 2min".
func parseTimespan(s string) (time.Duration, error) {
	units := []struct {
		suffix string
		d      time.Duration
	}{{"min", time.Minute}, {"ms", time.Millisecond}, {"us", time.Microsecond}, {"µs", time.Microsecond},
		{"h", time.Hour}, {"d", 24 * time.Hour}, {"s", time.Second}}
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return 0, fmt.Errorf("empty time span")
	}
	var total time.Duration
	for _, f := range fields {
		ok := false
		for _, u := range units {
			num, found := strings.CutSuffix(f, u.suffix)
			if !found {
				continue
			}
			v, err := strconv.ParseFloat(num, 64)
			if err != nil {
				continue
			}
			total += time.Duration(v * float64(u.d))
			ok = true
			break
		}
		if !ok {
			return 0, fmt.Errorf("time span %q: cannot parse %q", s, f)
		}
	}
	return total, nil
}
