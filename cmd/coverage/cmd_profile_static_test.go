package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/profile"
)

func TestProfileStaticErrors(t *testing.T) {
	dir := t.TempDir()
	notELF := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notELF, []byte("plain text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// An ELF header of an aarch64 executable: what matters is e_machine.
	arm := filepath.Join(dir, "arm64-prog")
	hdr := make([]byte, 64)
	copy(hdr, "\x7fELF\x02\x01\x01")
	hdr[16], hdr[18] = 2, 183 // ET_EXEC, EM_AARCH64
	if err := os.WriteFile(arm, hdr, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no files", []string{}, 2, "no input files"},
		{"other architecture", []string{arm}, 1, arm + ": ELF for aarch64"},
		{"not elf", []string{notELF}, 1, notELF + ": not an ELF file or ar archive"},
		{"o without name", []string{"-o", filepath.Join(dir, "x.json"), notELF}, 2, "-o needs -name"},
		{"bad date", []string{"-date", "yesterday", notELF}, 2, `-date "yesterday"`},
		{"bad flag", []string{"-frobnicate"}, 2, "frobnicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), &env{stdout: &out, stderr: &errb}, append([]string{"profile", "static"}, tt.args...))
			if code != tt.code || !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errb.String(), tt.code, tt.stderr)
			}
		})
	}
}

func TestProfileStaticBinary(t *testing.T) {
	testenv.RequireTool(t, "musl-gcc", "musl-tools")
	dir := t.TempDir()
	bin := filepath.Join(dir, "prog")
	if b, err := exec.Command("musl-gcc", "-static", "-O2", "-o", bin, "../../profile/static/testdata/prog.c").CombinedOutput(); err != nil {
		t.Fatalf("musl-gcc: %v\n%s", err, b)
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, []string{"profile", "static", bin}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, s := range []string{"input " + bin + ": executable", "309  getcpu", "99   sysinfo", "74   fsync", "wrappers (number passed by the caller)"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, out.String())
		}
	}

	js := filepath.Join(dir, "prog.json")
	args := []string{"profile", "static", "-name", "prog", "-package", "prog", "-package-version", "1", "-date", "2025-02-03", "-o", js, bin}
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, args); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	p, err := profile.Load(js)
	if err != nil {
		t.Fatal(err)
	}
	if p.Layer != profile.LayerStatic || p.Provenance.Date != "2025-02-03" {
		t.Errorf("profile layer %q date %q", p.Layer, p.Provenance.Date)
	}
	if want := "coverage profile static " + strings.Join(args[2:], " "); p.Provenance.Command != want {
		t.Errorf("recorded command %q, want %q", p.Provenance.Command, want)
	}
	if e, ok := p.Lookup("getcpu"); !ok || len(e.Users) != 1 || e.Users[0] != "prog" {
		t.Errorf("getcpu entry %+v, want one used by prog", e)
	}
}

func TestShellJoin(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"-o", "a.json", "/bin/x"}, "-o a.json /bin/x"},
		{[]string{"-roots", "pthread_*,sem_*"}, "-roots 'pthread_*,sem_*'"},
		{[]string{"-description", "it's"}, `-description 'it'\''s'`},
		{[]string{""}, "''"},
	}
	for _, tt := range tests {
		if got := shellJoin(tt.in); got != tt.want {
			t.Errorf("shellJoin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
