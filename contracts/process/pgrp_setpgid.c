/* Process groups: getpgrp equals getpgid(0); a forked child starts in its
 * parent's group; setpgid(0, 0) in the child makes it a group leader
 * (getpgid(child) == child, checked from both sides); the parent may move
 * a second child into the first child's group (same session) with
 * setpgid(child, pgid);
 * setpgid of a process that is not a child fails with ESRCH, into a group
 * that does not exist in the session with EPERM, and a negative pgid with
 * EINVAL; a session leader cannot change its group (EPERM). getpgid of a
 * pid that does not exist fails with ESRCH. Pids are compared, never
 * printed. Syscalls: getpgrp, getpgid, setpgid, setsid, fork, wait4, pipe.
 *
 * The caller's own group id is 0 when its group leader lives in an ancestor
 * PID namespace, so it is only compared, never used as a target group.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void)
{
	pid_t g = syscall(SYS_getpgrp);
	say("getpgrp == getpgid(0): %s", g == getpgid(0) ? "yes" : "no");
	CHECK(g == getpgid(0) && g == getpgid(getpid()));

	int go[2], rep[2];
	CHECK(pipe(go) == 0 && pipe(rep) == 0);
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		char x;
		int ok = getpgrp() == g && setpgid(0, 0) == 0 && getpgrp() == getpid();
		write(rep[1], ok ? "1" : "0", 1);
		read(go[0], &x, 1); /* wait until the parent has looked */
		_exit(0);
	}
	char r = 0;
	CHECK(read(rep[0], &r, 1) == 1);
	say("child inherits the group, then setpgid(0, 0) leads its own: %s", r == '1' ? "yes" : "no");
	CHECK(r == '1');
	say("parent sees getpgid(child) == child: %s", getpgid(c) == c ? "yes" : "no");
	CHECK(getpgid(c) == c);
	pid_t c2 = fork();
	CHECK(c2 >= 0);
	if (c2 == 0) {
		char x;
		read(go[0], &x, 1);
		_exit(0);
	}
	CHECK(setpgid(c2, c) == 0 && getpgid(c2) == c);
	say("parent moves a second child into the first child's group: ok");
	CHECK_ERR(setpgid(c, -1), EINVAL);
	say("negative pgid: EINVAL");
	CHECK(write(go[1], "xx", 2) == 2);
	int st;
	CHECK(waitpid(c2, &st, 0) == c2);
	CHECK(waitpid(c, &st, 0) == c);
	CHECK_ERR(getpgid(c), ESRCH);
	CHECK_ERR(setpgid(c, 0), ESRCH);
	say("getpgid and setpgid of a reaped child: ESRCH");

	c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		/* A session leader may not change its group; the parent's
		 * group is in another session now. */
		if (setsid() < 0)
			_exit(1);
		errno = 0;
		if (setpgid(0, 0) != -1 || errno != EPERM)
			_exit(2);
		errno = 0;
		if (setpgid(0, g) != -1 || errno != EPERM)
			_exit(3);
		_exit(0);
	}
	CHECK(waitpid(c, &st, 0) == c);
	say("session leader: setpgid EPERM: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);

	c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		char x;
		read(go[0], &x, 1);
		_exit(0);
	}
	/* c is in our group, not a leader: no process group has its id. */
	CHECK_ERR(setpgid(0, c), EPERM);
	say("join a group that does not exist: EPERM");
	CHECK(write(go[1], "x", 1) == 1);
	CHECK(waitpid(c, &st, 0) == c);
	contract_pass();
	return 0;
}
