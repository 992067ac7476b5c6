package kevlar

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	systab "github.com/syscov/syscov/syscall-tables"
	"github.com/syscov/syscov/target"
)

// LinuxSyscalls returns the Linux syscall table of arch (x86_64 or
// aarch64) from package syscall-tables, in the form [Options] takes.
func LinuxSyscalls(arch string) ([]target.Syscall, error) {
	a, err := systab.ParseArch(arch)
	if err != nil {
		return nil, err
	}
	t, err := systab.Linux(a)
	if err != nil {
		return nil, fmt.Errorf("load linux table: %w", err)
	}
	all := t.All()
	out := make([]target.Syscall, len(all))
	for i, s := range all {
		out[i] = target.Syscall{Nr: s.Nr, Name: s.Name}
	}
	return out, nil
}

// ErrNotGitTree means the source root is not inside a git work tree, so
// its revision must be given by the caller.
var ErrNotGitTree = errors.New("not a git work tree")

// Revision returns the commit hash checked out at root (`git rev-parse
// HEAD`), or an error wrapping [ErrNotGitTree].
func Revision(root string) (string, error) {
	if _, err := os.Stat(root); err != nil {
		return "", fmt.Errorf("read revision: %w", err)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", fmt.Errorf("read revision: %w", err)
	}
	cmd := exec.Command("git", "-C", abs, "rev-parse", "--verify", "HEAD")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("read revision of %s: %w (git: %s)", root, ErrNotGitTree, strings.TrimSpace(stderr.String()))
		}
		return "", fmt.Errorf("read revision of %s: %w", root, err)
	}
	return strings.TrimSpace(string(out)), nil
}
