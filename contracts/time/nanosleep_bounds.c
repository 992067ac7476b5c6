/* nanosleep and clock_nanosleep sleep at least as long as asked: a 5 ms
 * nanosleep takes at least 5 ms of CLOCK_MONOTONIC time; clock_nanosleep
 * with TIMER_ABSTIME to "now + 5 ms" returns at or after that instant; a zero
 * sleep returns at once; tv_nsec of 1e9 or a negative tv_sec fails with
 * EINVAL; clock_nanosleep reports errors as its return value (not errno):
 * EINVAL for a bad tv_nsec and for an unknown clock, and ENOTSUP or EINVAL
 * for CLOCK_THREAD_CPUTIME_ID. An interrupted nanosleep fails with EINTR
 * and writes the remaining time. Syscalls: nanosleep, clock_nanosleep
 * (relative, TIMER_ABSTIME), clock_gettime, setitimer, rt_sigaction.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

static long now_ns(void)
{
	struct timespec ts;
	CHECK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts) == 0);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static void on_alrm(int sig)
{
	(void)sig;
}

int main(void)
{
	long t0 = now_ns();
	struct timespec d = {0, 5000000};
	CHECK(nanosleep(&d, NULL) == 0);
	long el = now_ns() - t0;
	say("nanosleep 5 ms slept at least 5 ms: %s", el >= 5000000 ? "yes" : "no");
	CHECK(el >= 5000000);

	struct timespec target;
	CHECK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &target) == 0);
	target.tv_nsec += 5000000;
	if (target.tv_nsec >= 1000000000) {
		target.tv_sec++;
		target.tv_nsec -= 1000000000;
	}
	CHECK(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, NULL) == 0);
	long tgt = target.tv_sec * 1000000000L + target.tv_nsec;
	say("TIMER_ABSTIME returned at or after target: %s", now_ns() >= tgt ? "yes" : "no");
	CHECK(now_ns() >= tgt);
	struct timespec zero = {0, 0};
	CHECK(nanosleep(&zero, NULL) == 0);
	say("zero sleep: ok");

	struct timespec bad = {0, 1000000000}, neg = {-1, 0};
	CHECK_ERR(nanosleep(&bad, NULL), EINVAL);
	CHECK_ERR(syscall(SYS_nanosleep, &neg, NULL), EINVAL);
	say("nanosleep tv_nsec 1e9 or negative tv_sec: EINVAL");
	int r = clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL);
	say("clock_nanosleep bad tv_nsec returns: %s", r == EINVAL ? "EINVAL" : "other");
	CHECK(r == EINVAL);
	r = syscall(SYS_clock_nanosleep, 12345, 0, &d, NULL) == -1 ? errno : 0;
	say("clock_nanosleep unknown clock: %s", r == EINVAL ? "EINVAL" : "other");
	CHECK(r == EINVAL);
	r = syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &d, NULL) == -1 ? errno : 0;
	say("clock_nanosleep on thread CPU clock refused: %s", r == EINVAL || r == ENOTSUP ? "yes" : "no");
	CHECK(r == EINVAL || r == ENOTSUP);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alrm;
	CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
	/* Periodic, so a signal that lands before the sleep starts cannot
	 * make the test sleep the full 5 s. */
	struct itimerval it = {{0, 5000}, {0, 5000}}, off = {{0, 0}, {0, 0}};
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
	struct timespec longer = {5, 0}, rem = {0, 0};
	CHECK_ERR(nanosleep(&longer, &rem), EINTR);
	CHECK(setitimer(ITIMER_REAL, &off, NULL) == 0);
	say("interrupted nanosleep: EINTR, remaining between 4 and 5 s: %s", rem.tv_sec == 4 ? "yes" : "no");
	CHECK(rem.tv_sec == 4);
	contract_pass();
	return 0;
}
