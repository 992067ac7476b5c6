/* personality(0xffffffff) queries the execution domain without changing it:
 * a normal process runs as PER_LINUX (0); setting ADDR_NO_RANDOMIZE in a
 * child returns the previous value and a later query shows the flag, and it
 * is inherited by a grandchild forked afterwards; the parent's persona is
 * unchanged. Syscalls: personality, fork, wait4.
 */
#include "../contract.h"
#include <sys/personality.h>
#include <sys/wait.h>

int main(void)
{
	int cur = personality(0xffffffff);
	say("initial persona: 0x%x", cur & PER_MASK);
	CHECK(cur >= 0 && (cur & PER_MASK) == PER_LINUX);
	say("ADDR_NO_RANDOMIZE initially: %s", cur & ADDR_NO_RANDOMIZE ? "set" : "clear");
	CHECK(!(cur & ADDR_NO_RANDOMIZE));

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int prev = personality(PER_LINUX | ADDR_NO_RANDOMIZE);
		if (prev != cur)
			_exit(1);
		if (personality(0xffffffff) != (PER_LINUX | ADDR_NO_RANDOMIZE))
			_exit(2);
		pid_t g = fork();
		if (g == 0)
			_exit(personality(0xffffffff) == (PER_LINUX | ADDR_NO_RANDOMIZE) ? 0 : 3);
		int st;
		if (g < 0 || waitpid(g, &st, 0) != g || !WIFEXITED(st))
			_exit(4);
		_exit(WEXITSTATUS(st));
	}
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	say("child set ADDR_NO_RANDOMIZE, got old value, grandchild inherited it: %s",
	    WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	say("parent persona unchanged: %s", personality(0xffffffff) == cur ? "yes" : "no");
	CHECK(personality(0xffffffff) == cur);
	contract_pass();
	return 0;
}
