package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/syscov/syscov/profile/static"
)

func init() {
	register(&command{
		name:    "profile static",
		summary: "find the syscalls x86_64 binaries and archives may issue (static profile)",
		run:     runProfileStatic,
	})
}

const profileStaticExamples = `  coverage profile static /bin/busybox
  coverage profile static -v ./myprog
  coverage profile static -name musl-static -package musl-dev -package-version 1.2.3-1 \
      -o musl-static.json /usr/lib/x86_64-linux-musl/libc.a
  coverage profile static -roots 'pthread_*,sem_*' /usr/lib/x86_64-linux-musl/libc.a
`

func runProfileStatic(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "profile static", "[flags] FILE...", profileStaticExamples)
	out := fs.String("o", "", "write a profile (JSON) to this `file` (\"-\": standard output) instead of the text report; needs -name, -package, -package-version")
	name := fs.String("name", "", "profile `name`, e.g. musl-static")
	desc := fs.String("description", "", "profile description (default: names the inputs)")
	pkg := fs.String("package", "", "`package` analysed, as the distribution names it, e.g. musl-dev")
	pkgVer := fs.String("package-version", "", "package `version`, e.g. 1.2.3-1")
	date := fs.String("date", "", "date recorded in the profile, YYYY-MM-DD (default: today)")
	roots := fs.String("roots", "", "comma-separated `patterns`: keep only code reachable from functions or archive members matching them")
	verbose := fs.Bool("v", false, "list every syscall site and wrapper call in the text report")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("no input files: give ELF executables, objects or ar archives")
	}
	if *out != "" {
		for _, f := range []struct{ flag, v string }{{"-name", *name}, {"-package", *pkg}, {"-package-version", *pkgVer}} {
			if f.v == "" {
				return usagef("-o needs %s", f.flag)
			}
		}
	}
	if *date == "" {
		*date = time.Now().UTC().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, *date); err != nil {
		return usagef("-date %q: want YYYY-MM-DD", *date)
	}
	opts := &static.Options{}
	if *roots != "" {
		opts.Roots = strings.Split(*roots, ",")
	}
	res, err := static.Analyze(fs.Args(), opts)
	if err != nil {
		return err
	}
	if *out == "" {
		return static.WriteText(e.stdout, res, *verbose)
	}
	p, err := res.Profile(&static.Meta{
		Name: *name, Description: *desc, Package: *pkg, PackageVersion: *pkgVer,
		Date: *date, Command: "coverage profile static " + shellJoin(args),
	})
	if err != nil {
		return err
	}
	if *out == "-" {
		return p.Encode(e.stdout)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("create profile file: %w", err)
	}
	if err := p.Encode(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close profile file: %w", err)
	}
	st := p.Stats
	fmt.Fprintf(e.stderr, "wrote %s: %d syscalls; %d sites (%d resolved, %d forwarded, %d unresolved), %d wrapper calls (%d unresolved)\n",
		*out, len(p.Syscalls), st.Sites, st.Resolved, st.Forwarded, st.Unresolved, st.CallSites, st.UnresolvedCalls)
	return nil
}

// shellJoin quotes args for a POSIX shell, so a recorded command can be
// pasted back.
func shellJoin(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if a != "" && strings.Trim(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=+,@") == "" {
			q[i] = a
		} else {
			q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(q, " ")
}
