// Package systemdboot boots the machine's systemd as PID 1 inside fresh
// namespaces, traces the whole boot with the eBPF tracer, and turns what it
// did into a traced usage profile.
//
// # How a boot is isolated
//
// Boot starts a launcher (the coverage binary itself, re-executed with a
// hidden subcommand that calls Launch) through trace.Tracer.Run, so the
// launcher is born into the tracer's cgroup scope. The clone makes it PID 1
// of a new PID namespace; before its exec the Go runtime unshares the
// mount, UTS, IPC, network and cgroup namespaces, in that order after the
// clone so that the cgroup namespace is rooted at the scope, and marks
// every mount private. Launch then, inside those namespaces only:
//
//   - mounts a tmpfs on /tmp as scratch space, binds / (the root file
//     system alone, read-only) as the lower layer of an overlay whose upper
//     layer is on that tmpfs: everything the boot writes lands in memory;
//   - mounts a fresh proc (with /proc/sys, /proc/sysrq-trigger, /proc/irq
//     and /proc/bus read-only), a fresh read-only sysfs, cgroup2 at
//     /sys/fs/cgroup with the host's cgroup2 superblock options (a cgroup2
//     mount applies its options to the shared superblock, so other options
//     would change the host's), and private tmpfs /dev (null, zero, full,
//     random, urandom, tty, a new devpts instance), /run and /tmp;
//   - binds the terminal Boot allocated (a pseudo-terminal) on /dev/console:
//     systemd sends its logs to /dev/null when the console is not a tty,
//     and it hangs the console up once, which the reader survives;
//   - masks the units the caller names (symlinks to /dev/null in the
//     overlay's /etc/systemd/system);
//   - drops from the capability bounding set what reaches beyond the
//     namespaces (CAP_SYS_MODULE, CAP_SYS_TIME, CAP_SYS_BOOT, CAP_SYS_RAWIO,
//     CAP_MAC_ADMIN, CAP_AUDIT_CONTROL, CAP_SYSLOG, ...; the kept set is
//     systemd-nspawn's default), so no unit can load a module, set the
//     clock or load an AppArmor profile into the host's kernel;
//   - pivots into the overlay, detaches the old root, and execs systemd
//     with container=syscov in its environment and its log on the console.
//
// The tracer skips the launcher's exec (trace.RunOptions.SkipExecs = 1), so
// counting starts at systemd's own execve. After the boot window, the
// tracer kills the scope with cgroup.kill: PID 1 dies, so does its PID
// namespace and everything in it, the mount namespace and its mounts go
// with the last process, and the tracer removes every cgroup below its
// scope (systemd's init.scope, system.slice, ...). The same happens when
// the context is cancelled (Ctrl-C) or systemd fails to start. Should the
// process that called Boot die without cleaning up (SIGKILL), a guard
// process Boot started beside the boot (Guard; in a session of its own,
// outside the boot) sees its pipe end without Boot's "done" and kills and
// removes the tracer's cgroups itself. (The launcher has a parent-death
// signal too, but on the machine this was written on the kernel did not
// deliver it.) Nothing is created on the host's file systems.
//
// Boot also refuses a boot the tracer cannot follow: systemd starts every
// service in a cgroup of its own below the scope, and on a kernel where
// the tracer matches only the scope's own cgroup, it would see systemd's
// execve and nothing more.
//
// # What the profile can and cannot say
//
// The tracer aggregates per scope, not per program, so a boot profile has
// one user, "systemd-boot": PID 1 and every service it started together.
// It is the boot of a container (container=syscov, no devices, an empty
// network namespace, read-only /sys and /proc/sys), not of a machine:
// units conditioned on hardware or on a writable /sys are skipped, as in
// any container. Only the root file system is overlaid: a separate /usr is
// not visible inside, and Launch says so if systemd is not found.
package systemdboot
