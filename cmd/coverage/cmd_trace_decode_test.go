package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/result"
)

// glibcThreadFlags are the clone3 flags glibc's pthread_create passes
// (nptl create_thread).
const glibcThreadFlags = unix.CLONE_VM | unix.CLONE_FS | unix.CLONE_FILES | unix.CLONE_SYSVSEM |
	unix.CLONE_SIGHAND | unix.CLONE_THREAD | unix.CLONE_SETTLS | unix.CLONE_PARENT_SETTID |
	unix.CLONE_CHILD_CLEARTID

// decodedCalls are the calls testdata/decode.c makes, each as the decoded
// arguments one traced call must carry together (issue 3's acceptance).
var decodedCalls = []struct {
	syscall string
	args    map[string]string
}{
	{"openat", map[string]string{"flags": "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC", "mode": "S_IROTH|S_IRGRP|S_IWUSR|S_IRUSR"}},
	{"socket", map[string]string{"domain": "AF_UNIX", "type": "SOCK_STREAM|SOCK_CLOEXEC"}},
	{"fcntl", map[string]string{"cmd": "F_SETFL", "arg": "O_NONBLOCK"}},
	{"ioctl", map[string]string{"request": "TIOCGWINSZ"}},
	{"futex", map[string]string{"op": "FUTEX_WAKE_PRIVATE"}},
	// Read through the clone_args pointer (clone_args.flags at offset 0).
	{"clone3", map[string]string{"flags": "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID"}},
}

// TestTraceDecodesNames runs the real coverage binary, text and JSON, on
// a glibc program (glibc's pthread_create calls clone3) and checks that
// each argument decodes to its exact UAPI name.
func TestTraceDecodesNames(t *testing.T) {
	testenv.RequirePrivileges(t)
	gcc := testenv.RequireTool(t, "gcc", "gcc")
	cov := buildCoverage(t)
	dir := t.TempDir()
	prog := filepath.Join(dir, "decode")
	if b, err := exec.Command(gcc, "-O1", "-pthread", "-o", prog, "testdata/decode.c").CombinedOutput(); err != nil {
		t.Fatalf("gcc: %v\n%s", err, b)
	}

	out := filepath.Join(dir, "trace.json")
	if b, err := exec.Command(cov, "trace", "--format", "json", "--out", out, "--", prog, filepath.Join(dir, "file")).CombinedOutput(); err != nil {
		t.Fatalf("coverage trace --format json: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc result.Trace
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("decode %s: %v", out, err)
	}
	by := map[string]result.Syscall{}
	for _, s := range doc.Syscalls {
		by[s.Name] = s
	}
	for _, want := range decodedCalls {
		s := by[want.syscall]
		if !hasCall(s, want.args) {
			t.Errorf("JSON: no %s call with %v; calls: %+v", want.syscall, want.args, s.Calls)
		}
	}
	var raw []uint64
	for _, c := range by["clone3"].Calls {
		raw = append(raw, c.Raw["flags"])
	}
	if len(raw) != 1 || raw[0] != glibcThreadFlags {
		t.Errorf("clone3 raw flags = %#x, want one call with %#x", raw, uint64(glibcThreadFlags))
	}

	text, err := exec.Command(cov, "trace", "--", prog, filepath.Join(dir, "file")).CombinedOutput()
	if err != nil {
		t.Fatalf("coverage trace: %v\n%s", err, text)
	}
	// Cells wrap: compare with the table's rules and line breaks folded
	// into single spaces.
	flat := " " + strings.Join(strings.Fields(strings.ReplaceAll(string(text), "│", " ")), " ")
	for _, want := range decodedCalls {
		for _, v := range want.args {
			if !strings.Contains(flat, " "+v+" ×") {
				t.Errorf("text: %s value %q missing:\n%s", want.syscall, v, text)
			}
		}
	}
}

// hasCall reports whether s has a call whose decoded arguments include
// every name and value of args.
func hasCall(s result.Syscall, args map[string]string) bool {
	for _, c := range s.Calls {
		ok := true
		for k, v := range args {
			if c.Args[k] != v {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}
