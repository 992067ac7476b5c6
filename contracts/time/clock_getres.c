/* clock_getres reports each clock's resolution: CLOCK_REALTIME and
 * CLOCK_MONOTONIC report a positive resolution of at most 1 ms (1 ns on
 * high-resolution kernels), the _COARSE clocks a resolution of at most 10 ms
 * (one tick), CLOCK_PROCESS_CPUTIME_ID a positive one; a NULL result pointer
 * is allowed; an unknown clock fails with EINVAL. Syscalls: clock_getres
 * (raw).
 */
#include "../contract.h"
#include <sys/syscall.h>
#include <time.h>

static long res_ns(clockid_t c)
{
	struct timespec ts = {-1, -1};
	CHECK(syscall(SYS_clock_getres, c, &ts) == 0);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

int main(void)
{
	long r = res_ns(CLOCK_REALTIME);
	say("CLOCK_REALTIME resolution in (0, 1 ms]: %s", r > 0 && r <= 1000000 ? "yes" : "no");
	CHECK(r > 0 && r <= 1000000);
	r = res_ns(CLOCK_MONOTONIC);
	say("CLOCK_MONOTONIC resolution in (0, 1 ms]: %s", r > 0 && r <= 1000000 ? "yes" : "no");
	CHECK(r > 0 && r <= 1000000);
	r = res_ns(CLOCK_MONOTONIC_COARSE);
	say("CLOCK_MONOTONIC_COARSE resolution in (0, 10 ms]: %s", r > 0 && r <= 10000000 ? "yes" : "no");
	CHECK(r > 0 && r <= 10000000);
	r = res_ns(CLOCK_PROCESS_CPUTIME_ID);
	say("CLOCK_PROCESS_CPUTIME_ID resolution positive: %s", r > 0 ? "yes" : "no");
	CHECK(r > 0);
	CHECK(syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL) == 0);
	say("NULL result pointer: accepted");
	struct timespec ts;
	CHECK_ERR(syscall(SYS_clock_getres, 12345, &ts), EINVAL);
	say("unknown clock: EINVAL");
	contract_pass();
	return 0;
}
