package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestProfileSystemdBootUsage checks the command-line errors, which are
// found before anything is booted or traced.
func TestProfileSystemdBootUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--seconds", "0"}, 2, "--seconds must be at least 1"},
		{[]string{"--mask", "../x"}, 2, `unit "../x": not a unit name`},
		{[]string{"--mask", "postgresql"}, 2, "unknown unit type"},
		{[]string{"--unit", "a/b.target"}, 2, "--unit"},
		{[]string{"--date", "yesterday"}, 2, "want YYYY-MM-DD"},
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
		{[]string{"--systemd", "/nonexistent/systemd"}, 1, "systemd /nonexistent/systemd: no such file or directory"},
		{[]string{"--systemd", "systemd"}, 1, "want an absolute path"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, append([]string{"profile", "systemd-boot"}, tc.args...))
			if code != tc.code || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr.String(), tc.code, tc.want)
			}
		})
	}
}

// TestNSBootRefusesByHand runs the hidden launcher outside a boot: it must
// refuse without touching anything, and stay out of the help.
func TestNSBootRefusesByHand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"__nsboot", `{"systemd":"/lib/systemd/systemd","argv":["x"]}`})
	if code != 1 || !strings.Contains(stderr.String(), "only as PID 1") {
		t.Errorf("exit %d, stderr %q; want 1 and a refusal", code, stderr.String())
	}
	var help bytes.Buffer
	printHelp(&help)
	if strings.Contains(help.String(), "__nsboot") {
		t.Errorf("the hidden launcher is in the help:\n%s", help.String())
	}
}
