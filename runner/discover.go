package runner

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// ModulePath is the Go module whose root holds the bundled contracts/
// directory.
const ModulePath = "github.com/syscov/syscov"

// Contract is one test source of a suite.
type Contract struct {
	Group string // directory name, e.g. "fd"
	Name  string // file name without .c, e.g. "dup_semantics"
	Path  string // path of the .c file
}

// ID returns "group/name".
func (c Contract) ID() string { return c.Group + "/" + c.Name }

var validName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.+-]*$`)

// Discover lists the contracts <dir>/<group>/<name>.c of a suite, sorted by
// group then name. Other files, and directories below a group, are ignored.
// It fails when dir is not a directory, when it holds no contract, or when a
// group or contract name has characters other than letters, digits, and
// "_.+-".
func Discover(dir string) ([]Contract, error) {
	groups, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read contracts directory: %w", err)
	}
	var out []Contract
	for _, g := range groups {
		if !g.IsDir() || strings.HasPrefix(g.Name(), ".") {
			continue
		}
		gdir := filepath.Join(dir, g.Name())
		files, err := os.ReadDir(gdir)
		if err != nil {
			return nil, fmt.Errorf("read group: %w", err)
		}
		for _, f := range files {
			name, ok := strings.CutSuffix(f.Name(), ".c")
			if !ok || f.IsDir() {
				continue
			}
			path := filepath.Join(gdir, f.Name())
			if !validName.MatchString(g.Name()) {
				return nil, fmt.Errorf("discover %s: group name %q must use only letters, digits and _.+-", path, g.Name())
			}
			if !validName.MatchString(name) {
				return nil, fmt.Errorf("discover %s: contract name %q must use only letters, digits and _.+-", path, name)
			}
			out = append(out, Contract{Group: g.Name(), Name: name, Path: path})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("discover %s: no contracts (expected <group>/<name>.c files below it)", dir)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Group != out[j].Group {
			return out[i].Group < out[j].Group
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// ErrNoModuleRoot is returned by FindBundledSuite when no enclosing
// directory holds syscov's go.mod.
var ErrNoModuleRoot = errors.New("not inside the syscov source tree")

// FindBundledSuite finds the bundled suite for a binary that may run from
// anywhere: it walks up from start to the first directory whose go.mod
// declares module ModulePath and returns its contracts/ subdirectory. It
// returns an error wrapping ErrNoModuleRoot when there is none; callers
// should then ask for an explicit directory.
func FindBundledSuite(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("find bundled suite: %w", err)
	}
	for {
		mod, err := moduleOf(filepath.Join(dir, "go.mod"))
		if err != nil {
			return "", err
		}
		if mod == ModulePath {
			c := filepath.Join(dir, "contracts")
			if st, err := os.Stat(c); err != nil || !st.IsDir() {
				return "", fmt.Errorf("find bundled suite: module root %s has no contracts directory", dir)
			}
			return c, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("find bundled suite from %s: %w", start, ErrNoModuleRoot)
		}
		dir = parent
	}
}

// moduleOf returns the module path declared by a go.mod, or "" when the
// file does not exist.
func moduleOf(gomod string) (string, error) {
	f, err := os.Open(gomod)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read go.mod: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module"); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	return "", sc.Err()
}
