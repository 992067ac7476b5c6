/* Checks what CLONE_VM shares: a child created by clone(CLONE_VM|SIGCHLD)
 * writes a global that the parent then sees, while a child created by
 * clone(SIGCHLD) (fork semantics) writes its own copy and the parent's value
 * is unchanged; both children are reaped with their exit status, and the
 * exit signal SIGCHLD makes them visible to wait4. Syscalls: clone, wait4,
 * exit. */
#include "../contract.h"
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

static volatile int shared = 1;
static char stack[2][64 * 1024] __attribute__((aligned(16)));

static int child(void *arg)
{
	shared = (int)(long)arg;
	return 40 + (int)(long)arg;
}

int main(void)
{
	int st;
	pid_t p;

	p = clone(child, stack[0] + sizeof stack[0], CLONE_VM | SIGCHLD, (void *)2L);
	CHECK(p > 0);
	CHECK(waitpid(p, &st, 0) == p);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42);
	CHECK(shared == 2);
	say("CLONE_VM child: exit 42, parent sees its write (shared=%d)", shared);

	p = clone(child, stack[1] + sizeof stack[1], SIGCHLD, (void *)3L);
	CHECK(p > 0);
	CHECK(waitpid(p, &st, 0) == p);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 43);
	CHECK(shared == 2);
	say("no CLONE_VM child: exit 43, parent copy unchanged (shared=%d)", shared);

	CHECK_ERR(waitpid(-1, &st, 0), ECHILD);
	say("no children left: ECHILD");
	contract_pass();
	return 0;
}
