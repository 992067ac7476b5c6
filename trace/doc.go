// Package trace counts the syscalls of a command, exactly, with eBPF.
//
// A Tracer runs each command in a scope: a fresh cgroup v2 the command is
// born into (clone3 CLONE_INTO_CGROUP), so its threads and every
// descendant are in scope from their first instruction and nothing else on
// the machine is. Counting starts at the command's own execve (the Go
// launcher's pre-exec syscalls are not the command's) and stops when the
// scope is empty: after the main process exits, whatever is left (daemons,
// grandchildren) is killed through cgroup.kill.
//
// Counts are aggregated in the kernel, keyed by (scope, syscall number,
// errno, up to MaxSlots masked behavioural argument values), so no event
// can be dropped; a full map is reported in Result.Overflow. Which
// arguments are behavioural comes from the caller's Spec; values behind
// pointers (clone3's clone_args.flags, rt_sigaction's sa_flags, a sockaddr
// family) are read from user memory at syscall exit.
//
// Limits, stated rather than guessed around:
//   - x86_64 only: the programs read struct pt_regs of that architecture.
//   - Calls served by the vDSO (clock_gettime, gettimeofday, time, getcpu)
//     never enter the kernel and are not seen.
//   - A successful execve/execveat wipes the argument registers, so its
//     slots are recorded as absent.
//   - A syscall exit whose number the kernel replaced with -1 and that is
//     not surely an rt_sigreturn (syscall(-1), a call a ptrace tracer
//     skipped, an rt_sigreturn restoring -ENOSYS) is counted in
//     Result.Unattributed, not under any syscall.
//   - With kernel BTF, only sys_exit and sched_process_exit carry
//     programs; without it, exit, exit_group and rt_sigreturn are counted
//     by a second program at sys_enter, which costs more.
//   - Needs root (CAP_BPF, CAP_PERFMON, CAP_SYS_ADMIN), a kernel with
//     CONFIG_BPF_SYSCALL, CONFIG_BPF_EVENTS and CONFIG_CGROUPS, and
//     cgroup v2 mounted (hybrid hosts are fine). Raw tracepoints are
//     attached through bpf(2), so tracefs is not needed.
//
// Programs are attached only while at least one scope is running: syscall
// tracepoints fire for every process on the machine.
package trace
