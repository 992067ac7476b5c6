/* uname and sysinfo describe the running system consistently: uname's
 * sysname is "Linux", machine is "x86_64", release starts with a digit and
 * every field is NUL terminated; sysinfo reports nonzero uptime, total RAM
 * at least as large as free RAM, a mem_unit of at least 1 and at least one
 * process. A NULL buffer gives EFAULT for both. Syscalls: uname, sysinfo.
 */
#include "../contract.h"
#include <ctype.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

int main(void)
{
	struct utsname u;
	CHECK(uname(&u) == 0);
	say("sysname: %s", u.sysname);
	CHECK(strcmp(u.sysname, "Linux") == 0);
	say("machine: %s", u.machine);
	CHECK(strcmp(u.machine, "x86_64") == 0);
	say("release starts with a digit: %s", isdigit((unsigned char)u.release[0]) ? "yes" : "no");
	CHECK(isdigit((unsigned char)u.release[0]));
	int term = memchr(u.nodename, 0, sizeof u.nodename) && memchr(u.version, 0, sizeof u.version) &&
		   memchr(u.domainname, 0, sizeof u.domainname);
	say("fields NUL terminated: %s", term ? "yes" : "no");
	CHECK(term);

	struct sysinfo si;
	CHECK(sysinfo(&si) == 0);
	say("uptime nonzero: %s", si.uptime > 0 ? "yes" : "no");
	CHECK(si.uptime > 0);
	say("totalram >= freeram > 0: %s", si.totalram >= si.freeram && si.freeram > 0 ? "yes" : "no");
	CHECK(si.totalram >= si.freeram && si.freeram > 0);
	say("mem_unit >= 1: %s", si.mem_unit >= 1 ? "yes" : "no");
	CHECK(si.mem_unit >= 1);
	say("procs >= 1: %s", si.procs >= 1 ? "yes" : "no");
	CHECK(si.procs >= 1);

	CHECK_ERR(syscall(SYS_uname, NULL), EFAULT);
	say("uname(NULL): EFAULT");
	CHECK_ERR(syscall(SYS_sysinfo, NULL), EFAULT);
	say("sysinfo(NULL): EFAULT");
	contract_pass();
	return 0;
}
