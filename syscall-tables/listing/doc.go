// Package listing writes the Linux syscall tables of package systab for
// people and programs: the table of one architecture (number, name, first
// release, arguments with C types, behavioural arguments) and the
// dictionaries of one syscall's behavioural arguments, each as text, JSON
// or CSV.
//
// Contract:
//   - Every writer is a pure function of the embedded tables: the same
//     arguments give byte-identical output, sorted by syscall number and by
//     dictionary order (enumerated values first, then bits, each by value).
//   - Counts printed (the closing line of text output, "count" in JSON)
//     are computed from what was written, never stated separately.
//   - The JSON shapes are versioned by their "schema" field
//     (TableSchema, FlagsSchema); fields are only ever added within a
//     version. Values are hex strings ("0x80000") so that 64-bit values
//     survive JSON readers that use doubles.
//   - The package never logs; writers return the first write error.
package listing
