/* ITIMER_VIRTUAL and ITIMER_PROF count CPU time, not wall time: each armed
 * for 10 ms one-shot fires its own signal (SIGVTALRM, SIGPROF) only after the
 * process has burned CPU, checked by spinning until the signal arrives (with
 * a 2 s CPU bound) and reading CLOCK_PROCESS_CPUTIME_ID; while the process
 * sleeps 10 ms instead, neither fires. getitimer reports them disarmed after
 * firing. Syscalls: setitimer, getitimer (ITIMER_VIRTUAL, ITIMER_PROF),
 * rt_sigaction, clock_gettime, nanosleep.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

static volatile sig_atomic_t got_vt, got_prof;

static void h(int sig)
{
	if (sig == SIGVTALRM)
		got_vt++;
	else
		got_prof++;
}

static long cpu_ns(void)
{
	struct timespec ts;
	CHECK(syscall(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &ts) == 0);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static int run(int which, volatile sig_atomic_t *flag, const char *name)
{
	struct itimerval it = {{0, 0}, {0, 10000}}, cur;
	struct timespec nap = {0, 10000000};
	CHECK(setitimer(which, &it, NULL) == 0);
	nanosleep(&nap, NULL);
	say("%s fired during 10 ms sleep: %s", name, *flag ? "yes" : "no");
	if (*flag)
		return 0;
	long start = cpu_ns();
	while (!*flag && cpu_ns() - start < 2000000000L)
		for (volatile int i = 0; i < 10000; i++)
			;
	say("%s fired after CPU work: %s", name, *flag == 1 ? "yes" : "no");
	CHECK(getitimer(which, &cur) == 0);
	say("%s disarmed after firing: %s", name, cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0 ? "yes" : "no");
	return *flag == 1 && cur.it_value.tv_usec == 0;
}

int main(void)
{
	signal(SIGVTALRM, h);
	signal(SIGPROF, h);
	CHECK(run(ITIMER_VIRTUAL, &got_vt, "ITIMER_VIRTUAL"));
	CHECK(run(ITIMER_PROF, &got_prof, "ITIMER_PROF"));
	contract_pass();
	return 0;
}
