package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/syscov/syscov/report/rundiff"
	"github.com/syscov/syscov/result"
)

func init() {
	register(&command{
		name:    "diff",
		summary: "compare two runs: tests, statuses, syscalls and values covered",
		run:     runDiff,
	})
}

const diffExamples = `  coverage diff before/run.json coverage-report/run.json
  coverage diff old.json new.json --format markdown >> "$GITHUB_STEP_SUMMARY"
  coverage diff old.json new.json --fail-on-regression      # CI gate

A syscall (or a syscall's decoded argument value) is covered by a run when
at least one PASS test issued it; XFAIL and failing tests do not cover.
The coverage assessment rows of both runs (as in coverage report, against
the same target table and profiles) are shown before → after.

Exit status: 0 when the diff was written, 1 with --fail-on-regression when a
test went from PASS or XFAIL to a worse status or a syscall lost coverage
(one line per reason on stderr), 1 for an unreadable run, 2 for a bad
command line.
`

func runDiff(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "diff", "[--format text|markdown|json|csv] [--out FILE] [--fail-on-regression] OLD.json NEW.json", diffExamples)
	format := fs.String("format", "text", "output format: "+strings.Join(rundiff.Formats, ", "))
	out := fs.String("out", "", "write the diff to `FILE` instead of standard output")
	failOnRegression := fs.Bool("fail-on-regression", false, "exit 1 when a test got worse than PASS/XFAIL or a syscall lost coverage")
	m := addModelFlags(fs, false)
	// Flags may come before, between or after the two files.
	var files []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if !validFormat(*format) {
		return usagef("--format %q: want one of %s", *format, strings.Join(rundiff.Formats, ", "))
	}
	if len(files) != 2 {
		return usagef("want two run files (coverage diff OLD.json NEW.json), got %d", len(files))
	}
	old, err := result.LoadRun(files[0])
	if err != nil {
		return err
	}
	new, err := result.LoadRun(files[1])
	if err != nil {
		return err
	}
	if old.Arch != new.Arch {
		fmt.Fprintf(e.stderr, "coverage diff: note: %s was traced on %s, %s on %s; syscall sets differ by architecture\n",
			files[0], old.Arch, files[1], new.Arch)
	}
	d := rundiff.Compare(files[0], old, files[1], new)
	// The assessment rows of both runs, measured against the same target
	// table and profiles.
	in, err := m.load(new.Arch)
	if err != nil {
		return err
	}
	var rows [2][]rundiff.Row
	for i, run := range []*result.Run{old, new} {
		r, err := in.model(run)
		if err != nil {
			return fmt.Errorf("measure %s: %w", files[i], err)
		}
		for _, row := range r.Rows {
			if !row.NA {
				rows[i] = append(rows[i], rundiff.Row{Label: row.Key, Num: row.Num, Den: row.Den})
			}
		}
	}
	d.Rows = &rundiff.Rows{Before: rows[0], After: rows[1]}

	w := e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer f.Close()
		w = f
	}
	if err := rundiff.Write(w, d, *format); err != nil {
		return err
	}
	if *out != "" {
		if err := w.(*os.File).Close(); err != nil {
			return fmt.Errorf("write %s: %w", *out, err)
		}
	}
	if !*failOnRegression {
		return nil
	}
	reasons := d.Regressions()
	for _, r := range reasons {
		fmt.Fprintf(e.stderr, "regression: %s\n", r)
	}
	if len(reasons) > 0 {
		return &exitError{code: 1}
	}
	return nil
}

func validFormat(f string) bool {
	for _, s := range rundiff.Formats {
		if f == s {
			return true
		}
	}
	return false
}
