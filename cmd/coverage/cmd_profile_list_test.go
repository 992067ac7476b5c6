package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestProfileListShow(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings
		stderr   string
		noStdout bool
	}{
		{name: "list", args: []string{"profile", "list"}, stdout: []string{"NAME", "busybox-static", "busybox-workload  traced", "pthreads"}},
		{name: "show traced", args: []string{"profile", "show", "busybox-workload"}, stdout: []string{"profile busybox-workload (traced layer)", "command:  coverage profile busybox", "connect", "nc wget"}},
		{name: "list extra arg", args: []string{"profile", "list", "x"}, code: 2, stderr: `unexpected argument "x"`},
		{name: "show", args: []string{"profile", "show", "musl-static"}, stdout: []string{"profile musl-static (static layer)", "command:  coverage profile static", "futex"}},
		{name: "show json", args: []string{"profile", "show", "-json", "pthreads"}, stdout: []string{`"schema": "syscov.profile/v1"`, `"layer": "static"`}},
		{name: "show file", args: []string{"profile", "show", "../../profile/testdata/traced.json"}, stdout: []string{"example-traced (traced layer)", "flags=O_RDONLY|O_CLOEXEC×2"}},
		{name: "show unknown", args: []string{"profile", "show", "nope"}, code: 1, stderr: `get profile "nope"`},
		{name: "show bad file", args: []string{"profile", "show", "testdata/missing.json"}, code: 1, stderr: "testdata/missing.json"},
		{name: "show no name", args: []string{"profile", "show"}, code: 2, stderr: "want exactly one profile"},
		{name: "show help", args: []string{"profile", "show", "-h"}, stdout: []string{"usage: coverage profile show", "examples:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), &env{stdout: &out, stderr: &errb}, tt.args)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, errb.String())
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errb.String())
			}
		})
	}
}
