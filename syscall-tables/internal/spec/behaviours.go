package spec

import (
	"strconv"
	"strings"
)

// Behaviour is one line of behaviours.txt.
type Behaviour struct {
	Syscall string
	// Arch, when not empty, limits the line to one architecture
	// (written syscall@arch).
	Arch string
	Name string
	Arg  int
	Kind string
	Dict string
	Mask uint64
	// DerefSize is 0 when the value is the argument itself.
	DerefOffset, DerefSize int
	// WhenArg is -1 without a condition; WhenNames are dictionary names
	// resolved by the generator.
	WhenArg   int
	WhenNames []string
	Line      int
}

// ReadBehaviours reads behaviours.txt:
//
//	SYSCALL[@arch] NAME ARG KIND DICT [mask=N] [deref=OFFSET:SIZE] [when=ARG:NAME,NAME...]
func ReadBehaviours(path string) ([]Behaviour, error) {
	lines, err := readLines(path, "")
	if err != nil {
		return nil, err
	}
	var out []Behaviour
	for _, l := range lines {
		f := l.fields
		if len(f) < 5 {
			return nil, errAt(path, l.no, "want SYSCALL NAME ARG KIND DICT [options]")
		}
		b := Behaviour{Syscall: f[0], Name: f[1], Kind: f[3], Dict: f[4], WhenArg: -1, Line: l.no}
		if i := strings.Index(b.Syscall, "@"); i >= 0 {
			b.Syscall, b.Arch = b.Syscall[:i], b.Syscall[i+1:]
			if b.Arch != "x86_64" && b.Arch != "aarch64" {
				return nil, errAt(path, l.no, "unknown architecture %q", b.Arch)
			}
		}
		b.Arg, err = strconv.Atoi(f[2])
		if err != nil || b.Arg < 0 || b.Arg > 5 {
			return nil, errAt(path, l.no, "argument index %q: want 0..5", f[2])
		}
		switch b.Kind {
		case "bitset", "enum", "composite", "value":
		default:
			return nil, errAt(path, l.no, "unknown kind %q", b.Kind)
		}
		for _, opt := range f[5:] {
			k, v, _ := strings.Cut(opt, "=")
			switch k {
			case "mask":
				b.Mask, err = strconv.ParseUint(v, 0, 64)
				if err != nil {
					return nil, errAt(path, l.no, "bad mask %q", v)
				}
			case "deref":
				o, s, ok := strings.Cut(v, ":")
				b.DerefOffset, err = strconv.Atoi(o)
				if err == nil {
					b.DerefSize, err = strconv.Atoi(s)
				}
				if !ok || err != nil || b.DerefOffset < 0 || b.DerefOffset > 0xffff ||
					(b.DerefSize != 1 && b.DerefSize != 2 && b.DerefSize != 4 && b.DerefSize != 8) {
					return nil, errAt(path, l.no, "bad deref %q: want OFFSET:SIZE with SIZE 1, 2, 4 or 8", v)
				}
			case "when":
				a, names, ok := strings.Cut(v, ":")
				b.WhenArg, err = strconv.Atoi(a)
				if !ok || err != nil || b.WhenArg < 0 || b.WhenArg > 5 || names == "" {
					return nil, errAt(path, l.no, "bad when %q: want ARG:NAME,...", v)
				}
				b.WhenNames = strings.Split(names, ",")
				if len(b.WhenNames) > 4 {
					return nil, errAt(path, l.no, "when lists %d values, at most 4 allowed", len(b.WhenNames))
				}
			default:
				return nil, errAt(path, l.no, "unknown option %q", opt)
			}
		}
		out = append(out, b)
	}
	return out, nil
}
