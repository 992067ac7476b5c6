// Package systab describes the Linux system call interface as data: for
// x86_64 and aarch64, every syscall's number, name, argument names and C
// types and the first kernel release that has it; which arguments change
// behaviour ("behaviours": bit sets, enumerations, composites, values read
// through a pointer); and dictionaries naming the values of those
// arguments, with a canonical decoder and the universe of named values
// used as the denominator of flag-value coverage.
//
// Contract:
//   - All data is generated ahead of time and embedded (zz_generated.go,
//     written by `go generate` from the files in data/); nothing is read
//     from the machine at run time, and the package never logs or prints.
//   - The tables describe Linux v6.18: x86_64 numbers 0–336 and 424–469,
//     aarch64 the asm-generic numbering. Data provenance is recorded at the
//     top of each file in data/.
//   - A Table and everything it returns are shared and read-only; callers
//     must not modify them.
//   - Decode is total: any raw value decodes to a string (unknown syscalls
//     or behaviours as hex), so callers can print whatever the tracer saw.
//
// Canonical decoding (Decode): names joined by "|" in ascending value
// order. A composite value starts with its enumerated part written
// explicitly, even when it is zero (O_RDONLY, SOCK_STREAM, FUTEX_WAIT);
// then the flag bits; bits without a name follow as one trailing hex token.
// An enumerated value without a name is written in decimal; an unnamed
// ioctl request is written _IOC(dir,type,nr,size). Every token is a UAPI
// name that greps back to the headers. Combined aliases are not used for
// flag bits (O_SYNC decodes as "O_DSYNC|__O_SYNC"); the futex command is
// the exception the headers make themselves: its enumerated part includes
// FUTEX_PRIVATE_FLAG, so FUTEX_WAKE_PRIVATE decodes as "FUTEX_WAKE_PRIVATE"
// and private and shared commands are distinct values of the universe.
//
// Regenerating: edit data/dicts.txt or data/behaviours.txt, run
// `go run ./internal/mkconsts` (needs gcc and linux-libc-dev) when names
// changed, then `go generate`. `go run ./internal/mkdata` refreshes the
// syscall and argument lists from golang.org/x/sys and the running
// kernel's tracefs.
package systab
