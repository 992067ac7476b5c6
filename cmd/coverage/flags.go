package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlags returns a flag set for subcommand name whose -h output shows
// synopsis, then the flags, then examples (free text).
func newFlags(e *env, name, synopsis, examples string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "usage: coverage %s %s\n\nflags:\n", name, synopsis)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		if examples != "" {
			fmt.Fprintf(w, "\nexamples:\n%s", examples)
		}
	}
	return fs
}

// errHelp ends a subcommand successfully after it printed its help.
var errHelp = &exitError{code: 0}

// parseFlags parses args; -h prints help (the flag package calls fs.Usage
// itself) and returns errHelp, and any other problem is a usage error
// naming the flag.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	if err != nil {
		return &usageError{err.Error()}
	}
	return nil
}
