package runner

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/syscov/syscov/result"
)

// tableRun is a hand-made run covering every status.
var tableRun = &result.Run{
	Baseline: []string{"arch_prctl", "execve", "exit_group", "set_tid_address"},
	Tests: []result.Test{
		{ID: "fd/dup", Group: "fd", Name: "dup", Status: "PASS", DurationMS: 3, Syscalls: sc("execve", "dup", "dup3", "close", "exit_group")},
		{ID: "fd/tee", Group: "fd", Name: "tee", Status: "XFAIL", Reason: "stub", Syscalls: sc("execve", "tee", "pipe2")},
		{ID: "fd/bad", Group: "fd", Name: "bad", Status: "BUILD_ERROR", BuildError: "bad.c:3:1: error: expected ';'\nmore"},
		{ID: "vm/hang", Group: "vm", Name: "hang", Status: "TIMEOUT", Syscalls: sc("execve", "pause")},
		{ID: "vm/segv", Group: "vm", Name: "segv", Status: "CRASH", Signal: "SIGSEGV", ExitCode: -1},
		{ID: "vm/mmap", Group: "vm", Name: "mmap", Status: "FAIL", Output: "x 1\nCONTRACT_FAIL mmap.c:9: p != MAP_FAILED", Syscalls: sc("execve", "mmap", "munmap", "madvise", "mremap", "mprotect", "msync", "mincore", "brk", "memfd_create", "fcntl", "ftruncate", "write")},
	},
}

func sc(names ...string) []result.Syscall {
	out := make([]result.Syscall, len(names))
	for i, n := range names {
		out[i] = result.Syscall{Name: n}
	}
	return out
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it); got:\n%s", path, got)
	}
}

func TestGroupTableGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteGroupTable(&b, tableRun); err != nil {
		t.Fatal(err)
	}
	b.WriteString(StatusLine(tableRun) + "\n")
	interrupted := *tableRun
	interrupted.Interrupted = true
	b.WriteString(StatusLine(&interrupted) + "\n")
	golden(t, "table.golden", b.Bytes())
}

func TestProgressGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		tty  bool
	}{{"progress-plain.golden", false}, {"progress-tty.golden", true}} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			p := NewProgressPrinter(&b, tt.tty, 60)
			for i := range tableRun.Tests {
				p.Update(Progress{Done: i + 1, Total: len(tableRun.Tests), Test: &tableRun.Tests[i]})
			}
			p.Finish()
			golden(t, tt.name, b.Bytes())
		})
	}
}
