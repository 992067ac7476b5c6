/* Checks sched_getattr/sched_setattr through syscall(): for a normal
 * process the attributes report SCHED_OTHER with sched_nice equal to the
 * nice value from getpriority; sched_setattr with SCHED_OTHER and a nice one
 * above the current value succeeds without privilege and is visible through
 * getpriority; a size smaller than the first published struct (48 bytes)
 * fails with EINVAL, as do nonzero flags on sched_getattr. Syscalls:
 * sched_getattr, sched_setattr, getpriority. */
#include "../contract.h"
#include <sched.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/syscall.h>

/* The first published layout (SCHED_ATTR_SIZE_VER0, 48 bytes); declared
 * here because <linux/sched/types.h> clashes with libc's struct sched_param. */
struct sched_attr {
	uint32_t size;
	uint32_t sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime;
	uint64_t sched_deadline;
	uint64_t sched_period;
};

int main(void)
{
	struct sched_attr a;
	int nice0;

	errno = 0;
	nice0 = getpriority(PRIO_PROCESS, 0);
	CHECK(errno == 0);
	memset(&a, 0xff, sizeof a);
	CHECK(syscall(SYS_sched_getattr, 0, &a, sizeof a, 0) == 0);
	CHECK(a.size == sizeof a && sizeof a == 48);
	CHECK(a.sched_policy == SCHED_OTHER);
	CHECK(a.sched_nice == nice0 && a.sched_priority == 0);
	say("sched_getattr: SCHED_OTHER, priority 0, nice == getpriority");

	if (nice0 < 19) {
		memset(&a, 0, sizeof a);
		a.size = sizeof a;
		a.sched_policy = SCHED_OTHER;
		a.sched_nice = nice0 + 1;
		CHECK(syscall(SYS_sched_setattr, 0, &a, 0) == 0);
		errno = 0;
		CHECK(getpriority(PRIO_PROCESS, 0) == nice0 + 1 && errno == 0);
	}
	say("sched_setattr nice+1: visible via getpriority (or already 19)");

	CHECK_ERR(syscall(SYS_sched_getattr, 0, &a, 16, 0), EINVAL);
	say("sched_getattr size 16: EINVAL");
	CHECK_ERR(syscall(SYS_sched_getattr, 0, &a, sizeof a, 1), EINVAL);
	say("sched_getattr flags 1: EINVAL");
	contract_pass();
	return 0;
}
