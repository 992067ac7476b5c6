/* getrusage separates the caller from its reaped children: RUSAGE_SELF
 * reports a nonzero maximum resident set for this process; RUSAGE_CHILDREN is
 * all zero before any child was waited for; after a child touches 16 MiB of
 * memory, burns some CPU and is reaped, RUSAGE_CHILDREN reports a maximum
 * resident set of at least 8 MiB and nonzero CPU time. (The margin is
 * needed: a child touching exactly 8 MiB once reported less than 8 MiB in
 * about 15 runs of the suite; Linux samples the high-water mark from
 * per-CPU RSS counters.) An unknown "who" fails with EINVAL. RUSAGE_THREAD works for the calling thread. Syscalls:
 * getrusage (RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD), fork, mmap,
 * wait4.
 */
#include "../contract.h"
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#ifndef RUSAGE_THREAD
#define RUSAGE_THREAD 1
#endif

int main(void)
{
	struct rusage ru;
	CHECK(getrusage(RUSAGE_SELF, &ru) == 0);
	say("RUSAGE_SELF maxrss nonzero: %s", ru.ru_maxrss > 0 ? "yes" : "no");
	CHECK(ru.ru_maxrss > 0);
	CHECK(getrusage(RUSAGE_CHILDREN, &ru) == 0);
	int zero = ru.ru_maxrss == 0 && ru.ru_utime.tv_sec == 0 && ru.ru_utime.tv_usec == 0 &&
		   ru.ru_stime.tv_sec == 0 && ru.ru_stime.tv_usec == 0;
	say("RUSAGE_CHILDREN before any child: %s", zero ? "zero" : "nonzero");
	CHECK(zero);

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		size_t len = 16UL << 20;
		volatile char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			_exit(1);
		for (size_t i = 0; i < len; i += 4096)
			p[i] = 1;
		/* Burn CPU until the kernel has charged at least 20 ms. */
		struct rusage me;
		do {
			for (volatile int i = 0; i < 100000; i++)
				;
			getrusage(RUSAGE_SELF, &me);
		} while (me.ru_utime.tv_sec == 0 && me.ru_utime.tv_usec + me.ru_stime.tv_usec < 20000);
		_exit(0);
	}
	int st;
	CHECK(wait4(pid, &st, 0, NULL) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(getrusage(RUSAGE_CHILDREN, &ru) == 0);
	say("RUSAGE_CHILDREN maxrss >= 8 MiB: %s", ru.ru_maxrss >= 8 * 1024 ? "yes" : "no");
	CHECK(ru.ru_maxrss >= 8 * 1024);
	long us = ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec +
		  ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec;
	say("RUSAGE_CHILDREN cpu time nonzero: %s", us > 0 ? "yes" : "no");
	CHECK(us > 0);

	CHECK(getrusage(RUSAGE_THREAD, &ru) == 0);
	say("RUSAGE_THREAD: ok");
	CHECK_ERR(syscall(SYS_getrusage, 12345, &ru), EINVAL);
	say("unknown who: EINVAL");
	contract_pass();
	return 0;
}
