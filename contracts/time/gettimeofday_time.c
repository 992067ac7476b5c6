/* The legacy wall-clock calls agree with CLOCK_REALTIME: gettimeofday and
 * time (both through the raw syscall, bypassing the vDSO) return values
 * within one second of clock_gettime(CLOCK_REALTIME) (time may lag by a
 * second: it reads the tick-updated seconds); tv_usec is below 1e6;
 * time(NULL) is allowed; gettimeofday with a timezone pointer succeeds.
 * settimeofday with a negative tv_usec fails with EINVAL before any
 * privilege check, and clock_settime on CLOCK_MONOTONIC fails with EINVAL, so
 * neither changes the clock whoever runs the test. Syscalls: gettimeofday,
 * time, clock_gettime, settimeofday, clock_settime (all raw).
 */
#include "../contract.h"
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

int main(void)
{
	struct timespec ts;
	struct timeval tv;
	struct timezone tz;
	CHECK(syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts) == 0);
	CHECK(syscall(SYS_gettimeofday, &tv, &tz) == 0);
	long t = syscall(SYS_time, NULL);
	say("gettimeofday tv_usec below 1e6: %s", tv.tv_usec >= 0 && tv.tv_usec < 1000000 ? "yes" : "no");
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	say("gettimeofday within 1 s of CLOCK_REALTIME: %s", tv.tv_sec - ts.tv_sec <= 1 && tv.tv_sec >= ts.tv_sec ? "yes" : "no");
	CHECK(tv.tv_sec >= ts.tv_sec && tv.tv_sec - ts.tv_sec <= 1);
	/* time reads the seconds the timer tick last stored, which can still
	 * be the previous second just after clock_gettime, which interpolates
	 * between ticks, has crossed a boundary: allow one second either way. */
	int near = t >= ts.tv_sec - 1 && t <= ts.tv_sec + 1;
	say("time within 1 s of CLOCK_REALTIME: %s", near ? "yes" : "no");
	CHECK(near);
	time_t out = 0;
	long t2 = syscall(SYS_time, &out);
	say("time stores its result: %s", (long)out == t2 ? "yes" : "no");
	CHECK((long)out == t2);

	struct timeval bad = {tv.tv_sec, -1};
	CHECK_ERR(syscall(SYS_settimeofday, &bad, NULL), EINVAL);
	say("settimeofday negative tv_usec: EINVAL");
	CHECK_ERR(syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts), EINVAL);
	say("clock_settime CLOCK_MONOTONIC: EINVAL");
	contract_pass();
	return 0;
}
