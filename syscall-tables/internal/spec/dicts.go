package spec

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Name is one constant of a dictionary specification.
type Name struct {
	// Name is the UAPI macro (or C enumerator) name.
	Name string
	// Arch, when not empty, limits the name to one architecture
	// ("x86_64" or "aarch64"); written NAME@arch in dicts.txt.
	Arch string
	// Bit is true for a flag bit, false for an enumerated value.
	Bit bool
	// CEnum marks a C enumerator, which the preprocessor cannot test for.
	CEnum bool
	// Line is where the name appears in dicts.txt.
	Line int
}

// Dict is one dictionary specification of dicts.txt.
type Dict struct {
	Name string
	// Kind is "bitset", "enum" or "composite".
	Kind string
	// Mask selects the enumerated part of a composite value.
	Mask uint64
	// Ioctl marks an ioctl request dictionary: unknown values decode as
	// _IOC(dir,type,nr,size).
	Ioctl bool
	// Includes are the C headers that define the names.
	Includes []string
	Names    []Name
	Line     int
}

// ReadDicts reads dicts.txt:
//
//	dict NAME bitset|enum|composite [mask=N] [ioctl]
//	include HEADER...
//	enum NAME[@arch]...   # enumerated values (macros)
//	cenum NAME...         # enumerated values that are C enumerators
//	bits NAME[@arch]...   # flag bits
//	cbits NAME...         # flag bits that are C enumerators
//
// A bitset dictionary may have enum lines for its zero value (PROT_NONE).
func ReadDicts(path string) ([]*Dict, error) {
	lines, err := readLines(path, "")
	if err != nil {
		return nil, err
	}
	var out []*Dict
	var cur *Dict
	seen := map[string]bool{}
	for _, l := range lines {
		switch key := l.fields[0]; key {
		case "dict":
			if len(l.fields) < 3 {
				return nil, errAt(path, l.no, "want: dict NAME KIND [mask=N] [ioctl]")
			}
			cur = &Dict{Name: l.fields[1], Kind: l.fields[2], Line: l.no}
			if seen[cur.Name] {
				return nil, errAt(path, l.no, "duplicate dictionary %q", cur.Name)
			}
			seen[cur.Name] = true
			switch cur.Kind {
			case "bitset", "enum", "composite":
			default:
				return nil, errAt(path, l.no, "unknown kind %q (want bitset, enum or composite)", cur.Kind)
			}
			for _, opt := range l.fields[3:] {
				switch {
				case opt == "ioctl":
					cur.Ioctl = true
				case strings.HasPrefix(opt, "mask="):
					m, err := strconv.ParseUint(strings.TrimPrefix(opt, "mask="), 0, 64)
					if err != nil {
						return nil, errAt(path, l.no, "bad mask %q", opt)
					}
					cur.Mask = m
				default:
					return nil, errAt(path, l.no, "unknown option %q", opt)
				}
			}
			if cur.Kind == "composite" && cur.Mask == 0 {
				return nil, errAt(path, l.no, "composite dictionary %s needs mask=", cur.Name)
			}
			out = append(out, cur)
		case "include", "enum", "cenum", "bits", "cbits":
			if cur == nil {
				return nil, errAt(path, l.no, "%s before the first dict line", key)
			}
			if key == "include" {
				cur.Includes = append(cur.Includes, l.fields[1:]...)
				continue
			}
			for _, f := range l.fields[1:] {
				n := Name{Name: f, Bit: key == "bits" || key == "cbits", CEnum: key == "cenum" || key == "cbits", Line: l.no}
				if i := strings.Index(f, "@"); i >= 0 {
					n.Name, n.Arch = f[:i], f[i+1:]
					if n.Arch != "x86_64" && n.Arch != "aarch64" {
						return nil, errAt(path, l.no, "%s: unknown architecture %q", f, n.Arch)
					}
				}
				if n.Bit && cur.Kind == "enum" {
					return nil, errAt(path, l.no, "%s: %s line in an enum dictionary", f, key)
				}
				cur.Names = append(cur.Names, n)
			}
		default:
			return nil, errAt(path, l.no, "unknown keyword %q", key)
		}
	}
	return out, nil
}

// Const is one extracted constant value.
type Const struct {
	Value uint64
	// Source says where the value comes from: "gcc" (this machine's
	// headers), "x/sys" (golang.org/x/sys/unix source) or "generic"
	// (aarch64 only: assumed equal to x86_64 because both use the
	// asm-generic definition and x/sys has no arch-specific value).
	Source string
}

// ReadConsts reads consts_<arch>.tsv (NAME<TAB>0xVALUE<TAB>SOURCE).
func ReadConsts(path string) (map[string]Const, error) {
	lines, err := readLines(path, "\t")
	if err != nil {
		return nil, err
	}
	out := map[string]Const{}
	for _, l := range lines {
		if len(l.fields) != 3 {
			return nil, errAt(path, l.no, "want NAME<TAB>VALUE<TAB>SOURCE")
		}
		v, err := strconv.ParseUint(l.fields[1], 0, 64)
		if err != nil {
			return nil, errAt(path, l.no, "bad value %q for %s", l.fields[1], l.fields[0])
		}
		out[l.fields[0]] = Const{v, l.fields[2]}
	}
	return out, nil
}

// WriteConsts writes consts in the format ReadConsts reads, sorted by name,
// after the header comment lines.
func WriteConsts(path string, header []string, consts map[string]Const) error {
	var b strings.Builder
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	names := make([]string, 0, len(consts))
	for n := range consts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "%s\t%#x\t%s\n", n, consts[n].Value, consts[n].Source)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write constants: %w", err)
	}
	return nil
}
