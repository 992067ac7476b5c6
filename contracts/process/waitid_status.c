/* waitid reports how a child ended in siginfo: a child that exits 3 gives
 * CLD_EXITED with si_status 3; a child killed by SIGKILL gives CLD_KILLED
 * with si_status SIGKILL; si_pid names the child. WNOWAIT leaves the child
 * waitable, so a second waitid collects it again. P_ALL with no children
 * fails with ECHILD and waitid without WEXITED/WSTOPPED/WCONTINUED with
 * EINVAL. Syscalls: fork, kill, waitid (P_PID, P_ALL, WEXITED, WNOWAIT),
 * pause.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/wait.h>

static const char *code(int c)
{
	return c == CLD_EXITED ? "CLD_EXITED" : c == CLD_KILLED ? "CLD_KILLED" :
	       c == CLD_DUMPED ? "CLD_DUMPED" : "other";
}

int main(void)
{
	siginfo_t si;
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(3);
	memset(&si, 0, sizeof si);
	CHECK(waitid(P_PID, pid, &si, WEXITED | WNOWAIT) == 0);
	say("WNOWAIT: %s status %d, si_pid is child: %s", code(si.si_code), si.si_status,
	    si.si_pid == pid ? "yes" : "no");
	CHECK(si.si_code == CLD_EXITED && si.si_status == 3 && si.si_pid == pid);
	memset(&si, 0, sizeof si);
	CHECK(waitid(P_PID, pid, &si, WEXITED) == 0);
	say("collected again: %s status %d", code(si.si_code), si.si_status);
	CHECK(si.si_code == CLD_EXITED && si.si_status == 3);
	say("si_signo: %s", si.si_signo == SIGCHLD ? "SIGCHLD" : "other");

	int p[2];
	CHECK(pipe(p) == 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		char c;
		close(p[1]);
		read(p[0], &c, 1);
		_exit(0);
	}
	close(p[0]);
	CHECK(kill(pid, SIGKILL) == 0);
	memset(&si, 0, sizeof si);
	CHECK(waitid(P_PID, pid, &si, WEXITED) == 0);
	say("killed child: %s signal %s", code(si.si_code), si.si_status == SIGKILL ? "SIGKILL" : "other");
	CHECK(si.si_code == CLD_KILLED && si.si_status == SIGKILL);
	close(p[1]);

	CHECK_ERR(waitid(P_ALL, 0, &si, WEXITED), ECHILD);
	say("P_ALL without children: ECHILD");
	CHECK_ERR(waitid(P_ALL, 0, &si, WNOHANG), EINVAL);
	say("no WEXITED/WSTOPPED/WCONTINUED: EINVAL");
	contract_pass();
	return 0;
}
