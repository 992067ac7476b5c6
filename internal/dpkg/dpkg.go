// Package dpkg asks the Debian package database which package installed
// a file, and at which version, so a profile can record what it measured.
package dpkg

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNotOwned means no installed package owns the file (or dpkg-query is
// not installed): the file's package is unknown.
var ErrNotOwned = errors.New("no Debian package owns the file")

// Owner returns the package that installed path and its version, as dpkg
// names them (e.g. "busybox-static", "1:1.35.0-4+deb12u1+b1"); an
// architecture qualifier (":amd64") is dropped from the name. Symbolic
// links are followed, and on merged-/usr systems both /bin/x and
// /usr/bin/x are tried, since dpkg records the path the package shipped.
func Owner(path string) (pkg, version string, err error) {
	query, err := exec.LookPath("dpkg-query")
	if err != nil {
		return "", "", fmt.Errorf("find owner of %s: %w (dpkg-query is not installed)", path, ErrNotOwned)
	}
	for _, p := range candidates(path) {
		out, err := exec.Command(query, "-S", p).Output()
		if err != nil {
			continue
		}
		if name := parseSearch(out, p); name != "" {
			v, err := exec.Command(query, "-W", "-f=${Version}", name).Output()
			if err != nil || len(bytes.TrimSpace(v)) == 0 {
				return "", "", fmt.Errorf("find version of package %s: %v", name, err)
			}
			if i := strings.IndexByte(name, ':'); i >= 0 {
				name = name[:i]
			}
			return name, string(bytes.TrimSpace(v)), nil
		}
	}
	return "", "", fmt.Errorf("find owner of %s: %w", path, ErrNotOwned)
}

// candidates lists the names under which dpkg may know path.
func candidates(path string) []string {
	var out []string
	seen := map[string]bool{}
	var add func(p string)
	add = func(p string) {
		if p == "" || seen[p] {
			return
		}
		seen[p] = true
		out = append(out, p)
		if rest, ok := strings.CutPrefix(p, "/usr/"); ok {
			add("/" + rest)
		} else if strings.HasPrefix(p, "/") {
			add("/usr" + p)
		}
	}
	if abs, err := filepath.Abs(path); err == nil {
		add(abs)
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			add(abs)
		}
	}
	return out
}

// parseSearch finds, in `dpkg-query -S path` output, the first package
// listed for exactly path ("pkg1, pkg2: /path"); diversion lines are
// skipped.
func parseSearch(out []byte, path string) string {
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "diversion by ") {
			continue
		}
		pkgs, p, ok := strings.Cut(line, ": ")
		if !ok || p != path {
			continue
		}
		first, _, _ := strings.Cut(pkgs, ",")
		return strings.TrimSpace(first)
	}
	return ""
}
