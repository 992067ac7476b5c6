/* Resource limits are enforced and validated: prlimit64 lowers the soft
 * RLIMIT_NOFILE to 16 and returns the old limit; after that dup fails with
 * EMFILE once descriptor 15 is used and dup3 onto descriptor 20 fails with
 * EBADF; getrlimit reads the new soft limit back; a soft limit above the hard
 * limit fails with EINVAL and an unknown resource with EINVAL; raising the
 * soft limit back restores dup. RLIMIT_FSIZE is checked in a child: writing
 * past a 10-byte limit with SIGXFSZ ignored is cut short, then fails with
 * EFBIG. Syscalls: prlimit64, getrlimit, setrlimit, dup, dup3, openat, write,
 * rt_sigaction, fork, wait4.
 */
#include "../contract.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void)
{
	struct rlimit old, nl, cur;
	CHECK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old) == 0);
	CHECK(old.rlim_cur >= 16);
	nl.rlim_cur = 16;
	nl.rlim_max = old.rlim_max;
	struct rlimit prev;
	CHECK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &nl, &prev) == 0);
	say("prlimit64 returned old soft limit: %s", prev.rlim_cur == old.rlim_cur ? "yes" : "no");
	CHECK(getrlimit(RLIMIT_NOFILE, &cur) == 0);
	say("soft RLIMIT_NOFILE now: %lu", (unsigned long)cur.rlim_cur);
	CHECK(cur.rlim_cur == 16);

	int last = -1, n = 0;
	for (;;) {
		int fd = dup(0);
		if (fd < 0)
			break;
		last = fd;
		n++;
	}
	say("highest descriptor under limit 16: %d", last);
	say("dup at the limit: %s", errno == EMFILE ? "EMFILE" : strerror(errno));
	CHECK(last == 15 && errno == EMFILE);
	CHECK_ERR(dup3(0, 20, 0), EBADF);
	say("dup3 to descriptor beyond limit: EBADF");

	nl.rlim_cur = old.rlim_max == RLIM_INFINITY ? old.rlim_max : old.rlim_max + 1;
	if (old.rlim_max != RLIM_INFINITY) {
		CHECK_ERR(setrlimit(RLIMIT_NOFILE, &nl), EINVAL);
	} else {
		/* An infinite hard limit cannot be exceeded; ask for a
		 * soft limit above a (lower) hard limit instead. */
		struct rlimit bad = {.rlim_cur = 2, .rlim_max = 1};
		CHECK_ERR(setrlimit(RLIMIT_NOFILE, &bad), EINVAL);
	}
	say("soft above hard: EINVAL");
	CHECK_ERR(syscall(SYS_prlimit64, 0, 9999, NULL, &cur), EINVAL);
	say("unknown resource: EINVAL");

	CHECK(setrlimit(RLIMIT_NOFILE, &old) == 0);
	int fd = dup(0);
	say("dup after restoring limit: %s", fd >= 16 ? "ok" : "failed");
	CHECK(fd >= 16);
	for (int i = 3; i <= fd; i++)
		close(i);

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN);
		struct rlimit fl = {.rlim_cur = 10, .rlim_max = 10};
		if (setrlimit(RLIMIT_FSIZE, &fl) != 0)
			_exit(20);
		int f = open("fsize.dat", O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (f < 0)
			_exit(21);
		ssize_t w = write(f, "0123456789abcdef", 16);
		if (w != 10)
			_exit(22);
		errno = 0;
		if (write(f, "x", 1) != -1 || errno != EFBIG)
			_exit(23);
		_exit(0);
	}
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	say("RLIMIT_FSIZE 10: short write 10 then EFBIG: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
