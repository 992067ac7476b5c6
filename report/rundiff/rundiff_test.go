package rundiff

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syscov/syscov/result"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func load(t *testing.T, name string) *result.Run {
	t.Helper()
	run, err := result.LoadRun(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return run
}

func fixtureDiff(t *testing.T) *Diff {
	return Compare("old.json", load(t, "old.json"), "new.json", load(t, "new.json"))
}

// rows are coverage rows as the report model would attach them.
var rows = &Rows{
	Before: []Row{
		{"target dispatch entries / Linux syscalls", 312, 373},
		{"profile syscalls exercised (musl-hello, traced)", 18, 24},
		{"behavioural values exercised", 40, 120},
	},
	After: []Row{
		{"target dispatch entries / Linux syscalls", 312, 373},
		{"profile syscalls exercised (musl-hello, traced)", 20, 24},
		{"behavioural values exercised", 37, 120},
		{"ioctl requests exercised", 0, 0},
	},
}

func TestGolden(t *testing.T) {
	ext := map[string]string{"text": "txt", "markdown": "md", "json": "json", "csv": "csv"}
	for _, withRows := range []bool{false, true} {
		for _, format := range Formats {
			name := "diff." + ext[format]
			if withRows {
				name = "diff-rows." + ext[format]
			}
			t.Run(name, func(t *testing.T) {
				d := fixtureDiff(t)
				if withRows {
					d.Rows = rows
				}
				var b bytes.Buffer
				if err := Write(&b, d, format); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", "golden", name)
				if *update {
					if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if b.String() != string(want) {
					t.Errorf("%s differs from golden (rerun with -update and read the diff):\n%s", path, b.String())
				}
			})
		}
	}
}

// TestCompareFixtures pins the facts the fixtures were recorded to show,
// independently of any output format.
func TestCompareFixtures(t *testing.T) {
	d := fixtureDiff(t)
	if d.Before != "5 total — 5 PASS, 0 XFAIL, 0 FAIL" || d.After != "6 total — 4 PASS, 1 XFAIL, 1 FAIL" {
		t.Errorf("status lines %q / %q", d.Before, d.After)
	}
	if got := ids(d.Added); got != "events/timerfd_oneshot fd/pread_pwrite" {
		t.Errorf("added %s", got)
	}
	if got := ids(d.Removed); got != "fd/dup_family" {
		t.Errorf("removed %s", got)
	}
	want := []StatusChange{{"events/epoll_oneshot", "PASS", "XFAIL"}, {"fd/lseek_whence", "PASS", "FAIL"}}
	if len(d.Changed) != 2 || d.Changed[0] != want[0] || d.Changed[1] != want[1] {
		t.Errorf("changed %v, want %v", d.Changed, want)
	}
	has := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"timerfd_create", "pread64", "pwrite64"} {
		if !has(d.SyscallsCovered, s) {
			t.Errorf("%s not newly covered: %v", s, d.SyscallsCovered)
		}
	}
	// lseek_whence now fails, so its SEEK_HOLE call no longer counts.
	found := false
	for _, v := range d.ValuesLost {
		if v == (Value{"lseek", "whence", "SEEK_HOLE"}) {
			found = true
		}
	}
	if !found {
		t.Errorf("lseek whence=SEEK_HOLE not lost: %v", d.ValuesLost)
	}
	reg := d.Regressions()
	if len(reg) < 2 || reg[0] != "test events/epoll_oneshot: PASS → XFAIL" || reg[1] != "test fd/lseek_whence: PASS → FAIL" {
		t.Errorf("regressions %q", reg)
	}
	if len(reg) != 2+len(d.SyscallsLost) {
		t.Errorf("%d regressions for %d lost syscalls", len(reg), len(d.SyscallsLost))
	}
}

func ids(ts []TestStatus) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.ID)
	}
	return strings.Join(s, " ")
}

func TestCoverageRules(t *testing.T) {
	sc := func(name string, args map[string]map[string]uint64) result.Syscall {
		return result.Syscall{Name: name, Count: 1, Args: args}
	}
	old := &result.Run{Schema: result.RunSchema, Tests: []result.Test{
		{ID: "a/pass", Status: "PASS", Syscalls: []result.Syscall{sc("read", nil), sc("openat", map[string]map[string]uint64{"flags": {"O_RDONLY": 2}})}},
		{ID: "a/xfail", Status: "XFAIL", Syscalls: []result.Syscall{sc("mremap", nil)}},
		{ID: "a/fixed", Status: "FAIL", Syscalls: []result.Syscall{sc("statx", nil)}},
		{ID: "a/worse", Status: "XFAIL"},
		{ID: "a/failcrash", Status: "FAIL"},
	}}
	new := &result.Run{Schema: result.RunSchema, Tests: []result.Test{
		{ID: "a/pass", Status: "PASS", Syscalls: []result.Syscall{sc("read", nil), {Name: "openat", Count: 1,
			Calls: []result.Call{{Args: map[string]string{"flags": "O_RDONLY|O_CLOEXEC"}, Count: 1}}}}},
		{ID: "a/xfail", Status: "PASS", Syscalls: []result.Syscall{sc("mremap", nil)}},
		{ID: "a/fixed", Status: "PASS", Syscalls: []result.Syscall{sc("statx", nil), {Name: "close", Count: 0}}},
		{ID: "a/worse", Status: "CRASH"},
		{ID: "a/failcrash", Status: "CRASH"},
	}}
	d := Compare("o", old, "n", new)
	if got := strings.Join(d.SyscallsCovered, ","); got != "mremap,statx" {
		t.Errorf("covered %q (XFAIL/FAIL tests and zero counts must not cover)", got)
	}
	if len(d.SyscallsLost) != 0 {
		t.Errorf("lost %v", d.SyscallsLost)
	}
	if len(d.ValuesCovered) != 1 || d.ValuesCovered[0] != (Value{"openat", "flags", "O_RDONLY|O_CLOEXEC"}) {
		t.Errorf("values covered %v (Calls must count)", d.ValuesCovered)
	}
	if len(d.ValuesLost) != 1 || d.ValuesLost[0] != (Value{"openat", "flags", "O_RDONLY"}) {
		t.Errorf("values lost %v", d.ValuesLost)
	}
	reg := d.Regressions()
	if len(reg) != 1 || reg[0] != "test a/worse: XFAIL → CRASH" {
		t.Errorf("regressions %q: only XFAIL → CRASH counts, FAIL → CRASH does not", reg)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	d := fixtureDiff(t)
	d.Rows = rows
	var b bytes.Buffer
	if err := Write(&b, d, "json"); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	var back Diff
	if err := dec.Decode(&back); err != nil {
		t.Fatal(err)
	}
	if back.Schema != Schema || len(back.Rows.After) != 4 || back.After != d.After {
		t.Errorf("round trip lost data: %+v", back)
	}
	if err := Write(&b, d, "yaml"); err == nil || !strings.Contains(err.Error(), `unknown format "yaml"`) {
		t.Errorf("yaml: %v", err)
	}
}
