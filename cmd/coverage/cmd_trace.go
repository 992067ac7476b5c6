package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"

	"github.com/syscov/syscov/internal/tracefmt"
	"github.com/syscov/syscov/result"
	systab "github.com/syscov/syscov/syscall-tables"
	"github.com/syscov/syscov/trace"
)

func init() {
	register(&command{
		name:    "trace",
		summary: "run a command under the eBPF tracer and print its syscalls",
		run:     runTrace,
	})
}

const traceExamples = `  coverage trace -- ls -l /
  coverage trace --format json --out ls.json -- ls -l /

The command's exit status is passed through. Needs root (eBPF, cgroups).
`

func runTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "trace", "[--format text|json] [--out FILE] -- CMD [ARGS...]", traceExamples)
	format := fs.String("format", "text", "output format: text or json")
	out := fs.String("out", "", "write the output to `FILE` instead of standard output")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("--format %q: want text or json", *format)
	}
	argv := fs.Args()
	if len(argv) == 0 {
		return usagef("missing command to trace (coverage trace -- CMD [ARGS...])")
	}
	path, err := exec.LookPath(argv[0])
	if err != nil {
		return fmt.Errorf("find %s: %w", argv[0], err)
	}

	tr, err := tracefmt.New(systab.X86_64)
	if err != nil {
		return err
	}
	defer tr.Close()

	cmd := exec.Command(path, argv[1:]...)
	cmd.Args[0] = argv[0]
	cmd.Stdin, cmd.Stdout, cmd.Stderr = e.stdin, os.Stdout, os.Stderr
	if *out == "" {
		// The report goes to stdout after the command's own output.
		cmd.Stdout = e.stdout
	}
	res, err := tr.Run(ctx, cmd, &trace.RunOptions{PidsMax: -1})
	if err != nil {
		return err
	}
	doc := &result.Trace{
		Schema:     result.TraceSchema,
		Command:    argv,
		Arch:       runtime.GOARCH,
		Exit:       tracefmt.Exit(res.Exit),
		Syscalls:   tr.Syscalls(res),
		Unobserved: tracefmt.Unobserved(),
		Overflow:   res.Overflow,

		Unattributed: res.Unattributed,
	}
	doc.Arch = string(systab.X86_64)

	w := e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer f.Close()
		w = f
	}
	if err := writeTrace(w, doc, *format); err != nil {
		return err
	}
	if res.Exit.TimedOut {
		return fmt.Errorf("interrupted: %s was killed", argv[0])
	}
	return passExit(res.Exit)
}

// passExit returns the traced command's exit status as coverage's own:
// its code, or 128+N when signal N killed it, as a shell reports it.
func passExit(ex trace.ExitStatus) error {
	code := ex.Code
	if ex.Signal != 0 {
		code = 128 + int(ex.Signal)
	}
	if code != 0 {
		return &exitError{code: code}
	}
	return nil
}

func writeTrace(w io.Writer, doc *result.Trace, format string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
		return nil
	}
	return tracefmt.WriteText(w, doc)
}
