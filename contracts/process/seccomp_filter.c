/* seccomp filters, each installed in a child: without no_new_privs and
 * without CAP_SYS_ADMIN, installing a filter fails with EACCES (checked
 * only when unprivileged; same line either way); after
 * prctl(PR_SET_NO_NEW_PRIVS) a filter that answers getppid with
 * SECCOMP_RET_ERRNO|ENOTTY makes getppid fail with ENOTTY while other
 * calls work, and the filter survives fork into a grandchild; a second
 * filter stacks (the stricter action wins: SECCOMP_RET_KILL_PROCESS for
 * getppid kills with SIGSYS). Strict mode allows write and kills with
 * SIGKILL on any other call. SECCOMP_GET_ACTION_AVAIL knows
 * SECCOMP_RET_ERRNO; an unknown operation fails with EINVAL.
 * Syscalls: seccomp, prctl, getppid, fork, wait4, write, capget.
 */
#include "../contract.h"
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/wait.h>

/* filter returns a program: if nr == SYS_getppid return action, else allow. */
static int install(unsigned action)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, action),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {sizeof f / sizeof f[0], f};
	return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

static int status(pid_t c)
{
	int st;
	if (waitpid(c, &st, 0) != c)
		return -1;
	return st;
}

int main(void)
{
	unsigned act = SECCOMP_RET_ERRNO;
	CHECK(syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act) == 0);
	say("SECCOMP_RET_ERRNO available: yes");
	CHECK_ERR(syscall(SYS_seccomp, 99, 0, NULL), EINVAL);
	say("unknown operation: EINVAL");

	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		if (!contract_has_cap(CAP_SYS_ADMIN)) {
			errno = 0;
			if (install(SECCOMP_RET_ERRNO | ENOTTY) != -1 || errno != EACCES)
				_exit(1);
		}
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || install(SECCOMP_RET_ERRNO | ENOTTY) != 0)
			_exit(2);
		errno = 0;
		if (syscall(SYS_getppid) != -1 || errno != ENOTTY || getpid() <= 0)
			_exit(3);
		pid_t g = fork();
		if (g == 0) {
			errno = 0;
			_exit(syscall(SYS_getppid) == -1 && errno == ENOTTY ? 0 : 1);
		}
		int st = status(g);
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			_exit(4);
		/* No core dump from SIGSYS: a host's core_pattern may pipe
		 * it to a helper. */
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
		if (install(SECCOMP_RET_KILL_PROCESS) != 0)
			_exit(5);
		syscall(SYS_getppid);
		_exit(6);
	}
	int st = status(c);
	say("filtered child: EACCES without no_new_privs, getppid ENOTTY, inherited by fork, stacked kill: %s",
	    WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS ? "SIGSYS" : "other");
	if (WIFEXITED(st))
		say("child exit %d", WEXITSTATUS(st));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS);

	fflush(stdout);
	c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL) != 0)
			_exit(1);
		syscall(SYS_write, 1, "", 0); /* allowed in strict mode */
		syscall(SYS_getppid);         /* not allowed: SIGKILL */
		_exit(2);
	}
	st = status(c);
	say("strict mode: write allowed, getppid killed by %s", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL ? "SIGKILL" : "other");
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	contract_pass();
	return 0;
}
