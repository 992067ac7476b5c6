package static

import (
	"fmt"

	"golang.org/x/arch/x86/x86asm"
)

// reg is a general-purpose register family, 0 (rax) to 15 (r15).
type reg int

const (
	rax reg = 0
	rcx reg = 1
	rdx reg = 2
	rsp reg = 4
	rsi reg = 6
	rdi reg = 7
	r8  reg = 8
	r9  reg = 9
	r10 reg = 10
	r11 reg = 11
)

var regNames = [16]string{"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"}

func (r reg) String() string { return regNames[r] }

// argRegs are the System V integer argument registers, in order.
var argRegs = []reg{rdi, rsi, rdx, rcx, r8, r9}

// argIndex returns r's 1-based position among the argument registers, or 0.
func argIndex(r reg) int {
	for i, a := range argRegs {
		if a == r {
			return i + 1
		}
	}
	return 0
}

// callerSaved are the registers a call may change.
func callerSaved(r reg) bool {
	switch r {
	case rax, rcx, rdx, rsi, rdi, r8, r9, r10, r11:
		return true
	}
	return false
}

// family maps an x86asm register to its family and width in bits; ok is
// false for non-general-purpose registers.
func family(r x86asm.Reg) (f reg, bits int, ok bool) {
	switch {
	case r >= x86asm.AL && r <= x86asm.BL:
		return reg(r - x86asm.AL), 8, true
	case r >= x86asm.AH && r <= x86asm.BH:
		return reg(r - x86asm.AH), 8, true
	case r >= x86asm.SPB && r <= x86asm.DIB:
		return reg(r-x86asm.SPB) + 4, 8, true
	case r >= x86asm.R8B && r <= x86asm.R15B:
		return reg(r-x86asm.R8B) + 8, 8, true
	case r >= x86asm.AX && r <= x86asm.R15W:
		return reg(r - x86asm.AX), 16, true
	case r >= x86asm.EAX && r <= x86asm.R15L:
		return reg(r - x86asm.EAX), 32, true
	case r >= x86asm.RAX && r <= x86asm.R15:
		return reg(r - x86asm.RAX), 64, true
	}
	return 0, 0, false
}

// outcome is one possible origin of a register's value at a site.
type outcome struct {
	kind   outcomeKind
	value  int64  // outConst
	arg    reg    // outEntry: the register at function entry
	fn     uint64 // outEntry: the function's start
	reason string // outUnknown
}

type outcomeKind int

const (
	outConst   outcomeKind = iota // a constant
	outEntry                      // the value of an argument register at function entry
	outUnknown                    // anything else
	outPartial                    // low bits set: value, with the mask in fn (internal to track)
)

// maxSteps bounds one backward walk; real functions need far fewer.
const maxSteps = 20000

// track walks backwards from just before instruction idx of s and returns
// every origin of register r's value there: constants, the caller's
// argument registers at function entry, or reasons it is unknown.
func (s *section) track(idx int, r reg) []outcome {
	type state struct {
		idx int // the value of r is wanted just after insts[idx]
		r   reg
		// part and mask are low bits already known from a later
		// partial write (mov $n,%al after xor %eax,%eax); mask 0: none.
		part, mask int64
	}
	var out []outcome
	seen := map[state]bool{}
	seenOut := map[outcome]bool{}
	add := func(o outcome) {
		if !seenOut[o] {
			seenOut[o] = true
			out = append(out, o)
		}
	}
	var work []state
	// preds pushes the states before instruction i (tracking r).
	preds := func(i int, r reg, part, mask int64) {
		a := s.insts[i].addr
		if _, isStart := s.starts[a]; isStart {
			if mask != 0 {
				add(outcome{kind: outUnknown, reason: fmt.Sprintf("%s partly set from %s at entry of %s", r, r, s.funcName(a))})
			} else if argIndex(r) > 0 {
				add(outcome{kind: outEntry, arg: r, fn: a})
			} else {
				add(outcome{kind: outUnknown, reason: fmt.Sprintf("%s at entry of %s", r, s.funcName(a))})
			}
			return
		}
		found := false
		if i > 0 && !endsFlow(&s.insts[i-1]) && !afterDeadPadding(s, i) {
			work = append(work, state{i - 1, r, part, mask})
			found = true
		}
		for _, j := range s.jumps[a] {
			work = append(work, state{j, r, part, mask})
			found = true
		}
		if !found {
			// A block only an indirect jump reaches: in a function whose
			// bounds the symbol table gives, that is a jump table of the
			// same function, so every indirect jump there may lead here.
			if start := s.function(a); s.starts[start] != "" {
				for _, j := range s.indirect[start] {
					work = append(work, state{j, r, part, mask})
					found = true
				}
			}
		}
		if !found {
			add(outcome{kind: outUnknown, reason: fmt.Sprintf("no known path reaches %#x (indirect jump target?)", a)})
		}
	}
	preds(idx, r, 0, 0)
	for steps := 0; len(work) > 0; steps++ {
		if steps > maxSteps {
			add(outcome{kind: outUnknown, reason: "too many paths"})
			break
		}
		st := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[st] {
			continue
		}
		seen[st] = true
		in := &s.insts[st.idx]
		res, next, done := effect(in, st.r)
		switch {
		case done && res.kind == outPartial:
			m := int64(res.fn)
			if st.mask == 0 {
				preds(st.idx, st.r, res.value&m, m)
			} else if m&^st.mask == 0 {
				preds(st.idx, st.r, st.part, st.mask) // overwritten later
			} else {
				add(outcome{kind: outUnknown, reason: fmt.Sprintf("%s partly written twice at %#x", st.r, in.addr)})
			}
		case done && st.mask != 0 && res.kind == outConst:
			add(outcome{kind: outConst, value: res.value&^st.mask | st.part})
		case done:
			add(res)
		case next != st.r:
			preds(st.idx, next, st.part, st.mask)
		default:
			preds(st.idx, st.r, st.part, st.mask)
			if in.Op >= x86asm.CMOVA && in.Op <= x86asm.CMOVS {
				// A conditional move may also have taken its source.
				if src, _, ok := regArg(in.Args[1]); ok {
					if dst, _, ok := regArg(in.Args[0]); ok && dst == st.r {
						preds(st.idx, src, st.part, st.mask)
					}
				}
			}
		}
	}
	return out
}

func regArg(a x86asm.Arg) (reg, int, bool) {
	r, ok := a.(x86asm.Reg)
	if !ok {
		return 0, 0, false
	}
	return family(r)
}

// effect says what instruction in does to register r: it either settles
// r's origin (done), or hands the search on to register next (which is r
// itself when in does not write r, or when in is a conditional move).
func effect(in *inst, r reg) (res outcome, next reg, done bool) {
	unknown := func(format string, a ...any) (outcome, reg, bool) {
		return outcome{kind: outUnknown, reason: fmt.Sprintf(format, a...) + fmt.Sprintf(" at %#x", in.addr)}, r, true
	}
	switch in.Op {
	case x86asm.CALL, x86asm.LCALL:
		if callerSaved(r) {
			if r == rax {
				return unknown("%s is a call's return value", r)
			}
			return unknown("%s clobbered by a call", r)
		}
		return outcome{}, r, false
	case x86asm.SYSCALL:
		if r == rax || r == rcx || r == r11 {
			return unknown("%s set by a previous syscall", r)
		}
		return outcome{}, r, false
	}
	if implicitWrite(in, r) {
		return unknown("%s set by %s", r, in.Op)
	}
	dst, bits, ok := regArg(in.Args[0])
	if !ok || dst != r || readOnly(in.Op) {
		if in.Op == x86asm.XCHG || in.Op == x86asm.XADD {
			if d2, _, ok := regArg(in.Args[1]); ok && d2 == r {
				return unknown("%s set by %s", r, in.Op)
			}
		}
		return outcome{}, r, false
	}
	switch in.Op {
	case x86asm.MOV:
		if bits < 32 {
			reg8 := in.Args[0].(x86asm.Reg)
			if imm, ok := in.Args[1].(x86asm.Imm); ok && !(reg8 >= x86asm.AH && reg8 <= x86asm.BH) {
				return outcome{kind: outPartial, value: int64(imm), fn: uint64(1)<<bits - 1}, r, true
			}
			return unknown("%s partly written by %s", r, in.Op)
		}
		switch a := in.Args[1].(type) {
		case x86asm.Imm:
			v := int64(a)
			if bits == 32 {
				v = int64(uint32(v))
			}
			return outcome{kind: outConst, value: v}, r, true
		case x86asm.Reg:
			if src, sbits, ok := family(a); ok && sbits >= 32 {
				return outcome{}, src, false
			}
		case x86asm.Mem:
			return unknown("%s loaded from memory", r)
		}
		return unknown("%s set by %s", r, in.Op)
	case x86asm.MOVSXD, x86asm.MOVSX, x86asm.MOVZX:
		if src, _, ok := regArg(in.Args[1]); ok && bits >= 32 {
			return outcome{}, src, false
		}
		return unknown("%s loaded from memory", r)
	case x86asm.XOR, x86asm.SUB:
		if src, _, ok := regArg(in.Args[1]); ok && src == r && bits >= 32 {
			return outcome{kind: outConst, value: 0}, r, true
		}
	case x86asm.CMOVA, x86asm.CMOVAE, x86asm.CMOVB, x86asm.CMOVBE, x86asm.CMOVE, x86asm.CMOVG,
		x86asm.CMOVGE, x86asm.CMOVL, x86asm.CMOVLE, x86asm.CMOVNE, x86asm.CMOVNO, x86asm.CMOVNP,
		x86asm.CMOVNS, x86asm.CMOVO, x86asm.CMOVP, x86asm.CMOVS:
		if _, _, ok := regArg(in.Args[1]); ok {
			return outcome{}, r, false // track handles both origins
		}
		return unknown("%s conditionally loaded from memory", r)
	}
	return unknown("%s computed by %s", r, in.Op)
}

// readOnly lists operations whose first operand is not written.
func readOnly(op x86asm.Op) bool {
	switch op {
	case x86asm.CMP, x86asm.TEST, x86asm.PUSH, x86asm.BT, x86asm.NOP, x86asm.PREFETCHT0,
		x86asm.PREFETCHT1, x86asm.PREFETCHT2, x86asm.PREFETCHNTA, x86asm.PREFETCHW,
		x86asm.JMP, x86asm.CALL, x86asm.CMPXCHG, x86asm.UCOMISS, x86asm.UCOMISD,
		x86asm.COMISS, x86asm.COMISD, x86asm.PTEST:
		return true
	}
	return isJump(op)
}

// implicitWrite reports whether op changes register r without naming it
// as its first operand.
func implicitWrite(in *inst, r reg) bool {
	op := in.Op
	switch op {
	case x86asm.CPUID:
		return r <= 3
	case x86asm.RDTSC, x86asm.RDTSCP:
		return r == rax || r == rdx || r == rcx
	case x86asm.MUL, x86asm.IMUL, x86asm.DIV, x86asm.IDIV:
		// The one-operand forms write rdx:rax; IMUL's others name their
		// destination.
		return in.Args[1] == nil && (r == rax || r == rdx)
	case x86asm.CQO, x86asm.CDQ, x86asm.CWD:
		return r == rdx
	case x86asm.CDQE, x86asm.CWDE, x86asm.CBW, x86asm.LODSB, x86asm.LODSW, x86asm.LODSD, x86asm.LODSQ,
		x86asm.CMPXCHG, x86asm.XGETBV, x86asm.RDRAND, x86asm.LAHF:
		return r == rax || (op == x86asm.XGETBV && r == rdx)
	case x86asm.STOSB, x86asm.STOSW, x86asm.STOSD, x86asm.STOSQ, x86asm.SCASB, x86asm.SCASW, x86asm.SCASD, x86asm.SCASQ:
		return r == rdi || r == rcx
	case x86asm.MOVSB, x86asm.MOVSW, x86asm.MOVSD, x86asm.MOVSQ, x86asm.CMPSB, x86asm.CMPSW, x86asm.CMPSD, x86asm.CMPSQ:
		return r == rdi || r == rsi || r == rcx
	case x86asm.CMPXCHG8B, x86asm.CMPXCHG16B:
		return r == rax || r == rdx
	case x86asm.POP, x86asm.PUSH, x86asm.LEAVE, x86asm.ENTER:
		return false // rsp is never tracked as a number
	}
	return false
}

// isPadding reports whether in is an instruction compilers use to align
// code: a NOP of any length, or int3.
func isPadding(in *inst) bool {
	return !in.bad && (in.Op == x86asm.NOP || in.Op == x86asm.INT && in.Args[0] == x86asm.Imm(3))
}

// afterDeadPadding reports whether instruction i follows alignment padding
// that itself follows a jump or return and is no jump's target: then no
// path falls through into i (it is a jump-table target, say).
func afterDeadPadding(s *section, i int) bool {
	j := i - 1
	for j >= 0 && isPadding(&s.insts[j]) && len(s.jumps[s.insts[j].addr]) == 0 {
		if _, start := s.starts[s.insts[j].addr]; start {
			return false
		}
		j--
	}
	return j >= 0 && j < i-1 && endsFlow(&s.insts[j])
}
