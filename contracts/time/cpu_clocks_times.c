/* CPU-time accounting advances with work: after a busy loop of at least
 * 20 ms of CLOCK_THREAD_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID has advanced by
 * at least as much; times() returns clock ticks and its tms_utime+tms_stime
 * have not gone backwards; the pid-encoded CPU clock id of this process
 * (what clock_getcpuclockid returns) reads a value between two reads of
 * CLOCK_PROCESS_CPUTIME_ID; sysconf(_SC_CLK_TCK) is 100 (a libc constant on
 * x86-64, matching the kernel's USER_HZ). Syscalls:
 * clock_gettime (raw, CPU clocks), times (raw).
 */
#include "../contract.h"
#include <sys/syscall.h>
#include <sys/times.h>
#include <time.h>

static long cpu_ns(clockid_t c)
{
	struct timespec ts;
	CHECK(syscall(SYS_clock_gettime, c, &ts) == 0);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

int main(void)
{
	struct tms t0, t1;
	long c0 = syscall(SYS_times, &t0);
	long p0 = cpu_ns(CLOCK_PROCESS_CPUTIME_ID), th0 = cpu_ns(CLOCK_THREAD_CPUTIME_ID);
	while (cpu_ns(CLOCK_THREAD_CPUTIME_ID) - th0 < 20000000)
		for (volatile int i = 0; i < 10000; i++)
			;
	long th = cpu_ns(CLOCK_THREAD_CPUTIME_ID) - th0;
	long p = cpu_ns(CLOCK_PROCESS_CPUTIME_ID) - p0;
	say("thread CPU clock advanced 20 ms: %s", th >= 20000000 ? "yes" : "no");
	say("process CPU clock advanced at least as much: %s", p >= th ? "yes" : "no");
	CHECK(th >= 20000000 && p >= th);

	/* The kernel encodes "CPU clock of process pid" as ((~pid) << 3) | 2. */
	clockid_t pc = (clockid_t)((~(unsigned)getpid()) << 3) | 2;
	long a = cpu_ns(CLOCK_PROCESS_CPUTIME_ID), b = cpu_ns(pc), c = cpu_ns(CLOCK_PROCESS_CPUTIME_ID);
	say("pid-encoded process CPU clock between two reads of the generic one: %s", a <= b && b <= c ? "yes" : "no");
	CHECK(a <= b && b <= c);

	long c1 = syscall(SYS_times, &t1);
	say("times() ticks did not go backwards: %s", c1 >= c0 ? "yes" : "no");
	CHECK(c1 >= c0);
	say("tms user+system did not go backwards: %s",
	    t1.tms_utime + t1.tms_stime >= t0.tms_utime + t0.tms_stime ? "yes" : "no");
	CHECK(t1.tms_utime + t1.tms_stime >= t0.tms_utime + t0.tms_stime);
	say("clock ticks per second: %ld", sysconf(_SC_CLK_TCK));
	CHECK(sysconf(_SC_CLK_TCK) == 100);
	contract_pass();
	return 0;
}
