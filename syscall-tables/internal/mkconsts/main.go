// Command mkconsts extracts the value of every name in data/dicts.txt and
// writes data/consts_x86_64.tsv and data/consts_aarch64.tsv. It is run by
// hand after editing dicts.txt (it needs gcc and the linux-libc-dev
// headers); `go generate` then reads only the committed output.
//
// Usage, from syscall-tables/:
//
//	go run ./internal/mkconsts
//
// x86_64 values come from this machine's headers (gcc); a name the headers
// lack (newer than them) is taken from golang.org/x/sys/unix's source. aarch64
// values come from x/sys's zerrors_linux_arm64.go when it has the name,
// else from its architecture-neutral files, else they are the x86_64 value,
// marked "generic" (the asm-generic definition both architectures share);
// data/consts_override_aarch64.tsv wins where x/sys has the C library's value.
package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/syscov/syscov/syscall-tables/internal/cprog"
	"github.com/syscov/syscov/syscall-tables/internal/spec"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "mkconsts:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	dicts, err := spec.ReadDicts(filepath.Join("data", "dicts.txt"))
	if err != nil {
		return err
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", "golang.org/x/sys").Output()
	if err != nil {
		return fmt.Errorf("locate golang.org/x/sys: %w", err)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		return fmt.Errorf("locate golang.org/x/sys: unexpected output %q", out)
	}
	xdir, xver := f[0], f[1]
	common, err := readGo(filepath.Join(xdir, "unix"), "zerrors_linux.go", "ztypes_linux.go")
	if err != nil {
		return err
	}
	amd64, err := readGo(filepath.Join(xdir, "unix"), "zerrors_linux_amd64.go", "ztypes_linux_amd64.go")
	if err != nil {
		return err
	}
	arm64, err := readGo(filepath.Join(xdir, "unix"), "zerrors_linux_arm64.go", "ztypes_linux_arm64.go")
	if err != nil {
		return err
	}
	override, err := spec.ReadPairs(filepath.Join("data", "consts_override_aarch64.tsv"))
	if err != nil {
		return err
	}
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		return fmt.Errorf("find gcc: %w", err)
	}
	x86 := map[string]spec.Const{}
	arm := map[string]spec.Const{}
	var problems []string
	for _, d := range dicts {
		var req cprog.Request
		req.Includes = d.Includes
		for _, n := range d.Names {
			if n.Arch == "aarch64" {
				continue
			}
			if n.CEnum {
				req.Enumerators = append(req.Enumerators, n.Name)
			} else {
				req.Macros = append(req.Macros, n.Name)
			}
		}
		vals, _, err := cprog.Run(ctx, gcc, req)
		if err != nil {
			return fmt.Errorf("dictionary %s (dicts.txt:%d): %w", d.Name, d.Line, err)
		}
		for _, n := range d.Names {
			var xv spec.Const
			xok := false
			if n.Arch != "aarch64" {
				if v, ok := vals[n.Name]; ok {
					xv, xok = spec.Const{Value: v, Source: "gcc"}, true
				} else if v, ok := lookup(n.Name, amd64, common); ok {
					xv, xok = spec.Const{Value: v, Source: "x/sys"}, true
				} else {
					problems = append(problems, fmt.Sprintf("dicts.txt:%d: %s: not in the headers nor in x/sys (x86_64)", n.Line, n.Name))
				}
				if xok {
					if old, dup := x86[n.Name]; dup && old.Value != xv.Value {
						problems = append(problems, fmt.Sprintf("dicts.txt:%d: %s: two values", n.Line, n.Name))
					}
					x86[n.Name] = xv
				}
			}
			if n.Arch == "x86_64" {
				continue
			}
			if o, ok := override[n.Name]; ok {
				v, err := strconv.ParseUint(o, 0, 64)
				if err != nil {
					return fmt.Errorf("consts_override_aarch64.tsv: %s: bad value %q", n.Name, o)
				}
				arm[n.Name] = spec.Const{Value: v, Source: "override"}
			} else if v, ok := lookup(n.Name, arm64, common); ok {
				arm[n.Name] = spec.Const{Value: v, Source: "x/sys"}
			} else if _, archSpecific := amd64[n.Name]; xok && !archSpecific {
				arm[n.Name] = spec.Const{Value: xv.Value, Source: "generic"}
			} else {
				problems = append(problems, fmt.Sprintf("dicts.txt:%d: %s: no aarch64 value (mark it @x86_64 if it is x86-only)", n.Line, n.Name))
			}
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d names without a value:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	libc, _ := exec.Command("dpkg-query", "-W", "-f", "${Version}", "linux-libc-dev").Output()
	gccv, _ := exec.Command(gcc, "-dumpfullversion").Output()
	for _, a := range []struct {
		arch   string
		consts map[string]spec.Const
		how    string
	}{
		{"x86_64", x86, fmt.Sprintf("gcc %s with linux-libc-dev %s and glibc headers; names they lack from golang.org/x/sys %s (source x/sys)", strings.TrimSpace(string(gccv)), libc, xver)},
		{"aarch64", arm, fmt.Sprintf("golang.org/x/sys %s zerrors/ztypes_linux{,_arm64}.go (source x/sys) except the kernel values of consts_override_aarch64.tsv (source override); otherwise the x86_64 value of an asm-generic name (source generic)", xver)},
	} {
		header := []string{
			fmt.Sprintf("Values of the dictionary names of dicts.txt for %s: NAME<TAB>VALUE<TAB>SOURCE.", a.arch),
			"From " + a.how + ".",
			"Written by \"go run ./internal/mkconsts\"; do not edit by hand.",
		}
		if err := spec.WriteConsts(filepath.Join("data", "consts_"+a.arch+".tsv"), header, a.consts); err != nil {
			return err
		}
	}
	return nil
}

func lookup(name string, maps ...map[string]uint64) (uint64, bool) {
	for _, m := range maps {
		if v, ok := m[name]; ok {
			return v, true
		}
	}
	return 0, false
}

var goConstRE = regexp.MustCompile(`^\s*([A-Z][A-Za-z0-9_]*)\s*=\s*(?:[A-Za-z.]+\()?(-?(?:0x[0-9a-fA-F]+|[0-9]+))\)?\s*$`)

// readGo collects the integer constants of x/sys source files.
func readGo(dir string, files ...string) (map[string]uint64, error) {
	out := map[string]uint64{}
	for _, name := range files {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("open x/sys source: %w", err)
		}
		s := bufio.NewScanner(f)
		for s.Scan() {
			m := goConstRE.FindStringSubmatch(s.Text())
			if m == nil {
				continue
			}
			if v, err := strconv.ParseInt(m[2], 0, 64); err == nil {
				out[m[1]] = uint64(v)
			} else if v, err := strconv.ParseUint(m[2], 0, 64); err == nil {
				out[m[1]] = v
			}
		}
		f.Close()
		if err := s.Err(); err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
	}
	return out, nil
}
