// Package kevlar reads a Kevlar kernel source tree and classifies every
// Linux syscall of one architecture by what Kevlar's dispatcher does with
// it. It produces a [target.Table].
//
// The dispatcher lives in kernel/syscalls/mod.rs: per-arch
// `#[cfg(target_arch = "...")]` blocks of `pub const SYS_X: usize = N;`
// and `fn do_dispatch(...) { match n { ... } }`. Handlers are
// `self.sys_foo(...)` methods defined in kernel/syscalls/*.rs. [Parse]
// reads these files with a small Rust tokenizer (line and nested block
// comments, strings, raw strings, char literals versus lifetimes,
// attributes), never with line regexes, so braces in strings or comments
// cannot derail it. Every construct it does not understand becomes a
// warning with its file:line; nothing is dropped silently.
//
// [Classify] gives each Linux syscall one status:
//
//   - implemented: the arm calls a handler that does real work, or does
//     real work itself;
//   - stub: the arm returns Ok(0) or another constant with no effect (or
//     always fails with one errno other than ENOSYS);
//   - enosys: the arm returns ENOSYS explicitly;
//   - stub-in-handler: every handler the arm calls only returns a constant,
//     or unconditionally fails after at most argument checks whose
//     conditions call nothing;
//   - missing: no arm matches the number; it falls to the `_` arm.
//
// The evidence of each verdict (arm, constant and handler positions) is
// kept in the table. It also lints the ABI numbering against the Linux
// table: every constant whose number is another Linux syscall
// (wrong-number), every numeric arm whose comment names another syscall
// (wrong-comment), and every Linux syscall left unreachable by either.
//
// # Embedded default
//
// [Default] returns the table of one pinned Kevlar revision, stored as
// derived data only (names, numbers, statuses, file:line evidence; no
// Kevlar code) in default/<arch>.json. To regenerate it, check out the
// public repository github.com/levkropp/kevlar at the new commit in a
// directory KEVLAR outside this repository, then, from the module root:
//
//	go run ./cmd/coverage tables kevlar --src KEVLAR --arch x86_64 --format json > target/kevlar/default/x86_64.json
//	go run ./cmd/coverage tables kevlar --src KEVLAR --arch aarch64 --format json > target/kevlar/default/aarch64.json
//
// (add --revision COMMIT when KEVLAR is an export rather than a git work
// tree), and set [DefaultRevision] to the commit. A test checks that both
// files carry that revision and match the Linux tables of package
// syscall-tables; it says to regenerate when they drift.
package kevlar
