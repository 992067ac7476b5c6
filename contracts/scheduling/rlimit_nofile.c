/* Checks RLIMIT_NOFILE enforcement and the rlimit calls: getrlimit and
 * prlimit64(pid 0) agree; lowering the soft limit to 16 makes the next
 * open that would need descriptor 16 fail with EMFILE, dup2 to 16 fail with
 * EBADF and F_DUPFD from 16 with EINVAL, while lower descriptors still work; prlimit64 returns the old value; a soft limit above the hard limit
 * fails with EINVAL; an unknown resource fails with EINVAL. Syscalls:
 * getrlimit, prlimit64, setrlimit, openat, dup2, fcntl(F_DUPFD). */
#include "../contract.h"
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/syscall.h>

int main(void)
{
	struct rlimit a, b, n, old;
	int fd, fds[32], k = 0;

	CHECK(getrlimit(RLIMIT_NOFILE, &a) == 0);
	CHECK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &b) == 0);
	CHECK(a.rlim_cur == b.rlim_cur && a.rlim_max == b.rlim_max);
	CHECK(a.rlim_cur <= a.rlim_max && a.rlim_cur >= 16);
	say("getrlimit == prlimit64(0): yes");

	n.rlim_cur = 16;
	n.rlim_max = a.rlim_max;
	CHECK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &n, &old) == 0);
	CHECK(old.rlim_cur == a.rlim_cur && old.rlim_max == a.rlim_max);
	say("prlimit64 set soft 16: returns the old limits");
	CHECK(getrlimit(RLIMIT_NOFILE, &b) == 0 && b.rlim_cur == 16);
	say("getrlimit soft: 16");

	while ((fd = open(".", O_RDONLY | O_DIRECTORY)) >= 0) {
		CHECK(fd < 16 && k < 32);
		fds[k++] = fd;
	}
	CHECK(errno == EMFILE);
	say("opening until failure: EMFILE, every fd below 16");
	CHECK_ERR(dup2(0, 16), EBADF);
	say("dup2 to fd 16: EBADF");
	CHECK_ERR(fcntl(0, F_DUPFD, 16), EINVAL);
	say("F_DUPFD at 16: EINVAL");
	CHECK(close(fds[--k]) == 0);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0 && fd < 16);
	say("after one close: open works again");

	n.rlim_cur = a.rlim_max == RLIM_INFINITY ? RLIM_INFINITY : a.rlim_max + 1;
	n.rlim_max = a.rlim_max;
	if (a.rlim_max != RLIM_INFINITY)
		CHECK_ERR(setrlimit(RLIMIT_NOFILE, &n), EINVAL);
	n.rlim_cur = 2, n.rlim_max = 1;
	CHECK_ERR(setrlimit(RLIMIT_NOFILE, &n), EINVAL);
	say("soft > hard: EINVAL");
	CHECK_ERR(syscall(SYS_prlimit64, 0, 999, NULL, &b), EINVAL);
	say("resource 999: EINVAL");
	contract_pass();
	return 0;
}
