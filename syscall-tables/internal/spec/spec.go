// Package spec reads the data files under syscall-tables/data: syscall
// lists, argument lists, "since" versions, dictionary and behaviour
// specifications and the constant values extracted from headers. The
// generator, the header extractor and the tests share it, so every reader
// agrees on the formats. Errors name the file and line.
package spec

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// line is one non-comment, non-blank line of a data file.
type line struct {
	no     int
	fields []string
}

// readLines returns the tab-separated (sep "\t") or whitespace-separated
// (sep "") fields of each meaningful line of path.
func readLines(path, sep string) ([]line, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open data file: %w", err)
	}
	defer f.Close()
	var out []line
	s := bufio.NewScanner(f)
	no := 0
	for s.Scan() {
		no++
		t := s.Text()
		if i := strings.Index(t, "#"); i >= 0 && sep == "" {
			t = t[:i]
		}
		if strings.HasPrefix(t, "#") || strings.TrimSpace(t) == "" {
			continue
		}
		var fs []string
		if sep == "" {
			fs = strings.Fields(t)
		} else {
			fs = strings.Split(t, sep)
		}
		out = append(out, line{no, fs})
	}
	if err := s.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

func errAt(path string, no int, format string, a ...any) error {
	return fmt.Errorf("%s:%d: %s", path, no, fmt.Sprintf(format, a...))
}

// Entry is one line of a syscalls_<arch>.tsv file.
type Entry struct {
	Nr   int
	Name string
}

// ReadSyscalls reads a syscalls_<arch>.tsv file (number<TAB>name).
func ReadSyscalls(path string) ([]Entry, error) {
	lines, err := readLines(path, "\t")
	if err != nil {
		return nil, err
	}
	var out []Entry
	seen := map[string]bool{}
	for _, l := range lines {
		if len(l.fields) != 2 {
			return nil, errAt(path, l.no, "want number<TAB>name, got %d fields", len(l.fields))
		}
		nr, err := strconv.Atoi(l.fields[0])
		if err != nil || nr < 0 {
			return nil, errAt(path, l.no, "bad syscall number %q", l.fields[0])
		}
		if seen[l.fields[1]] {
			return nil, errAt(path, l.no, "duplicate syscall %q", l.fields[1])
		}
		seen[l.fields[1]] = true
		out = append(out, Entry{nr, l.fields[1]})
	}
	return out, nil
}

// Arg is one syscall argument: C type and name.
type Arg struct {
	Type, Name string
}

// Args is the argument list of one syscall; Unimplemented marks a reserved
// number without an implementation (a "-" line in args_extra.tsv).
type Args struct {
	List          []Arg
	Unimplemented bool
}

// ReadArgs reads args.tsv or args_extra.tsv (name<TAB>type name<TAB>...).
func ReadArgs(path string) (map[string]Args, error) {
	lines, err := readLines(path, "\t")
	if err != nil {
		return nil, err
	}
	out := map[string]Args{}
	for _, l := range lines {
		name := l.fields[0]
		if _, dup := out[name]; dup {
			return nil, errAt(path, l.no, "duplicate syscall %q", name)
		}
		if len(l.fields) == 2 && l.fields[1] == "-" {
			out[name] = Args{Unimplemented: true}
			continue
		}
		if len(l.fields) > 7 {
			return nil, errAt(path, l.no, "%s has %d arguments, at most 6 allowed", name, len(l.fields)-1)
		}
		var a Args
		for _, f := range l.fields[1:] {
			i := strings.LastIndex(f, " ")
			if i <= 0 {
				return nil, errAt(path, l.no, "argument %q: want \"type name\"", f)
			}
			a.List = append(a.List, Arg{Type: f[:i], Name: f[i+1:]})
		}
		out[name] = a
	}
	return out, nil
}

// ReadPairs reads a two-column file (key<TAB>value), e.g. since.tsv.
func ReadPairs(path string) (map[string]string, error) {
	lines, err := readLines(path, "\t")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, l := range lines {
		if len(l.fields) != 2 {
			return nil, errAt(path, l.no, "want 2 tab-separated fields, got %d", len(l.fields))
		}
		if _, dup := out[l.fields[0]]; dup {
			return nil, errAt(path, l.no, "duplicate key %q", l.fields[0])
		}
		out[l.fields[0]] = l.fields[1]
	}
	return out, nil
}

// NumberedName is one line of errno_kernel.tsv (value<TAB>name).
type NumberedName struct {
	Value int
	Name  string
}

// ReadNumbered reads a value<TAB>name file.
func ReadNumbered(path string) ([]NumberedName, error) {
	lines, err := readLines(path, "\t")
	if err != nil {
		return nil, err
	}
	var out []NumberedName
	for _, l := range lines {
		if len(l.fields) != 2 {
			return nil, errAt(path, l.no, "want value<TAB>name")
		}
		v, err := strconv.Atoi(l.fields[0])
		if err != nil {
			return nil, errAt(path, l.no, "bad value %q", l.fields[0])
		}
		out = append(out, NumberedName{v, l.fields[1]})
	}
	return out, nil
}
