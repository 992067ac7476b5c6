/* The older getrlimit/setrlimit syscalls agree with prlimit64: getrlimit
 * returns what prlimit64 reports; lowering the soft RLIMIT_NOFILE with
 * setrlimit makes the next descriptor above it fail with EMFILE; a soft
 * limit above the hard one fails with EINVAL; raising the hard limit back
 * needs CAP_SYS_RESOURCE (tried in a child: allowed with it, EPERM
 * without, even for root in a container that lacks it; same line either
 * way). An unknown resource fails with EINVAL.
 * Syscalls: getrlimit, setrlimit, prlimit64, dup, fork, wait4.
 */
#include "../contract.h"
#include <linux/capability.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void)
{
	struct rlimit r, p;
	CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &r) == 0);
	CHECK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &p) == 0);
	say("getrlimit agrees with prlimit64: %s", r.rlim_cur == p.rlim_cur && r.rlim_max == p.rlim_max ? "yes" : "no");
	CHECK(r.rlim_cur == p.rlim_cur && r.rlim_max == p.rlim_max);
	CHECK(r.rlim_max >= 16);

	struct rlimit low = {16, r.rlim_max};
	CHECK(syscall(SYS_setrlimit, RLIMIT_NOFILE, &low) == 0);
	int last = -1;
	for (;;) {
		int fd = dup(0);
		if (fd < 0)
			break;
		last = fd;
	}
	say("with soft limit 16: highest descriptor %d, then %s", last, errno == EMFILE ? "EMFILE" : "other");
	CHECK(last == 15 && errno == EMFILE);
	struct rlimit bad = {r.rlim_max + 1, r.rlim_max};
	if (r.rlim_max != RLIM_INFINITY) {
		CHECK_ERR(syscall(SYS_setrlimit, RLIMIT_NOFILE, &bad), EINVAL);
	}
	say("soft above hard: EINVAL");
	CHECK_ERR(syscall(SYS_getrlimit, 999, &r), EINVAL);
	say("unknown resource: EINVAL");

	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		struct rlimit lower = {16, 32}, back = {16, 64};
		if (syscall(SYS_setrlimit, RLIMIT_NOFILE, &lower) != 0)
			_exit(1);
		long rc = syscall(SYS_setrlimit, RLIMIT_NOFILE, &back);
		if (contract_has_cap(CAP_SYS_RESOURCE))
			_exit(rc == 0 ? 0 : 2);
		_exit(rc == -1 && errno == EPERM ? 0 : 3);
	}
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	say("raising the hard limit: allowed with CAP_SYS_RESOURCE, EPERM without: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
