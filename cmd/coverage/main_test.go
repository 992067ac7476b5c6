package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestEveryCommandHelp runs `coverage NAME -h` for every registered
// command: the help goes to stdout exactly once and the exit status is 0.
func TestEveryCommandHelp(t *testing.T) {
	for name := range commands {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append(strings.Fields(name), "-h")
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, args)
			if code != 0 {
				t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr.String())
			}
			want := "usage: coverage " + name
			if n := strings.Count(stdout.String(), want); n != 1 {
				t.Errorf("%q appears %d times in the help, want once:\n%s", want, n, stdout.String())
			}
		})
	}
}

func TestUnknownCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"frobnicate"})
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), `unknown command "frobnicate"`) {
		t.Errorf("stderr does not name the command:\n%s", stderr.String())
	}
}
