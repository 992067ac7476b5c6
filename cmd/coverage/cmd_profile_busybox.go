package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/syscov/syscov/profile"
	"github.com/syscov/syscov/profile/workload"
)

func init() {
	register(&command{
		name:    "profile busybox",
		summary: "run the bundled BusyBox workload under the tracer (busybox-workload profile)",
		run:     runProfileBusybox,
	})
}

const profileBusyboxExamples = `  coverage profile busybox
  coverage profile busybox --busybox ./busybox --out my-busybox.json
  coverage profile busybox --script my.workload --name my-workload

The bundled workload (shell, file and text tools, archives, processes, an
HTTP exchange on 127.0.0.1) runs each step as 'busybox APPLET ARGS...' in a
scratch directory, each traced as its own run, so the profile's users are
applet names. Needs root (eBPF, cgroups).

Regenerate the shipped profile (from the repository's root):
  coverage profile busybox --out profile/builtin/busybox-workload.json
`

func runProfileBusybox(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "profile busybox", "[--busybox PATH] [--out FILE]", profileBusyboxExamples)
	bb := fs.String("busybox", "busybox", "the BusyBox `binary` to run (looked up in PATH)")
	out := fs.String("out", "busybox-workload.json", "write the profile to `FILE` (\"-\": standard output)")
	name := fs.String("name", "busybox-workload", "profile `name`")
	script := fs.String("script", "", "run this workload `file` instead of the bundled one (syntax: go doc ./profile/workload)")
	stepTimeout := fs.Duration("step-timeout", workload.DefaultStepTimeout, "time limit of each step")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() != 0:
		return usagef("unexpected argument %q", fs.Arg(0))
	case !profile.ValidName(*name):
		return usagef("--name %q: want lowercase letters, digits, '.', '-' or '_'", *name)
	case *stepTimeout <= 0:
		return usagef("--step-timeout must be positive, got %v", *stepTimeout)
	}
	opts := &workload.Options{StepTimeout: *stepTimeout}
	scriptName := workload.BusyBoxName + " (bundled)"
	src := workload.BusyBox
	if *script != "" {
		b, err := os.ReadFile(*script)
		if err != nil {
			return fmt.Errorf("read workload: %w", err)
		}
		opts.Script, opts.ScriptName, src, scriptName = b, *script, b, *script
		// Check the syntax before anything runs.
		if _, err := workload.Parse(*script, b, map[string]string{"PORT": "1", "BUSYBOX": "busybox", "DIR": "."}); err != nil {
			return err
		}
	}
	path, err := exec.LookPath(*bb)
	if err != nil {
		return fmt.Errorf("find busybox: %w (install busybox-static, or give --busybox PATH)", err)
	}
	opts.Binary = path
	pkg, pkgVer := packageOf(e, path)

	tr, closeTracer, err := newRunTracer()
	if err != nil {
		return err
	}
	defer closeTracer()
	res, runErr := workload.Run(ctx, tr, opts)
	if runErr != nil && (res == nil || len(res.Runs) == 0) {
		return runErr
	}
	applets := map[string]bool{}
	for _, r := range res.Runs {
		applets[r.User] = true
	}
	desc := fmt.Sprintf("Syscalls BusyBox issued running the workload %s: %d steps, %d applets, each step traced on its own; users are applet names.",
		scriptName, len(res.Runs), len(applets))
	prov := profile.Provenance{
		Method:         tracedMethod,
		Tool:           "syscov coverage profile busybox",
		ToolVersion:    toolVersion(),
		Package:        pkg,
		PackageVersion: pkgVer,
		Inputs:         []string{path, fmt.Sprintf("%s sha256:%x", scriptName, sha256.Sum256(src))},
		Date:           time.Now().UTC().Format(time.DateOnly),
		Command:        "coverage profile busybox " + shellJoin(args),
	}
	if runErr != nil {
		// Keep what was traced, under a name that cannot be mistaken
		// for a complete profile.
		desc = "PARTIAL, the workload stopped early (" + runErr.Error() + "). " + desc
		if *out == "-" {
			return runErr
		}
		*out += ".partial"
	}
	p := profile.FromTraces(*name, desc+vdsoNote, prov, res.Runs)
	if err := writeProfile(e, p, *out); err != nil {
		return errors.Join(runErr, err)
	}
	if runErr != nil {
		return fmt.Errorf("%w (the %d steps traced before are in %s)", runErr, len(res.Runs), *out)
	}
	fmt.Fprintf(e.stderr, "workload: %d steps traced, %d applets, %.1fs\n", len(res.Runs), len(applets), res.Duration.Seconds())
	return nil
}
