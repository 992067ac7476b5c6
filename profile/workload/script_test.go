package workload

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/profile"
)

var testVars = map[string]string{"PORT": "8080", "BUSYBOX": "/bin/busybox", "DIR": "/tmp/w"}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Step
	}{
		{"plain", "echo hello world\n", []Step{{Line: 1, Applet: "echo", Args: []string{"hello", "world"}}}},
		{"comments and blanks", "# c\n\n  ls -l  \n", []Step{{Line: 3, Applet: "ls", Args: []string{"-l"}}}},
		{"quotes", `sh -c 'a "b" $X' "x $PORT \$y" a\ b`, []Step{{Line: 1, Applet: "sh", Args: []string{"-c", `a "b" $X`, "x 8080 $y", "a b"}}}},
		{"vars", "nc 127.0.0.1 ${PORT} $DIR/x", []Step{{Line: 1, Applet: "nc", Args: []string{"127.0.0.1", "8080", "/tmp/w/x"}}}},
		{"redirections", "tr a b < in.txt > out.txt", []Step{{Line: 1, Applet: "tr", Args: []string{"a", "b"}, Stdin: "in.txt", Stdout: "out.txt"}}},
		{"append", "echo x >> log", []Step{{Line: 1, Applet: "echo", Args: []string{"x"}, Stdout: "log", Append: true}}},
		{"quoted operator is an argument", `expr 2 '<' 3`, []Step{{Line: 1, Applet: "expr", Args: []string{"2", "<", "3"}}}},
		{"fail", "%fail false", []Step{{Line: 1, Applet: "false", Fail: true}}},
		{"bg and listen", "%bg httpd -f -p 127.0.0.1:$PORT\n%listen $PORT", []Step{
			{Line: 1, Kind: StepBackground, Applet: "httpd", Args: []string{"-f", "-p", "127.0.0.1:8080"}},
			{Line: 2, Kind: StepListen, Port: 8080},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("t", []byte(tt.src), testVars)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"", "t: no steps"},
		{"# only a comment\n", "t: no steps"},
		{"echo 'open", "t:1: unterminated single quote"},
		{"ok\necho \"open", "t:2: unterminated double quote"},
		{"echo $HOME", "t:1: unknown variable $HOME"},
		{"echo ${PORT", "t:1: unterminated ${"},
		{"echo $", "t:1: lone $"},
		{"echo a | tr a b", `t:1: "|": only trailing`},
		{"cat < a b", `t:1: "<": only trailing`},
		{"cat < a < b", "t:1: two < redirections"},
		{"%listen", "t:1: %listen wants one port"},
		{"%listen 99999", `t:1: %listen: bad port "99999"`},
		{"%frobnicate x", "t:1: unknown directive %frobnicate"},
		{"%fail", "t:1: no applet"},
		{"echo x\\", "t:1: trailing backslash"},
	}
	for _, tt := range tests {
		_, err := Parse("t", []byte(tt.src), testVars)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", tt.src, err, tt.want)
		}
	}
}

// TestBusyBoxScript checks that the bundled workload parses and that every
// applet it runs exists in the installed BusyBox.
func TestBusyBoxScript(t *testing.T) {
	steps, err := Parse(BusyBoxName, BusyBox, testVars)
	if err != nil {
		t.Fatal(err)
	}
	bb := testenv.RequireTool(t, "busybox", "busybox-static")
	out, err := exec.Command(bb, "--list").Output()
	if err != nil {
		t.Fatalf("busybox --list: %v", err)
	}
	have := map[string]bool{}
	for _, a := range strings.Fields(string(out)) {
		have[a] = true
	}
	for _, s := range steps {
		if s.Kind != StepListen && !have[s.Applet] {
			t.Errorf("%s:%d: applet %q is not in %s", BusyBoxName, s.Line, s.Applet, bb)
		}
	}
}

func TestListening(t *testing.T) {
	table := t.TempDir() + "/tcp"
	const src = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0
   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 100 0 0 10 0
   2: 0100007F:1F91 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0000000000000000 100 0 0 10 0
`
	if err := writeFile(table, src); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		local string
		want  bool
	}{
		{"0100007F:1F90", true},  // 127.0.0.1:8080 listening
		{"0100007F:0016", false}, // port 22 listens on 0.0.0.0 only
		{"0100007F:1F91", false}, // established, not listening
	} {
		got, err := listening(table, tt.local)
		if err != nil || got != tt.want {
			t.Errorf("listening(%s) = %v, %v; want %v", tt.local, got, err, tt.want)
		}
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }

// TestShippedProfileMatchesScript fails when busybox.workload changed
// without regenerating the shipped profile made from it.
func TestShippedProfileMatchesScript(t *testing.T) {
	p, err := profile.Get("busybox-workload")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("sha256:%x", sha256.Sum256(BusyBox))
	for _, in := range p.Provenance.Inputs {
		if strings.HasPrefix(in, BusyBoxName) && strings.HasSuffix(in, want) {
			return
		}
	}
	t.Errorf("profile/builtin/busybox-workload.json was made from another %s (inputs %q, want %s): regenerate it with the command in profile/doc.go", BusyBoxName, p.Provenance.Inputs, want)
}
