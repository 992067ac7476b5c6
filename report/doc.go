// Package report builds the coverage report of a contract-suite run: one
// model ([Report], made by [New]) that joins a syscov.run/v1 result, a
// target kernel's dispatch table, the Linux syscall tables and their
// universe of named behavioural values, and usage profiles; and writers
// that print that model as text, markdown, JSON (schema
// "syscov.report/v1") or CSV.
//
// # What "exercised" means
//
// A syscall is exercised when at least one test with status PASS issued
// it and at least one of those calls succeeded: returned no errno, or a
// kernel-internal restart code (ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND,
// ERESTART_RESTARTBLOCK: the call blocked and a signal interrupted it, the
// only way rt_sigsuspend and pause ever return). The
// startup and exit syscalls every static binary makes (the run's
// baseline, e.g. execve, arch_prctl) count like any other: each row says
// how many of its numerator are baseline syscalls. Syscalls that PASS
// tests issued only with errors, or that only XFAIL tests (or only
// failing tests) issued, are not exercised; the gap review lists them
// separately.
//
// A behavioural value (a named flag, command, operation or ioctl request,
// a token of [systab.Table.Decode]'s canonical form, e.g. O_CLOEXEC in
// "O_RDONLY|O_CLOEXEC") is exercised when a successful call of a PASS test
// carried it for that syscall and argument.
//
// Syscalls served by the vDSO (the run's Unobserved list) are invisible
// to the tracer when they do not fall back to the kernel: the model never
// counts them as exercised unless the tracer saw them, and names them in
// every output.
//
// # The assessment rows
//
//   - dispatch: target entries with an arm that does not return ENOSYS
//     (statuses implemented, partial, stub, stub-in-handler) / the Linux
//     syscalls of the architecture that Linux implements (reserved
//     numbers such as tuxcall excluded);
//   - profile:NAME and profile-union:LAYER: profile syscalls exercised /
//     profile syscalls, for each profile and for the union of the
//     profiles of each layer (static, traced);
//   - values and values:NAME: behavioural values exercised / values the
//     traced profiles used on their syscalls (static profiles record no
//     values; the row says so when no traced profile is loaded);
//   - universe: (syscall, behavioural value) pairs exercised / every named
//     value of every behavioural argument of every Linux-implemented
//     syscall (the ioctl request dictionary included), a syscall with no
//     named behavioural value counting as one pair.
//
// # Gap ranking
//
// Syscall gaps (used by a profile, not exercised) are ranked by tier, then
// by the number of profiles using the syscall, the number of programs or
// objects using it, the traced call count, and the syscall number. The
// tiers are: 1 used by a traced profile and not implemented in the target
// (stub, enosys, missing, ...); 2 used by a traced profile and
// implemented; 3 used by static profiles only, not implemented; 4 static
// only, implemented. Value gaps are ranked by the number of traced
// profiles, then call count, then name.
//
// # Outputs
//
// [Write] prints the report as text (tables drawn by tablewriter),
// GitHub markdown, JSON (schema "syscov.report/v1", the whole model, with
// the test × syscall matrix) or CSV (one sheet, a section column).
// [WriteGaps] prints the gap review alone; its JSON schema is
// "syscov.gaps/v1". [Report.Failures] checks --fail-under thresholds.
// The README documents the JSON fields.
//
// The package never logs or prints except through the writers' io.Writer.
package report
