/* Checks getrusage: after ~20 ms of busy CPU work RUSAGE_SELF reports
 * nonzero user+system time and a nonzero max RSS; RUSAGE_CHILDREN is
 * unchanged until a child that burned CPU is reaped, then includes its
 * time; RUSAGE_THREAD reports no more than RUSAGE_SELF; an unknown who
 * fails with EINVAL. Syscalls: getrusage, clock_gettime, fork, wait4. */
#include "../contract.h"
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

static long long usec(struct timeval tv) { return tv.tv_sec * 1000000LL + tv.tv_usec; }
static long long cpu(struct rusage *r) { return usec(r->ru_utime) + usec(r->ru_stime); }

static void burn(void)
{
	struct timespec a, b;
	volatile unsigned long x = 0;
	syscall(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &a);
	do {
		for (int i = 0; i < 100000; i++)
			x += i;
		syscall(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &b);
	} while ((b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec) < 20000000LL);
}

int main(void)
{
	struct rusage self, th, ch0, ch1;
	int st;
	pid_t p;

	CHECK(getrusage(RUSAGE_CHILDREN, &ch0) == 0);
	burn();
	CHECK(getrusage(RUSAGE_SELF, &self) == 0);
	CHECK(cpu(&self) > 0);
	CHECK(self.ru_maxrss > 0);
	say("RUSAGE_SELF after 20ms CPU: time > 0, maxrss > 0");
	CHECK(getrusage(RUSAGE_THREAD, &th) == 0);
	CHECK(cpu(&th) > 0 && cpu(&th) <= cpu(&self) + 1000);
	say("RUSAGE_THREAD: time > 0 and <= RUSAGE_SELF");

	p = fork();
	CHECK(p >= 0);
	if (p == 0) {
		burn();
		_exit(0);
	}
	CHECK(waitpid(p, &st, 0) == p && WIFEXITED(st));
	CHECK(getrusage(RUSAGE_CHILDREN, &ch1) == 0);
	CHECK(cpu(&ch1) > cpu(&ch0));
	say("RUSAGE_CHILDREN grows after reaping a busy child");
	CHECK_ERR(getrusage(42, &self), EINVAL);
	say("getrusage(who=42): EINVAL");
	contract_pass();
	return 0;
}
