/* Checks clock_gettime and clock_getres called with syscall() so the vDSO is
 * bypassed and the kernel entry is exercised: CLOCK_MONOTONIC never goes
 * backwards over 1000 reads, CLOCK_REALTIME is after 2020-01-01,
 * CLOCK_BOOTTIME is >= CLOCK_MONOTONIC, CPU-time clocks advance while
 * spinning, tv_nsec is always below 1e9, CLOCK_MONOTONIC resolution is in
 * (0, 1 ms], and an unknown clock id fails with EINVAL for both calls.
 * Syscalls: clock_gettime, clock_getres. */
#include "../contract.h"
#include <sys/syscall.h>
#include <time.h>

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

static struct timespec get(clockid_t c)
{
	struct timespec t = { -1, -1 };
	CHECK(syscall(SYS_clock_gettime, c, &t) == 0);
	CHECK(t.tv_nsec >= 0 && t.tv_nsec < 1000000000L && t.tv_sec >= 0);
	return t;
}

int main(void)
{
	struct timespec a, b, r;
	volatile unsigned long x = 0;

	a = get(CLOCK_MONOTONIC);
	for (int i = 0; i < 1000; i++) {
		b = get(CLOCK_MONOTONIC);
		CHECK(ns(b) >= ns(a));
		a = b;
	}
	say("CLOCK_MONOTONIC: 1000 reads, never backwards");
	CHECK(get(CLOCK_REALTIME).tv_sec > 1577836800);
	say("CLOCK_REALTIME: after 2020-01-01");
	a = get(CLOCK_MONOTONIC);
	b = get(CLOCK_BOOTTIME);
	CHECK(ns(b) >= ns(a));
	say("CLOCK_BOOTTIME >= CLOCK_MONOTONIC");

	a = get(CLOCK_PROCESS_CPUTIME_ID);
	do
		for (int i = 0; i < 10000; i++)
			x += i;
	while (ns(get(CLOCK_THREAD_CPUTIME_ID)) - ns(a) < 1000000);
	b = get(CLOCK_PROCESS_CPUTIME_ID);
	CHECK(ns(b) - ns(a) >= 1000000);
	say("CPU-time clocks: advance by >= 1ms while spinning");

	CHECK(syscall(SYS_clock_getres, CLOCK_MONOTONIC, &r) == 0);
	CHECK(r.tv_sec == 0 && r.tv_nsec > 0 && r.tv_nsec <= 1000000);
	say("clock_getres(CLOCK_MONOTONIC): in (0, 1ms]");
	CHECK(syscall(SYS_clock_getres, CLOCK_REALTIME, NULL) == 0);
	say("clock_getres with NULL result: 0");
	CHECK_ERR(syscall(SYS_clock_gettime, 1000, &a), EINVAL);
	CHECK_ERR(syscall(SYS_clock_getres, 1000, &r), EINVAL);
	say("clock id 1000: EINVAL for gettime and getres");
	contract_pass();
	return 0;
}
