/* clock_gettime through the real syscall (not the vDSO) returns sane values
 * for every common clock: CLOCK_REALTIME is after 2020-01-01 with tv_nsec
 * below 1e9; CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME and the
 * _COARSE clocks never go backwards over 1000 successive reads; BOOTTIME is
 * at least MONOTONIC; the per-process and per-thread CPU clocks work; an
 * unknown clock id fails with EINVAL and a NULL result pointer with EFAULT.
 * Syscalls: clock_gettime (raw, via syscall(SYS_clock_gettime)).
 */
#include "../contract.h"
#include <sys/syscall.h>
#include <time.h>

static struct timespec get(clockid_t c)
{
	struct timespec ts = {-1, -1};
	CHECK(syscall(SYS_clock_gettime, c, &ts) == 0);
	CHECK(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	return ts;
}

static int before_eq(struct timespec a, struct timespec b)
{
	return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec <= b.tv_nsec);
}

int main(void)
{
	struct timespec rt = get(CLOCK_REALTIME);
	say("CLOCK_REALTIME after 2020-01-01: %s", rt.tv_sec > 1577836800 ? "yes" : "no");
	CHECK(rt.tv_sec > 1577836800);

	struct {
		clockid_t id;
		const char *name;
	} mono[] = {
		{CLOCK_MONOTONIC, "CLOCK_MONOTONIC"},
		{CLOCK_MONOTONIC_RAW, "CLOCK_MONOTONIC_RAW"},
		{CLOCK_BOOTTIME, "CLOCK_BOOTTIME"},
		{CLOCK_MONOTONIC_COARSE, "CLOCK_MONOTONIC_COARSE"},
		{CLOCK_REALTIME_COARSE, "CLOCK_REALTIME_COARSE"},
		{CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID"},
		{CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID"},
	};
	for (size_t i = 0; i < sizeof mono / sizeof mono[0]; i++) {
		struct timespec prev = get(mono[i].id);
		int ok = 1;
		for (int k = 0; k < 1000; k++) {
			struct timespec now = get(mono[i].id);
			if (!before_eq(prev, now))
				ok = 0;
			prev = now;
		}
		say("%s non-decreasing over 1000 reads: %s", mono[i].name, ok ? "yes" : "no");
		CHECK(ok);
	}
	struct timespec m = get(CLOCK_MONOTONIC), b = get(CLOCK_BOOTTIME);
	say("CLOCK_BOOTTIME >= CLOCK_MONOTONIC: %s", before_eq(m, b) ? "yes" : "no");
	CHECK(before_eq(m, b));

	struct timespec ts;
	CHECK_ERR(syscall(SYS_clock_gettime, 12345, &ts), EINVAL);
	say("unknown clock: EINVAL");
	CHECK_ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, NULL), EFAULT);
	say("NULL result: EFAULT");
	contract_pass();
	return 0;
}
