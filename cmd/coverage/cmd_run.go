package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/term"

	"github.com/syscov/syscov/internal/tracefmt"
	"github.com/syscov/syscov/report"
	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/runner"
	systab "github.com/syscov/syscov/syscall-tables"
)

func init() {
	register(&command{
		name:    "run",
		summary: "build and trace the contract suite, write run.json and the group table",
		run:     runRun,
	})
}

const runExamples = `  coverage run                                    # the bundled suite, from inside the syscov tree
  coverage run --contracts ~/kevlar/testing/contracts -j 2
  coverage run --cc gcc --cflags "-static -O1" --json /tmp/run.json

The bundled suite is the contracts/ directory of the syscov source tree
that holds the working directory (found by walking up to the go.mod of
module github.com/syscov/syscov). Elsewhere, pass --contracts.

The coverage report (report.txt, report.md, report.json, report.csv; see
coverage report -h) is written beside the --json file, and its assessment
table printed. --target, --kevlar-src, --profile and --fail-under work as
in coverage report.

Exit status: 0 when every contract is PASS or XFAIL, 1 when any is FAIL,
TIMEOUT, CRASH or BUILD_ERROR or a --fail-under row is not met, 130 when interrupted (the collected results
are still written), 2 for a bad command line.
`

// newRunTracer opens the tracer coverage run uses; tests replace it.
var newRunTracer = openRunTracer

func runRun(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "run", "[flags]", runExamples)
	contracts := fs.String("contracts", "", "`DIR` holding the suite's <group>/<name>.c (default: contracts/ of the enclosing syscov source tree)")
	cc := fs.String("cc", runner.DefaultCC, "C `compiler`")
	cflags := fs.String("cflags", strings.Join(runner.DefaultCFlags, " "), "compiler `flags`, separated by spaces")
	cache := fs.String("cache", "", "cache `DIR` for binaries (default $XDG_CACHE_HOME/syscov or ~/.cache/syscov)")
	jobs := fs.Int("j", runtime.NumCPU(), "number of contracts run at once")
	timeout := fs.Duration("timeout", runner.DefaultTimeout, "per-contract timeout")
	user := fs.String("user", "", "run contracts as this user `name or UID` (default: nobody when run as root, else yourself)")
	jsonOut := fs.String("json", "coverage-report/run.json", "write the syscov.run/v1 document to `FILE`; the report (report.txt, .md, .json, .csv) goes beside it")
	m := addModelFlags(fs, true)
	m.addBaselineFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usagef("unexpected argument %q (the suite is chosen with --contracts)", fs.Arg(0))
	case *jobs < 1:
		return usagef("-j must be at least 1, got %d", *jobs)
	case *timeout <= 0:
		return usagef("--timeout must be positive, got %v", *timeout)
	case *jsonOut == "":
		return usagef("--json must name a file")
	}
	ts, err := m.thresholds()
	if err != nil {
		return err
	}
	// Load what the report measures against before running the suite,
	// so a bad --target, --profile or --fail-under costs no run.
	hostArch, err := systab.ParseArch(runtime.GOARCH)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	in, err := m.load(string(hostArch))
	if err != nil {
		return err
	}
	if err := in.checkThresholds(string(hostArch), ts); err != nil {
		return err
	}
	// Read the baseline now: it may be the run.json this run replaces.
	baseline, err := m.loadBaseline(in)
	if err != nil {
		return err
	}
	dir := *contracts
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return fmt.Errorf("find bundled suite: %w", err)
		}
		if dir, err = runner.FindBundledSuite(wd); errors.Is(err, runner.ErrNoModuleRoot) {
			return usagef("no --contracts given, and the working directory is not inside the syscov source tree whose contracts/ is the bundled suite; pass --contracts DIR")
		} else if err != nil {
			return err
		}
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usagef("--contracts %s: not a directory", dir)
	}

	tr, closeTracer, err := newRunTracer()
	if err != nil {
		return err
	}
	defer closeTracer()

	tty := false
	width := 0
	if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		tty = true
		width, _, _ = term.GetSize(int(f.Fd()))
	}
	progress := runner.NewProgressPrinter(e.stderr, tty, width)
	run, err := runner.Run(ctx, dir, tr, &runner.Options{
		CC:       *cc,
		CFlags:   strings.Fields(*cflags),
		CacheDir: *cache,
		Jobs:     *jobs,
		Timeout:  *timeout,
		User:     *user,
		Progress: progress.Update,
	})
	progress.Finish()
	if err != nil {
		return err
	}

	run.Unobserved = tracefmt.Unobserved()
	if err := writeRunJSON(*jsonOut, run); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s\n", *jsonOut)

	if err := runner.WriteGroupTable(e.stdout, run); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, runner.StatusLine(run))

	// The coverage report goes beside run.json.
	r, err := in.model(run)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	if err := report.WriteAssessment(e.stdout, r); err != nil {
		return err
	}
	if err := writeReportDir(e, filepath.Dir(*jsonOut), r, baseline); err != nil {
		return err
	}
	failed := printFailures(e, r, ts)
	if run.Interrupted {
		return &exitError{code: 130}
	}
	if failed {
		return &exitError{code: 1}
	}
	for _, t := range run.Tests {
		if t.Status != result.StatusPass && t.Status != result.StatusXFail {
			return &exitError{code: 1}
		}
	}
	return nil
}

func writeRunJSON(path string, run *result.Run) error {
	data, err := json.MarshalIndent(run, "", "  ")
	if err != nil {
		return fmt.Errorf("encode run: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write run: %w", err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write run: %w", err)
	}
	return nil
}

// openRunTracer loads the eBPF tracer with the slots of the Linux x86_64
// table, and decodes its results with the same table.
func openRunTracer() (runner.Tracer, func() error, error) {
	t, err := tracefmt.New(systab.X86_64)
	if err != nil {
		return nil, nil, err
	}
	return t, t.Close, nil
}
