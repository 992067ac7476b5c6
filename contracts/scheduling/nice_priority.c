/* Checks nice values through getpriority/setpriority: the raw getpriority
 * syscall returns 20 - nice (so it is never negative) while the libc
 * wrapper returns nice itself; raising one's own nice by 1 needs no
 * privilege and reads back; values above 19 are clamped to 19; an unknown
 * `which` fails with EINVAL and a missing pid with ESRCH. Only deltas are
 * printed because the starting nice is inherited from the caller.
 * Syscalls: getpriority, setpriority. */
#include "../contract.h"
#include <sys/resource.h>
#include <sys/syscall.h>

int main(void)
{
	int start, now;
	long raw;

	errno = 0;
	start = getpriority(PRIO_PROCESS, 0);
	CHECK(errno == 0 && start >= -20 && start <= 19);
	raw = syscall(SYS_getpriority, PRIO_PROCESS, 0);
	CHECK(raw == 20 - start);
	say("raw getpriority == 20 - nice: yes");

	if (start < 19) {
		CHECK(setpriority(PRIO_PROCESS, 0, start + 1) == 0);
		errno = 0;
		now = getpriority(PRIO_PROCESS, 0);
		CHECK(errno == 0 && now == start + 1);
	}
	say("raise nice by 1: reads back (or already 19)");
	CHECK(setpriority(PRIO_PROCESS, 0, 40) == 0);
	errno = 0;
	CHECK(getpriority(PRIO_PROCESS, 0) == 19 && errno == 0);
	CHECK(syscall(SYS_getpriority, PRIO_PROCESS, 0) == 1);
	say("setpriority 40: clamped to 19 (raw 1)");

	CHECK_ERR(syscall(SYS_getpriority, 7, 0), EINVAL);
	say("getpriority which=7: EINVAL");
	CHECK_ERR(syscall(SYS_getpriority, PRIO_PROCESS, 0x3fffffff), ESRCH);
	say("getpriority no such pid: ESRCH");
	contract_pass();
	return 0;
}
