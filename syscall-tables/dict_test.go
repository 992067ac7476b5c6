package systab

import (
	"slices"
	"testing"
)

// behaviourIndex finds the behaviour of syscall name with the given
// argument name and dictionary.
func behaviourIndex(t *testing.T, tab *Table, name, bname, dict string) int {
	t.Helper()
	s, ok := tab.ByName(name)
	if !ok {
		t.Fatalf("%s: no syscall %s", tab.Arch(), name)
	}
	for i, b := range s.Behaviour {
		if b.Name == bname && b.Dict == dict {
			return i
		}
	}
	t.Fatalf("%s: %s has no behaviour %s (%s): %+v", tab.Arch(), name, bname, dict, s.Behaviour)
	return -1
}

func TestDecode(t *testing.T) {
	tests := []struct {
		arch    Arch
		syscall string
		name    string
		dict    string
		raw     uint64
		want    string
	}{
		// The enumerated part of a composite is always written, even when 0.
		{X86_64, "openat", "flags", "open_flags", 0, "O_RDONLY"},
		{X86_64, "openat", "flags", "open_flags", 0o2000000 | 0o100000 | 0o100 | 1, "O_WRONLY|O_CREAT|O_LARGEFILE|O_CLOEXEC"},
		// O_SYNC is O_DSYNC|__O_SYNC; unnamed bits end as one hex token.
		{X86_64, "openat", "flags", "open_flags", 0o4010002 | 0x80000000, "O_RDWR|O_DSYNC|__O_SYNC|0x80000000"},
		// arm64 has its own O_DIRECTORY and O_LARGEFILE.
		{AArch64, "openat", "flags", "open_flags", 0o40000 | 0o400000, "O_RDONLY|O_DIRECTORY|O_LARGEFILE"},
		{X86_64, "openat", "mode", "mode", 0o644, "S_IROTH|S_IRGRP|S_IWUSR|S_IRUSR"},
		// The private flag is part of the command, as the UAPI names it.
		{X86_64, "futex", "op", "futex_op", 129, "FUTEX_WAKE_PRIVATE"},
		{X86_64, "futex", "op", "futex_op", 0, "FUTEX_WAIT"},
		{X86_64, "futex", "op", "futex_op", 9 | 128 | 256, "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME"},
		{AArch64, "futex", "op", "futex_op", 9 | 256, "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME"},
		// FUTEX_FD has no private name: the command is decimal.
		{X86_64, "futex", "op", "futex_op", 2 | 128, "130"},
		{X86_64, "open_tree", "flags", "open_tree_flags", 1 | 0x8000 | 0x80000, "OPEN_TREE_CLONE|AT_RECURSIVE|OPEN_TREE_CLOEXEC"},
		// MOVE_MOUNT_BENEATH (6.5) has no pinned source yet.
		{X86_64, "move_mount", "flags", "move_mount_flags", 0x4 | 0x200, "MOVE_MOUNT_F_EMPTY_PATH|0x200"},
		{AArch64, "getxattrat", "at_flags", "at_flags", 0x100, "AT_SYMLINK_NOFOLLOW"},
		{X86_64, "file_setattr", "at_flags", "at_flags", 0x1000, "AT_EMPTY_PATH"},
		{X86_64, "socket", "type", "socket_type", 0o2000001, "SOCK_STREAM|SOCK_CLOEXEC"},
		{X86_64, "socket", "type", "socket_type", 2 | 0o4000, "SOCK_DGRAM|SOCK_NONBLOCK"},
		{X86_64, "socket", "domain", "socket_domain", 10, "AF_INET6"},
		// An enumerated value without a name is decimal.
		{X86_64, "socket", "domain", "socket_domain", 200, "200"},
		{X86_64, "ioctl", "request", "ioctl_request", 0x5401, "TCGETS"},
		{X86_64, "ioctl", "request", "ioctl_request", 0x541b, "FIONREAD"},
		{X86_64, "ioctl", "request", "ioctl_request", 0x4c00, "LOOP_SET_FD"},
		{X86_64, "ioctl", "request", "ioctl_request", 0x80081272, "BLKGETSIZE64"},
		{X86_64, "ioctl", "request", "ioctl_request", 0x8913, "SIOCGIFFLAGS"},
		{X86_64, "ioctl", "request", "ioctl_request", 0xc0186201, "_IOC(_IOC_READ|_IOC_WRITE,'b',0x1,0x18)"},
		{X86_64, "ioctl", "request", "ioctl_request", 0x0000ab07, "_IOC(_IOC_NONE,0xab,0x7,0x0)"},
		{X86_64, "mmap", "prot", "mmap_prot", 0, "PROT_NONE"},
		{X86_64, "mmap", "prot", "mmap_prot", 3, "PROT_READ|PROT_WRITE"},
		{X86_64, "mmap", "flags", "mmap_flags", 0x22, "MAP_PRIVATE|MAP_ANONYMOUS"},
		{X86_64, "mmap", "flags", "mmap_flags", 0x40 | 0x1, "MAP_SHARED|MAP_32BIT"},
		{AArch64, "mmap", "flags", "mmap_flags", 0x40 | 0x1, "MAP_SHARED|0x40"},
		{X86_64, "fcntl", "cmd", "fcntl_cmd", 1030, "F_DUPFD_CLOEXEC"},
		{X86_64, "fcntl", "arg", "fd_flags", 1, "FD_CLOEXEC"},
		{X86_64, "fcntl", "arg", "fcntl_status_flags", 0o4000, "O_NONBLOCK"},
		{X86_64, "clone", "flags", "clone_flags", 0x11 | 0x100 | 0x200000, "SIGCHLD|CLONE_VM|CLONE_CHILD_CLEARTID"},
		{X86_64, "clone", "flags", "clone_flags", 0x3d0f00, "0|CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID"},
		{X86_64, "clone3", "flags", "clone3_flags", 0x100000000, "CLONE_CLEAR_SIGHAND"},
		{X86_64, "rt_sigaction", "sa_flags", "sa_flags", 0x14000000, "SA_RESTORER|SA_RESTART"},
		{X86_64, "rt_sigaction", "signal", "signal", 17, "SIGCHLD"},
		{X86_64, "bpf", "cmd", "bpf_cmd", 5, "BPF_PROG_LOAD"},
		{X86_64, "arch_prctl", "code", "arch_prctl_code", 0x1002, "ARCH_SET_FS"},
		{X86_64, "wait4", "options", "wait_options", 0, "0"},
		{X86_64, "wait4", "options", "wait_options", 0x40000001, "WNOHANG|__WALL"},
		{X86_64, "setsockopt", "optname", "so_optname", 2, "SO_REUSEADDR"},
		{X86_64, "setsockopt", "optname", "tcp_optname", 1, "TCP_NODELAY"},
		{X86_64, "personality", "persona", "personality", 0x0040000, "PER_LINUX|ADDR_NO_RANDOMIZE"},
		{X86_64, "sigaltstack", "ss_flags", "ss_flags", 2, "SS_DISABLE"},
		{X86_64, "lseek", "whence", "whence", 3, "SEEK_DATA"},
		// A negative int argument (sign-extended) is decimal.
		{X86_64, "kill", "signal", "signal", ^uint64(0), "-1"},
	}
	for _, tt := range tests {
		tab, _ := Linux(tt.arch)
		s, _ := tab.ByName(tt.syscall)
		i := behaviourIndex(t, tab, tt.syscall, tt.name, tt.dict)
		if got := tab.Decode(s.Nr, i, tt.raw); got != tt.want {
			t.Errorf("%s: Decode(%s %s, %#x) = %q, want %q", tt.arch, tt.syscall, tt.name, tt.raw, got, tt.want)
		}
	}
}

func TestDecodeUnknown(t *testing.T) {
	tab, _ := Linux(X86_64)
	tests := []struct {
		nr, behaviour int
		raw           uint64
		want          string
	}{
		{9999, 0, 0x10, "0x10"},
		{0, 0, 0x10, "0x10"},  // read has no behaviour
		{2, -1, 0x10, "0x10"}, // negative index
		{2, 7, 0x10, "0x10"},  // index out of range
	}
	for _, tt := range tests {
		if got := tab.Decode(tt.nr, tt.behaviour, tt.raw); got != tt.want {
			t.Errorf("Decode(%d, %d, %#x) = %q, want %q", tt.nr, tt.behaviour, tt.raw, got, tt.want)
		}
		if u := tab.Universe(tt.nr, tt.behaviour); u != nil {
			t.Errorf("Universe(%d, %d) = %v, want nil", tt.nr, tt.behaviour, u)
		}
	}
}

func TestUniverse(t *testing.T) {
	tests := []struct {
		syscall, name, dict string
		want                []string
	}{
		{"futex", "op", "futex_op", []string{"FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE",
			"FUTEX_CMP_REQUEUE", "FUTEX_WAKE_OP", "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI",
			"FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET", "FUTEX_WAIT_REQUEUE_PI", "FUTEX_CMP_REQUEUE_PI",
			"FUTEX_LOCK_PI2", "FUTEX_WAIT_PRIVATE", "FUTEX_WAKE_PRIVATE", "FUTEX_REQUEUE_PRIVATE",
			"FUTEX_CMP_REQUEUE_PRIVATE", "FUTEX_WAKE_OP_PRIVATE", "FUTEX_LOCK_PI_PRIVATE",
			"FUTEX_UNLOCK_PI_PRIVATE", "FUTEX_TRYLOCK_PI_PRIVATE", "FUTEX_WAIT_BITSET_PRIVATE",
			"FUTEX_WAKE_BITSET_PRIVATE", "FUTEX_WAIT_REQUEUE_PI_PRIVATE", "FUTEX_CMP_REQUEUE_PI_PRIVATE",
			"FUTEX_LOCK_PI2_PRIVATE", "FUTEX_CLOCK_REALTIME"}},
		{"socket", "type", "socket_type", []string{"SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM",
			"SOCK_SEQPACKET", "SOCK_DCCP", "SOCK_PACKET", "SOCK_NONBLOCK", "SOCK_CLOEXEC"}},
		{"mprotect", "prot", "mmap_prot", []string{"PROT_NONE", "PROT_READ", "PROT_WRITE", "PROT_EXEC",
			"PROT_SEM", "PROT_GROWSDOWN", "PROT_GROWSUP"}},
		{"eventfd2", "flags", "eventfd_flags", []string{"EFD_SEMAPHORE", "EFD_NONBLOCK", "EFD_CLOEXEC"}},
	}
	tab, _ := Linux(X86_64)
	for _, tt := range tests {
		s, _ := tab.ByName(tt.syscall)
		got := tab.Universe(s.Nr, behaviourIndex(t, tab, tt.syscall, tt.name, tt.dict))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Universe(%s %s) = %v, want %v", tt.syscall, tt.name, got, tt.want)
		}
	}
}

// TestUniverseDecodes checks that every token of every universe decodes
// back to itself, so coverage numerators and denominators agree.
func TestUniverseDecodes(t *testing.T) {
	for _, arch := range Arches() {
		tab, _ := Linux(arch)
		for _, d := range tab.Dicts() {
			for _, v := range d.Values {
				got := d.Decode(v.Value)
				ok := got == v.Name
				if d.Kind == Composite && v.Kind == BitValue {
					// A lone flag comes with the zero enumerated part.
					_, tail, _ := cut(got)
					ok = tail == v.Name
				}
				if !ok {
					t.Errorf("%s: %s: %s = %#x decodes as %q", arch, d.Name, v.Name, v.Value, got)
				}
			}
		}
	}
}

func cut(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '|' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// TestBehaviours checks the schema's invariants on both architectures.
func TestBehaviours(t *testing.T) {
	for _, arch := range Arches() {
		tab, _ := Linux(arch)
		for _, s := range tab.All() {
			for _, b := range s.Behaviour {
				if b.Arg >= len(s.Args) {
					t.Errorf("%s: %s behaviour %s: argument %d of %d", arch, s.Name, b.Name, b.Arg, len(s.Args))
				}
				if b.Kind != Value {
					d, ok := tab.Dict(b.Dict)
					if !ok || d.Kind != b.Kind {
						t.Errorf("%s: %s behaviour %s: dictionary %q missing or of another kind", arch, s.Name, b.Name, b.Dict)
					}
				}
				if b.When != nil && (len(b.When.Values) == 0 || len(b.When.Values) > 4 || b.When.Arg >= len(s.Args)) {
					t.Errorf("%s: %s behaviour %s: bad condition %+v", arch, s.Name, b.Name, b.When)
				}
			}
		}
	}
	// Pointer-borne values of the issue, with their layouts.
	x86, _ := Linux(X86_64)
	derefs := []struct {
		syscall, name string
		arg           int
		deref         Deref
	}{
		{"rt_sigaction", "sa_flags", 1, Deref{8, 8}},
		{"clone3", "flags", 0, Deref{0, 8}},
		{"connect", "family", 1, Deref{0, 2}},
		{"bind", "family", 1, Deref{0, 2}},
	}
	for _, tt := range derefs {
		s, _ := x86.ByName(tt.syscall)
		found := false
		for _, b := range s.Behaviour {
			if b.Name == tt.name && b.Arg == tt.arg && b.Deref != nil && *b.Deref == tt.deref {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s behaviour reading %+v through argument %d", tt.syscall, tt.name, tt.deref, tt.arg)
		}
	}
	fcntl, _ := x86.ByName("fcntl")
	if w := fcntl.Behaviour[1].When; w == nil || w.Arg != 1 || !slices.Equal(w.Values, []uint64{4}) {
		t.Errorf("fcntl arg is not conditioned on F_SETFL (4): %+v", w)
	}
}
