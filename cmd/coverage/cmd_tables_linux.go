package main

import (
	"context"
	"strconv"
	"strings"

	systab "github.com/syscov/syscov/syscall-tables"
	"github.com/syscov/syscov/syscall-tables/listing"
)

func init() {
	register(&command{
		name:    "tables linux",
		summary: "print the Linux syscall table with each syscall's behavioural arguments",
		run:     runTablesLinux,
	})
	register(&command{
		name:    "tables flags",
		summary: "print the flag dictionaries of one Linux syscall's behavioural arguments",
		run:     runTablesFlags,
	})
}

func runTablesLinux(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "tables linux", "[--arch x86_64|aarch64] [--format text|json|csv]",
		`  coverage tables linux
  coverage tables linux --arch aarch64 --format csv > linux-aarch64.csv
  coverage tables linux --format json | jq '.syscalls[] | select(.name == "openat")'

The table is embedded (Linux `+systab.Kernel+`); nothing is read from this machine.
JSON documents carry "schema": "`+listing.TableSchema+`".
`)
	arch := fs.String("arch", "x86_64", "architecture: x86_64 (amd64) or aarch64 (arm64)")
	format := fs.String("format", "text", "output format: text, json or csv")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	tab, err := linuxTable(*arch)
	if err != nil {
		return err
	}
	doc := listing.Table(tab)
	switch *format {
	case "text":
		return listing.WriteTableText(e.stdout, doc)
	case "json":
		return listing.WriteTableJSON(e.stdout, doc)
	case "csv":
		return listing.WriteTableCSV(e.stdout, doc)
	}
	return usagef("--format %q: want text, json or csv", *format)
}

func runTablesFlags(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "tables flags", "[--arch x86_64|aarch64] [--format text|json|csv] SYSCALL",
		`  coverage tables flags openat
  coverage tables flags --format csv futex
  coverage tables flags ioctl --arch aarch64 --format json

SYSCALL is a kernel syscall name (as "coverage tables linux" prints it) or number.
Flags may also follow SYSCALL. JSON documents carry "schema": "`+listing.FlagsSchema+`".
`)
	arch := fs.String("arch", "x86_64", "architecture: x86_64 (amd64) or aarch64 (arm64)")
	format := fs.String("format", "text", "output format: text, json or csv")
	// Accept flags before and after SYSCALL.
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 1 {
		if len(pos) == 0 {
			return usagef("give one SYSCALL (e.g. coverage tables flags openat)")
		}
		return usagef("give one SYSCALL, not %d (%s)", len(pos), strings.Join(pos, " "))
	}
	if *format != "text" && *format != "json" && *format != "csv" {
		return usagef("--format %q: want text, json or csv", *format)
	}
	tab, err := linuxTable(*arch)
	if err != nil {
		return err
	}
	sc, ok := tab.ByName(pos[0])
	if !ok {
		if nr, err := strconv.Atoi(pos[0]); err == nil {
			sc, ok = tab.ByNumber(nr)
		}
	}
	if !ok {
		msg := "unknown syscall " + strconv.Quote(pos[0]) + " on " + string(tab.Arch())
		for _, other := range systab.Arches() {
			if ot, err := systab.Linux(other); err == nil && other != tab.Arch() {
				if _, ok := ot.ByName(pos[0]); ok {
					msg += " (it is a syscall of " + string(other) + ")"
				}
			}
		}
		if s := listing.Suggest(tab, pos[0]); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, ", ") + "?"
		}
		return usagef("%s (coverage tables linux --arch %s lists them all)", msg, tab.Arch())
	}
	doc := listing.Flags(tab, sc)
	switch *format {
	case "json":
		return listing.WriteFlagsJSON(e.stdout, doc)
	case "csv":
		return listing.WriteFlagsCSV(e.stdout, doc)
	}
	return listing.WriteFlagsText(e.stdout, doc)
}

// linuxTable returns the embedded table of --arch, or a usage error.
func linuxTable(arch string) (*systab.Table, error) {
	a, err := systab.ParseArch(arch)
	if err != nil {
		return nil, usagef("--arch: %v", err)
	}
	return systab.Linux(a)
}
