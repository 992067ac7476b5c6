package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/syscov/syscov/target"
	"github.com/syscov/syscov/target/kevlar"
)

func init() {
	register(&command{
		name:    "tables kevlar",
		summary: "classify every Linux syscall from a Kevlar source tree, with ABI-number lints",
		run:     runTablesKevlar,
	})
	register(&command{
		name:    "tables compare",
		summary: "print target dispatch tables side by side with totals",
		run:     runTablesCompare,
	})
}

func runTablesKevlar(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "tables kevlar", "--src DIR [--arch x86_64|aarch64] [--format text|json|csv] [--revision REV]",
		`  coverage tables kevlar --src ~/kevlar
  coverage tables kevlar --src ~/kevlar --arch aarch64 --format json > kevlar-aarch64.json
  coverage tables kevlar --src /tmp/kevlar-export --revision e4fb1b5 --format csv
`)
	src := fs.String("src", "", "Kevlar source tree (the directory holding kernel/syscalls/mod.rs)")
	arch := fs.String("arch", "x86_64", "architecture: x86_64 or aarch64")
	format := fs.String("format", "text", "output format: text, json or csv")
	revision := fs.String("revision", "", "revision to record when --src is not a git work tree (default: git rev-parse HEAD of --src)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *src == "" {
		return usagef("--src is required")
	}
	norm, err := target.NormalizeArch(*arch)
	if err != nil {
		return usagef("--arch: %v", err)
	}
	write, err := tableWriter(*format)
	if err != nil {
		return err
	}
	rev := *revision
	if rev == "" {
		rev, err = kevlar.Revision(*src)
		if errors.Is(err, kevlar.ErrNotGitTree) {
			return usagef("--src %s is not a git work tree; give its commit with --revision", *src)
		}
		if err != nil {
			return err
		}
	}
	linux, err := kevlar.LinuxSyscalls(norm)
	if err != nil {
		return err
	}
	t, err := kevlar.Analyze(*src, &kevlar.Options{
		Arch: norm, Linux: linux, Revision: rev,
		Generator: fmt.Sprintf("coverage tables kevlar --src KEVLAR --arch %s --format json", norm),
	})
	if err != nil {
		return err
	}
	if err := write(e.stdout, t); err != nil {
		return err
	}
	if *format != "text" {
		// The text format prints these itself.
		if n := len(t.Lints); n > 0 {
			fmt.Fprintf(e.stderr, "coverage tables kevlar: %d ABI-numbering finding(s); see \"lints\" or --format text\n", n)
		}
		for _, w := range t.Warnings {
			fmt.Fprintf(e.stderr, "warning: %s\n", w)
		}
	}
	return nil
}

func tableWriter(format string) (func(io.Writer, *target.Table) error, error) {
	switch format {
	case "text":
		return target.WriteText, nil
	case "json":
		return target.WriteJSON, nil
	case "csv":
		return target.WriteCSV, nil
	}
	return nil, usagef("--format %q: want text, json or csv", format)
}

func runTablesCompare(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "tables compare", "[--input-format F] [--arch A] [--format text|csv] TABLE...",
		`  coverage tables compare @kevlar gvisor.json Kerla.syscalls
  runsc help syscalls -format json > gvisor.json
  coverage tables compare --arch x86_64 gvisor.json kevlar-x86_64.json

TABLE is a syscov.target/v1 JSON file, gVisor's 'runsc help syscalls -format json'
output, a list of supported syscall names (one per line, as in Loupe's database),
or a CSV with a name column; the format is detected unless --input-format is given.
The word @kevlar stands for the embedded default Kevlar table of --arch.
`)
	inFormat := fs.String("input-format", "auto", "format of every TABLE: auto, json, gvisor, list or csv")
	arch := fs.String("arch", "", "architecture to pick from multi-arch files and to label lists (x86_64 or aarch64)")
	format := fs.String("format", "text", "output format: text or csv")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("give at least one TABLE")
	}
	in, err := target.ParseFormat(*inFormat)
	if err != nil {
		return usagef("--input-format: %v", err)
	}
	if *arch != "" {
		if _, err := target.NormalizeArch(*arch); err != nil {
			return usagef("--arch: %v", err)
		}
	}
	if *format != "text" && *format != "csv" {
		return usagef("--format %q: want text or csv", *format)
	}
	var tables []*target.Table
	for _, path := range fs.Args() {
		if path == "@kevlar" {
			a := *arch
			if a == "" {
				a = "x86_64"
			}
			t, err := kevlar.Default(a)
			if err != nil {
				return err
			}
			tables = append(tables, t)
			continue
		}
		t, err := target.LoadFile(path, &target.LoadOptions{Format: in, Arch: *arch})
		if err != nil {
			return err
		}
		tables = append(tables, t)
	}
	c := target.Compare(tables...)
	if *format == "csv" {
		return c.WriteCSV(e.stdout)
	}
	return c.WriteText(e.stdout)
}
