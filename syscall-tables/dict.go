package systab

import (
	"fmt"
	"strconv"
	"strings"
)

// ValueKind says whether a dictionary value is an enumerated value or a
// flag bit.
type ValueKind string

// The kinds of dictionary values.
const (
	EnumValue ValueKind = "enum"
	BitValue  ValueKind = "bit"
)

// Dict is a dictionary: the named values of one kind of argument.
type Dict struct {
	// Name is the dictionary's name, e.g. "open_flags".
	Name string
	// Kind is Bitset, Enum or Composite.
	Kind Kind
	// Mask selects the enumerated part of a Composite value; the other
	// bits are flags.
	Mask uint64
	// Ioctl marks an ioctl request dictionary: a request without a name
	// decodes as _IOC(dir,type,nr,size).
	Ioctl bool
	// Values are sorted by kind (enumerated values first), then value.
	// Aliases (a second name for a value) are not included.
	Values []NamedValue

	enums map[uint64]string
	bits  []NamedValue
}

// NamedValue is one entry of a dictionary.
type NamedValue struct {
	Name  string
	Value uint64
	Kind  ValueKind
}

func (d *Dict) index() {
	d.enums = map[uint64]string{}
	d.bits = nil
	for _, v := range d.Values {
		if v.Kind == EnumValue {
			d.enums[v.Value] = v.Name
		} else {
			d.bits = append(d.bits, v)
		}
	}
}

// Lookup returns the value of name in the dictionary.
func (d *Dict) Lookup(name string) (NamedValue, bool) {
	for _, v := range d.Values {
		if v.Name == name {
			return v, true
		}
	}
	return NamedValue{}, false
}

// Decode returns the canonical string of raw (see the package
// documentation).
func (d *Dict) Decode(raw uint64) string {
	switch d.Kind {
	case Enum:
		return d.decodeEnum(raw)
	case Bitset:
		if n, ok := d.enums[raw]; ok {
			return n
		}
		return d.decodeBits(raw)
	}
	s := d.decodeEnum(raw & d.Mask)
	if rest := raw &^ d.Mask; rest != 0 {
		s += "|" + d.decodeBits(rest)
	}
	return s
}

func (d *Dict) decodeEnum(v uint64) string {
	if n, ok := d.enums[v]; ok {
		return n
	}
	if d.Ioctl {
		return decodeIOC(v)
	}
	if int64(v) < 0 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatUint(v, 10)
}

// decodeBits names the bits of v in ascending order; unnamed bits end as
// one hex token.
func (d *Dict) decodeBits(v uint64) string {
	if v == 0 {
		return "0"
	}
	var parts []string
	rest := v
	for _, b := range d.bits {
		if b.Value != 0 && rest&b.Value == b.Value {
			parts = append(parts, b.Name)
			rest &^= b.Value
		}
	}
	if rest != 0 {
		parts = append(parts, fmt.Sprintf("%#x", rest))
	}
	return strings.Join(parts, "|")
}

// Universe returns every named value of the dictionary as a token, in the
// order of Values (enumerated values first).
func (d *Dict) Universe() []string {
	out := make([]string, len(d.Values))
	for i, v := range d.Values {
		out[i] = v.Name
	}
	return out
}

// decodeIOC writes an ioctl request number in the kernel's generic _IOC
// layout (x86_64 and aarch64 share it): nr bits 0-7, type 8-15, size
// 16-29, direction 30-31.
func decodeIOC(v uint64) string {
	nr := v & 0xff
	typ := (v >> 8) & 0xff
	size := (v >> 16) & 0x3fff
	var dir string
	switch (v >> 30) & 3 {
	case 0:
		dir = "_IOC_NONE"
	case 1:
		dir = "_IOC_WRITE"
	case 2:
		dir = "_IOC_READ"
	case 3:
		dir = "_IOC_READ|_IOC_WRITE"
	}
	t := fmt.Sprintf("%#x", typ)
	if typ >= 0x21 && typ < 0x7f && typ != '\'' && typ != '\\' {
		t = fmt.Sprintf("'%c'", rune(typ))
	}
	s := fmt.Sprintf("_IOC(%s,%s,%#x,%#x)", dir, t, nr, size)
	if hi := v >> 32; hi != 0 {
		s += fmt.Sprintf("|%#x", hi<<32)
	}
	return s
}

// Decode returns the canonical string of the raw value of behaviour index
// behaviour of syscall nr (see the package documentation). An unknown
// syscall, behaviour or dictionary gives the value in hex.
func (t *Table) Decode(nr int, behaviour int, raw uint64) string {
	d := t.behaviourDict(nr, behaviour)
	if d == nil {
		return fmt.Sprintf("%#x", raw)
	}
	return d.Decode(raw)
}

// Universe returns every named value of behaviour index behaviour of
// syscall nr, as Decode tokens: for composites the enumerated values and
// the flag bits, each as a token. It is nil for an unknown syscall or
// behaviour, and for a Value behaviour.
func (t *Table) Universe(nr int, behaviour int) []string {
	d := t.behaviourDict(nr, behaviour)
	if d == nil {
		return nil
	}
	return d.Universe()
}

func (t *Table) behaviourDict(nr, behaviour int) *Dict {
	s, ok := t.byNr[nr]
	if !ok || behaviour < 0 || behaviour >= len(s.Behaviour) {
		return nil
	}
	return t.dicts[s.Behaviour[behaviour].Dict]
}
