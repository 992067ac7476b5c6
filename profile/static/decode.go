package static

import (
	"bytes"

	"golang.org/x/arch/x86/x86asm"
)

// inst is one decoded instruction.
type inst struct {
	addr uint64
	x86asm.Inst
	// bad marks bytes that did not decode; they end any flow.
	bad bool
}

// decode disassembles s linearly. Bytes that do not decode become one-byte
// bad instructions, so the sweep resynchronises on the next byte.
func (s *section) decode() {
	s.index = map[uint64]int{}
	for off := 0; off < len(s.data); {
		in := inst{addr: s.addr + uint64(off)}
		if bytes.HasPrefix(s.data[off:], endbr64) {
			// x86asm decodes endbr64 as a REP prefix and a hint NOP.
			in.Inst = x86asm.Inst{Op: x86asm.NOP, Len: len(endbr64), Mode: 64}
		} else if d, err := x86asm.Decode(s.data[off:], 64); err != nil || d.Len == 0 {
			in.bad = true
			in.Len = 1
		} else {
			in.Inst = d
		}
		s.index[in.addr] = len(s.insts)
		s.insts = append(s.insts, in)
		off += in.Len
	}
}

// directTarget returns the target of a direct CALL or JMP/Jcc and whether
// it is known from the instruction itself (not a relocation).
func (s *section) directTarget(in *inst) (relocTarget, bool) {
	rel, ok := in.Args[0].(x86asm.Rel)
	if !ok {
		return relocTarget{}, false
	}
	if s.relocs != nil && in.PCRelOff > 0 {
		if t, ok := s.relocs[in.addr-s.addr+uint64(in.PCRelOff)]; ok {
			return t, true
		}
	}
	return relocTarget{local: s, offset: uint64(int64(in.addr) + int64(in.Len) + int64(rel))}, true
}

// isJump reports whether op is a direct or indirect jump (not a call).
func isJump(op x86asm.Op) bool {
	switch op {
	case x86asm.JMP, x86asm.JA, x86asm.JAE, x86asm.JB, x86asm.JBE, x86asm.JCXZ, x86asm.JE,
		x86asm.JECXZ, x86asm.JG, x86asm.JGE, x86asm.JL, x86asm.JLE, x86asm.JNE, x86asm.JNO,
		x86asm.JNP, x86asm.JNS, x86asm.JO, x86asm.JP, x86asm.JRCXZ, x86asm.JS,
		x86asm.LOOP, x86asm.LOOPE, x86asm.LOOPNE:
		return true
	}
	return false
}

// endsFlow reports whether execution never falls through past in.
func endsFlow(in *inst) bool {
	if in.bad {
		return true
	}
	switch in.Op {
	case x86asm.JMP, x86asm.RET, x86asm.LRET, x86asm.UD2, x86asm.HLT, x86asm.IRET, x86asm.IRETQ:
		return true
	}
	return false
}
