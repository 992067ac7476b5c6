package runner

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
)

// DefaultCC is the compiler used when Options.CC is empty.
const DefaultCC = "musl-gcc"

// DefaultCFlags are the flags used when Options.CFlags is nil; they are
// Kevlar's.
var DefaultCFlags = []string{"-static", "-O1", "-Wall", "-Wno-unused-result"}

// buildErrorLines is how many lines of compiler output a BUILD_ERROR keeps.
const buildErrorLines = 20

// DefaultCacheDir returns $XDG_CACHE_HOME/syscov, or ~/.cache/syscov.
func DefaultCacheDir() (string, error) {
	if x := os.Getenv("XDG_CACHE_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "syscov"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find cache directory: %w", err)
	}
	return filepath.Join(home, ".cache", "syscov"), nil
}

// compiler builds contracts into a content-addressed cache.
type compiler struct {
	path     string   // resolved compiler path
	identity string   // path + --version output
	flags    []string // user flags, then the shim flags
	userFlag []string // user flags only, for the run document
	binDir   string
}

// BuildError reports a source that did not compile. Output holds the first
// lines of the compiler's output.
type BuildError struct {
	Path   string
	Output string
}

func (e *BuildError) Error() string {
	return fmt.Sprintf("compile %s: %s", e.Path, firstLine(e.Output))
}

func newCompiler(ctx context.Context, cc string, flags []string, cacheDir string) (*compiler, error) {
	path, err := exec.LookPath(cc)
	if err != nil {
		return nil, fmt.Errorf("find compiler %q: %w", cc, err)
	}
	if path, err = filepath.Abs(path); err != nil {
		return nil, fmt.Errorf("find compiler %q: %w", cc, err)
	}
	out, err := exec.CommandContext(ctx, path, "--version").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("run %s --version: %w: %s", path, err, firstLine(string(out)))
	}
	c := &compiler{
		path:     path,
		identity: path + "\x00" + string(out),
		userFlag: flags,
		flags:    append([]string(nil), flags...),
		binDir:   filepath.Join(cacheDir, "bin"),
	}
	if isMusl(path) {
		shim, err := kernelHeaderShim(cacheDir)
		if err != nil {
			return nil, err
		}
		c.flags = append(c.flags, "-idirafter", shim)
	}
	if err := os.MkdirAll(c.binDir, 0o755); err != nil {
		return nil, fmt.Errorf("create cache: %w", err)
	}
	return c, nil
}

// version returns the first line of the compiler's --version output.
func (c *compiler) version() string {
	_, v, _ := strings.Cut(c.identity, "\x00")
	return firstLine(v)
}

// isMusl tells whether a compiler is a musl wrapper, by name: musl-gcc
// and its target-prefixed forms (x86_64-linux-musl-gcc) all contain "musl".
func isMusl(path string) bool {
	if strings.Contains(filepath.Base(path), "musl") {
		return true
	}
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return strings.Contains(filepath.Base(r), "musl")
	}
	return false
}

// multiarch maps GOARCH to Debian's multiarch tuple, under which
// /usr/include keeps the architecture's asm/ headers.
var multiarch = map[string]string{
	"amd64":   "x86_64-linux-gnu",
	"arm64":   "aarch64-linux-gnu",
	"riscv64": "riscv64-linux-gnu",
	"386":     "i386-linux-gnu",
}

// kernelHeaderShim makes the kernel UAPI headers visible to musl-gcc
// without touching the system: a cache directory with symlinks linux,
// asm and asm-generic into /usr/include.
func kernelHeaderShim(cacheDir string) (string, error) {
	tuple, ok := multiarch[runtime.GOARCH]
	if !ok {
		return "", fmt.Errorf("create kernel header shim: no multiarch tuple known for %s", runtime.GOARCH)
	}
	links := [][2]string{
		{"linux", "/usr/include/linux"},
		{"asm", "/usr/include/" + tuple + "/asm"},
		{"asm-generic", "/usr/include/asm-generic"},
	}
	for _, l := range links {
		if st, err := os.Stat(l[1]); err != nil || !st.IsDir() {
			return "", fmt.Errorf("create kernel header shim: %s is missing: the kernel headers are not installed (Debian package linux-libc-dev), and musl-gcc needs them for <linux/...> includes", l[1])
		}
	}
	dir := filepath.Join(cacheDir, "kernel-headers", tuple)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create kernel header shim: %w", err)
	}
	for _, l := range links {
		p := filepath.Join(dir, l[0])
		if cur, err := os.Readlink(p); err == nil && cur == l[1] {
			continue
		}
		// Create under a temporary name and rename, so parallel runs
		// sharing a cache never see a half-made link.
		tmp := fmt.Sprintf("%s.tmp%d", p, os.Getpid())
		os.Remove(tmp)
		if err := os.Symlink(l[1], tmp); err != nil {
			return "", fmt.Errorf("create kernel header shim: %w", err)
		}
		if err := os.Rename(tmp, p); err != nil {
			return "", fmt.Errorf("create kernel header shim: %w", err)
		}
	}
	return dir, nil
}

var includeRE = regexp.MustCompile(`(?m)^[ \t]*#[ \t]*include[ \t]*"([^"]+)"`)

// key hashes everything that determines the binary: the source, the local
// headers it includes (recursively, resolved like the compiler does
// relative to the including file), the file name (it is __FILE__), the
// compiler identity and the flags.
func (c *compiler) key(src string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "syscov-build-v1\x00%s\x00", c.identity)
	for _, f := range c.flags {
		fmt.Fprintf(h, "flag\x00%s\x00", f)
	}
	fmt.Fprintf(h, "name\x00%s\x00", filepath.Base(src))
	seen := map[string]bool{}
	var add func(path, as string) error
	add = func(path, as string) error {
		if seen[path] {
			return nil
		}
		seen[path] = true
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "file\x00%s\x00%d\x00", as, len(data))
		h.Write(data)
		for _, m := range includeRE.FindAllSubmatch(data, -1) {
			inc := filepath.Join(filepath.Dir(path), string(m[1]))
			err := add(inc, string(m[1]))
			if errors.Is(err, fs.ErrNotExist) {
				// Not a local header (found on the include path, or
				// missing: the compiler will say so).
				fmt.Fprintf(h, "missing\x00%s\x00", m[1])
				continue
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	if err := add(src, filepath.Base(src)); err != nil {
		return "", fmt.Errorf("hash %s: %w", src, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// build returns the path of the cached binary for src, compiling it when
// the cache misses. The compiler runs in src's directory on its base name,
// so __FILE__ does not depend on where the suite lives. Failures are not
// cached. A source that does not compile yields a *BuildError.
func (c *compiler) build(ctx context.Context, src string) (string, error) {
	key, err := c.key(src)
	if err != nil {
		return "", err
	}
	bin := filepath.Join(c.binDir, key)
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	tmp, err := os.CreateTemp(c.binDir, key+".tmp*")
	if err != nil {
		return "", fmt.Errorf("create cache entry: %w", err)
	}
	tmp.Close()
	defer os.Remove(tmp.Name())

	args := append(append([]string(nil), c.flags...), "-o", tmp.Name(), filepath.Base(src))
	cmd := exec.CommandContext(ctx, c.path, args...)
	cmd.Dir = filepath.Dir(src)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return "", fmt.Errorf("run compiler: %w", err)
		}
		return "", &BuildError{Path: src, Output: firstLines(out.String(), buildErrorLines)}
	}
	if err := os.Chmod(tmp.Name(), 0o755); err != nil {
		return "", fmt.Errorf("store binary: %w", err)
	}
	if err := os.Rename(tmp.Name(), bin); err != nil {
		return "", fmt.Errorf("store binary: %w", err)
	}
	return bin, nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

// firstLines returns at most n lines of s, noting how many were cut.
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n... (%d more lines)", len(lines)-n)
}

// copyFile copies an executable into place with mode 0755.
//
// The write descriptor is open only while syscall.ForkLock is held for
// reading, so no fork can happen meanwhile (exec takes the lock for
// writing around fork). Otherwise a child forked by another worker would
// hold the descriptor until its own exec, and running dst in that window
// fails with ETXTBSY (golang.org/issue/22315).
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
