//go:build ignore

// syscov's in-kernel syscall counter.
//
// Design (the "why" behind each choice is measured; see trace/README and
// the benchmarks in trace/bench_test.go):
//
//  * Scope = a cgroup v2 subtree. The traced command is born straight into
//    a fresh cgroup (clone3 CLONE_INTO_CGROUP via Go's UseCgroupFD), so no
//    instruction of it runs outside the scope, and every descendant
//    (fork, vfork, clone, clone3, threads, exec) inherits the cgroup for
//    free. A pid-tree map fed by sched_process_fork would need a third
//    program on every fork in the system and still race with the first
//    instructions of the child; the cgroup needs nothing of that.
//    bpf_get_current_ancestor_cgroup_id(level) also catches cgroups the
//    traced program creates below its scope (systemd does).
//
//  * One program does the counting, at raw_syscalls:sys_exit. It reads the
//    syscall number and arguments from pt_regs and the result from the
//    tracepoint, so no hash map pairs sys_enter with sys_exit (the pairing
//    is what makes bpftrace slow), and nothing is attached to sys_enter:
//    an empty program there alone costs about a third of a getppid call.
//    The exceptions:
//      - exit and exit_group never return. They are counted when the task
//        dies, at tp_btf/sched_process_exit, from the syscall number still
//        in its saved registers (orig_ax). A task that dies from a signal,
//        including the threads an exit_group takes down with it, has
//        PF_SIGNALED set or a signal in its exit code, and is not counted.
//        Such a task can still hold 60 or 231 in orig_ax (a device
//        interrupt's vector), so the flags check is needed.
//      - rt_sigreturn replaces the registers and sets orig_ax to -1; so do
//        syscall(-1) (which always returns -ENOSYS) and a ptrace tracer
//        skipping a call. An exit with orig_ax -1 is therefore counted as
//        rt_sigreturn only when the task is not ptraced and the result is
//        not -ENOSYS; otherwise it goes to the scope's unattributed
//        counter, which user space reports: never a guess.
//      - without kernel BTF (no tp_btf, no CO-RE), exit, exit_group and
//        rt_sigreturn are counted at sys_enter instead (CFG_AT_ENTRY) by a
//        program that returns at once for every other syscall; there an
//        entry with number -1 is the unattributed case.
//      - the child side of fork, vfork, clone and clone3 also passes
//        sys_exit, with a return value of 0: skipped (CFG_FORK);
//      - a successful execve/execveat wipes the argument registers: its
//        slots are recorded as absent (CFG_EXEC). The first successful
//        exec in a scope arms it, so the syscalls the runtime of the
//        launcher makes between clone and exec are not counted.
//
//  * Counts are aggregated in a per-CPU hash keyed by (scope, nr, errno,
//    masked slot values). Nothing is streamed, so nothing can be dropped;
//    a failed insert (map full) increments a per-scope overflow counter
//    that user space reports.
//
//  * Every program returns 0: a non-zero return makes the perf side slower.

#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define MAX_SLOTS 3
#define MAX_NR 1024
#define MAX_SCOPES 1024
#define MAX_WHEN 4

#define NR_RT_SIGRETURN 15
#define NR_EXIT 60
#define NR_EXIT_GROUP 231
#define ENOSYS 38

// task_struct.flags bits (include/linux/sched.h), stable for many years.
#define PF_IO_WORKER 0x00000010
#define PF_SIGNALED 0x00000400
#define PF_USER_WORKER 0x00004000
#define PF_KTHREAD 0x00200000

#define CFG_AT_ENTRY 1
#define CFG_FORK 2
#define CFG_EXEC 4

struct slot_cfg {
	__u8 arg;      // argument index 0..5
	__u8 deref;    // 1: read size bytes of user memory at arg+offset
	__u8 size;     // 1, 2, 4 or 8
	__u8 when_arg; // argument index of the condition
	__u8 n_when;   // 0: unconditional; else how many when_vals apply
	__u8 pad[1];
	__u16 offset;
	__u64 mask;
	__u64 when_vals[MAX_WHEN];
};

struct sys_cfg {
	__u32 flags; // CFG_*
	__u32 n;     // slots in use
	struct slot_cfg slots[MAX_SLOTS];
};

struct key {
	__u32 scope;
	__u32 nr;
	__s32 err;    // 0 success, else errno
	__u32 absent; // bit i: slot i has no value
	__u64 v[MAX_SLOTS];
};

struct scope_state {
	__u32 slot;
	__u32 armed;
	__u32 skip_execs; // successful execs to let pass before arming
	__u32 pad;
};

// Absolute level of the scope cgroups in the cgroup v2 hierarchy; 0 makes
// the programs match the task's own cgroup instead of an ancestor.
volatile const __u32 scope_level = 0;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_NR);
	__type(key, __u32);
	__type(value, struct sys_cfg);
} config SEC(".maps");

// Scopes are found by cgroup id. Most live in scope_tab, an array indexed
// by the id's low bits: an array lookup is inlined by the verifier and
// touches one cache line, where a hash lookup hashes the key and walks a
// bucket. The few whose index is taken go to the scopes hash, which is
// consulted only while scope_spill[0] says it holds any. Unrelated
// processes, which every program invocation on the machine mostly is,
// then cost one helper call and two inlined array lookups.
#define SCOPE_TAB 256
struct scope_ent {
	__u64 id; // cgroup id, 0 when free
	struct scope_state st;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SCOPE_TAB);
	__type(key, __u32);
	__type(value, struct scope_ent);
} scope_tab SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32); // number of scopes in the scopes hash
} scope_spill SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_SCOPES);
	__type(key, __u64); // cgroup id
	__type(value, struct scope_state);
} scopes SEC(".maps");

// Per-syscall flags (CFG_*) and, in bits 8..15, the number of slots: the
// programs read this compact array on every call and touch the larger
// config entry only for syscalls with slots.
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_NR);
	__type(key, __u32);
	__type(value, __u32);
} cflags SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 32768); // user space may change it before load
	__type(key, struct key);
	__type(value, __u64);
} counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_SCOPES);
	__type(key, __u32);
	__type(value, __u64);
} overflow SEC(".maps");

// Syscall exits per scope whose number the kernel had replaced with -1
// and that cannot be told apart: syscall(-1), a call a ptrace tracer
// skipped, or an rt_sigreturn that restored a -ENOSYS result.
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_SCOPES);
	__type(key, __u32);
	__type(value, __u64);
} unattributed SEC(".maps");

// The fast path: successful calls of syscalls without slots, for the first
// FAST_SCOPES scope slots and numbers below FAST_NR, are counted in an
// array indexed by slot*FAST_NR+nr. An array lookup is inlined by the
// verifier and needs no hashing, which is most of the cost of a cheap
// syscall such as getppid. Everything else goes to the hash.
#define FAST_SCOPES 64
#define FAST_NR 512
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FAST_SCOPES * FAST_NR);
	__type(key, __u32);
	__type(value, __u64);
} fast SEC(".maps");

// x86_64 struct pt_regs up to orig_ax: r15 r14 r13 r12 bp bx r11 r10 r9 r8
// ax cx dx si di orig_ax.
struct pt_regs_head {
	__u64 r15, r14, r13, r12, bp, bx, r11, r10, r9, r8, ax, cx, dx, si, di, orig_ax;
};

// The argument registers r10 r9 r8 ax cx dx si di, read in one go only
// when a syscall has slots to record.
struct regs {
	__u64 r10, r9, r8, ax, cx, dx, si, di;
};

// The kernel fields read through CO-RE (relocated against the running
// kernel's BTF at load time); only the programs for kernels with BTF use
// them.
struct task_struct___syscov {
	unsigned int flags;
	unsigned int ptrace;
	int exit_code;
} __attribute__((preserve_access_index));

struct pt_regs___syscov {
	unsigned long orig_ax;
} __attribute__((preserve_access_index));

static __always_inline void bump(void *map, __u32 slot)
{
	__u64 *c = bpf_map_lookup_elem(map, &slot);
	if (c)
		__sync_fetch_and_add(c, 1);
}

static __always_inline struct scope_state *current_scope(void)
{
	__u64 cg;
	if (scope_level)
		cg = bpf_get_current_ancestor_cgroup_id(scope_level);
	else
		cg = bpf_get_current_cgroup_id();
	if (!cg)
		return 0; // the task is above scope_level: not ours
	__u32 idx = cg & (SCOPE_TAB - 1);
	struct scope_ent *e = bpf_map_lookup_elem(&scope_tab, &idx);
	if (e && e->id == cg)
		return &e->st;
	__u32 zero = 0;
	__u32 *spill = bpf_map_lookup_elem(&scope_spill, &zero);
	if (!spill || !*spill)
		return 0;
	return bpf_map_lookup_elem(&scopes, &cg);
}

static __always_inline __u64 arg_of(const struct regs *r, __u32 i)
{
	switch (i) {
	case 0: return r->di;
	case 1: return r->si;
	case 2: return r->dx;
	case 3: return r->r10;
	case 4: return r->r8;
	case 5: return r->r9;
	}
	return 0;
}

static __always_inline int read_user(__u64 *dst, __u8 size, __u64 addr)
{
	*dst = 0;
	switch (size) {
	case 1: return bpf_probe_read_user(dst, 1, (void *)addr);
	case 2: return bpf_probe_read_user(dst, 2, (void *)addr);
	case 4: return bpf_probe_read_user(dst, 4, (void *)addr);
	default: return bpf_probe_read_user(dst, 8, (void *)addr);
	}
}

static __always_inline void record(__u32 slot, __u32 nr, long ret, struct pt_regs_head *regs,
				   __u32 nslots, int wiped)
{
	if ((!nslots || wiped) && (ret >= 0 || ret < -4095) && slot < FAST_SCOPES && nr < FAST_NR) {
		__u32 idx = slot * FAST_NR + nr;
		__u64 *fc = bpf_map_lookup_elem(&fast, &idx);
		if (fc) {
			__sync_fetch_and_add(fc, 1);
			return;
		}
	}
	struct regs regs_copy;
	const struct regs *r = &regs_copy;
	struct key k = {};
	k.scope = slot;
	k.nr = nr;
	if (ret < 0 && ret >= -4095)
		k.err = -ret;
	k.absent = (1 << MAX_SLOTS) - 1;
	const struct sys_cfg *c = 0;
	if (nslots && !wiped)
		c = bpf_map_lookup_elem(&config, &nr);
	if (c && c->n && !bpf_probe_read_kernel(&regs_copy, sizeof(regs_copy), &regs->r10)) {
#pragma unroll
		for (int i = 0; i < MAX_SLOTS; i++) {
			if ((__u32)i >= c->n)
				break;
			const struct slot_cfg *s = &c->slots[i];
			if (s->n_when) {
				__u64 w = arg_of(r, s->when_arg);
				int hit = 0;
#pragma unroll
				for (int j = 0; j < MAX_WHEN; j++)
					if (j < s->n_when && s->when_vals[j] == w)
						hit = 1;
				if (!hit)
					continue;
			}
			__u64 v = arg_of(r, s->arg);
			if (s->deref) {
				if (!v)
					continue;
				if (read_user(&v, s->size, v + s->offset))
					continue;
			}
			k.v[i] = v & s->mask;
			k.absent &= ~(1u << i);
		}
	}

	__u64 *cnt = bpf_map_lookup_elem(&counts, &k);
	if (cnt) {
		__sync_fetch_and_add(cnt, 1);
		return;
	}
	__u64 one = 1;
	long err = bpf_map_update_elem(&counts, &k, &one, BPF_NOEXIST);
	if (err == 0)
		return;
	// Another CPU inserted the same key between our lookup and update.
	cnt = bpf_map_lookup_elem(&counts, &k);
	if (cnt) {
		__sync_fetch_and_add(cnt, 1);
		return;
	}
	bump(&overflow, slot);
}

// on_exit is the sys_exit program; at_entry selects the variant for
// kernels without BTF, where exit, exit_group and rt_sigreturn are
// counted at sys_enter.
static __always_inline int on_exit(struct bpf_raw_tracepoint_args *ctx, const int at_entry)
{
	struct scope_state *st = current_scope();
	if (!st)
		return 0;

	struct pt_regs_head *regs = (void *)ctx->args[0];
	long nr;
	if (bpf_probe_read_kernel(&nr, sizeof(nr), &regs->orig_ax))
		return 0;
	long ret = (long)ctx->args[1];
	if (nr == -1) {
		if (!st->armed)
			return 0;
		if (at_entry)
			return 0; // counted at entry, as rt_sigreturn or unattributed
		struct task_struct___syscov *task = (void *)bpf_get_current_task();
		if (ret != -ENOSYS && !BPF_CORE_READ(task, ptrace))
			record(st->slot, NR_RT_SIGRETURN, 0, regs, 0, 1);
		else
			bump(&unattributed, st->slot);
		return 0;
	}

	__u32 nr32 = nr;
	__u32 *cf = bpf_map_lookup_elem(&cflags, &nr32);
	__u32 flags = cf ? *cf : 0;

	if (!st->armed) {
		if (!(flags & CFG_EXEC) || ret != 0)
			return 0;
		if (st->skip_execs) {
			st->skip_execs--;
			return 0;
		}
		st->armed = 1;
	}
	if (flags & CFG_AT_ENTRY)
		return 0;
	if ((flags & CFG_FORK) && ret == 0)
		return 0; // the child's return from fork/clone
	record(st->slot, nr32, ret, regs, (flags >> 8) & 0xff, (flags & CFG_EXEC) && ret == 0);
	return 0;
}

SEC("raw_tracepoint/sys_exit")
int syscov_exit(struct bpf_raw_tracepoint_args *ctx)
{
	return on_exit(ctx, 0);
}

// exit and exit_group, counted when the task dies (see the top comment).
SEC("tp_btf/sched_process_exit")
int syscov_task_exit(__u64 *ctx)
{
	struct scope_state *st = current_scope();
	if (!st || !st->armed)
		return 0;
	struct task_struct___syscov *task = (void *)bpf_get_current_task_btf();
	if (BPF_CORE_READ(task, flags) & (PF_SIGNALED | PF_KTHREAD | PF_IO_WORKER | PF_USER_WORKER))
		return 0;
	if (BPF_CORE_READ(task, exit_code) & 0x7f)
		return 0; // killed by a signal
	struct pt_regs___syscov *regs = (void *)bpf_task_pt_regs((void *)task);
	long nr = BPF_CORE_READ(regs, orig_ax);
	if (nr != NR_EXIT && nr != NR_EXIT_GROUP)
		return 0;
	__u32 nr32 = nr;
	__u32 *cf = bpf_map_lookup_elem(&cflags, &nr32);
	record(st->slot, nr32, 0, (void *)regs, cf ? (*cf >> 8) & 0xff : 0, 0);
	return 0;
}

// The variant pair for kernels without BTF.
SEC("raw_tracepoint/sys_exit")
int syscov_exit_nobtf(struct bpf_raw_tracepoint_args *ctx)
{
	return on_exit(ctx, 1);
}

SEC("raw_tracepoint/sys_enter")
int syscov_enter(struct bpf_raw_tracepoint_args *ctx)
{
	__u32 nr32 = (__u32)ctx->args[1];
	__u32 *cf = bpf_map_lookup_elem(&cflags, &nr32);
	if (!cf || !(*cf & CFG_AT_ENTRY)) {
		if (nr32 != (__u32)-1)
			return 0;
		// syscall(-1), or a call a ptrace tracer skipped.
		struct scope_state *st = current_scope();
		if (st && st->armed)
			bump(&unattributed, st->slot);
		return 0;
	}
	struct scope_state *st = current_scope();
	if (!st || !st->armed)
		return 0;
	record(st->slot, nr32, 0, (void *)ctx->args[0], (*cf >> 8) & 0xff, 0);
	return 0;
}

// An empty pair of programs: the cost floor the benchmarks compare with.
SEC("raw_tracepoint/sys_exit")
int floor_exit(struct bpf_raw_tracepoint_args *ctx) { return 0; }

SEC("raw_tracepoint/sys_enter")
int floor_enter(struct bpf_raw_tracepoint_args *ctx) { return 0; }

char LICENSE[] SEC("license") = "Dual MIT/GPL";
