package main

import (
	"context"
	"strings"

	"github.com/syscov/syscov/profile"
)

func init() {
	register(&command{
		name:    "profile list",
		summary: "list the shipped usage profiles",
		run:     runProfileList,
	})
	register(&command{
		name:    "profile show",
		summary: "show a usage profile: provenance, syscalls, unresolved sites",
		run:     runProfileShow,
	})
}

func runProfileList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "profile list", "", "  coverage profile list\n")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return profile.WriteList(e.stdout, profile.Builtin())
}

func runProfileShow(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "profile show", "[flags] NAME|FILE.json",
		"  coverage profile show musl-static\n  coverage profile show -json busybox-static\n  coverage profile show ./my-profile.json\n")
	asJSON := fs.Bool("json", false, "print the profile document (JSON)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want exactly one profile name or file, got %d arguments", fs.NArg())
	}
	arg := fs.Arg(0)
	var p *profile.Profile
	var err error
	if strings.HasSuffix(arg, ".json") || strings.ContainsRune(arg, '/') {
		p, err = profile.Load(arg)
	} else {
		p, err = profile.Get(arg)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return p.Encode(e.stdout)
	}
	return profile.WriteText(e.stdout, p)
}
