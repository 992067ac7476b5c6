// Command coverage measures which syscalls, argument values and error paths
// a suite of contract tests exercises, and compares that with what a target
// kernel implements and what real programs use.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// command is one subcommand. Each lives in its own cmd_*.go file and
// registers itself in init, so main stays a thin dispatcher.
type command struct {
	// name is the words that select it, e.g. "trace" or "tables kevlar".
	name string
	// summary is one line for the top-level help.
	summary string
	// run executes the subcommand with the arguments after its name.
	run func(ctx context.Context, env *env, args []string) error
	// hidden commands are internal (e.g. a helper coverage re-executes)
	// and left out of the top-level help.
	hidden bool
}

// env is what a subcommand may touch: its streams and working directory.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// usageError marks a bad command line; it makes coverage exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// exitError carries an exit status chosen by a subcommand (e.g. the traced
// command's own status) without printing anything more.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("duplicate command " + c.name)
	}
	commands[c.name] = c
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes one command line and returns the process exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printHelp(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, rest := lookup(args)
	if c == nil {
		fmt.Fprintf(e.stderr, "coverage: unknown command %q\n", strings.Join(args[:min(2, len(args))], " "))
		printHelp(e.stderr)
		return 2
	}
	err := c.run(ctx, e, rest)
	var ue *usageError
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "coverage %s: %s\n", c.name, ue.msg)
		fmt.Fprintf(e.stderr, "run 'coverage %s -h' for help\n", c.name)
		return 2
	default:
		fmt.Fprintf(e.stderr, "coverage %s: %v\n", c.name, err)
		return 1
	}
}

// lookup finds the longest registered name that prefixes args.
func lookup(args []string) (*command, []string) {
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c, args[2:]
		}
	}
	if c, ok := commands[args[0]]; ok {
		return c, args[1:]
	}
	return nil, nil
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "usage: coverage COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	names := make([]string, 0, len(commands))
	for n, c := range commands {
		if !c.hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-18s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "run 'coverage COMMAND -h' for a command's flags and examples")
}
