/* sched_setparam keeps the policy and sets the static priority: for a
 * SCHED_OTHER process priority 0 succeeds and 1 fails with EINVAL; a NULL
 * param fails with EINVAL and a pid that does not exist with ESRCH.
 * sched_rr_get_interval returns a non-negative, normalised timespec (its
 * value depends on the scheduler and is not printed) for a SCHED_OTHER
 * process and fails with ESRCH for a missing pid and EINVAL for a negative
 * one. Syscalls: sched_setparam, sched_getscheduler,
 * sched_rr_get_interval, fork, wait4.
 */
#include "../contract.h"
#include <sched.h>
#include <sys/wait.h>
#include <time.h>

/* deadpid returns the pid of a reaped child: no process has it for now. */
static pid_t deadpid(void)
{
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0)
		_exit(0);
	CHECK(waitpid(c, NULL, 0) == c);
	return c;
}

int main(void)
{
	struct sched_param p = {.sched_priority = 0};
	CHECK(syscall(SYS_sched_setparam, 0, &p) == 0);
	say("sched_setparam priority 0 for SCHED_OTHER: ok, policy still SCHED_OTHER: %s",
	    syscall(SYS_sched_getscheduler, 0) == SCHED_OTHER ? "yes" : "no");
	CHECK(syscall(SYS_sched_getscheduler, 0) == SCHED_OTHER);
	p.sched_priority = 1;
	CHECK_ERR(syscall(SYS_sched_setparam, 0, &p), EINVAL);
	say("priority 1 for SCHED_OTHER: EINVAL");
	CHECK_ERR(syscall(SYS_sched_setparam, 0, NULL), EINVAL);
	say("NULL param: EINVAL");
	pid_t dead = deadpid();
	p.sched_priority = 0;
	CHECK_ERR(syscall(SYS_sched_setparam, dead, &p), ESRCH);
	say("missing pid: ESRCH");

	struct timespec ts = {-1, -1};
	CHECK(syscall(SYS_sched_rr_get_interval, 0, &ts) == 0);
	say("sched_rr_get_interval: normalised timespec %s", ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000 ? "yes" : "no");
	CHECK(ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	CHECK_ERR(syscall(SYS_sched_rr_get_interval, dead, &ts), ESRCH);
	CHECK_ERR(syscall(SYS_sched_rr_get_interval, -1, &ts), EINVAL);
	say("sched_rr_get_interval of a missing pid: ESRCH; negative pid: EINVAL");
	contract_pass();
	return 0;
}
