/* Checks scheduler-policy queries for a normal process: sched_yield
 * succeeds, sched_getscheduler reports SCHED_OTHER and sched_getparam
 * priority 0, the static priority range is 1..99 for SCHED_FIFO/SCHED_RR and
 * 0..0 for SCHED_OTHER/SCHED_BATCH/SCHED_IDLE, setting SCHED_OTHER again
 * with priority 0 works without privilege, and bad arguments fail with
 * EINVAL (unknown policy, negative pid, priority 5 for SCHED_OTHER) or ESRCH
 * (no such pid). Syscalls: sched_yield, sched_getscheduler, sched_getparam,
 * sched_setscheduler, sched_get_priority_max, sched_get_priority_min. */
#include "../contract.h"
#include <sched.h>
#include <sys/syscall.h>

static long maxp(int pol) { return syscall(SYS_sched_get_priority_max, pol); }
static long minp(int pol) { return syscall(SYS_sched_get_priority_min, pol); }

int main(void)
{
	struct sched_param sp = { .sched_priority = 99 };

	CHECK(syscall(SYS_sched_yield) == 0);
	say("sched_yield: 0");
	CHECK(syscall(SYS_sched_getscheduler, 0) == SCHED_OTHER);
	say("policy: SCHED_OTHER");
	CHECK(syscall(SYS_sched_getparam, 0, &sp) == 0 && sp.sched_priority == 0);
	say("sched_getparam priority: 0");
	say("FIFO range: %ld..%ld", minp(SCHED_FIFO), maxp(SCHED_FIFO));
	say("RR range: %ld..%ld", minp(SCHED_RR), maxp(SCHED_RR));
	CHECK(minp(SCHED_FIFO) == 1 && maxp(SCHED_FIFO) == 99);
	CHECK(minp(SCHED_RR) == 1 && maxp(SCHED_RR) == 99);
	CHECK(minp(SCHED_OTHER) == 0 && maxp(SCHED_OTHER) == 0);
	CHECK(minp(SCHED_BATCH) == 0 && maxp(SCHED_BATCH) == 0);
	CHECK(minp(SCHED_IDLE) == 0 && maxp(SCHED_IDLE) == 0);
	say("OTHER/BATCH/IDLE range: 0..0");
	CHECK_ERR(maxp(77), EINVAL);
	CHECK_ERR(minp(77), EINVAL);
	say("priority range of policy 77: EINVAL");

	sp.sched_priority = 0;
	CHECK(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp) == 0);
	say("sched_setscheduler(SCHED_OTHER, 0): ok");
	sp.sched_priority = 5;
	CHECK_ERR(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp), EINVAL);
	say("SCHED_OTHER with priority 5: EINVAL");
	CHECK_ERR(syscall(SYS_sched_getscheduler, -1), EINVAL);
	say("sched_getscheduler(-1): EINVAL");
	CHECK_ERR(syscall(SYS_sched_getscheduler, 0x3fffffff), ESRCH);
	say("sched_getscheduler(no such pid): ESRCH");
	contract_pass();
	return 0;
}
