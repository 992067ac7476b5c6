package kevlar

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/target"
)

const regenerate = "regenerate target/kevlar/default/*.json as the package documentation says"

func TestDefaultMatchesLinuxTable(t *testing.T) {
	for _, arch := range []string{"x86_64", "aarch64"} {
		t.Run(arch, func(t *testing.T) {
			tb, err := Default(arch)
			if err != nil {
				t.Fatal(err)
			}
			if tb.Revision != DefaultRevision {
				t.Errorf("default/%s.json has revision %s, DefaultRevision is %s; %s", arch, tb.Revision, DefaultRevision, regenerate)
			}
			if tb.Arch != arch || tb.Kernel != "kevlar" {
				t.Errorf("default/%s.json is %s/%s", arch, tb.Kernel, tb.Arch)
			}
			linux, err := LinuxSyscalls(arch)
			if err != nil {
				t.Fatal(err)
			}
			if len(tb.Entries) != len(linux) {
				t.Fatalf("default/%s.json has %d entries, the Linux table %d; %s", arch, len(tb.Entries), len(linux), regenerate)
			}
			for i, s := range linux {
				e := tb.Entries[i]
				if e.Nr != s.Nr || e.Name != s.Name {
					t.Errorf("default/%s.json entry %d is %d %s, the Linux table says %d %s; %s", arch, i, e.Nr, e.Name, s.Nr, s.Name, regenerate)
				}
				if e.Status != target.Missing && len(e.Evidence) == 0 {
					t.Errorf("default/%s.json: %s has no evidence", arch, e.Name)
				}
			}
		})
	}
}

func TestDefaultRejectsUnknownArch(t *testing.T) {
	if _, err := Default("riscv64"); err == nil || !strings.Contains(err.Error(), "riscv64") {
		t.Errorf("Default(riscv64) error %v, want one naming the arch", err)
	}
}

func TestRevision(t *testing.T) {
	git := testenv.RequireTool(t, "git", "git")
	dir := t.TempDir()
	run := func(args ...string) string {
		cmd := exec.Command(git, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	plain := filepath.Join(dir, "plain")
	if err := os.Mkdir(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	// A directory outside any git work tree (TempDir is not in one).
	if _, err := Revision(plain); err == nil {
		t.Errorf("Revision of a non-git directory succeeded")
	}
	run("init", "-q")
	if err := os.WriteFile(filepath.Join(dir, "f"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("add", "f")
	run("commit", "-q", "-m", "c")
	want := run("rev-parse", "HEAD")
	got, err := Revision(dir)
	if err != nil || got != want {
		t.Errorf("Revision = %q, %v; want %q", got, err, want)
	}
}
