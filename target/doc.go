// Package target models a target kernel's syscall dispatch table: which
// Linux syscalls of one architecture the kernel implements, stubs, refuses
// with ENOSYS, or does not dispatch at all, with the evidence behind each
// verdict and the ABI-numbering findings of the importer that built it.
//
// The model is one JSON document (schema "syscov.target/v1", see [Table]).
// [Load] reads it and every importable format: gVisor's
// `runsc help syscalls -format json` output, and a plain list or CSV of
// supported syscall names (the shape of Loupe's database and Kerla's
// documentation). [Compare] lines several tables up by syscall name.
//
// The package does not parse kernel sources itself; importers that do
// (package target/kevlar) produce a [Table]. It never logs or prints:
// writers take an io.Writer and problems come back as errors naming the
// file and, where there is one, the line.
package target
