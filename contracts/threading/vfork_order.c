/* Checks vfork: the parent is suspended until the child calls _exit, so the
 * child's store to a global (shared address space) is visible when vfork
 * returns in the parent; the child's exit status is reaped with wait4 and
 * the child's pid differs from the parent's. Syscalls: vfork, exit, wait4. */
#include "../contract.h"
#include <sys/wait.h>

static volatile int order[2];
static volatile int step;

int main(void)
{
	pid_t me = getpid(), p;
	int st;

	p = vfork();
	if (p == 0) {
		order[step++] = 1;
		_exit(getpid() != me ? 5 : 6);
	}
	CHECK(p > 0);
	order[step++] = 2;
	CHECK(step == 2 && order[0] == 1 && order[1] == 2);
	say("child ran to _exit before parent resumed: yes");
	CHECK(waitpid(p, &st, 0) == p);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 5);
	say("child had its own pid, exit 5");
	contract_pass();
	return 0;
}
