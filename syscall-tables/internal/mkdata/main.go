// Command mkdata refreshes the syscall lists and argument lists under
// syscall-tables/data from this machine. It is run by hand, not by go
// generate: its inputs (the golang.org/x/sys module source and the running
// kernel's tracefs) belong to the machine, and its outputs are committed so
// that `go generate` never depends on them.
//
// Usage, from syscall-tables/:
//
//	go run ./internal/mkdata [-tracefs /sys/kernel/tracing] [-last 469]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// eventName maps a syscall name to its tracepoint name where the two
// differ (the tracepoint carries the kernel's sys_* function name).
var eventName = map[string]string{
	"stat":     "newstat",
	"fstat":    "newfstat",
	"lstat":    "newlstat",
	"uname":    "newuname",
	"sendfile": "sendfile64",
	"umount2":  "umount",
}

func main() {
	tracefs := flag.String("tracefs", "/sys/kernel/tracing", "tracefs mount point")
	last := flag.Int("last", 469, "highest syscall number of the kernel release described (469 = file_setattr, v6.18)")
	release := flag.String("release", "v6.18", "kernel release the lists describe")
	flag.Parse()
	if err := run(*tracefs, *last, *release); err != nil {
		fmt.Fprintln(os.Stderr, "mkdata:", err)
		os.Exit(1)
	}
}

func run(tracefs string, last int, release string) error {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", "golang.org/x/sys").Output()
	if err != nil {
		return fmt.Errorf("locate golang.org/x/sys: %w", err)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		return fmt.Errorf("locate golang.org/x/sys: unexpected output %q", out)
	}
	dir, version := f[0], f[1]
	uname, err := exec.Command("uname", "-r").Output()
	if err != nil {
		return fmt.Errorf("run uname: %w", err)
	}
	kernel := strings.TrimSpace(string(uname))
	names := map[string]bool{}
	for _, a := range []struct{ arch, goarch, tbl string }{
		{"x86_64", "amd64", "arch/x86/entry/syscalls/syscall_64.tbl"},
		{"aarch64", "arm64", "scripts/syscall.tbl (asm-generic numbering, abis common and 64)"},
	} {
		src := filepath.Join(dir, "unix", "zsysnum_linux_"+a.goarch+".go")
		list, err := readSysnum(src, last)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "# Linux %s syscall numbers for %s: number<TAB>name.\n", release, a.arch)
		fmt.Fprintf(&b, "# Derived from golang.org/x/sys %s unix/zsysnum_linux_%s.go, which x/sys generates\n", version, a.goarch)
		fmt.Fprintf(&b, "# from the kernel's %s; entries above %d (newer than %s) dropped.\n", a.tbl, last, release)
		fmt.Fprintf(&b, "# Written by \"go run ./internal/mkdata\" on kernel %s; do not edit by hand.\n", kernel)
		for _, e := range list {
			fmt.Fprintf(&b, "%d\t%s\n", e.nr, e.name)
			names[e.name] = true
		}
		if err := os.WriteFile(filepath.Join("data", "syscalls_"+a.arch+".tsv"), b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write syscall list: %w", err)
		}
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Argument types and names of each syscall: name<TAB>type name<TAB>...\n")
	fmt.Fprintf(&b, "# From %s/events/syscalls/sys_enter_*/format of the running kernel %s (%s).\n", tracefs, kernel, runtime.GOARCH)
	fmt.Fprintf(&b, "# Syscalls without a tracepoint there are listed in args_extra.tsv instead.\n")
	fmt.Fprintf(&b, "# Written by \"go run ./internal/mkdata\"; do not edit by hand.\n")
	var missing []string
	for _, n := range sorted {
		ev := n
		if e, ok := eventName[n]; ok {
			ev = e
		}
		args, err := readFormat(filepath.Join(tracefs, "events", "syscalls", "sys_enter_"+ev, "format"))
		if os.IsNotExist(err) {
			missing = append(missing, n)
			continue
		}
		if err != nil {
			return err
		}
		b.WriteString(n)
		for _, a := range args {
			b.WriteString("\t" + a)
		}
		b.WriteString("\n")
	}
	if err := os.WriteFile(filepath.Join("data", "args.tsv"), b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write argument list: %w", err)
	}
	fmt.Fprintf(os.Stderr, "mkdata: no tracepoint for %d syscalls (describe them in data/args_extra.tsv): %s\n",
		len(missing), strings.Join(missing, " "))
	return nil
}

type entry struct {
	nr   int
	name string
}

var sysnumRE = regexp.MustCompile(`^\s*SYS_([A-Z0-9_]+)\s*=\s*(\d+)\s*$`)

// readSysnum parses an x/sys zsysnum file, keeping numbers <= last.
func readSysnum(path string, last int) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open syscall numbers: %w", err)
	}
	defer f.Close()
	var list []entry
	s := bufio.NewScanner(f)
	for s.Scan() {
		m := sysnumRE.FindStringSubmatch(s.Text())
		if m == nil {
			continue
		}
		nr, _ := strconv.Atoi(m[2])
		name := strings.ToLower(m[1])
		// arm64's placeholder for the architecture-private range, not a syscall.
		if nr > last || name == "arch_specific_syscall" {
			continue
		}
		list = append(list, entry{nr, name})
	}
	if err := s.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].nr < list[j].nr })
	return list, nil
}

var fieldRE = regexp.MustCompile(`^\s*field:(.+?)\s+(\w+);\s*offset:`)

// readFormat returns "type name" for each syscall argument in a tracepoint
// format file.
func readFormat(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var args []string
	for _, line := range strings.Split(string(data), "\n") {
		m := fieldRE.FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(m[2], "common_") || m[2] == "__syscall_nr" {
			continue
		}
		args = append(args, m[1]+" "+m[2])
	}
	return args, nil
}
