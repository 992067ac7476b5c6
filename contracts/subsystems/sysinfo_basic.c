/* Checks sysinfo for internal consistency without printing host numbers:
 * mem_unit is at least 1, totalram is nonzero and freeram/sharedram/
 * bufferram do not exceed it, freeswap does not exceed totalswap, uptime is
 * positive and agrees with CLOCK_BOOTTIME to within 2 s, at least one
 * process exists, and a bad pointer fails with EFAULT. Syscalls: sysinfo,
 * clock_gettime. */
#include "../contract.h"
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <time.h>

int main(void)
{
	struct sysinfo s;
	struct timespec bt;

	memset(&s, 0, sizeof s);
	CHECK(syscall(SYS_sysinfo, &s) == 0);
	CHECK(s.mem_unit >= 1);
	say("mem_unit >= 1");
	CHECK(s.totalram > 0 && s.freeram <= s.totalram && s.sharedram <= s.totalram &&
	      s.bufferram <= s.totalram);
	say("totalram > 0; free/shared/buffer <= total");
	CHECK(s.freeswap <= s.totalswap);
	say("freeswap <= totalswap");
	CHECK(s.procs >= 1);
	say("procs >= 1");
	CHECK(syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &bt) == 0);
	CHECK(s.uptime > 0 && labs(s.uptime - (long)bt.tv_sec) <= 2);
	say("uptime > 0 and within 2s of CLOCK_BOOTTIME");
	CHECK_ERR(syscall(SYS_sysinfo, (void *)8), EFAULT);
	say("sysinfo(bad pointer): EFAULT");
	contract_pass();
	return 0;
}
