package listing

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	systab "github.com/syscov/syscov/syscall-tables"
)

// Schema identifiers of the JSON documents.
const (
	// TableSchema identifies a TableDoc.
	TableSchema = "syscov.linux-table/v1"
	// FlagsSchema identifies a FlagsDoc.
	FlagsSchema = "syscov.linux-flags/v1"
)

// TableDoc is the JSON document of one architecture's table.
type TableDoc struct {
	Schema string `json:"schema"`
	// Kernel is the Linux release described, e.g. "v6.18".
	Kernel string `json:"kernel"`
	Arch   string `json:"arch"`
	// Count is len(Syscalls).
	Count    int       `json:"count"`
	Syscalls []Syscall `json:"syscalls"`
}

// Syscall is one entry of a TableDoc.
type Syscall struct {
	Nr   int    `json:"nr"`
	Name string `json:"name"`
	// Since is the first Linux release with the syscall; "" when not
	// recorded.
	Since string `json:"since"`
	// Unimplemented marks a reserved number whose every call fails with
	// ENOSYS.
	Unimplemented bool        `json:"unimplemented"`
	Args          []Arg       `json:"args"`
	Behaviour     []Behaviour `json:"behaviour"`
}

// Arg is a syscall argument: its kernel parameter name and C type.
type Arg struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// Behaviour is a behavioural argument (see systab.Behaviour).
type Behaviour struct {
	Name string `json:"name"`
	// Arg is the argument index holding the value, or the pointer to it
	// when Deref is set.
	Arg int `json:"arg"`
	// Kind is bitset, enum, composite or value.
	Kind string `json:"kind"`
	// Dict is the dictionary's name; "" for a plain value.
	Dict string `json:"dict"`
	// Mask is the bits the tracer keeps, in hex; "" for all.
	Mask  string `json:"mask,omitempty"`
	Deref *Deref `json:"deref,omitempty"`
	When  *When  `json:"when,omitempty"`
}

// Deref says the value is read from user memory at the pointer argument
// plus Offset, Size bytes.
type Deref struct {
	Offset int `json:"offset"`
	Size   int `json:"size"`
}

// When limits recording to calls whose argument Arg holds one of Values
// (decoded names; decimal when the argument has no dictionary).
type When struct {
	Arg    int      `json:"arg"`
	Values []string `json:"values"`
}

// Table returns the document of tab.
func Table(tab *systab.Table) *TableDoc {
	doc := &TableDoc{Schema: TableSchema, Kernel: systab.Kernel, Arch: string(tab.Arch())}
	for _, s := range tab.All() {
		doc.Syscalls = append(doc.Syscalls, syscallOf(tab, s))
	}
	doc.Count = len(doc.Syscalls)
	return doc
}

func syscallOf(tab *systab.Table, s *systab.Syscall) Syscall {
	out := Syscall{Nr: s.Nr, Name: s.Name, Since: s.Since, Unimplemented: s.Unimplemented,
		Args: []Arg{}, Behaviour: []Behaviour{}}
	for _, a := range s.Args {
		out.Args = append(out.Args, Arg{Name: a.Name, Type: a.Type})
	}
	for _, b := range s.Behaviour {
		out.Behaviour = append(out.Behaviour, behaviourOf(tab, s, b))
	}
	return out
}

func behaviourOf(tab *systab.Table, s *systab.Syscall, b systab.Behaviour) Behaviour {
	out := Behaviour{Name: b.Name, Arg: b.Arg, Kind: string(b.Kind), Dict: b.Dict}
	if b.Mask != 0 {
		out.Mask = hex(b.Mask)
	}
	if b.Deref != nil {
		out.Deref = &Deref{Offset: int(b.Deref.Offset), Size: int(b.Deref.Size)}
	}
	if b.When != nil {
		w := &When{Arg: b.When.Arg}
		for _, v := range b.When.Values {
			w.Values = append(w.Values, argValue(tab, s, b.When.Arg, v))
		}
		out.When = w
	}
	return out
}

// argValue decodes v as the value of argument arg of s, with the
// dictionary of the behaviour read directly from that argument.
func argValue(tab *systab.Table, s *systab.Syscall, arg int, v uint64) string {
	for _, b := range s.Behaviour {
		if b.Arg == arg && b.Deref == nil && b.When == nil {
			if d, ok := tab.Dict(b.Dict); ok {
				return d.Decode(v)
			}
		}
	}
	return strconv.FormatUint(v, 10)
}

// FlagsDoc is the JSON document of one syscall's dictionaries.
type FlagsDoc struct {
	Schema    string          `json:"schema"`
	Kernel    string          `json:"kernel"`
	Arch      string          `json:"arch"`
	Syscall   Syscall         `json:"syscall"`
	Arguments []FlagsArgument `json:"arguments"`
	// Count is the number of named values over all Arguments.
	Count int `json:"count"`
}

// FlagsArgument is one behavioural argument and its dictionary.
type FlagsArgument struct {
	Behaviour
	// DictKind is the dictionary's kind; for a composite, EnumMask selects
	// the enumerated part and the other bits are flags.
	DictKind string `json:"dict_kind,omitempty"`
	EnumMask string `json:"enum_mask,omitempty"`
	// Note says how values outside the dictionary are written.
	Note   string  `json:"note"`
	Values []Value `json:"values"`
}

// Value is one named value of a dictionary.
type Value struct {
	Name string `json:"name"`
	// Value in hex, e.g. "0x80000".
	Value string `json:"value"`
	// Kind is "enum" or "bit".
	Kind string `json:"kind"`
}

// IOCNote describes how an ioctl request without a name is decoded.
const IOCNote = "a request without a name decodes as _IOC(dir,type,nr,size): " +
	"nr bits 0-7, type bits 8-15, size bits 16-29, dir bits 30-31 (_IOC_NONE, _IOC_WRITE, _IOC_READ)"

// Flags returns the document of the dictionaries of s's behavioural
// arguments.
func Flags(tab *systab.Table, s *systab.Syscall) *FlagsDoc {
	sc := syscallOf(tab, s)
	doc := &FlagsDoc{Schema: FlagsSchema, Kernel: systab.Kernel, Arch: string(tab.Arch()), Syscall: sc,
		Arguments: []FlagsArgument{}}
	for _, b := range sc.Behaviour {
		fa := FlagsArgument{Behaviour: b, Values: []Value{}}
		d, ok := tab.Dict(b.Dict)
		switch {
		case !ok:
			fa.Note = "a plain number: no dictionary"
		default:
			fa.DictKind = string(d.Kind)
			fa.Note = note(d)
			if d.Kind == systab.Composite {
				fa.EnumMask = hex(d.Mask)
			}
			for _, v := range d.Values {
				fa.Values = append(fa.Values, Value{Name: v.Name, Value: hex(v.Value), Kind: string(v.Kind)})
			}
		}
		doc.Count += len(fa.Values)
		doc.Arguments = append(doc.Arguments, fa)
	}
	return doc
}

// note says how Decode writes values of d that have no name.
func note(d *systab.Dict) string {
	switch {
	case d.Ioctl:
		return IOCNote
	case d.Kind == systab.Enum:
		return "a value without a name decodes in decimal"
	case d.Kind == systab.Bitset:
		return "names joined by | in ascending value order; bits without a name end as one hex token"
	}
	return fmt.Sprintf("the enumerated part (value & %s) first, written even when 0, then the flag bits in ascending order; "+
		"an enumerated part without a name decodes in decimal, bits without a name as one hex token", hex(d.Mask))
}

func hex(v uint64) string { return "0x" + strconv.FormatUint(v, 16) }

// Suggest returns up to three syscall names of tab close to name: within
// an edit distance of two, or containing name, or contained in it; nearest
// first, names starting with name before others at the same distance.
func Suggest(tab *systab.Table, name string) []string {
	type cand struct {
		name   string
		dist   int
		prefix bool
	}
	var cs []cand
	for _, s := range tab.All() {
		d := editDistance(name, s.Name)
		sub := len(name) > 2 && len(s.Name) > 2 && (strings.Contains(s.Name, name) || strings.Contains(name, s.Name))
		if d <= 2 || sub {
			cs = append(cs, cand{s.Name, d, strings.HasPrefix(s.Name, name)})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.prefix != b.prefix {
			return a.prefix
		}
		return a.name < b.name
	})
	var out []string
	for _, c := range cs {
		if len(out) == 3 {
			break
		}
		out = append(out, c.name)
	}
	return out
}

// editDistance is the Levenshtein distance of a and b (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
