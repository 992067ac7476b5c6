/* Checks uname: sysname is "Linux" and machine "x86_64" (the ABI the
 * binaries were built for), every field is NUL-terminated within its 65
 * bytes, release starts with a digit and matches /proc/sys/kernel/osrelease,
 * nodename matches gethostname, and a bad pointer fails with EFAULT.
 * Release and hostname are compared, never printed. Syscalls: uname,
 * open, read. */
#include "../contract.h"
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

static int terminated(const char *s) { return memchr(s, 0, 65) != NULL; }

int main(void)
{
	struct utsname u;
	char buf[128] = { 0 }, host[128] = { 0 };
	int fd;
	ssize_t n;

	memset(&u, 'z', sizeof u);
	CHECK(syscall(SYS_uname, &u) == 0);
	CHECK(terminated(u.sysname) && terminated(u.nodename) && terminated(u.release) &&
	      terminated(u.version) && terminated(u.machine));
	say("all fields NUL-terminated");
	say("sysname: %s", u.sysname);
	say("machine: %s", u.machine);
	CHECK(strcmp(u.sysname, "Linux") == 0 && strcmp(u.machine, "x86_64") == 0);
	CHECK(u.release[0] >= '0' && u.release[0] <= '9');
	say("release starts with a digit");

	fd = open("/proc/sys/kernel/osrelease", O_RDONLY);
	CHECK(fd >= 0);
	n = read(fd, buf, sizeof buf - 1);
	CHECK(n > 1 && buf[n - 1] == '\n');
	buf[n - 1] = 0;
	close(fd);
	CHECK(strcmp(buf, u.release) == 0);
	say("release == /proc/sys/kernel/osrelease");
	CHECK(gethostname(host, sizeof host) == 0 && strcmp(host, u.nodename) == 0);
	say("nodename == gethostname");
	CHECK_ERR(syscall(SYS_uname, (void *)8), EFAULT);
	say("uname(bad pointer): EFAULT");
	contract_pass();
	return 0;
}
