/* setsid makes a non-leader the leader of a new session and process group:
 * a forked child calls setsid, after which getsid(0) and getpgid(0) both
 * equal its pid and differ from the parent's session; calling setsid again as
 * leader fails with EPERM. The parent sees the child's new session through
 * getsid(pid). getsid of a nonexistent process fails with ESRCH. setpgid moves
 * a second child into its own group. Syscalls: setsid, getsid, getpgid,
 * setpgid, fork, wait4, pipe2.
 *
 * getsid(0) is 0, not an error, when the caller's session leader lives in an
 * ancestor PID namespace (a container whose shell was started from outside),
 * so the caller's own session id is only compared, never required positive.
 */
#include "../contract.h"
#include <sys/wait.h>

int main(void)
{
	pid_t my_sid = getsid(0);
	CHECK(my_sid >= 0);
	int go[2], done[2];
	CHECK(pipe(go) == 0 && pipe(done) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int ok = 1;
		pid_t me = getpid();
		if (getsid(0) != my_sid)
			ok = 0;
		if (setsid() != me)
			ok = 0;
		if (getsid(0) != me || getpgid(0) != me)
			ok = 0;
		errno = 0;
		if (setsid() != -1 || errno != EPERM)
			ok = 0;
		char c = 'r';
		write(done[1], &c, 1);
		read(go[0], &c, 1);
		_exit(ok ? 0 : 1);
	}
	char c;
	CHECK(read(done[0], &c, 1) == 1);
	say("child session id is its pid: %s", getsid(pid) == pid ? "yes" : "no");
	CHECK(getsid(pid) == pid);
	say("child process group is its pid: %s", getpgid(pid) == pid ? "yes" : "no");
	CHECK(getpgid(pid) == pid);
	say("parent session unchanged: %s", getsid(0) == my_sid ? "yes" : "no");
	CHECK(write(go[1], "g", 1) == 1);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	say("child checks (setsid result, second setsid EPERM): %s",
	    WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "ok" : "failed");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);

	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		read(go[0], &c, 1);
		_exit(0);
	}
	CHECK(setpgid(pid, pid) == 0);
	say("setpgid puts child in own group: %s", getpgid(pid) == pid ? "yes" : "no");
	CHECK(getpgid(pid) == pid);
	CHECK(write(go[1], "g", 1) == 1);
	CHECK(waitpid(pid, &st, 0) == pid);

	CHECK_ERR(getsid(pid), ESRCH);
	say("getsid of reaped child: ESRCH");
	contract_pass();
	return 0;
}
