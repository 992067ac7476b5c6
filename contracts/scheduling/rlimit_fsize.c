/* Checks RLIMIT_FSIZE: with a 4096-byte soft limit and SIGXFSZ ignored, a
 * write that would cross the limit is cut short at the limit, the next write
 * at the limit fails with EFBIG, and ftruncate beyond the limit also fails
 * with EFBIG; with the default SIGXFSZ action a child writing past the limit
 * is killed by SIGXFSZ. Syscalls: prlimit64, openat, write, pwrite64,
 * ftruncate, rt_sigaction, fork, wait4. */
#include "../contract.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

int main(void)
{
	struct rlimit r, lim;
	static char buf[6000];
	int fd, st;
	pid_t p;

	CHECK(getrlimit(RLIMIT_FSIZE, &r) == 0);
	lim.rlim_cur = 4096;
	lim.rlim_max = r.rlim_max;
	CHECK(setrlimit(RLIMIT_FSIZE, &lim) == 0);
	CHECK(signal(SIGXFSZ, SIG_IGN) != SIG_ERR);
	fd = open("big", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	memset(buf, 'a', sizeof buf);
	CHECK(write(fd, buf, 3000) == 3000);
	say("write 3000 under 4096 limit: 3000");
	CHECK(write(fd, buf, 3000) == 1096);
	say("write 3000 crossing the limit: short write 1096");
	CHECK_ERR(write(fd, buf, 1), EFBIG);
	say("write at the limit: EFBIG");
	CHECK_ERR(ftruncate(fd, 8192), EFBIG);
	say("ftruncate to 8192: EFBIG");
	CHECK(pwrite(fd, "b", 1, 100) == 1);
	say("pwrite inside the limit: 1");

	p = fork();
	CHECK(p >= 0);
	if (p == 0) {
		signal(SIGXFSZ, SIG_DFL);
		write(fd, buf, 1);
		_exit(0);
	}
	CHECK(waitpid(p, &st, 0) == p);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGXFSZ);
	say("child with default SIGXFSZ writing past limit: killed by SIGXFSZ");
	close(fd);
	CHECK(unlink("big") == 0);
	contract_pass();
	return 0;
}
