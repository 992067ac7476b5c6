package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/syscov/syscov/internal/dpkg"
	"github.com/syscov/syscov/profile"
	"github.com/syscov/syscov/trace"
)

func init() {
	register(&command{
		name:    "profile trace",
		summary: "trace a command and write what it did call (traced profile)",
		run:     runProfileTrace,
	})
}

const profileTraceExamples = `  coverage profile trace --name ls-root -- ls -l /
  coverage profile trace --name my-tests --out my-tests.json -- make check

The profile records every syscall the command, its threads and its
descendants issued, with call counts and argument values, and its
provenance: the exact command, the date, and the Debian package (and
version) owning the traced executable, or "unknown" when dpkg does not know
it. The command's exit status is passed through (the profile is written
anyway). Needs root (eBPF, cgroups).
`

// tracedMethod is the provenance method of every traced profile.
const tracedMethod = "eBPF raw_syscalls tracing"

// vdsoNote is appended to traced profiles' descriptions: those calls are
// invisible to the tracer.
const vdsoNote = " vDSO calls (clock_gettime, gettimeofday, time, getcpu) do not enter the kernel and are not seen."

func runProfileTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "profile trace", "--name NAME [--out FILE] [--description TEXT] -- CMD [ARGS...]", profileTraceExamples)
	name := fs.String("name", "", "profile `name` (lowercase letters, digits, '.', '-', '_')")
	out := fs.String("out", "", "write the profile to `FILE` (default NAME.json; \"-\": standard output)")
	desc := fs.String("description", "", "profile description (default: names the command)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	argv := fs.Args()
	switch {
	case *name == "":
		return usagef("--name is required")
	case len(argv) == 0:
		return usagef("missing command to trace (coverage profile trace --name NAME -- CMD [ARGS...])")
	}
	// Validate the name before running anything.
	if !profile.ValidName(*name) {
		return usagef("--name %q: want lowercase letters, digits, '.', '-' or '_'", *name)
	}
	if *out == "" {
		*out = *name + ".json"
	}
	path, err := exec.LookPath(argv[0])
	if err != nil {
		return fmt.Errorf("find %s: %w", argv[0], err)
	}
	pkg, pkgVer := packageOf(e, path)
	tr, closeTracer, err := newRunTracer()
	if err != nil {
		return err
	}
	defer closeTracer()

	cmd := exec.Command(path, argv[1:]...)
	cmd.Args[0] = argv[0]
	cmd.Stdin, cmd.Stdout, cmd.Stderr = e.stdin, e.stdout, e.stderr
	if *out == "-" {
		// The profile owns standard output.
		cmd.Stdout = e.stderr
	}
	res, err := tr.Run(ctx, cmd, &trace.RunOptions{PidsMax: -1})
	if err != nil {
		return err
	}
	if *desc == "" {
		*desc = fmt.Sprintf("Syscalls `%s` issued when traced (with its threads and descendants).", shellJoin(argv))
	}
	prov := profile.Provenance{
		Method:         tracedMethod,
		Tool:           "syscov coverage profile trace",
		ToolVersion:    toolVersion(),
		Package:        pkg,
		PackageVersion: pkgVer,
		Inputs:         []string{path},
		Date:           time.Now().UTC().Format(time.DateOnly),
		Command:        "coverage profile trace " + shellJoin(args),
	}
	p := profile.FromTraces(*name, *desc+vdsoNote, prov, []profile.TracedInput{{User: filepath.Base(argv[0]), Syscalls: tr.Syscalls(res)}})
	if err := writeProfile(e, p, *out); err != nil {
		return err
	}
	if res.Overflow != 0 {
		fmt.Fprintf(e.stderr, "coverage profile trace: warning: the tracer's map was full, %d events were lost: counts are lower bounds and syscalls may be missing\n", res.Overflow)
	}
	if res.Unattributed != 0 {
		fmt.Fprintf(e.stderr, "coverage profile trace: note: %d syscall exits carried the number -1 (syscall(-1), calls a ptrace tracer skipped, or rt_sigreturn restoring ENOSYS) and are in no syscall's count\n", res.Unattributed)
	}
	if res.Exit.TimedOut {
		return fmt.Errorf("interrupted: %s was killed (the profile holds what it did until then)", argv[0])
	}
	return passExit(res.Exit)
}

// packageOf names the Debian package owning path and its version, or
// "unknown" (with a note on stderr) when dpkg does not know the file.
func packageOf(e *env, path string) (string, string) {
	pkg, ver, err := dpkg.Owner(path)
	if err != nil {
		if !errors.Is(err, dpkg.ErrNotOwned) {
			fmt.Fprintf(e.stderr, "coverage: %v\n", err)
		}
		fmt.Fprintf(e.stderr, "coverage: no Debian package owns %s; the profile records its package as \"unknown\"\n", path)
		return "unknown", "unknown"
	}
	return pkg, ver
}

// writeProfile validates p and writes it to path ("-": standard output),
// then says on stderr what was written.
func writeProfile(e *env, p *profile.Profile, path string) error {
	var w io.Writer = e.stdout
	var f *os.File
	if path != "-" {
		var err error
		if f, err = os.Create(path); err != nil {
			return fmt.Errorf("create profile file: %w", err)
		}
		w = f
	}
	if err := p.Encode(w); err != nil {
		if f != nil {
			f.Close()
		}
		return err
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return fmt.Errorf("close profile file: %w", err)
		}
		var calls uint64
		for _, s := range p.Syscalls {
			calls += s.Count
		}
		fmt.Fprintf(e.stderr, "wrote %s: %d distinct syscalls, %d calls\n", path, len(p.Syscalls), calls)
	}
	return nil
}
