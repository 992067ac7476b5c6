/* Checks CPU affinity: sched_getaffinity of self returns a non-empty mask
 * and the size of the kernel's mask in bytes; restricting the process to the
 * lowest CPU of that mask reads back exactly that one CPU and getcpu then
 * reports it; the original mask can be restored; an empty mask fails with
 * EINVAL and a too-small buffer with EINVAL. Works unprivileged since it only
 * changes its own affinity. Syscalls: sched_getaffinity, sched_setaffinity,
 * getcpu. */
#include "../contract.h"
#include <sched.h>
#include <sys/syscall.h>

int main(void)
{
	cpu_set_t orig, one, got;
	long r;
	int first = -1;
	unsigned cpu = 9999, node = 0;

	CPU_ZERO(&orig);
	r = syscall(SYS_sched_getaffinity, 0, sizeof orig, &orig);
	CHECK(r > 0 && r <= (long)sizeof orig && r % sizeof(long) == 0);
	say("sched_getaffinity returns mask size: positive multiple of long");
	CHECK(CPU_COUNT(&orig) >= 1);
	say("current mask: at least 1 cpu");
	for (int i = 0; i < CPU_SETSIZE && first < 0; i++)
		if (CPU_ISSET(i, &orig))
			first = i;

	CPU_ZERO(&one);
	CPU_SET(first, &one);
	CHECK(syscall(SYS_sched_setaffinity, 0, sizeof one, &one) == 0);
	CPU_ZERO(&got);
	CHECK(syscall(SYS_sched_getaffinity, 0, sizeof got, &got) > 0);
	CHECK(CPU_COUNT(&got) == 1 && CPU_ISSET(first, &got));
	say("after pinning to the lowest allowed cpu: mask has exactly that cpu");
	CHECK(syscall(SYS_getcpu, &cpu, &node, NULL) == 0);
	CHECK(cpu == (unsigned)first);
	say("getcpu while pinned: the pinned cpu");

	CHECK(syscall(SYS_sched_setaffinity, 0, sizeof orig, &orig) == 0);
	CHECK(syscall(SYS_sched_getaffinity, 0, sizeof got, &got) > 0);
	CHECK(CPU_EQUAL(&got, &orig));
	say("original mask restored");

	CPU_ZERO(&one);
	CHECK_ERR(syscall(SYS_sched_setaffinity, 0, sizeof one, &one), EINVAL);
	say("empty mask: EINVAL");
	CHECK_ERR(syscall(SYS_sched_getaffinity, 0, 1, &got), EINVAL);
	say("getaffinity with 1-byte buffer: EINVAL");
	contract_pass();
	return 0;
}
