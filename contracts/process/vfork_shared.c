/* vfork suspends the parent and shares its memory until the child execs or
 * exits: the child stores into a variable and _exits with status 9; when the
 * parent resumes it sees the store, and wait4 collects status 9. (The parent
 * is released when the child drops the shared memory, slightly before it
 * becomes a zombie, so WNOHANG right away would be racy.) clone(CLONE_VM|CLONE_VFORK|SIGCHLD)
 * (the libc wrapper over the raw syscall) with a separate stack behaves the same way.
 * Syscalls: vfork, clone (CLONE_VM|CLONE_VFORK), exit_group, wait4.
 */
#include "../contract.h"
#include <sched.h>
#include <sys/wait.h>

static volatile int shared;

static int clone_fn(void *arg)
{
	(void)arg;
	shared = 2;
	return 4;
}

int main(void)
{
	pid_t pid = vfork();
	CHECK(pid >= 0);
	if (pid == 0) {
		shared = 1;
		_exit(9);
	}
	say("parent sees child's store after vfork: %d", shared);
	CHECK(shared == 1);
	int st;
	pid_t r = waitpid(pid, &st, 0);
	CHECK(r == pid);
	say("vfork child status: %d", WEXITSTATUS(st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 9);

	static char stack[64 * 1024] __attribute__((aligned(16)));
	pid = clone(clone_fn, stack + sizeof stack, CLONE_VM | CLONE_VFORK | SIGCHLD, NULL);
	CHECK(pid > 0);
	say("parent sees store after CLONE_VFORK: %d", shared);
	CHECK(shared == 2);
	r = waitpid(pid, &st, 0);
	CHECK(r == pid);
	say("clone child status: %d", WEXITSTATUS(st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 4);
	contract_pass();
	return 0;
}
