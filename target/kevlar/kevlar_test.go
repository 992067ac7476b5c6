package kevlar

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/syscov/syscov/target"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// Small Linux tables for the fixture tree (numbers as in Linux).
var fixtureLinux = map[string][]target.Syscall{
	"x86_64": linuxFixture(`
		0 read 1 write 2 open 3 close 4 stat 5 fstat 22 pipe 27 mincore
		39 getpid 63 uname 97 getrlimit 142 sched_setparam 143 sched_getparam
		149 mlock 150 munlock 162 sync 163 acct 169 reboot 172 iopl 435 clone3`),
	"aarch64": linuxFixture(`
		56 openat 57 close 59 pipe2 63 read 64 write 80 fstat 81 sync 160 uname
		163 getrlimit 172 getpid 228 mlock 229 munlock 232 mincore 277 seccomp
		435 clone3`),
}

// linuxFixture reads "nr name" pairs separated by spaces or newlines.
func linuxFixture(s string) []target.Syscall {
	f := strings.Fields(s)
	out := make([]target.Syscall, 0, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		nr, err := strconv.Atoi(f[i])
		if err != nil {
			panic(err)
		}
		out = append(out, target.Syscall{Nr: nr, Name: f[i+1]})
	}
	return out
}

const fixtureTree = "testdata/tree"

func analyzeFixture(t *testing.T, arch string) *target.Table {
	t.Helper()
	tb, err := Analyze(fixtureTree, &Options{Arch: arch, Linux: fixtureLinux[arch], Revision: "fixture"})
	if err != nil {
		t.Fatalf("Analyze(%s): %v", arch, err)
	}
	return tb
}

func TestClassifyFixture(t *testing.T) {
	tests := []struct {
		arch     string
		statuses map[string]target.Status
		lints    []string // kind + " " + subject
		warnings []string // substrings, each must appear in some warning
	}{
		{
			arch: "x86_64",
			statuses: map[string]target.Status{
				"open": target.Implemented, "read": target.Implemented, "write": target.Implemented,
				"close": target.Implemented, "stat": target.StubInHandler, "fstat": target.StubInHandler,
				"getpid": target.Implemented, "uname": target.ENOSYS, "sync": target.Stub,
				"clone3": target.StubInHandler, "pipe": target.Implemented, "iopl": target.Stub,
				"sched_setparam": target.Stub, "sched_getparam": target.Missing,
				"mlock": target.Stub, "munlock": target.Stub, "mincore": target.ENOSYS,
				"getrlimit": target.Missing, "acct": target.Implemented, "reboot": target.Missing,
			},
			lints: []string{
				"wrong-number SYS_GETRLIMIT",
				"wrong-comment 142 /* sched_getparam (x86_64) */",
				"unreachable getrlimit",
				"unreachable sched_getparam",
			},
			warnings: []string{
				"mod.rs:36: constant SYS_SHIFTED = 1 << 3: not an integer literal",
				"mod.rs:106: match pattern `400 ..= 410` is not a constant, number or `_`",
				"mod.rs:34: SYS_PRIVATE = 500: neither the name",
			},
		},
		{
			arch: "aarch64",
			statuses: map[string]target.Status{
				"read": target.Implemented, "write": target.Implemented, "close": target.Implemented,
				"fstat": target.StubInHandler, "pipe2": target.Implemented, "getpid": target.Implemented,
				"uname": target.ENOSYS, "sync": target.Stub, "clone3": target.StubInHandler,
				"mlock": target.Stub, "munlock": target.Stub, "mincore": target.Missing,
				"seccomp": target.Stub, "openat": target.Missing, "getrlimit": target.Missing,
			},
			// getrlimit exists on arm64 (163): a placeholder number for it
			// is a wrong number, not a private one.
			lints: []string{
				"wrong-number SYS_GETRLIMIT",
				"wrong-comment 277 /* sync_file_range2 (arm64) */",
				"unreachable getrlimit",
			},
			warnings: []string{
				"SYS_OPEN = 61441: neither the name",
				"mod.rs:106: match pattern `400 ..= 410`",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.arch, func(t *testing.T) {
			tb := analyzeFixture(t, tt.arch)
			if len(tb.Entries) != len(fixtureLinux[tt.arch]) {
				t.Errorf("%d entries, want one per Linux syscall (%d)", len(tb.Entries), len(fixtureLinux[tt.arch]))
			}
			for name, want := range tt.statuses {
				e, ok := tb.Lookup(name)
				if !ok {
					t.Errorf("%s: no entry", name)
					continue
				}
				if e.Status != want {
					t.Errorf("%s: status %s (%s), want %s", name, e.Status, e.Note, want)
				}
				if len(e.Evidence) == 0 {
					t.Errorf("%s: no evidence", name)
				}
			}
			var got []string
			for _, l := range tb.Lints {
				got = append(got, string(l.Kind)+" "+l.Subject)
			}
			if strings.Join(got, "\n") != strings.Join(tt.lints, "\n") {
				t.Errorf("lints:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.lints, "\n"))
			}
			for _, w := range tt.warnings {
				found := false
				for _, tw := range tb.Warnings {
					found = found || strings.Contains(tw.String(), w)
				}
				if !found {
					t.Errorf("no warning containing %q; warnings:\n%v", w, tb.Warnings)
				}
			}
		})
	}
}

func TestEvidenceNamesArmConstantAndHandler(t *testing.T) {
	tb := analyzeFixture(t, "x86_64")
	e, _ := tb.Lookup("stat")
	want := []string{"kernel/syscalls/mod.rs:80", "kernel/syscalls/mod.rs:24", "kernel/syscalls/rw.rs:17"}
	if strings.Join(e.Evidence, " ") != strings.Join(want, " ") {
		t.Errorf("stat evidence %v, want %v", e.Evidence, want)
	}
	if len(tb.Extra) != 1 || tb.Extra[0].Nr != 500 || tb.Extra[0].Name != "private" {
		t.Errorf("extra %+v, want the private syscall 500", tb.Extra)
	}
}

func TestGolden(t *testing.T) {
	for _, arch := range []string{"x86_64", "aarch64"} {
		t.Run(arch, func(t *testing.T) {
			tb := analyzeFixture(t, arch)
			var text, js bytes.Buffer
			if err := target.WriteText(&text, tb); err != nil {
				t.Fatal(err)
			}
			if err := target.WriteJSON(&js, tb); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "golden", arch+".txt"), text.Bytes())
			golden(t, filepath.Join("testdata", "golden", arch+".json"), js.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test ./target/kevlar -update and review the diff):\n%s", path, got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // the error must contain this
	}{
		{"missing mod.rs", map[string]string{"kernel/syscalls/open.rs": "fn x() {}"}, "parse kernel/syscalls/mod.rs: no such file or directory"},
		{"unterminated comment", map[string]string{"kernel/syscalls/mod.rs": "fn do_dispatch() {\n match n { _ => 0 }\n}\n/* open /* nested */\n"}, "parse kernel/syscalls/mod.rs:4: unterminated block comment"},
		{"unterminated string", map[string]string{"kernel/syscalls/mod.rs": "const S: &str = \"abc;\n"}, "parse kernel/syscalls/mod.rs:1: unterminated string"},
		{"no do_dispatch", map[string]string{"kernel/syscalls/mod.rs": "fn dispatch() {}\n"}, "parse kernel/syscalls/mod.rs: no fn do_dispatch"},
		{"no match", map[string]string{"kernel/syscalls/mod.rs": "fn do_dispatch() {\n Ok(0)\n}\n"}, "parse kernel/syscalls/mod.rs:1: do_dispatch has no match"},
		{"bad handler file", map[string]string{
			"kernel/syscalls/mod.rs": "fn do_dispatch() { match n { _ => 0 } }\n",
			"kernel/syscalls/bad.rs": "fn sys_x() { let c = '\\u{41; }\n",
		}, "parse kernel/syscalls/bad.rs:1: unterminated char literal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for name, body := range tt.files {
				p := filepath.Join(root, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Parse(root)
			if err == nil {
				t.Fatalf("Parse succeeded, want error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %T is not a *ParseError", err)
			}
		})
	}
}

func TestClassifyNeedsLinuxTable(t *testing.T) {
	src, err := Parse(fixtureTree)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Classify(src, &Options{Arch: "x86_64"}); err == nil {
		t.Error("Classify without a Linux table succeeded")
	}
	if _, err := Classify(src, &Options{Arch: "riscv64", Linux: fixtureLinux["x86_64"]}); err == nil || !strings.Contains(err.Error(), "riscv64") {
		t.Errorf("Classify(riscv64) error %v, want one naming the arch", err)
	}
}
