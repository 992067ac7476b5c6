// Package profile models usage profiles: the set of syscalls a library or a
// workload uses, which a coverage figure divides by. A profile is one JSON
// document (schema syscov.profile/v1) and says which layer it belongs to:
//
//   - LayerStatic ("static"): the syscalls the code MAY issue, found by
//     disassembling binaries (package profile/static). Counts are zero and
//     no argument values are known; unresolved syscall sites are kept, with
//     their addresses, in Profile.Unresolved.
//   - LayerTraced ("traced"): the syscalls a workload DID issue, recorded
//     by the eBPF tracer, with call counts and, per argument, the decoded
//     values seen and how often.
//
// Both layers differ by about a factor of two on real software, so every
// figure computed from a profile must name the profile and its layer.
//
// Every profile carries its provenance: the method, the tool and its
// version, the package (and version) it was made from, the date, and the
// exact command that regenerates it.
//
// # Shipped profiles
//
// The profiles in builtin/*.json are embedded in the binary; Builtin and Get
// return them. Adding one is a matter of dropping a valid JSON file into
// builtin/ (the test in this package loads every file and checks it). The
// shipped static profiles were made on Debian 12 (bookworm), from the
// repository's root, with these commands (a test checks that each shipped
// profile's Provenance.Command appears here verbatim):
//
//	coverage profile static -name musl-static -package musl-dev -package-version 1.2.3-1 -o profile/builtin/musl-static.json /usr/lib/x86_64-linux-musl/libc.a
//
//	coverage profile static -name pthreads -package musl-dev -package-version 1.2.3-1 -roots 'pthread_*,sem_*,mtx_*,cnd_*,thrd_*,tss_*,call_once,__timedwait,__wait,__lock,synccall,__syscall_cp,syscall_cp,clone,__unmapself,__set_thread_area,vmlock,lock_ptc,__tls_get_addr,default_attr,__wake,__futex' -o profile/builtin/pthreads.json /usr/lib/x86_64-linux-musl/libc.a
//
//	coverage profile static -name busybox-static -package busybox-static -package-version 1:1.35.0-4+deb12u1+b1 -o profile/builtin/busybox-static.json /bin/busybox
//
// The pthreads roots are the names of musl's thread objects (src/thread;
// each is an archive member of that name) and the lock and wait helpers
// they use; the profile holds what those and everything they call may
// issue. Run the same commands on other binaries to profile your own.
//
// Traced profiles are made by the tracer's commands; their commands
// belong in this list too. The systemd-boot profile boots Debian's systemd
// as PID 1 in fresh namespaces for 10 seconds (package profile/systemdboot;
// needs root), with the one non-Debian-default service of the machine it
// was made on masked:
//
//	coverage profile systemd-boot --seconds 10 --mask postgresql.service --out profile/builtin/systemd-boot.json
//
// Two consecutive runs on that machine (Debian 12, systemd 252.38-1~deb12u1,
// kernel 6.18) gave the same 136 syscalls and the same argument values;
// only call counts differ (36882 and 36868 calls), because how often PID 1
// and the services poll, stat and read within the window depends on
// timing. Without the mask, PostgreSQL's start adds 7 syscalls (accept,
// getgroups, setitimer, setregid, setreuid, shmat, shmget: 143 in all).

// The shipped traced profile busybox-workload was made on the same machine,
// as root, from the repository's root, after `make build` (which records
// `git describe` as the tool version), with bin/coverage as coverage:
//
//	coverage profile busybox --out profile/builtin/busybox-workload.json
//
// It runs the bundled workload (profile/workload/busybox.workload: shell,
// file and text tools, archives, processes, an HTTP exchange on 127.0.0.1)
// step by step, each step `busybox APPLET ARGS...` traced as its own run,
// so the users of each syscall are applet names; a step's syscalls include
// what its applet spawns (sh's children, httpd's per-connection process).
// Run six times on 2026-12-04 (the shipped file is the last), the syscall
// set (78 syscalls) was identical every time; counts were not. The noise,
// measured over those runs: read (552-603), close (471-510), openat
// (449-488) and newfstatat (417-429) follow the number of host processes
// (ps, free and uptime read /proc, one set of files per process); write
// (131-133), poll (8-9) and getrandom (120-121) vary with timing (the nc
// and wget exchanges, and httpd's connection process, which may still be
// starting or exiting when the workload ends and its scope is killed).
// Users were identical but once: in one run of six wget also called poll
// (its response was not there yet when it first read). Earlier runs of a
// previous version of the script also saw rt_sigreturn and exit_group
// vary by one (timeout's SIGCHLD, httpd's connection process).
// Argument-value counts of openat and newfstatat vary like their counts.
//
// Every syscall of busybox-workload is in busybox-static (a test checks
// it); there are no exceptions for BusyBox 1.35. In general a traced
// profile can hold two kinds of calls its program's static profile lacks,
// and they are not hidden: the execve that started each traced run (issued
// by the launcher; tracing starts at that exec), and, for dynamically
// linked programs, what the dynamic loader and shared libraries issue,
// which static analysis of the executable alone does not see.
//
// `coverage profile trace --name NAME -- CMD` makes a traced profile of any
// command, recording the Debian package owning CMD (or "unknown").
package profile
