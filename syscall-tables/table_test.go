package systab

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
)

func TestParseArch(t *testing.T) {
	tests := []struct {
		in      string
		want    Arch
		wantErr bool
	}{
		{"x86_64", X86_64, false},
		{"amd64", X86_64, false},
		{"aarch64", AArch64, false},
		{"arm64", AArch64, false},
		{"riscv64", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := ParseArch(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseArch(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestLinuxUnknownArch(t *testing.T) {
	if _, err := Linux("mips"); err == nil {
		t.Fatal("Linux(mips) succeeded")
	}
}

// TestShape checks the documented shape of the v6.18 tables.
func TestShape(t *testing.T) {
	tests := []struct {
		arch   Arch
		count  int
		ranges [][2]int
	}{
		// x86_64 on 6.18: 0-336 and 424-469 (383 entries).
		{X86_64, 383, [][2]int{{0, 336}, {424, 469}}},
		// aarch64: asm-generic 0-293 without the architecture range 244-259
		// (nothing there on arm64) and 294 kexec_file_load, then 424-469.
		{AArch64, 325, [][2]int{{0, 243}, {260, 294}, {424, 469}}},
	}
	for _, tt := range tests {
		tab, err := Linux(tt.arch)
		if err != nil {
			t.Fatal(err)
		}
		all := tab.All()
		if len(all) != tt.count {
			t.Errorf("%s: %d syscalls, want %d", tt.arch, len(all), tt.count)
		}
		n := 0
		for _, r := range tt.ranges {
			for nr := r[0]; nr <= r[1]; nr++ {
				n++
				if _, ok := tab.ByNumber(nr); !ok {
					t.Errorf("%s: no syscall %d", tt.arch, nr)
				}
			}
		}
		if n != tt.count {
			t.Errorf("%s: ranges cover %d numbers, want %d", tt.arch, n, tt.count)
		}
		for i, s := range all {
			if i > 0 && all[i-1].Nr >= s.Nr {
				t.Errorf("%s: All not sorted at %d", tt.arch, s.Nr)
			}
			if byName, ok := tab.ByName(s.Name); !ok || byName != s {
				t.Errorf("%s: ByName(%q) does not return entry %d", tt.arch, s.Name, s.Nr)
			}
			if len(s.Args) == 0 && !s.Unimplemented && !noArgs[s.Name] {
				t.Errorf("%s: %s has no arguments", tt.arch, s.Name)
			}
			if len(s.Behaviour) > 3 {
				t.Errorf("%s: %s has %d behaviours", tt.arch, s.Name, len(s.Behaviour))
			}
		}
	}
}

// noArgs lists the syscalls that really take no argument.
var noArgs = map[string]bool{
	"sched_yield": true, "pause": true, "getpid": true, "fork": true, "vfork": true,
	"getuid": true, "getgid": true, "geteuid": true, "getegid": true, "getppid": true,
	"getpgrp": true, "setsid": true, "munlockall": true, "vhangup": true, "sync": true,
	"gettid": true, "restart_syscall": true, "inotify_init": true, "rt_sigreturn": true,
	"uretprobe": true, "uprobe": true,
}

func TestLookups(t *testing.T) {
	tests := []struct {
		arch  Arch
		name  string
		nr    int
		since string
		arg0  Arg
	}{
		{X86_64, "read", 0, "", Arg{"fd", "unsigned int"}},
		{X86_64, "openat", 257, "2.6.16", Arg{"dfd", "int"}},
		{X86_64, "clone3", 435, "5.3", Arg{"uargs", "struct clone_args *"}},
		{X86_64, "file_setattr", 469, "6.17", Arg{"dfd", "int"}},
		{AArch64, "openat", 56, "2.6.16", Arg{"dfd", "int"}},
		{AArch64, "clone", 220, "", Arg{"clone_flags", "unsigned long"}},
		{AArch64, "mseal", 462, "6.10", Arg{"start", "unsigned long"}},
	}
	for _, tt := range tests {
		tab, _ := Linux(tt.arch)
		s, ok := tab.ByName(tt.name)
		if !ok {
			t.Errorf("%s: ByName(%q) not found", tt.arch, tt.name)
			continue
		}
		if s.Nr != tt.nr || s.Since != tt.since || len(s.Args) == 0 || s.Args[0] != tt.arg0 {
			t.Errorf("%s: %s = nr %d since %q args %v; want nr %d since %q arg0 %v", tt.arch, tt.name, s.Nr, s.Since, s.Args, tt.nr, tt.since, tt.arg0)
		}
		if byNr, ok := tab.ByNumber(tt.nr); !ok || byNr != s {
			t.Errorf("%s: ByNumber(%d) != ByName(%q)", tt.arch, tt.nr, tt.name)
		}
	}
	arm, _ := Linux(AArch64)
	clone, _ := arm.ByName("clone")
	if clone.Args[3].Name != "tls" {
		t.Errorf("aarch64 clone argument 3 = %s, want tls (CONFIG_CLONE_BACKWARDS)", clone.Args[3].Name)
	}
	x86, _ := Linux(X86_64)
	if s, _ := x86.ByName("tuxcall"); !s.Unimplemented {
		t.Error("tuxcall is not marked unimplemented")
	}
}

func TestErrnoSignalNames(t *testing.T) {
	errnos := []struct {
		n    int
		want string
	}{
		{1, "EPERM"}, {2, "ENOENT"}, {11, "EAGAIN"}, {35, "EDEADLK"}, {38, "ENOSYS"}, {95, "EOPNOTSUPP"},
		{133, "EHWPOISON"}, {512, "ERESTARTSYS"}, {513, "ERESTARTNOINTR"}, {514, "ERESTARTNOHAND"},
		{515, "ENOIOCTLCMD"}, {516, "ERESTART_RESTARTBLOCK"}, {524, "ENOTSUPP"}, {520, "E520"}, {4000, "E4000"},
	}
	for _, tt := range errnos {
		if got := ErrnoName(tt.n); got != tt.want {
			t.Errorf("ErrnoName(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	signals := []struct {
		n    int
		want string
	}{
		{1, "SIGHUP"}, {6, "SIGABRT"}, {9, "SIGKILL"}, {11, "SIGSEGV"}, {17, "SIGCHLD"}, {29, "SIGIO"},
		{31, "SIGSYS"}, {32, "SIGRTMIN"}, {34, "SIGRTMIN+2"}, {64, "SIGRTMIN+32"}, {0, "SIG0"}, {65, "SIG65"},
	}
	for _, tt := range signals {
		if got := SignalName(tt.n); got != tt.want {
			t.Errorf("SignalName(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestAArch64AgainstGenericHeader compares the aarch64 table with the
// asm-generic numbering of this machine's linux-libc-dev headers, which
// stop at the release they package (6.1: up to 450).
func TestAArch64AgainstGenericHeader(t *testing.T) {
	gcc := testenv.RequireTool(t, "gcc", "gcc")
	dir := t.TempDir()
	src := filepath.Join(dir, "u.c")
	if err := os.WriteFile(src, []byte("#include <asm-generic/unistd.h>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The __ARCH_WANT_* switches arm64 sets for the optional syscalls.
	out, err := exec.Command(gcc, "-E", "-dM", "-D__BITS_PER_LONG=64", "-D__ARCH_WANT_RENAMEAT",
		"-D__ARCH_WANT_NEW_STAT", "-D__ARCH_WANT_SET_GET_RLIMIT", "-D__ARCH_WANT_MEMFD_SECRET", "-D__ARCH_WANT_SYS_CLONE3", src).Output()
	if err != nil {
		t.Fatalf("preprocess asm-generic/unistd.h: %v", err)
	}
	header := parseNR(t, out)
	last := 0
	for _, nr := range header {
		last = max(last, nr)
	}
	tab, _ := Linux(AArch64)
	for _, s := range tab.All() {
		if s.Nr > last {
			continue
		}
		nr, ok := header[s.Name]
		if !ok {
			t.Errorf("aarch64 %s (%d) is not in asm-generic/unistd.h; fix data/syscalls_aarch64.tsv (go run ./internal/mkdata)", s.Name, s.Nr)
		} else if nr != s.Nr {
			t.Errorf("aarch64 %s is %d, asm-generic/unistd.h says %d; fix data/syscalls_aarch64.tsv (go run ./internal/mkdata)", s.Name, s.Nr, nr)
		}
	}
	for name, nr := range header {
		if _, ok := tab.ByName(name); !ok {
			t.Errorf("asm-generic/unistd.h has %s (%d), the aarch64 table does not; fix data/syscalls_aarch64.tsv", name, nr)
		}
	}
}

var nrRE = regexp.MustCompile(`^#define __NR(3264)?_(\w+) (\w+)$`)

// parseNR resolves the __NR_ macros of a gcc -dM dump to numbers.
func parseNR(t *testing.T, dump []byte) map[string]int {
	t.Helper()
	raw := map[string]string{}
	var names []string
	s := bufio.NewScanner(bytes.NewReader(dump))
	for s.Scan() {
		m := nrRE.FindStringSubmatch(s.Text())
		if m == nil {
			continue
		}
		raw["__NR"+m[1]+"_"+m[2]] = m[3]
		if m[1] == "" && m[2] != "syscalls" && m[2] != "arch_specific_syscall" {
			names = append(names, m[2])
		}
	}
	out := map[string]int{}
	for _, n := range names {
		v := raw["__NR_"+n]
		for i := 0; i < 4; i++ {
			if next, ok := raw[v]; ok {
				v = next
			}
		}
		nr, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("resolve __NR_%s: %q", n, v)
		}
		out[n] = nr
	}
	return out
}

// TestKernelMatchesData checks that Kernel names the release the
// generator's inputs describe; after regenerating for a new release,
// update Kernel in table.go.
func TestKernelMatchesData(t *testing.T) {
	for _, arch := range Arches() {
		path := filepath.Join("data", "syscalls_"+string(arch)+".tsv")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		if want := "Linux " + Kernel + " "; !strings.Contains(first, want) {
			t.Errorf("%s: header %q does not name %q; update Kernel in table.go", path, first, want)
		}
	}
}
