package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/syscov/syscov/internal/tracefmt"
	"github.com/syscov/syscov/profile/systemdboot"
	systab "github.com/syscov/syscov/syscall-tables"
)

func init() {
	register(&command{
		name:    "profile systemd-boot",
		summary: "boot systemd as PID 1 in fresh namespaces, trace it, write a traced profile",
		run:     runProfileSystemdBoot,
	})
	register(&command{
		name:    systemdboot.LauncherArg,
		summary: "internal: the namespace launcher of profile systemd-boot",
		run:     runNSBoot,
		hidden:  true,
	})
	register(&command{
		name:    systemdboot.GuardArg,
		summary: "internal: the cleanup guard of profile systemd-boot",
		run:     runNSBootGuard,
		hidden:  true,
	})
}

const profileSystemdBootExamples = `  coverage profile systemd-boot
  coverage profile systemd-boot --seconds 20 --out boot.json --console boot.log
  coverage profile systemd-boot --mask postgresql.service --unit multi-user.target

systemd runs as PID 1 of new pid/mount/uts/ipc/net/cgroup namespaces, on
an overlay of / whose upper layer is a tmpfs, with private /dev, /run and
/tmp and a pseudo-terminal as its console, and is traced by its cgroup from
its execve for --seconds; then everything in the boot is killed, the
namespaces and their mounts vanish, and the tracer's cgroups are removed.
The host's processes, mounts, cgroups and hostname are left as they were,
also on Ctrl-C or when systemd fails to start. Needs root (eBPF, cgroups,
namespaces). The profile has one user, "systemd-boot": the tracer counts
per boot, not per program.

Exit status: 0 when the profile is written, 1 when the boot failed (the
error says why; add --console FILE to keep what systemd printed), 130 when
interrupted (nothing is written), 2 for a bad command line.

The shipped profile was made with (see profile/doc.go):
  coverage profile systemd-boot --seconds 10 --mask postgresql.service --out profile/builtin/systemd-boot.json
`

func runProfileSystemdBoot(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "profile systemd-boot", "[flags]", profileSystemdBootExamples)
	seconds := fs.Int("seconds", 10, "trace the boot for `N` seconds from systemd's exec")
	out := fs.String("out", "systemd-boot.json", "write the profile (JSON) to `FILE` (\"-\": standard output)")
	systemd := fs.String("systemd", systemdboot.DefaultSystemd, "boot the systemd binary at `PATH`")
	unit := fs.String("unit", "", "boot this `unit` instead of systemd's default target")
	var masks []string
	fs.Func("mask", "mask this `unit` for the boot (repeatable), e.g. a host service that is not part of the boot", func(s string) error {
		if err := systemdboot.CheckUnitName(s); err != nil {
			return err
		}
		masks = append(masks, s)
		return nil
	})
	consoleLog := fs.String("console", "", "write everything systemd printed on its console to `FILE`")
	name := fs.String("name", "systemd-boot", "profile `name`")
	date := fs.String("date", "", "date recorded in the profile, YYYY-MM-DD (default: today)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usagef("unexpected argument %q", fs.Arg(0))
	case *seconds < 1:
		return usagef("--seconds must be at least 1, got %d", *seconds)
	case *out == "":
		return usagef("--out must name a file")
	}
	if *date == "" {
		*date = time.Now().UTC().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, *date); err != nil {
		return usagef("--date %q: want YYYY-MM-DD", *date)
	}
	if *unit != "" {
		if err := systemdboot.CheckUnitName(*unit); err != nil {
			return usagef("--unit: %v", err)
		}
	}

	if err := systemdboot.CheckSystemd(*systemd); err != nil {
		return err
	}
	tr, err := tracefmt.New(systab.X86_64)
	if err != nil {
		return err
	}
	defer tr.Close()
	tab := tr.Table

	var conFile *os.File
	if *consoleLog != "" {
		if conFile, err = os.Create(*consoleLog); err != nil {
			return fmt.Errorf("create console log: %w", err)
		}
		defer conFile.Close()
	}
	opts := &systemdboot.Options{
		Launcher: []string{"/proc/self/exe"},
		Systemd:  *systemd,
		Window:   time.Duration(*seconds) * time.Second,
		Unit:     *unit,
		Mask:     masks,
	}
	if conFile != nil {
		opts.Console = conFile
	}
	fmt.Fprintf(e.stderr, "booting %s for %ds...\n", *systemd, *seconds)
	res, err := systemdboot.Boot(ctx, tr.Tracer, opts)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		fmt.Fprintf(e.stderr, "coverage profile systemd-boot: %v\n", err)
		return &exitError{code: 130}
	}
	if err != nil {
		return err
	}
	if err := tr.Close(); err != nil {
		return fmt.Errorf("remove the tracer's cgroups: %w", err)
	}
	pkg, ver, err := systemdboot.PackageOf(ctx, *systemd)
	if err != nil {
		return err
	}
	p, err := res.Profile(tab, &systemdboot.Meta{
		Name: *name, Package: pkg, PackageVersion: ver, Date: *date,
		Command: "coverage profile systemd-boot " + shellJoin(args),
	})
	if err != nil {
		return err
	}
	if err := writeProfile(e, p, *out); err != nil {
		return err
	}
	startup := "no \"Startup finished\" within the window"
	if res.StartupSeen {
		startup = fmt.Sprintf("Startup finished in %.3fs", res.Startup.Seconds())
	}
	fmt.Fprintf(e.stderr, "%s %s ran %.1fs (%s)\n", pkg, ver, res.Ran.Seconds(), startup)
	if res.Trace.Overflow != 0 {
		fmt.Fprintf(e.stderr, "warning: the tracer's map overflowed %d times; counts are lower bounds\n", res.Trace.Overflow)
	}
	return nil
}

// runNSBoot is the launcher systemdboot.Boot re-executes: PID 1 of the
// boot's namespaces, until it execs systemd.
func runNSBoot(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, systemdboot.LauncherArg, "CONFIG", "  (internal; started by coverage profile systemd-boot, refuses to run otherwise)\n")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one configuration argument")
	}
	return systemdboot.Launch(fs.Arg(0))
}

// runNSBootGuard is the cleanup guard systemdboot.Boot starts beside a
// boot: it removes the boot if coverage dies without doing so.
func runNSBootGuard(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, systemdboot.GuardArg, "CGROUP-DIR...", "  (internal; started by coverage profile systemd-boot)\n")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("want the tracer's cgroup directories")
	}
	return systemdboot.Guard(e.stdin, fs.Args())
}
