// Package rundiff compares two syscov.run/v1 documents: the run a change
// started from (old) and the run it produced (new).
//
// Load reads a run strictly: the schema must be syscov.run/v1, unknown
// fields, trailing data, duplicate test IDs and unknown statuses are
// errors, and every error names the file and, for malformed JSON, the byte
// offset with its line and column.
//
// Compare reports tests added and removed, per-test status changes, the
// two status lines ("86 total — 83 PASS, 3 XFAIL, 0 FAIL", as the runner
// prints them), and what became covered or stopped being covered:
//
//   - A syscall is covered by a run when at least one PASS test issued it
//     (any call, successful or failed). XFAIL and failing tests do not
//     cover: their behaviour is not the one the contract asserts.
//   - A behavioural value (syscall, argument, decoded value) — e.g.
//     (openat, flags, O_RDONLY|O_CLOEXEC) — is covered when at least one
//     PASS test issued that syscall with that decoded argument value.
//
// Syscalls of the runtime baseline (what an empty program calls) are
// included: they are covered like any other as long as a test passes.
//
// The caller may attach coverage rows (label, numerator, denominator)
// from its own model to Diff.Rows; the writers render them when present
// and omit the section when not.
//
// Regressions lists what a CI gate should fail on: a test whose status
// went from PASS or XFAIL to a worse one (PASS > XFAIL > any failure),
// and each syscall that lost coverage. Removed tests are reported but are
// not regressions by themselves; the coverage they took along is.
//
// Write renders a Diff as text, markdown, json (schema syscov.diff/v1) or
// csv.
package rundiff
