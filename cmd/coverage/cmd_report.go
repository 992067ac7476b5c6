package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/syscov/syscov/profile"
	"github.com/syscov/syscov/report"
	"github.com/syscov/syscov/report/plot"
	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/runner"
	"github.com/syscov/syscov/target"
	"github.com/syscov/syscov/target/kevlar"
)

func init() {
	register(&command{
		name:    "report",
		summary: "print the coverage report of a recorded run (assessment, groups, gaps, lint)",
		run:     runReport,
	})
	register(&command{
		name:    "gaps",
		summary: "rank the syscalls and values the profiles use that no passing contract exercises",
		run:     runGaps,
	})
}

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// modelFlags are the flags that choose what a run is measured against;
// coverage report, gaps and run share them.
type modelFlags struct {
	target, kevlarSrc, arch string
	profiles                multiFlag
	failUnder               multiFlag
	baseline                string
}

// addBaselineFlag adds --baseline, for the commands that draw charts.
func (m *modelFlags) addBaselineFlag(fs *flag.FlagSet) {
	fs.StringVar(&m.baseline, "baseline", "", "an earlier run's `RUN.json`: adds the before/after chart of the assessment rows")
}

// loadBaseline makes the report of the --baseline run with the same
// target and profiles, or returns nil without --baseline.
func (m *modelFlags) loadBaseline(in *inputs) (*report.Report, error) {
	if m.baseline == "" {
		return nil, nil
	}
	run, err := result.LoadRun(m.baseline)
	if err != nil {
		return nil, err
	}
	r, err := in.model(run)
	if err != nil {
		return nil, fmt.Errorf("--baseline %s: %w", m.baseline, err)
	}
	return r, nil
}

func addModelFlags(fs *flag.FlagSet, withFailUnder bool) *modelFlags {
	m := &modelFlags{}
	fs.StringVar(&m.target, "target", "", "target dispatch table `FILE` (syscov.target/v1 JSON, gVisor JSON, name list or CSV; default: the embedded Kevlar table)")
	fs.StringVar(&m.kevlarSrc, "kevlar-src", "", "classify the Kevlar source tree `DIR` instead of using the embedded table")
	fs.StringVar(&m.arch, "arch", "", "architecture of the target table (default: the run's)")
	fs.Var(&m.profiles, "profile", "add the profile `FILE` (syscov.profile/v1) to the shipped ones; repeatable")
	if withFailUnder {
		fs.Var(&m.failUnder, "fail-under", "exit 1 when an assessment row is below a percent, given as `ROW=PERCENT`; repeatable (rows: dispatch, profile:NAME, profile-union:static, profile-union:traced, values, values:NAME, universe)")
	}
	return m
}

// thresholds parses --fail-under values.
func (m *modelFlags) thresholds() ([]report.Threshold, error) {
	var ts []report.Threshold
	for _, s := range m.failUnder {
		t, err := report.ParseThreshold(s)
		if err != nil {
			return nil, usagef("--fail-under: %v", err)
		}
		ts = append(ts, t)
	}
	return ts, nil
}

// inputs are the target table and profiles a report measures against.
type inputs struct {
	target   *target.Table
	profiles []*profile.Profile
}

// load reads the target table (for arch, unless --arch is given) and the
// profiles.
func (m *modelFlags) load(arch string) (*inputs, error) {
	if m.target != "" && m.kevlarSrc != "" {
		return nil, usagef("give --target or --kevlar-src, not both")
	}
	if m.arch != "" {
		arch = m.arch
	}
	norm, err := target.NormalizeArch(arch)
	if err != nil {
		return nil, usagef("--arch: %v", err)
	}
	var tab *target.Table
	switch {
	case m.target != "":
		tab, err = target.LoadFile(m.target, &target.LoadOptions{Arch: norm})
	case m.kevlarSrc != "":
		var linux []target.Syscall
		if linux, err = kevlar.LinuxSyscalls(norm); err != nil {
			return nil, err
		}
		rev, rerr := kevlar.Revision(m.kevlarSrc)
		if rerr != nil && !errors.Is(rerr, kevlar.ErrNotGitTree) {
			return nil, rerr
		}
		tab, err = kevlar.Analyze(m.kevlarSrc, &kevlar.Options{Arch: norm, Linux: linux, Revision: rev})
	default:
		tab, err = kevlar.Default(norm)
	}
	if err != nil {
		return nil, err
	}
	profiles := append([]*profile.Profile(nil), profile.Builtin()...)
	for _, path := range m.profiles {
		p, err := profile.Load(path)
		if err != nil {
			return nil, err
		}
		for _, q := range profiles {
			if q.Name == p.Name {
				return nil, usagef("--profile %s: a profile named %q is already loaded", path, p.Name)
			}
		}
		profiles = append(profiles, p)
	}
	return &inputs{target: tab, profiles: profiles}, nil
}

// loadReport reads the run at path and makes its report against the
// target table and profiles the flags choose.
func (m *modelFlags) loadReport(path string) (*inputs, *report.Report, error) {
	run, err := result.LoadRun(path)
	if err != nil {
		return nil, nil, err
	}
	in, err := m.load(run.Arch)
	if err != nil {
		return nil, nil, err
	}
	r, err := in.model(run)
	if err != nil {
		return nil, nil, err
	}
	return in, r, nil
}

// model makes the report of run. When the run's suite directory still
// holds its known-divergences.json, entries naming no test of the run are
// reported too; a missing directory or file adds nothing.
func (in *inputs) model(run *result.Run) (*report.Report, error) {
	var div runner.Divergences
	if run.ContractsDir != "" {
		if st, err := os.Stat(run.ContractsDir); err == nil && st.IsDir() {
			d, err := runner.LoadDivergences(run.ContractsDir)
			if err != nil {
				return nil, err
			}
			div = d
		}
	}
	return report.New(run, &report.Options{Target: in.target, Profiles: in.profiles, Divergences: div})
}

// checkThresholds checks that every --fail-under row exists, on an empty
// run of arch (the rows depend only on the profiles), so that coverage
// run can refuse a bad row before it runs the suite.
func (in *inputs) checkThresholds(arch string, ts []report.Threshold) error {
	empty, err := in.model(&result.Run{Schema: result.RunSchema, Arch: arch})
	if err != nil {
		return err
	}
	if err := empty.CheckKeys(ts); err != nil {
		return usagef("--fail-under: %v", err)
	}
	return nil
}

func checkFormat(format string) error {
	for _, f := range report.Formats {
		if f == format {
			return nil
		}
	}
	return usagef("--format %q: want %s", format, strings.Join(report.Formats, ", "))
}

const reportExamples = `  coverage report coverage-report/run.json
  coverage report run.json --format markdown > coverage.md
  coverage report run.json --out coverage-report        # report.txt, .md, .json, .csv and charts
  coverage report new.json --out DIR --baseline old.json   # adds the before/after chart
  coverage report run.json --target gvisor.json --arch x86_64
  coverage report run.json --kevlar-src ~/kevlar --profile systemd-boot.json
  coverage report run.json --fail-under profile:musl-static=60 --fail-under dispatch=50

"Exercised" means issued by a PASS test with at least one successful call;
the report states every definition under its assessment table. With
--fail-under, the exit status is 1 and one line per failed threshold is
printed to stderr when a row is below its PERCENT (or not measured).
`

func runReport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "report", "RUN.json [flags]", reportExamples)
	format := fs.String("format", "text", "output `format`: text, markdown, json or csv")
	out := fs.String("out", "", "write report.txt, report.md, report.json and report.csv to `DIR` instead of printing one format")
	m := addModelFlags(fs, true)
	m.addBaselineFlag(fs)
	path, err := parseWithArg(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if m.baseline != "" && *out == "" {
		return usagef("--baseline adds a chart: give --out DIR too")
	}
	ts, err := m.thresholds()
	if err != nil {
		return err
	}
	in, r, err := m.loadReport(path)
	if err != nil {
		return err
	}
	if err := r.CheckKeys(ts); err != nil {
		return usagef("--fail-under: %v", err)
	}
	if *out != "" {
		baseline, err := m.loadBaseline(in)
		if err != nil {
			return err
		}
		if err := writeReportDir(e, *out, r, baseline); err != nil {
			return err
		}
	} else if err := report.Write(e.stdout, r, *format, nil); err != nil {
		return err
	}
	return failUnder(e, r, ts)
}

// failUnder prints one line per failed threshold and returns exit 1.
func failUnder(e *env, r *report.Report, ts []report.Threshold) error {
	if printFailures(e, r, ts) {
		return &exitError{code: 1}
	}
	return nil
}

// printFailures prints one line per failed threshold and reports whether
// any failed.
func printFailures(e *env, r *report.Report, ts []report.Threshold) bool {
	fails := r.Failures(ts)
	for _, f := range fails {
		fmt.Fprintf(e.stderr, "fail-under: %s\n", f)
	}
	return len(fails) > 0
}

// writeReportDir writes report.{txt,md,json,csv} and the charts (PNG and
// SVG; the before/after chart when baseline is not nil) into dir, and
// says on stderr what it wrote and which charts had nothing to draw.
func writeReportDir(e *env, dir string, r, baseline *report.Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	for _, f := range report.Formats {
		var buf bytes.Buffer
		if err := report.Write(&buf, r, f, nil); err != nil {
			return err
		}
		path := filepath.Join(dir, "report."+report.Ext(f))
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", path)
	}
	charts, skipped, err := report.Charts(r, baseline)
	if err != nil {
		return err
	}
	for _, c := range charts {
		paths, err := plot.WriteAll(dir, c.Base, c.Chart)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", strings.Join(paths, ", "))
	}
	for _, s := range skipped {
		fmt.Fprintf(e.stderr, "chart not drawn: %s\n", s)
	}
	return nil
}

const gapsExamples = `  coverage gaps coverage-report/run.json
  coverage gaps run.json --limit 20 --format markdown
  coverage gaps run.json --format json --profile systemd-boot.json

Lists the profile syscalls no PASS test exercised, ranked (the rule is
printed first), the traced profiles' values no PASS test exercised, the
target's implemented syscalls no PASS test exercised, and the syscalls
the run issued only through error paths, only in XFAIL tests, or only in
failing tests.
`

func runGaps(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "gaps", "RUN.json [flags]", gapsExamples)
	format := fs.String("format", "text", "output `format`: text, markdown, json or csv")
	limit := fs.Int("limit", 0, "show at most `N` ranked syscall and value gaps (0: all)")
	m := addModelFlags(fs, false)
	path, err := parseWithArg(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if *limit < 0 {
		return usagef("--limit must be 0 or more, got %d", *limit)
	}
	_, r, err := m.loadReport(path)
	if err != nil {
		return err
	}
	return report.WriteGaps(e.stdout, r, *format, &report.WriteOptions{Limit: *limit})
}

// parseWithArg parses flags given before or after the one RUN.json
// argument and returns that argument.
func parseWithArg(fs *flag.FlagSet, args []string) (string, error) {
	if err := parseFlags(fs, args); err != nil {
		return "", err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return "", usagef("give the RUN.json a coverage run wrote")
	}
	path := rest[0]
	if err := parseFlags(fs, rest[1:]); err != nil {
		return "", err
	}
	if fs.NArg() > 0 {
		return "", usagef("unexpected argument %q (one RUN.json only)", fs.Arg(0))
	}
	return path, nil
}
