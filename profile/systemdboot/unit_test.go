package systemdboot

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestRootPlanStaysInside checks the mount plan's safety properties: the
// first call makes every mount private, nothing but the scratch tmpfs and
// the read-only bind of / ever targets a path outside the boot's root,
// and the cgroup2 mount repeats the host's superblock options.
func TestRootPlanStaysInside(t *testing.T) {
	plan := rootPlan("nsdelegate,memory_recursiveprot", "/dev/pts/7")
	first := plan[0]
	if first.target != "/" || first.flags != unix.MS_REC|unix.MS_PRIVATE || first.fstype != "" {
		t.Fatalf("first operation is %v, want / made MS_REC|MS_PRIVATE", first)
	}
	if plan[1].target != scratch || plan[1].fstype != "tmpfs" {
		t.Errorf("second operation is %v, want the scratch tmpfs", plan[1])
	}
	var cg, console *mountOp
	for i, op := range plan[1:] {
		if op.target != scratch && !strings.HasPrefix(op.target, scratch+"/") {
			t.Errorf("operation %d targets %s, outside the scratch tmpfs %s", i+1, op.target, scratch)
		}
		if op.flags&unix.MS_REMOUNT != 0 && op.flags&unix.MS_RDONLY == 0 {
			t.Errorf("operation %d remounts %s read-write", i+1, op.target)
		}
		switch op.target {
		case newRoot + "/sys/fs/cgroup":
			cg = &plan[i+1]
		case newRoot + "/dev/console":
			console = &plan[i+1]
		case newRoot + "/sys":
			if op.flags&unix.MS_RDONLY == 0 {
				t.Errorf("sysfs is mounted read-write")
			}
		}
	}
	if cg == nil || cg.fstype != "cgroup2" || cg.data != "nsdelegate,memory_recursiveprot" {
		t.Errorf("cgroup2 mount = %v, want the host's options", cg)
	}
	if console == nil || console.source != "/dev/pts/7" || console.flags != unix.MS_BIND {
		t.Errorf("console mount = %v, want a bind of /dev/pts/7", console)
	}
	// Every non-namespaced /proc knob is bound and then made read-only.
	for _, p := range []string{"/proc/sys", "/proc/sysrq-trigger"} {
		i := slices.IndexFunc(plan, func(op mountOp) bool { return op.target == newRoot+p && op.flags == ro })
		if i < 0 {
			t.Errorf("%s is not remounted read-only", p)
		}
	}
}

func TestCgroup2Options(t *testing.T) {
	for _, tc := range []struct {
		name, mountinfo, want string
		err                   bool
	}{
		{"hybrid", "39 31 0:36 / /sys/fs/cgroup/pids rw - cgroup cgroup rw,pids\n41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n", "", false},
		{"pure v2", "30 23 0:26 / /sys/fs/cgroup rw,nosuid shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot\n", "nsdelegate,memory_recursiveprot", false},
		{"none", "22 27 0:21 / /proc rw - proc proc rw\n", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cgroup2Options(tc.mountinfo)
			if (err != nil) != tc.err || got != tc.want {
				t.Errorf("cgroup2Options = %q, %v; want %q, error %v", got, err, tc.want, tc.err)
			}
		})
	}
}

func TestParseStartup(t *testing.T) {
	for _, tc := range []struct {
		console string
		want    time.Duration
		ok      bool
	}{
		{"x\r\nStartup finished in 2.473s.\r\nvm login:", 2473 * time.Millisecond, true},
		{"Startup finished in 812ms.\n", 812 * time.Millisecond, true},
		{"Startup finished in 1min 2.500s.\n", 62500 * time.Millisecond, true},
		{"Startup finished in 1.2s (kernel) + 3.4s (userspace) = 4.6s.\n", 4600 * time.Millisecond, true},
		{"Reached target basic.target\n", 0, false},
		{"Startup finished in soon.\n", 0, false},
	} {
		got, ok := parseStartup(tc.console)
		if ok != tc.ok || (ok && (got-tc.want).Abs() > time.Microsecond) {
			t.Errorf("parseStartup(%q) = %v, %v; want %v, %v", tc.console, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCheckUnitName(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"postgresql.service", true}, {"getty@tty1.service", true}, {"timers.target", true},
		{"apt-daily.timer", true}, {"", false}, {".service", false}, {"../etc/passwd", false},
		{"a/b.service", false}, {"postgresql", false}, {"x.conf", false}, {"a b.service", false},
	} {
		if err := CheckUnitName(tc.name); (err == nil) != tc.ok {
			t.Errorf("CheckUnitName(%q) = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestConfigRoundTrip(t *testing.T) {
	o := &Options{Systemd: "/lib/systemd/systemd", Unit: "multi-user.target", Mask: []string{"postgresql.service"}}
	c := newConfig(o)
	wantArgv := []string{"/lib/systemd/systemd", "--system", "--log-target=console", "--log-level=info", "--show-status=yes", "--unit=multi-user.target"}
	if !reflect.DeepEqual(c.Argv, wantArgv) {
		t.Errorf("argv = %q, want %q", c.Argv, wantArgv)
	}
	if !slices.Contains(c.Env, "container="+ContainerName) {
		t.Errorf("env %q lacks container=", c.Env)
	}
	s, err := c.encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeConfig(s)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, c) {
		t.Errorf("round trip: %+v, want %+v", back, c)
	}
	for _, bad := range []string{`{"systemd":"rel/systemd","argv":["x"]}`, `{"systemd":"/s","argv":[]}`,
		`{"systemd":"/s","argv":["x"],"mask":["../../etc"]}`, `{"systemd":"/s","argv":["x"],"extra":1}`, `not json`} {
		if _, err := decodeConfig(bad); err == nil {
			t.Errorf("decodeConfig(%s) accepted", bad)
		}
	}
}

func TestDropCaps(t *testing.T) {
	drop := dropCaps(40)
	for _, c := range []int{unix.CAP_SYS_MODULE, unix.CAP_SYS_TIME, unix.CAP_SYS_BOOT, unix.CAP_SYS_RAWIO,
		unix.CAP_MAC_ADMIN, unix.CAP_AUDIT_CONTROL, unix.CAP_SYSLOG, unix.CAP_BPF, unix.CAP_PERFMON} {
		if !slices.Contains(drop, c) {
			t.Errorf("capability %d is kept", c)
		}
	}
	for _, c := range []int{unix.CAP_SYS_ADMIN, unix.CAP_MKNOD, unix.CAP_SETUID, unix.CAP_CHOWN} {
		if slices.Contains(drop, c) {
			t.Errorf("capability %d is dropped; systemd needs it", c)
		}
	}
	if len(drop)+len(keptCaps) != 41 {
		t.Errorf("%d dropped + %d kept != 41", len(drop), len(keptCaps))
	}
}

func TestOptionsFill(t *testing.T) {
	dir := t.TempDir()
	noexec := filepath.Join(dir, "plain")
	if err := os.WriteFile(noexec, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		o    Options
		want string
	}{
		{"no launcher", Options{}, "no launcher"},
		{"missing", Options{Launcher: []string{"x"}, Systemd: "/nonexistent/systemd"}, "systemd /nonexistent/systemd: no such file or directory"},
		{"relative", Options{Launcher: []string{"x"}, Systemd: "systemd"}, "want an absolute path"},
		{"not executable", Options{Launcher: []string{"x"}, Systemd: noexec}, "not an executable file"},
		{"directory", Options{Launcher: []string{"x"}, Systemd: dir}, "not an executable file"},
		{"bad mask", Options{Launcher: []string{"x"}, Systemd: "/bin/true", Mask: []string{"x/y.service"}}, "not a unit name"},
		{"negative window", Options{Launcher: []string{"x"}, Systemd: "/bin/true", Window: -time.Second}, "want a positive duration"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.o.fill()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("fill() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
	o := Options{Launcher: []string{"x"}, Systemd: "/bin/true"}
	if err := o.fill(); err != nil || o.Window != 10*time.Second || o.PidsMax != 4096 {
		t.Errorf("defaults: %v, window %v, pids %d", err, o.Window, o.PidsMax)
	}
}

// TestLaunchRefusesOutsideBoot runs the launcher as an ordinary process:
// it must refuse before touching anything, descriptor 3 included.
func TestLaunchRefusesOutsideBoot(t *testing.T) {
	err := Launch(`{"systemd":"/lib/systemd/systemd","argv":["x"]}`)
	if err == nil || !strings.Contains(err.Error(), "only as PID 1") {
		t.Errorf("Launch outside a boot = %v, want a refusal", err)
	}
}

func TestCapBnd(t *testing.T) {
	got, err := CapBnd("Name:\tx\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\nCapAmb:\t0\n")
	if err != nil || got != 0x1ffffffffff {
		t.Errorf("CapBnd = %#x, %v", got, err)
	}
	if _, err := CapBnd("Name:\tx\n"); err == nil {
		t.Errorf("CapBnd without the line: no error")
	}
	if m := DroppedCaps(40); m&(1<<unix.CAP_SYS_MODULE) == 0 || m&(1<<unix.CAP_SYS_ADMIN) != 0 {
		t.Errorf("DroppedCaps(40) = %#x", m)
	}
}

func TestGuardDirs(t *testing.T) {
	mi := "31 23 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw\n" +
		"41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n"
	got, err := guardDirs("8:pids:/syscov-7-1-99/s0-1\n0::/syscov-7-1-99/s0-1/init.scope\n", mi)
	if err != nil || !reflect.DeepEqual(got, []string{"/sys/fs/cgroup/unified/syscov-7-1-99"}) {
		t.Errorf("guardDirs = %v, %v", got, err)
	}
	for _, cg := range []string{"0::/\n", "0::/user.slice/x.scope\n", "1:cpu:/syscov-7-1-99\n"} {
		if got, err := guardDirs(cg, mi); err == nil {
			t.Errorf("guardDirs(%q) = %v, want an error", cg, got)
		}
	}
	if _, err := guardDirs("0::/syscov-7-1-99\n", "22 27 0:21 / /proc rw - proc proc rw\n"); err == nil {
		t.Errorf("guardDirs without cgroup2: no error")
	}
}

// TestGuardDone checks the guard's two refusals to act: a "done" from
// Boot, and a directory that is not a tracer's.
func TestGuardDone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "syscov-1-1-99")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Guard(strings.NewReader(guardDone), []string{dir}); err != nil {
		t.Errorf("Guard after done = %v", err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("Guard after done touched %s: %v", dir, err)
	}
	if err := Guard(strings.NewReader(""), []string{t.TempDir()}); err == nil || !strings.Contains(err.Error(), "not a tracer cgroup directory") {
		t.Errorf("Guard on a non-tracer directory = %v", err)
	}
	// Without done, the guard removes the (here: plain, empty) directory.
	if err := Guard(strings.NewReader(""), []string{dir}); err != nil {
		t.Errorf("Guard without done = %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Guard without done left %s", dir)
	}
}
