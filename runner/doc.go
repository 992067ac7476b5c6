// Package runner builds and runs a suite of syscall contract tests natively
// under the syscall tracer and collects a syscov.run/v1 document.
//
// A suite is a directory of groups, each a directory of contracts:
//
//	<dir>/<group>/<name>.c
//	<dir>/known-divergences.json   (optional)
//
// This is the layout of syscov's bundled contracts/ directory and of
// Kevlar's testing/contracts. Files that are not *.c and directories below
// a group are ignored. known-divergences.json is a flat JSON object mapping
// "group.name" (Kevlar's spelling) or "group/name" to a reason; keys that
// start with "_" are comments.
//
// Each contract is compiled once into a content-addressed cache (see
// [Options.CacheDir]): the key hashes the source, the local headers it
// includes with #include "...", the compiler's resolved path and its
// --version output, and the flags. When the compiler is musl-gcc, whose
// include path lacks the kernel's UAPI headers, the runner creates a
// directory in the cache holding symlinks linux, asm and asm-generic to the
// system's /usr/include copies and passes it with -idirafter; nothing
// outside the cache is touched.
//
// Before the suite, an empty program built with the same compiler and flags
// is traced to learn the baseline: the syscalls every static binary makes at
// start-up and exit. Reports subtract it to show what each group adds.
//
// Contracts then run in parallel, each through [Tracer] in a fresh scratch
// directory, with stdin from /dev/null, a small fixed environment, a
// per-test timeout and, when the runner is root, as an unprivileged user.
// Stdout and stderr share one pipe. Statuses follow these rules:
//
//   - BUILD_ERROR: the compiler failed; the first lines of its output are kept.
//   - TIMEOUT: the test did not end within the timeout; its whole process tree
//     was killed by the tracer.
//   - CRASH: the test was killed by a signal (recorded by name).
//   - PASS: exit status 0 and the last output line is CONTRACT_PASS.
//   - FAIL: anything else.
//   - XFAIL: a test listed in known-divergences.json whose status would be
//     FAIL, TIMEOUT or CRASH. A listed test that passes stays PASS and keeps
//     the listed reason; a listed test that does not build stays BUILD_ERROR,
//     since a divergence describes behaviour and such a test has none.
//
// A failing test never stops the run. Cancelling the context stops it: tests
// not started are skipped, tests in flight are killed and dropped, and the
// returned document has Interrupted set.
//
// The package never prints: progress goes to [Options.Progress], and
// [WriteGroupTable] and [StatusLine] render a finished run for the caller.
package runner
