/* SIGCHLD disposition decides whether exited children become zombies: with a
 * handler installed, an exiting child raises SIGCHLD (the handler runs once,
 * si_code CLD_EXITED, si_status 4) and stays waitable; with SIGCHLD set to
 * SIG_IGN, children are reaped automatically, so wait4 blocks until they are
 * gone and then fails with ECHILD; SA_NOCLDWAIT with a handler behaves the
 * same for reaping. Syscalls: rt_sigaction (SA_SIGINFO, SIG_IGN,
 * SA_NOCLDWAIT), rt_sigprocmask, rt_sigsuspend, fork, wait4, exit_group.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t count, code, status;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	count++;
	code = si->si_code;
	status = si->si_status;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_chld;
	sa.sa_flags = SA_SIGINFO;
	CHECK(sigaction(SIGCHLD, &sa, NULL) == 0);
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	CHECK(sigprocmask(SIG_BLOCK, &block, &old) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(4);
	while (!count)
		sigsuspend(&old);
	say("handler ran: %d time(s), %s, status %d", (int)count, code == CLD_EXITED ? "CLD_EXITED" : "other", (int)status);
	CHECK(count == 1 && code == CLD_EXITED && status == 4);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	say("child with handler stays waitable: yes, status %d", WEXITSTATUS(st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 4);
	CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);

	CHECK(signal(SIGCHLD, SIG_IGN) != SIG_ERR);
	for (int i = 0; i < 2; i++) {
		pid = fork();
		CHECK(pid >= 0);
		if (pid == 0)
			_exit(0);
	}
	CHECK_ERR(wait4(-1, &st, 0, NULL), ECHILD);
	say("SIG_IGN: children auto-reaped, wait4: ECHILD");

	sa.sa_flags = SA_SIGINFO | SA_NOCLDWAIT;
	count = 0;
	CHECK(sigaction(SIGCHLD, &sa, NULL) == 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(0);
	CHECK_ERR(wait4(-1, &st, 0, NULL), ECHILD);
	say("SA_NOCLDWAIT: child auto-reaped, wait4: ECHILD");
	contract_pass();
	return 0;
}
