/* Checks clone3 used as fork: with flags 0 and exit_signal SIGCHLD the child
 * sees return value 0 and a new pid whose parent is the caller, the parent
 * gets the child's pid and reaps it with its exit status; CLONE_PARENT_SETTID
 * stores the child's tid at parent_tid; a size smaller than the first
 * published struct (64 bytes) fails with EINVAL, as does an exit_signal
 * above 64. Syscalls: clone3, getppid, getpid, wait4. */
#include "../contract.h"
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#ifndef SYS_clone3
#define SYS_clone3 435
#endif

int main(void)
{
	struct clone_args ca;
	pid_t parent = getpid(), tidbuf = 0;
	long r;
	int st;

	memset(&ca, 0, sizeof ca);
	ca.exit_signal = SIGCHLD;
	ca.flags = CLONE_PARENT_SETTID;
	ca.parent_tid = (uint64_t)(uintptr_t)&tidbuf;
	r = syscall(SYS_clone3, &ca, sizeof ca);
	CHECK(r >= 0);
	if (r == 0) {
		if (getppid() != parent || getpid() == parent)
			_exit(90);
		_exit(17);
	}
	CHECK(tidbuf == r);
	say("clone3 in parent: child pid returned and stored at parent_tid");
	CHECK(waitpid(r, &st, 0) == r);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 17);
	say("child saw 0, new pid, parent == caller; exit 17");

	memset(&ca, 0, sizeof ca);
	ca.exit_signal = SIGCHLD;
	CHECK_ERR(syscall(SYS_clone3, &ca, 32), EINVAL);
	say("clone3 size 32: EINVAL");
	ca.exit_signal = 65;
	CHECK_ERR(syscall(SYS_clone3, &ca, sizeof ca), EINVAL);
	say("clone3 exit_signal 65: EINVAL");
	contract_pass();
	return 0;
}
