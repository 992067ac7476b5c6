package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const kevlarFixture = "../../target/kevlar/testdata/tree"

func TestTablesKevlarCommand(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings
		stderr   []string
		jsonArch string // when set, stdout must be a table for this arch
	}{
		{
			name: "text with lints first",
			args: []string{"tables", "kevlar", "--src", kevlarFixture, "--revision", "fixture1"},
			stdout: []string{
				"kevlar fixture1 x86_64:",
				"ABI NUMBERING: ",
				"wrong-number   SYS_GETRLIMIT",
				"WARNINGS:",
				"kernel/syscalls/mod.rs:106: match pattern `400 ..= 410`",
			},
		},
		{
			name:     "json aarch64",
			args:     []string{"tables", "kevlar", "--src", kevlarFixture, "--revision", "fixture1", "--arch", "arm64", "--format", "json"},
			jsonArch: "aarch64",
			stderr:   []string{"ABI-numbering finding(s)", "warning: kernel/syscalls/mod.rs:106"},
		},
		{
			name:   "csv",
			args:   []string{"tables", "kevlar", "--src", kevlarFixture, "--revision", "r", "--format", "csv"},
			stdout: []string{"nr,name,status,note,evidence\n0,read,implemented,handler sys_rw,"},
		},
		{name: "no src", args: []string{"tables", "kevlar"}, code: 2, stderr: []string{"--src is required"}},
		{name: "bad arch", args: []string{"tables", "kevlar", "--src", kevlarFixture, "--arch", "mips"}, code: 2, stderr: []string{"--arch: unknown arch \"mips\""}},
		{name: "bad format", args: []string{"tables", "kevlar", "--src", kevlarFixture, "--format", "xml"}, code: 2, stderr: []string{"--format \"xml\""}},
		{name: "missing tree", args: []string{"tables", "kevlar", "--src", "/nonexistent/kevlar", "--revision", "r"}, code: 1,
			stderr: []string{"parse kernel/syscalls/mod.rs: no such file or directory"}},
		{name: "help", args: []string{"tables", "kevlar", "-h"}, code: 0, stdout: []string{"usage: coverage tables kevlar --src DIR", "examples:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, tt.args)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, tt.code, stderr.String())
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout.String())
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
			if tt.jsonArch != "" {
				var doc struct {
					Schema, Arch, Revision string
					Entries                []struct{ Name, Status string }
				}
				if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
					t.Fatalf("stdout is not JSON: %v", err)
				}
				if doc.Schema != "syscov.target/v1" || doc.Arch != tt.jsonArch || doc.Revision != "fixture1" || len(doc.Entries) == 0 {
					t.Errorf("document %s/%s/%s with %d entries", doc.Schema, doc.Arch, doc.Revision, len(doc.Entries))
				}
			}
		})
	}
}

func TestTablesKevlarNeedsRevisionOutsideGit(t *testing.T) {
	// Copy the fixture out of this repository's git work tree.
	dir := t.TempDir()
	src := filepath.Join(kevlarFixture, "kernel", "syscalls")
	dst := filepath.Join(dir, "kernel", "syscalls")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"tables", "kevlar", "--src", dir})
	if code != 2 || !strings.Contains(stderr.String(), "is not a git work tree; give its commit with --revision") {
		t.Errorf("exit %d, stderr %q; want a usage error asking for --revision", code, stderr.String())
	}
}

func TestTablesCompareCommand(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "Kerla.syscalls")
	if err := os.WriteFile(list, []byte("read\nwrite\nmincore\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	kev := filepath.Join(dir, "kevlar.json")
	{
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr},
			[]string{"tables", "kevlar", "--src", kevlarFixture, "--revision", "fx", "--format", "json"}); code != 0 {
			t.Fatalf("tables kevlar: exit %d: %s", code, stderr.String())
		}
		if err := os.WriteFile(kev, stdout.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gv := "../../target/testdata/gvisor.json"
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{name: "three formats", args: []string{"--arch", "x86_64", kev, gv, list},
			stdout: []string{"kevlar/x86_64@fx", "gvisor/x86_64", "Kerla", "TOTAL", "not listed", "abi lints"}},
		{name: "embedded default", args: []string{"@kevlar", list},
			stdout: []string{"kevlar/x86_64@e4fb1b551de4", "implemented"}},
		{name: "csv", args: []string{"--format", "csv", "--arch", "x86_64", gv, list}, stdout: []string{"nr,name,gvisor/x86_64,Kerla/x86_64\n0,read,implemented,implemented"}},
		{name: "forced input format", args: []string{"--input-format", "list", list}, stdout: []string{"mincore"}},
		{name: "gvisor needs arch", args: []string{gv}, code: 1, stderr: []string{"gvisor.json: decode gvisor json: holds arches"}},
		{name: "no tables", args: nil, code: 2, stderr: []string{"give at least one TABLE"}},
		{name: "bad input format", args: []string{"--input-format", "yaml", list}, code: 2, stderr: []string{"--input-format"}},
		{name: "missing file", args: []string{filepath.Join(dir, "absent.json")}, code: 1, stderr: []string{"absent.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, append([]string{"tables", "compare"}, tt.args...))
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, tt.code, stderr.String())
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout.String())
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
		})
	}
}
