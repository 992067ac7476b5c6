package runner

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/result"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// testCache is shared by the package's tests so each fixture compiles once.
var testCache string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "syscov-runner-test-cache-")
	if err != nil {
		panic(err)
	}
	testCache = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func runFixture(t *testing.T, dir string, tr Tracer, o *Options) *result.Run {
	t.Helper()
	testenv.RequireTool(t, "musl-gcc", "musl-tools")
	if o == nil {
		o = &Options{}
	}
	if o.CacheDir == "" {
		o.CacheDir = testCache
	}
	if o.Timeout == 0 {
		o.Timeout = time.Second
	}
	if o.ScratchDir == "" {
		o.ScratchDir = scratchParent(t)
	}
	run, err := Run(context.Background(), dir, tr, o)
	if err != nil {
		t.Fatalf("Run(%s): %v", dir, err)
	}
	return run
}

// scratchParent returns a directory of this test's own for the runner's
// scratch trees, traversable by the unprivileged user contracts run as, so
// a check for processes left behind can look at this test's alone (other
// test binaries run contracts at the same time).
func scratchParent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRunStatuses(t *testing.T) {
	tr := &fakeTracer{}
	var events []Progress
	run := runFixture(t, "testdata/suite", tr, &Options{Jobs: 4, Progress: func(p Progress) { events = append(events, p) }})

	want := []struct {
		id, status, signal, reason, output, buildError string
	}{
		{id: "basic/broken", status: "BUILD_ERROR", buildError: "undeclared_identifier"},
		{id: "basic/fail", status: "FAIL", output: "CONTRACT_FAIL fail.c"},
		{id: "basic/hang", status: "TIMEOUT", output: "hanging"},
		{id: "basic/no_pass_line", status: "FAIL", output: "trailing noise"},
		{id: "basic/pass", status: "PASS", output: "CONTRACT_PASS"},
		{id: "basic/segv", status: "CRASH", signal: "SIGSEGV", output: "about to crash"},
		{id: "basic/xfail", status: "XFAIL", reason: "fixture: fails on purpose"},
		{id: "basic/xpass", status: "PASS", reason: "fixture: listed but passes"},
		{id: "process/daemon", status: "PASS"},
	}
	if len(run.Tests) != len(want) {
		t.Fatalf("got %d tests, want %d: %+v", len(run.Tests), len(want), run.Tests)
	}
	for i, w := range want {
		got := run.Tests[i]
		t.Run(w.id, func(t *testing.T) {
			if got.ID != w.id || got.Status != w.status || got.Signal != w.signal || got.Reason != w.reason {
				t.Errorf("got id=%s status=%s signal=%q reason=%q, want id=%s status=%s signal=%q reason=%q",
					got.ID, got.Status, got.Signal, got.Reason, w.id, w.status, w.signal, w.reason)
			}
			if !strings.Contains(got.Output, w.output) {
				t.Errorf("output %q does not contain %q", got.Output, w.output)
			}
			if !strings.Contains(got.BuildError, w.buildError) {
				t.Errorf("build error %q does not contain %q", got.BuildError, w.buildError)
			}
		})
	}
	if run.Interrupted {
		t.Error("Interrupted set on a complete run")
	}
	if len(events) != len(want) || events[len(events)-1].Done != len(want) || events[0].Total != len(want) {
		t.Errorf("got %d progress events, last %+v; want %d ending at Done=Total", len(events), events[len(events)-1], len(want))
	}
	if pids := tr.alive(); len(pids) > 0 {
		t.Errorf("processes left behind: %v", pids)
	}
	if got := StatusLine(run); got != "9 total — 3 PASS, 1 XFAIL, 2 FAIL, 1 TIMEOUT, 1 CRASH, 1 BUILD_ERROR" {
		t.Errorf("StatusLine = %q", got)
	}
}

func TestRunAsUnprivilegedUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("switching users needs root; as non-root contracts run as the caller, covered by TestRunStatuses")
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "ids"), 0o755)
	src := `#include <stdio.h>
#include <unistd.h>
int main(void) {
	FILE *f = fopen("written-in-scratch", "w");
	if (geteuid() != 65534 || f == NULL) { printf("CONTRACT_FAIL euid %d\n", (int)geteuid()); return 1; }
	printf("CONTRACT_PASS\n");
	return 0;
}
`
	os.WriteFile(filepath.Join(dir, "ids", "euid.c"), []byte(src), 0o644)
	run := runFixture(t, dir, &fakeTracer{}, &Options{User: "65534"})
	if got := run.Tests[0]; got.Status != result.StatusPass {
		t.Fatalf("as uid 65534: %s: %s", got.Status, got.Output)
	}
}

func TestRunInterrupted(t *testing.T) {
	testenv.RequireTool(t, "musl-gcc", "musl-tools")
	ctx, cancel := context.WithCancel(context.Background())
	tr := &fakeTracer{}
	n := 0
	run, err := Run(ctx, "testdata/suite", tr, &Options{
		CacheDir: testCache,
		Jobs:     1,
		Timeout:  5 * time.Second,
		Progress: func(Progress) {
			if n++; n == 2 {
				cancel()
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !run.Interrupted || len(run.Tests) != 2 {
		t.Errorf("Interrupted=%v with %d tests, want true with 2", run.Interrupted, len(run.Tests))
	}
	if pids := tr.alive(); len(pids) > 0 {
		t.Errorf("processes left behind: %v", pids)
	}
}

func TestRunKevlarLayout(t *testing.T) {
	run := runFixture(t, "testdata/kevlar/testing/contracts", &fakeTracer{}, nil)
	got := map[string]string{}
	for _, tt := range run.Tests {
		got[tt.ID] = tt.Status
	}
	want := map[string]string{"fd/dup_basic": "PASS", "process/getppid_positive": "PASS", "process/wait_xfail": "XFAIL"}
	if len(got) != len(want) {
		t.Errorf("got tests %v, want %v", got, want)
	}
	for id, st := range want {
		if got[id] != st {
			t.Errorf("%s: got %q, want %q", id, got[id], st)
		}
	}
}

func TestRunBadSetup(t *testing.T) {
	testenv.RequireTool(t, "musl-gcc", "musl-tools")
	bad := t.TempDir()
	os.MkdirAll(filepath.Join(bad, "g"), 0o755)
	os.WriteFile(filepath.Join(bad, "g", "x.c"), []byte("int main(void){return 0;}"), 0o644)
	os.WriteFile(filepath.Join(bad, DivergencesFile), []byte("{\n  \"g.x\": 3\n}"), 0o644)
	tests := []struct {
		name string
		dir  string
		o    Options
		want string
	}{
		{"no such dir", filepath.Join(bad, "missing"), Options{}, "read contracts directory"},
		{"empty suite", t.TempDir(), Options{}, "no contracts"},
		{"bad divergences", bad, Options{}, `key "g.x": value must be a string`},
		{"no compiler", "testdata/suite", Options{CC: "no-such-cc-syscov"}, `find compiler "no-such-cc-syscov"`},
		{"negative jobs", "testdata/suite", Options{Jobs: -1}, "must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.CacheDir = testCache
			_, err := Run(context.Background(), tt.dir, &fakeTracer{}, &tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
