/* Checks nanosleep and clock_nanosleep: a 10 ms relative sleep lasts at
 * least 10 ms of CLOCK_MONOTONIC time, a zero sleep returns at once, a
 * TIMER_ABSTIME sleep until now+10 ms returns no earlier than the target,
 * an absolute time in the past returns immediately, and bad arguments fail
 * with EINVAL (tv_nsec >= 1e9, tv_nsec < 0, unknown clock id). Raw
 * syscalls return -1/errno. Syscalls: nanosleep, clock_nanosleep,
 * clock_gettime. */
#include "../contract.h"
#include <sys/syscall.h>
#include <time.h>

static long long now(void)
{
	struct timespec t;
	CHECK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t) == 0);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
	struct timespec d = { 0, 10 * 1000 * 1000 }, rem = { 7, 7 }, abs;
	long long t0, t1;

	t0 = now();
	CHECK(syscall(SYS_nanosleep, &d, &rem) == 0);
	t1 = now();
	CHECK(t1 - t0 >= 10 * 1000 * 1000);
	say("nanosleep 10ms: elapsed >= 10ms");
	d.tv_nsec = 0;
	CHECK(syscall(SYS_nanosleep, &d, NULL) == 0);
	say("nanosleep 0: returns 0");

	t0 = now() + 10 * 1000 * 1000;
	abs.tv_sec = t0 / 1000000000LL;
	abs.tv_nsec = t0 % 1000000000LL;
	CHECK(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL) == 0);
	CHECK(now() >= t0);
	say("clock_nanosleep TIMER_ABSTIME now+10ms: woke at or after target");
	abs.tv_sec -= 1;
	t0 = now();
	CHECK(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL) == 0);
	CHECK(now() - t0 < 500 * 1000 * 1000);
	say("absolute time in the past: returns at once");

	d.tv_sec = 0, d.tv_nsec = 1000000000L;
	CHECK_ERR(syscall(SYS_nanosleep, &d, NULL), EINVAL);
	say("tv_nsec = 1e9: EINVAL");
	d.tv_nsec = -1;
	CHECK_ERR(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &d, NULL), EINVAL);
	say("tv_nsec = -1: EINVAL");
	d.tv_nsec = 1000;
	CHECK_ERR(syscall(SYS_clock_nanosleep, 1000, 0, &d, NULL), EINVAL);
	say("clock_nanosleep on clock id 1000: EINVAL");
	contract_pass();
	return 0;
}
