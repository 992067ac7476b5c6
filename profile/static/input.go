package static

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Kinds of input files, as reported in File.Kind.
const (
	KindArchive     = "archive"
	KindExecutable  = "executable"
	KindShared      = "shared object"
	KindRelocatable = "relocatable object"
)

var (
	elfMagic     = []byte("\x7fELF")
	arMagic      = []byte("!<arch>\n")
	thinArMagic  = []byte("!<thin>\n")
	endbr64      = []byte{0xf3, 0x0f, 0x1e, 0xfa}
	machineNames = map[elf.Machine]string{
		elf.EM_AARCH64: "aarch64", elf.EM_386: "i386", elf.EM_ARM: "arm",
		elf.EM_RISCV: "riscv", elf.EM_PPC64: "ppc64", elf.EM_S390: "s390x",
		elf.EM_MIPS: "mips", elf.EM_LOONGARCH: "loongarch",
	}
)

// object is one unit of code: a linked ELF file or an archive member.
type object struct {
	name     string // as reported: "libc.a(read.lo)" or the file's base name
	linked   bool   // executable or shared object, addresses are virtual
	sections []*section
	// globals maps a defined global or weak function symbol to its place.
	globals map[string]fnKey
}

// section is one executable section with its decoded instructions.
type section struct {
	obj   *object
	name  string
	addr  uint64
	data  []byte
	insts []inst
	index map[uint64]int // instruction address → index in insts
	// relocs maps the address of a relocated field to its target; only
	// in relocatable objects.
	relocs map[uint64]relocTarget
	// starts maps known function start addresses to names ("" unknown).
	starts map[uint64]string
	// sortedStarts is starts' keys in order.
	sortedStarts []uint64
	// jumps maps an address to the indices of direct jumps within this
	// section that target it (not counting tail calls).
	jumps map[uint64][]int
	// indirect maps a function start to the indices of its indirect
	// jumps (jmp *%rax, jmp *table(,%rax,8)).
	indirect map[uint64][]int
}

// relocTarget is what a relocation points at: a local place, or a global
// name to be found in another object.
type relocTarget struct {
	local  *section
	offset uint64 // in local, already adjusted for the addend
	name   string // global symbol, when local is nil
}

// fnKey identifies a function by its section and start address.
type fnKey struct {
	sec   *section
	start uint64
}

// readFile opens path and returns its objects and the File description.
func readFile(path string) ([]*object, File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, File{}, fmt.Errorf("read input: %w", err)
	}
	f := File{Path: path}
	base := filepath.Base(path)
	switch {
	case bytes.HasPrefix(data, arMagic):
		f.Kind = KindArchive
		objs, err := readArchive(path, base, data[len(arMagic):])
		if err != nil {
			return nil, f, err
		}
		f.Objects = len(objs)
		return objs, f, nil
	case bytes.HasPrefix(data, thinArMagic):
		return nil, f, fmt.Errorf("%s: thin ar archives (members kept outside the archive) are not supported", path)
	case bytes.HasPrefix(data, elfMagic):
		o, err := readELF(path, base, data, &f)
		if err != nil {
			return nil, f, err
		}
		f.Objects = 1
		return []*object{o}, f, nil
	}
	return nil, f, fmt.Errorf("%s: not an ELF file or ar archive (starts with %q)", path, printable(data[:min(len(data), 8)]))
}

func printable(b []byte) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return '.'
		}
		return r
	}, string(b))
}

// checkIdent rejects ELF files that are not 64-bit little-endian x86_64,
// before debug/elf parses anything else, so the error is about the
// architecture rather than a parse failure.
func checkIdent(name string, data []byte) error {
	if len(data) < 20 {
		return fmt.Errorf("%s: truncated ELF header (%d bytes)", name, len(data))
	}
	class, order := elf.Class(data[elf.EI_CLASS]), elf.Data(data[elf.EI_DATA])
	var m elf.Machine
	switch order {
	case elf.ELFDATA2LSB:
		m = elf.Machine(binary.LittleEndian.Uint16(data[18:]))
	case elf.ELFDATA2MSB:
		m = elf.Machine(binary.BigEndian.Uint16(data[18:]))
	default:
		return fmt.Errorf("%s: ELF header has an unknown byte order %d", name, data[elf.EI_DATA])
	}
	if m != elf.EM_X86_64 || class != elf.ELFCLASS64 || order != elf.ELFDATA2LSB {
		arch := machineNames[m]
		if arch == "" {
			arch = m.String()
		}
		return fmt.Errorf("%s: ELF for %s (%s, %s), only x86_64 (64-bit) is supported", name, arch, class, m)
	}
	return nil
}

// readArchive parses the members of a System V / GNU ar archive.
func readArchive(path, base string, data []byte) ([]*object, error) {
	var objs []*object
	var longNames []byte
	off := int64(len(arMagic))
	for len(data) > 0 {
		if len(data) < 60 {
			return nil, fmt.Errorf("%s: truncated ar member header at offset %d", path, off)
		}
		hdr := data[:60]
		if hdr[58] != '`' || hdr[59] != '\n' {
			return nil, fmt.Errorf("%s: bad ar member header at offset %d", path, off)
		}
		name := strings.TrimRight(string(hdr[:16]), " ")
		size, err := strconv.ParseInt(strings.TrimSpace(string(hdr[48:58])), 10, 64)
		if err != nil || size < 0 || size > int64(len(data)-60) {
			return nil, fmt.Errorf("%s: bad ar member size %q at offset %d", path, hdr[48:58], off)
		}
		body := data[60 : 60+size]
		next := 60 + size + size%2
		data = data[min(next, int64(len(data))):]
		memberOff := off
		off += next
		switch {
		case name == "/" || name == "/SYM64/" || name == "__.SYMDEF" || name == "__.SYMDEF SORTED":
			continue // symbol index
		case name == "//":
			longNames = body
			continue
		case strings.HasPrefix(name, "/"):
			i, err := strconv.Atoi(name[1:])
			if err != nil || i < 0 || i >= len(longNames) {
				return nil, fmt.Errorf("%s: bad long member name %q at offset %d", path, name, memberOff)
			}
			end := bytes.IndexByte(longNames[i:], '\n')
			if end < 0 {
				end = len(longNames) - i
			}
			name = strings.TrimSuffix(string(longNames[i:i+end]), "/")
		case strings.HasPrefix(name, "#1/"):
			n, err := strconv.Atoi(name[3:])
			if err != nil || n < 0 || n > len(body) {
				return nil, fmt.Errorf("%s: bad BSD member name %q at offset %d", path, name, memberOff)
			}
			name, body = strings.TrimRight(string(body[:n]), "\x00"), body[n:]
		default:
			name = strings.TrimSuffix(name, "/")
		}
		if !bytes.HasPrefix(body, elfMagic) {
			continue // not code (e.g. a text file some archives carry)
		}
		full := fmt.Sprintf("%s(%s)", base, name)
		var f File
		o, err := readELF(fmt.Sprintf("%s(%s)", path, name), full, body, &f)
		if err != nil {
			return nil, err
		}
		objs = append(objs, o)
	}
	if len(objs) == 0 {
		return nil, fmt.Errorf("%s: archive has no ELF members", path)
	}
	return objs, nil
}

// readELF loads the executable sections of one ELF file. errName names it
// in errors, name in results; f receives what the file is.
func readELF(errName, name string, data []byte, f *File) (*object, error) {
	if err := checkIdent(errName, data); err != nil {
		return nil, err
	}
	ef, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: parse ELF: %w", errName, err)
	}
	defer ef.Close()
	o := &object{name: name, globals: map[string]fnKey{}}
	switch ef.Type {
	case elf.ET_REL:
		f.Kind = KindRelocatable
	case elf.ET_EXEC:
		f.Kind, o.linked = KindExecutable, true
	case elf.ET_DYN:
		f.Kind, o.linked = KindShared, true
	default:
		return nil, fmt.Errorf("%s: ELF type %s cannot be analysed", errName, ef.Type)
	}
	if o.linked {
		for _, p := range ef.Progs {
			if p.Type == elf.PT_INTERP {
				f.Dynamic = true
				if s, err := readAll(p.Open()); err == nil {
					f.Interpreter = strings.TrimRight(string(s), "\x00")
				}
			}
		}
		if libs, err := ef.ImportedLibraries(); err == nil && len(libs) > 0 {
			f.Dynamic = true
			f.Needed = libs
		}
		if f.Kind == KindShared && f.Interpreter != "" {
			f.Kind = KindExecutable // a PIE
		}
	}

	bySection := map[int]*section{}
	for i, s := range ef.Sections {
		if s.Type != elf.SHT_PROGBITS || s.Flags&elf.SHF_EXECINSTR == 0 || s.Size == 0 {
			continue
		}
		d, err := s.Data()
		if err != nil {
			return nil, fmt.Errorf("%s: read section %s: %w", errName, s.Name, err)
		}
		sec := &section{obj: o, name: s.Name, data: d, starts: map[uint64]string{}}
		if o.linked {
			sec.addr = s.Addr
		}
		sec.starts[sec.addr] = ""
		o.sections = append(o.sections, sec)
		bySection[i] = sec
	}
	if len(ef.Sections) == 0 && o.linked {
		// No section headers: fall back to executable segments.
		for _, p := range ef.Progs {
			if p.Type != elf.PT_LOAD || p.Flags&elf.PF_X == 0 {
				continue
			}
			d, err := readAll(p.Open())
			if err != nil {
				return nil, fmt.Errorf("%s: read segment at %#x: %w", errName, p.Vaddr, err)
			}
			sec := &section{obj: o, name: fmt.Sprintf("segment@%#x", p.Vaddr), addr: p.Vaddr, data: d, starts: map[uint64]string{p.Vaddr: ""}}
			o.sections = append(o.sections, sec)
		}
	}
	if o.linked {
		if s := o.sectionAt(ef.Entry); s != nil {
			s.starts[ef.Entry] = "_start"
		}
	}

	syms, err := ef.Symbols()
	if err != nil && err != elf.ErrNoSymbols {
		return nil, fmt.Errorf("%s: read symbols: %w", errName, err)
	}
	f.Stripped = len(syms) == 0
	for _, s := range syms {
		if elf.ST_TYPE(s.Info) != elf.STT_FUNC && !(elf.ST_TYPE(s.Info) == elf.STT_NOTYPE && elf.ST_BIND(s.Info) == elf.STB_GLOBAL && s.Size > 0) {
			continue
		}
		var sec *section
		if o.linked {
			sec = o.sectionAt(s.Value)
		} else {
			sec = bySection[int(s.Section)]
		}
		if sec == nil {
			continue
		}
		if sec.starts[s.Value] == "" || elf.ST_BIND(s.Info) == elf.STB_GLOBAL {
			sec.starts[s.Value] = s.Name
		}
		if b := elf.ST_BIND(s.Info); b == elf.STB_GLOBAL || b == elf.STB_WEAK {
			if old, dup := o.globals[s.Name]; !dup || old.sec == nil {
				o.globals[s.Name] = fnKey{sec, s.Value}
			}
		}
	}

	if !o.linked {
		if err := readRelocs(errName, ef, syms, bySection); err != nil {
			return nil, err
		}
	}
	for _, sec := range o.sections {
		sec.decode()
	}
	return o, nil
}

func readAll(r interface{ Read([]byte) (int, error) }) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}

// sectionAt returns the section holding address a in a linked object.
func (o *object) sectionAt(a uint64) *section {
	for _, s := range o.sections {
		if a >= s.addr && a < s.addr+uint64(len(s.data)) {
			return s
		}
	}
	return nil
}

// readRelocs records the PC-relative relocations of executable sections,
// which is how calls between functions show in relocatable objects.
func readRelocs(errName string, ef *elf.File, syms []elf.Symbol, bySection map[int]*section) error {
	for _, rs := range ef.Sections {
		if rs.Type != elf.SHT_RELA {
			continue
		}
		sec := bySection[int(rs.Info)]
		if sec == nil {
			continue
		}
		d, err := rs.Data()
		if err != nil {
			return fmt.Errorf("%s: read section %s: %w", errName, rs.Name, err)
		}
		if len(d)%24 != 0 {
			return fmt.Errorf("%s: section %s: size %d is not a multiple of 24", errName, rs.Name, len(d))
		}
		sec.relocs = map[uint64]relocTarget{}
		for i := 0; i < len(d); i += 24 {
			off := binary.LittleEndian.Uint64(d[i:])
			info := binary.LittleEndian.Uint64(d[i+8:])
			addend := int64(binary.LittleEndian.Uint64(d[i+16:]))
			typ := elf.R_X86_64(info & 0xffffffff)
			if typ != elf.R_X86_64_PC32 && typ != elf.R_X86_64_PLT32 {
				continue
			}
			si := int(info >> 32)
			if si == 0 || si > len(syms) {
				continue
			}
			s := syms[si-1] // debug/elf drops the null symbol
			var t relocTarget
			switch {
			case elf.ST_TYPE(s.Info) == elf.STT_SECTION || (elf.ST_BIND(s.Info) == elf.STB_LOCAL && s.Section != elf.SHN_UNDEF):
				local := bySection[int(s.Section)]
				if local == nil {
					continue // data, not code
				}
				t = relocTarget{local: local, offset: uint64(int64(s.Value) + addend + 4)}
			case s.Section == elf.SHN_UNDEF || elf.ST_BIND(s.Info) != elf.STB_LOCAL:
				t = relocTarget{name: s.Name}
			}
			sec.relocs[off] = t
		}
	}
	return nil
}

// finish sorts a section's function starts after they are all known.
func (s *section) finish() {
	s.sortedStarts = s.sortedStarts[:0]
	for a := range s.starts {
		s.sortedStarts = append(s.sortedStarts, a)
	}
	sort.Slice(s.sortedStarts, func(i, j int) bool { return s.sortedStarts[i] < s.sortedStarts[j] })
}

// function returns the start of the function holding address a.
func (s *section) function(a uint64) uint64 {
	i := sort.Search(len(s.sortedStarts), func(i int) bool { return s.sortedStarts[i] > a })
	if i == 0 {
		return s.addr
	}
	return s.sortedStarts[i-1]
}

// funcName names the function starting at start.
func (s *section) funcName(start uint64) string {
	if n := s.starts[start]; n != "" {
		return n
	}
	if s.obj.linked {
		return fmt.Sprintf("sub_%x", start)
	}
	if start == 0 {
		return s.name
	}
	return fmt.Sprintf("%s+%#x", s.name, start)
}
