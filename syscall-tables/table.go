package systab

import (
	"fmt"
	"sort"
	"sync"
)

// Kernel is the Linux release the tables describe, as the data files in
// data/ name it ("Linux v6.18" in their headers).
const Kernel = "v6.18"

// Table is the syscall table of one architecture.
type Table struct {
	arch   Arch
	calls  []*Syscall
	byName map[string]*Syscall
	byNr   map[int]*Syscall
	dicts  map[string]*Dict
}

// Syscall is one entry of a table.
type Syscall struct {
	// Nr is the syscall number.
	Nr int
	// Name is the kernel's name (the syscall table's, e.g. "newfstatat").
	Name string
	// Args are the arguments in register order.
	Args []Arg
	// Since is the first kernel release that has the syscall, e.g.
	// "2.6.27"; "" when not recorded.
	Since string
	// Unimplemented is true for a number the kernel reserves without an
	// implementation (e.g. tuxcall): every call fails with ENOSYS.
	Unimplemented bool
	// Behaviour lists the behavioural arguments, in argument order; at
	// most 3, the number of values the tracer records per call.
	Behaviour []Behaviour
}

// Arg is one syscall argument.
type Arg struct {
	// Name is the kernel's parameter name, Type its C type.
	Name, Type string
}

// Kind classifies a behavioural value.
type Kind string

// The kinds of behavioural values.
const (
	// Bitset is an OR of independent flags.
	Bitset Kind = "bitset"
	// Enum is one of a set of values.
	Enum Kind = "enum"
	// Composite is an enumerated part (selected by the dictionary's mask)
	// plus flag bits, e.g. open flags, socket type, futex op, ioctl request.
	Composite Kind = "composite"
	// Value is a plain number.
	Value Kind = "value"
)

// Behaviour says which argument value changes what a syscall does.
type Behaviour struct {
	// Name names the value, e.g. "flags", "prot", "cmd", "sa_flags".
	Name string
	// Arg is the argument index (0..5) holding the value, or holding the
	// pointer when Deref is set.
	Arg int
	// Kind is the value's kind.
	Kind Kind
	// Dict names the dictionary (Table.Dict) that names the values.
	Dict string
	// Mask is the bits the tracer keeps; 0 means all.
	Mask uint64
	// Deref, when set, means the value is read from user memory at the
	// argument plus Offset, Size bytes little-endian.
	Deref *Deref
	// When, when set, limits recording to calls whose argument When.Arg
	// equals one of When.Values.
	When *When
}

// Deref locates a value in user memory relative to a pointer argument.
type Deref struct {
	Offset uint16
	Size   uint8
}

// When is a condition on another argument; at most 4 values.
type When struct {
	Arg    int
	Values []uint64
}

var (
	tablesOnce sync.Once
	tables     map[Arch]*Table
)

func buildTables() {
	tables = map[Arch]*Table{}
	for arch, g := range generated {
		t := &Table{
			arch:   arch,
			calls:  g.calls,
			byName: make(map[string]*Syscall, len(g.calls)),
			byNr:   make(map[int]*Syscall, len(g.calls)),
			dicts:  make(map[string]*Dict, len(g.dicts)),
		}
		sort.Slice(t.calls, func(i, j int) bool { return t.calls[i].Nr < t.calls[j].Nr })
		for _, s := range t.calls {
			t.byName[s.Name] = s
			t.byNr[s.Nr] = s
		}
		for _, d := range g.dicts {
			d.index()
			t.dicts[d.Name] = d
		}
		tables[arch] = t
	}
}

// Linux returns the embedded table of arch.
func Linux(arch Arch) (*Table, error) {
	tablesOnce.Do(buildTables)
	t, ok := tables[arch]
	if !ok {
		return nil, fmt.Errorf("load syscall table: unsupported architecture %q", arch)
	}
	return t, nil
}

// Arch returns the table's architecture.
func (t *Table) Arch() Arch { return t.arch }

// ByName finds a syscall by its kernel name.
func (t *Table) ByName(name string) (*Syscall, bool) {
	s, ok := t.byName[name]
	return s, ok
}

// ByNumber finds a syscall by number.
func (t *Table) ByNumber(nr int) (*Syscall, bool) {
	s, ok := t.byNr[nr]
	return s, ok
}

// All returns every syscall, sorted by number. The slice is shared.
func (t *Table) All() []*Syscall { return t.calls }

// Dict returns the dictionary called name.
func (t *Table) Dict(name string) (*Dict, bool) {
	d, ok := t.dicts[name]
	return d, ok
}

// Dicts returns every dictionary, sorted by name.
func (t *Table) Dicts() []*Dict {
	out := make([]*Dict, 0, len(t.dicts))
	for _, d := range t.dicts {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// generatedTable is what zz_generated.go provides per architecture.
type generatedTable struct {
	calls []*Syscall
	dicts []*Dict
}
