/* alarm schedules SIGALRM in whole seconds and reports what was left: a
 * first alarm(5) returns 0, alarm(3) then returns the 5 s still pending
 * (rounded, so 5 or 4), alarm(0) cancels and returns about 3 (2 or 3), and
 * the timer reads zero afterwards; getitimer(ITIMER_REAL) shows the alarm while armed,
 * because alarm is an ITIMER_REAL timer. Syscalls: alarm, getitimer,
 * rt_sigaction.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>

static volatile sig_atomic_t fired;

static void h(int sig)
{
	(void)sig;
	fired = 1;
}

int main(void)
{
	signal(SIGALRM, h);
	long r = syscall(SYS_alarm, 5);
	say("first alarm(5) returns: %ld", r);
	CHECK(r == 0);
	struct itimerval it;
	CHECK(getitimer(ITIMER_REAL, &it) == 0);
	say("ITIMER_REAL shows the alarm: %s", it.it_value.tv_sec >= 4 && it.it_value.tv_sec <= 5 ? "yes" : "no");
	CHECK(it.it_value.tv_sec >= 4 && it.it_value.tv_sec <= 5);
	r = syscall(SYS_alarm, 3);
	say("alarm(3) returns previous remaining (4-5): %s", r == 5 || r == 4 ? "yes" : "no");
	CHECK(r == 5 || r == 4);
	r = syscall(SYS_alarm, 0);
	say("alarm(0) returns remaining (2-3): %s", r == 3 || r == 2 ? "yes" : "no");
	CHECK(r == 3 || r == 2);
	CHECK(getitimer(ITIMER_REAL, &it) == 0);
	say("cancelled: %s", it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0 ? "yes" : "no");
	CHECK(it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0);
	say("SIGALRM fired during the test: %s", fired ? "yes" : "no");
	CHECK(!fired);
	contract_pass();
	return 0;
}
