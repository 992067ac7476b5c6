package systemdboot

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/syscov/syscov/internal/tracefmt"
	"github.com/syscov/syscov/profile"
	systab "github.com/syscov/syscov/syscall-tables"
)

// Version identifies the boot method; it is recorded as the profile's
// tool version.
const Version = "syscov-systemd-boot/1"

// Method is recorded in the profile's provenance.
const Method = "eBPF raw_syscalls tracing of systemd booted as PID 1 in fresh pid/mount/uts/ipc/net/cgroup namespaces (overlay of / on tmpfs, private /dev, /run, /tmp; traced by cgroup)"

// User is the single user of a boot profile: the tracer counts per boot,
// not per program.
const User = "systemd-boot"

// Meta is the provenance of a boot profile that Boot cannot know.
type Meta struct {
	// Name is the profile name, e.g. "systemd-boot".
	Name string
	// Package and PackageVersion name systemd as the distribution does
	// (see PackageOf).
	Package, PackageVersion string
	// Date is YYYY-MM-DD.
	Date string
	// Command is the command line that regenerates the profile.
	Command string
}

// Profile turns a boot into a traced-layer profile with one user, User.
func (r *Result) Profile(tab *systab.Table, m *Meta) (*profile.Profile, error) {
	if m == nil || m.Name == "" || m.Package == "" || m.PackageVersion == "" || m.Date == "" || m.Command == "" {
		return nil, fmt.Errorf("make profile: name, package, package version, date and command are required")
	}
	startup := "systemd did not report \"Startup finished\" within the window"
	if r.StartupSeen {
		startup = fmt.Sprintf("systemd reported \"Startup finished in %.3fs\"", r.Startup.Seconds())
	}
	desc := fmt.Sprintf("Syscalls of systemd booted as PID 1 in fresh namespaces (a container boot: container=%s, no devices, empty network namespace), "+
		"traced by cgroup for %.0fs from systemd's execve: PID 1 and every service it started, counted together under one user %q "+
		"because the tracer counts per boot, not per program; %s.", ContainerName, r.Ran.Round(1e9).Seconds(), User, startup)
	if r.Trace.Overflow != 0 {
		desc += fmt.Sprintf(" The tracer's map overflowed %d times: counts are lower bounds.", r.Trace.Overflow)
	}
	prov := profile.Provenance{
		Method:         Method,
		Tool:           "syscov coverage profile systemd-boot",
		ToolVersion:    Version,
		Package:        m.Package,
		PackageVersion: m.PackageVersion,
		Date:           m.Date,
		Command:        m.Command,
	}
	runs := []profile.TracedInput{{User: User, Syscalls: tracefmt.Syscalls(r.Trace, tab)}}
	p := profile.FromTraces(m.Name, desc, prov, runs)
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("make profile: %w", err)
	}
	return p, nil
}

var versionRE = regexp.MustCompile(`^systemd (\S+) \(([^)]+)\)`)

// PackageOf names the package that installed the systemd binary and its
// version: from dpkg when it owns the file, else from `systemd --version`
// (package "systemd", version in parentheses, e.g. "252.38-1~deb12u1").
func PackageOf(ctx context.Context, systemd string) (pkg, version string, err error) {
	paths := []string{systemd}
	if real, err := filepath.EvalSymlinks(systemd); err == nil && real != systemd {
		paths = append(paths, real)
	}
	for _, p := range paths {
		out, err := exec.CommandContext(ctx, "dpkg-query", "-S", p).Output()
		if err != nil {
			continue
		}
		name, _, ok := strings.Cut(strings.TrimSpace(string(out)), ":")
		if !ok || strings.Contains(name, ",") {
			continue
		}
		ver, err := exec.CommandContext(ctx, "dpkg-query", "-W", "-f=${Version}", name).Output()
		if err == nil && len(ver) > 0 {
			return name, string(ver), nil
		}
	}
	out, err := exec.CommandContext(ctx, systemd, "--version").Output()
	if err != nil {
		return "", "", fmt.Errorf("find the version of %s: not owned by a dpkg package, and --version failed: %w", systemd, err)
	}
	if m := versionRE.FindStringSubmatch(string(out)); m != nil {
		return "systemd", m[2], nil
	}
	return "", "", fmt.Errorf("find the version of %s: not owned by a dpkg package, and --version printed no \"systemd N (VERSION)\" line", systemd)
}
