// Package static finds the syscalls x86_64 machine code may issue, without
// running it: the static layer of usage profiles.
//
// Analyze reads ELF executables (static or dynamic, stripped or not),
// shared objects, relocatable objects and ar archives of them (musl's
// libc.a), disassembles their executable sections with
// golang.org/x/arch/x86/x86asm, and finds every syscall instruction. For
// each, it walks the control flow backwards from the instruction and
// follows the value of rax through immediates, register copies, sign and
// zero extensions, xor r,r, a byte write after clearing the register, and
// conditional moves, along every path, until a constant settles it.
//
// When the walk reaches the function's entry with the number in an
// argument register, the function is a wrapper (musl's syscall(),
// __syscall_cp, __syscall_cp_c, __syscall_cp_asm; glibc's syscall()): the
// number is then recovered at each of its call sites, tracking that
// argument register, through as many wrapper levels as there are. In
// relocatable objects calls are found through their R_X86_64_PLT32/PC32
// relocations; in linked files through direct call targets, which also
// serve as function starts when the file is stripped.
//
// Nothing is dropped. A site whose number is loaded from memory, computed,
// returned by a call, or reached through an indirect jump is reported as
// unresolved, with its address and the reason. Numbers are attributed to
// the object (archive member or file) and function holding the site, or,
// for wrapper calls, the call.
//
// Analysis is sound only as far as direct control flow goes: code reached
// only through indirect jumps that the linear disassembly decodes is
// still found, but its number may be unresolved; code hidden in data is
// not found. Dynamically linked programs issue almost all their syscalls
// from their shared libraries, which are not analysed unless given as
// inputs; File.Dynamic says so.
package static
