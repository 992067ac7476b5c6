package static

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Syscall numbers prog.c issues, each a different way.
const (
	nrFsync   = 74  // through libc's fsync (musl: through __syscall_cp)
	nrSysinfo = 99  // through prog.c's own wrapper, own_syscall1
	nrGetcpu  = 309 // through libc's syscall()
)

// build compiles testdata/prog.c with cc and flags into dir.
func build(t *testing.T, cc string, out string, flags ...string) string {
	t.Helper()
	testenv.RequireTool(t, cc, map[string]string{"musl-gcc": "musl-tools", "gcc": "gcc"}[cc])
	path := filepath.Join(t.TempDir(), out)
	args := append(append([]string{"-O2"}, flags...), "-o", path, "testdata/prog.c")
	if b, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", cc, strings.Join(args, " "), err, b)
	}
	return path
}

const muslLibc = "/usr/lib/x86_64-linux-musl/libc.a"

func TestAnalyzeBuiltBinaries(t *testing.T) {
	tests := []struct {
		name     string
		cc       string
		flags    []string
		extra    []string // more inputs
		stripped bool
		// wrapper is the function syscall(SYS_getcpu) goes through, if
		// named; in stripped files only the structure is known.
		wrapper string
	}{
		{name: "musl static", cc: "musl-gcc", flags: []string{"-static"}, wrapper: "syscall"},
		{name: "musl static stripped", cc: "musl-gcc", flags: []string{"-static", "-s"}, stripped: true},
		{name: "glibc static", cc: "gcc", flags: []string{"-static"}, wrapper: "syscall"},
		{name: "glibc static stripped", cc: "gcc", flags: []string{"-static", "-s"}, stripped: true},
		{name: "musl object with libc.a", cc: "musl-gcc", flags: []string{"-c"}, extra: []string{muslLibc}, wrapper: "syscall"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bin := build(t, tt.cc, "prog", tt.flags...)
			for _, x := range tt.extra {
				if _, err := os.Stat(x); err != nil {
					testenv.RequireTool(t, "no-such-tool-"+filepath.Base(x), "musl-dev")
				}
			}
			res, err := Analyze(append([]string{bin}, tt.extra...), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Files[0].Stripped; got != tt.stripped && res.Files[0].Kind != KindRelocatable {
				t.Errorf("Stripped = %v, want %v", got, tt.stripped)
			}
			// Each of the three numbers must be recovered at a call site
			// (syscall(), __syscall_cp or own_syscall1), not inside libc.
			calls := map[int]Call{}
			for _, c := range res.Calls {
				for _, n := range c.Numbers {
					calls[n] = c
				}
			}
			for _, nr := range []int{nrGetcpu, nrSysinfo} {
				c, ok := calls[nr]
				if !ok {
					t.Errorf("syscall %d (%s) not recovered at a wrapper call; calls: %+v", nr, Name(nr), res.Calls)
					continue
				}
				if !tt.stripped && c.Function != "main" {
					t.Errorf("syscall %d recovered in %s, want main", nr, c.Function)
				}
			}
			if c := calls[nrGetcpu]; tt.wrapper != "" && c.Callee != tt.wrapper {
				t.Errorf("getcpu goes through %q, want %q", c.Callee, tt.wrapper)
			}
			if _, ok := res.Numbers()[nrFsync]; !ok {
				t.Errorf("fsync (%d) not found", nrFsync)
			}
			// No site is dropped: each has numbers, a forward or reasons.
			for _, s := range res.Sites {
				if len(s.Numbers) == 0 && s.Forwarded == "" && len(s.Unresolved) == 0 {
					t.Errorf("site %v has no outcome", s.Loc)
				}
			}
			// The three wrappers are detected by structure.
			if len(res.Wrappers) < 2 {
				t.Errorf("found %d wrappers, want at least syscall() and own_syscall1: %+v", len(res.Wrappers), res.Wrappers)
			}
		})
	}
}

func TestAnalyzeDynamic(t *testing.T) {
	bin := build(t, "gcc", "prog-dyn")
	res, err := Analyze([]string{bin}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Files[0]
	if !f.Dynamic || !slices.Contains(f.Needed, "libc.so.6") {
		t.Errorf("dynamic file reported as Dynamic=%v Needed=%v, want true and libc.so.6", f.Dynamic, f.Needed)
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, res, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "dynamically linked (needs libc.so.6)") {
		t.Errorf("report does not say the file is dynamic:\n%s", buf.String())
	}
}

func TestAnalyzeMuslRoots(t *testing.T) {
	if _, err := os.Stat(muslLibc); err != nil {
		testenv.RequireTool(t, "musl-gcc", "musl-dev")
		t.Fatalf("musl-gcc is installed but %s is missing: %v", muslLibc, err)
	}
	all, err := Analyze([]string{muslLibc}, nil)
	if err != nil {
		t.Fatal(err)
	}
	thr, err := Analyze([]string{muslLibc}, &Options{Roots: []string{"pthread_create"}})
	if err != nil {
		t.Fatal(err)
	}
	a, b := all.Numbers(), thr.Numbers()
	if len(b) == 0 || len(b) >= len(a) {
		t.Fatalf("pthread_create reaches %d syscalls of libc.a's %d, want a non-empty strict subset", len(b), len(a))
	}
	for nr := range b {
		if _, ok := a[nr]; !ok {
			t.Errorf("syscall %d reachable from pthread_create but not in all of libc.a", nr)
		}
	}
	for _, nr := range []int{56, 218} { // clone, set_tid_address
		if _, ok := b[nr]; !ok {
			t.Errorf("pthread_create's closure lacks %s (%d)", Name(nr), nr)
		}
	}
}

// elfHeader returns a minimal 64-byte ELF header.
func elfHeader(class, data byte, machine uint16) []byte {
	h := make([]byte, 64)
	copy(h, "\x7fELF")
	h[4], h[5], h[6] = class, data, 1
	h[16] = 2 // ET_EXEC
	if data == 2 {
		h[18], h[19] = byte(machine>>8), byte(machine)
	} else {
		h[18], h[19] = byte(machine), byte(machine>>8)
	}
	return h
}

func TestAnalyzeBadInput(t *testing.T) {
	arOnlyText := []byte("!<arch>\nREADME/         0           0     0     644     6         `\nhello\n")
	tests := []struct {
		name string
		data []byte // nil: the file does not exist
		want string
	}{
		{"text.txt", []byte("hello, world\n"), "not an ELF file or ar archive"},
		{"empty", []byte{}, "not an ELF file or ar archive"},
		{"aarch64.elf", elfHeader(2, 1, 183), "ELF for aarch64"},
		{"i386.elf", elfHeader(1, 1, 3), "ELF for i386"},
		{"s390x.elf", elfHeader(2, 2, 22), "ELF for s390x"},
		{"truncated.elf", []byte("\x7fELF\x02\x01"), "truncated ELF header"},
		{"text-only.a", arOnlyText, "archive has no ELF members"},
		{"bad-member.a", []byte("!<arch>\nx.o/            0           0     0     644     999       `\n"), "bad ar member size"},
		{"missing", nil, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name)
			if tt.data != nil {
				if err := os.WriteFile(path, tt.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Analyze([]string{path}, nil)
			if err == nil {
				t.Fatal("Analyze succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q: want it to contain %q and the file name", err, tt.want)
			}
		})
	}
}

func TestAnalyzeArchiveMemberArch(t *testing.T) {
	member := elfHeader(2, 1, 183)
	ar := []byte("!<arch>\n")
	ar = append(ar, []byte("arm.o/          0           0     0     644     64        `\n")...)
	ar = append(ar, member...)
	path := filepath.Join(t.TempDir(), "mixed.a")
	if err := os.WriteFile(path, ar, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Analyze([]string{path}, nil)
	if err == nil || !strings.Contains(err.Error(), path+"(arm.o): ELF for aarch64") {
		t.Errorf("error %v, want one naming %s(arm.o) and aarch64", err, path)
	}
}

func TestWriteTextGolden(t *testing.T) {
	res := &Result{
		Files: []File{
			{Path: "/lib/libx.a", Kind: KindArchive, Objects: 2},
			{Path: "/bin/prog", Kind: KindExecutable, Stripped: true, Dynamic: true, Needed: []string{"libc.so.6"}},
		},
		Sites: []Site{
			{Loc: Loc{Object: "libx.a(read.o)", Section: ".text.read", Function: "read", Addr: 0x12}, Numbers: []int{0}},
			{Loc: Loc{Object: "libx.a(syscall.o)", Section: ".text.syscall", Function: "syscall", Addr: 0x20}, Forwarded: "rdi"},
			{Loc: Loc{Object: "prog", Section: ".text", Function: "sub_401000", Addr: 0x401010}, Numbers: []int{1, 9999 % MaxSyscall}, Unresolved: []string{"rax loaded from memory at 0x40100c"}},
		},
		Calls: []Call{
			{Loc: Loc{Object: "libx.a(read.o)", Section: ".text.main", Function: "main", Addr: 0x40}, Callee: "syscall", Arg: "rdi", Numbers: []int{39}},
			{Loc: Loc{Object: "libx.a(read.o)", Section: ".text.main", Function: "main", Addr: 0x52}, Callee: "syscall", Arg: "rdi", Unresolved: []string{"rdi is a call's return value at 0x4d"}},
		},
		Wrappers: []Wrapper{{Loc: Loc{Object: "libx.a(syscall.o)", Section: ".text.syscall", Function: "syscall"}, Arg: "rdi", Calls: 2}},
	}
	for _, verbose := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteText(&buf, res, verbose); err != nil {
			t.Fatal(err)
		}
		golden := "testdata/report.golden"
		if verbose {
			golden = "testdata/report-verbose.golden"
		}
		checkGolden(t, golden, buf.Bytes())
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update if the change is right):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
