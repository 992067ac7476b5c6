package workload

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/internal/tracefmt"
	systab "github.com/syscov/syscov/syscall-tables"
)

// newTracer opens the eBPF tracer decoding with the Linux x86_64 table, as
// cmd/coverage does.
func newTracer(t *testing.T) *tracefmt.Tracer {
	t.Helper()
	testenv.RequirePrivileges(t)
	tr, err := tracefmt.New(systab.X86_64)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

// TestRunSmallWorkload runs a four-step workload for real and checks that
// each step's syscalls are attributed to its applet, a background server
// included.
func TestRunSmallWorkload(t *testing.T) {
	tr := newTracer(t)
	bb := testenv.RequireTool(t, "busybox", "busybox-static")
	script := `mkdir -p www
echo hi > www/index.html
%bg httpd -f -p 127.0.0.1:$PORT -h www
%listen $PORT
wget -q -O got.html http://127.0.0.1:$PORT/index.html
%fail cmp www/index.html /dev/null
`
	res, err := Run(context.Background(), tr, &Options{Binary: bb, Script: []byte(script), ScriptName: "small"})
	if err != nil {
		t.Fatal(err)
	}
	users := map[string]map[string]bool{}
	for _, r := range res.Runs {
		for _, s := range r.Syscalls {
			if users[s.Name] == nil {
				users[s.Name] = map[string]bool{}
			}
			users[s.Name][r.User] = true
		}
	}
	var got []string
	for _, r := range res.Runs {
		got = append(got, r.User)
	}
	if want := "mkdir echo httpd wget cmp"; strings.Join(got, " ") != want {
		t.Errorf("runs %q, want %q", got, want)
	}
	for _, c := range []struct{ syscall, user string }{
		{"mkdir", "mkdir"}, {"bind", "httpd"}, {"listen", "httpd"}, {"accept", "httpd"},
		{"connect", "wget"}, {"socket", "wget"}, {"execve", "cmp"},
	} {
		if !users[c.syscall][c.user] {
			t.Errorf("%s not attributed to %s (users %v)", c.syscall, c.user, users[c.syscall])
		}
	}
	if users["bind"]["wget"] || users["connect"]["httpd"] {
		t.Errorf("server and client syscalls mixed: bind %v, connect %v", users["bind"], users["connect"])
	}
}

func TestRunFailures(t *testing.T) {
	tr := newTracer(t)
	bb := testenv.RequireTool(t, "busybox", "busybox-static")
	tests := []struct {
		name, script, want string
	}{
		{"failing step", "true\ncat no-such-file\n", "w:2 (cat no-such-file): exit 1, want exit 0; stderr: cat: can't open 'no-such-file'"},
		{"fail step that succeeds", "%fail true\n", "w:1 (true): exit 0, want a failure"},
		{"no applet", "no-such-applet x\n", "w:1 (no-such-applet x): exit 127"},
		{"step timeout", "sleep 5\n", "w:1 (sleep 5): did not end within 200ms and was killed"},
		{"nothing listens", "%listen $PORT\n", "nothing listened on 127.0.0.1:"},
		{"missing stdin", "cat < nope\n", "w:1 (cat): redirect stdin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(context.Background(), tr, &Options{Binary: bb, Script: []byte(tt.script), ScriptName: "w", StepTimeout: 200 * time.Millisecond})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run = %v, want an error containing %q", err, tt.want)
			}
			// What ran before the failure is kept.
			if tt.name == "failing step" && (res == nil || len(res.Runs) != 1 || res.Runs[0].User != "true") {
				t.Errorf("partial result %+v, want the run of true", res)
			}
		})
	}
	if _, err := Run(context.Background(), tr, &Options{Binary: "/nonexistent/busybox"}); err == nil || !strings.Contains(err.Error(), "/nonexistent/busybox") {
		t.Errorf("missing binary: %v", err)
	}
}
