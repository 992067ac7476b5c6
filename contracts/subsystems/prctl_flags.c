/* Checks per-process prctl flags: PR_SET_NO_NEW_PRIVS sets a bit that
 * PR_GET_NO_NEW_PRIVS reads back, that cannot be cleared (EINVAL) and that a
 * forked child inherits; PR_SET_PDEATHSIG stores a signal that
 * PR_GET_PDEATHSIG returns and that is reset to 0 in a forked child;
 * PR_SET_DUMPABLE accepts 0 and 1 but rejects 2 with EINVAL; an unknown
 * option fails with EINVAL. Syscalls: prctl, fork, wait4. */
#include "../contract.h"
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

int main(void)
{
	int sig = -1, st;
	pid_t p;

	CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
	CHECK(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1);
	say("no_new_privs: set, reads 1");
	CHECK_ERR(prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0), EINVAL);
	say("clearing no_new_privs: EINVAL");

	CHECK(prctl(PR_SET_PDEATHSIG, SIGUSR2, 0, 0, 0) == 0);
	CHECK(prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0) == 0 && sig == SIGUSR2);
	say("pdeathsig: set SIGUSR2, reads SIGUSR2");

	p = fork();
	CHECK(p >= 0);
	if (p == 0) {
		int s = -1;
		if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 1)
			_exit(1);
		if (prctl(PR_GET_PDEATHSIG, &s, 0, 0, 0) != 0 || s != 0)
			_exit(2);
		_exit(0);
	}
	CHECK(waitpid(p, &st, 0) == p && WIFEXITED(st));
	CHECK(WEXITSTATUS(st) == 0);
	say("child: no_new_privs inherited, pdeathsig reset to 0");

	CHECK(prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0);
	CHECK(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0);
	CHECK(prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) == 0);
	CHECK(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 1);
	say("dumpable: 0 and 1 read back");
	CHECK_ERR(prctl(PR_SET_DUMPABLE, 2, 0, 0, 0), EINVAL);
	say("dumpable 2: EINVAL");
	CHECK_ERR(prctl(0x7fff0000, 0, 0, 0, 0), EINVAL);
	say("unknown option: EINVAL");
	contract_pass();
	return 0;
}
