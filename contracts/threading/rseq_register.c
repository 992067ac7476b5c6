/* rseq registers a per-thread restartable-sequence area: after
 * registration the kernel keeps cpu_id and cpu_id_start filled with the
 * CPU the thread runs on (checked to be a CPU the affinity mask allows,
 * never printed); registering again fails with EBUSY; unregistering with a
 * wrong signature fails with EPERM, with the right one succeeds, and the
 * area is then left alone. A misaligned area fails with EINVAL. musl does
 * not register rseq itself; glibc does (the busybox-static profile shows
 * it), so a glibc build that finds rseq taken re-executes itself once with
 * GLIBC_TUNABLES=glibc.pthread.rseq=0. Syscalls: rseq, sched_getaffinity,
 * execve.
 */
#include "../contract.h"
#include <linux/rseq.h>
#include <sched.h>
#include <stdint.h>

#define SIG 0x53053053

static struct rseq area __attribute__((aligned(32)));
static char raw[64] __attribute__((aligned(32)));

int main(int argc, char **argv)
{
	area.cpu_id = RSEQ_CPU_ID_UNINITIALIZED;
	long r = syscall(SYS_rseq, &area, sizeof area, 0, SIG);
	if (r == -1 && (errno == EBUSY || errno == EINVAL) && argc == 1) {
		/* The C library registered its own area (glibc): a second
		 * area fails with EINVAL (EBUSY for the same one). */
		char *args[] = {argv[0], "--no-libc-rseq", NULL};
		char *env[] = {"GLIBC_TUNABLES=glibc.pthread.rseq=0", NULL};
		execve("/proc/self/exe", args, env);
	}
	CHECK(r == 0);
	cpu_set_t set;
	CHECK(sched_getaffinity(0, sizeof set, &set) == 0);
	int cpu = (int)area.cpu_id;
	say("after registration cpu_id is an allowed CPU: %s", cpu >= 0 && CPU_ISSET(cpu, &set) ? "yes" : "no");
	CHECK(cpu >= 0 && CPU_ISSET(cpu, &set) && area.cpu_id_start == area.cpu_id);
	CHECK_ERR(syscall(SYS_rseq, &area, sizeof area, 0, SIG), EBUSY);
	say("second registration: EBUSY");
	CHECK_ERR(syscall(SYS_rseq, &area, sizeof area, RSEQ_FLAG_UNREGISTER, SIG + 1), EPERM);
	say("unregister with a wrong signature: EPERM");
	CHECK(syscall(SYS_rseq, &area, sizeof area, RSEQ_FLAG_UNREGISTER, SIG) == 0);
	say("unregister: ok");
	area.cpu_id = RSEQ_CPU_ID_UNINITIALIZED;
	sched_yield();
	say("area left alone after unregistering: %s", (int)area.cpu_id == RSEQ_CPU_ID_UNINITIALIZED ? "yes" : "no");
	CHECK((int)area.cpu_id == RSEQ_CPU_ID_UNINITIALIZED);
	CHECK_ERR(syscall(SYS_rseq, (struct rseq *)(raw + 4), sizeof area, 0, SIG), EINVAL);
	say("misaligned area: EINVAL");
	contract_pass();
	return 0;
}
