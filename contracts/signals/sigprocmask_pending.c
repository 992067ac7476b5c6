/* The signal mask holds back delivery and sigpending shows what waits:
 * blocking SIGUSR1 and sending it leaves it pending with no handler run;
 * unblocking delivers it before sigprocmask returns; SIGKILL and SIGSTOP
 * cannot be blocked (SIG_SETMASK with them set reads back without them);
 * SIG_UNBLOCK and SIG_SETMASK behave as documented; an invalid "how" fails
 * with EINVAL; sigsuspend with a mask that unblocks SIGUSR2 returns EINTR
 * after SIGUSR2 from a forked child is handled, and restores the old mask.
 * Syscalls: rt_sigprocmask, rt_sigpending, rt_sigsuspend, kill, fork,
 * wait4, getppid.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static volatile sig_atomic_t got1, got2;

static void h(int sig)
{
	if (sig == SIGUSR1)
		got1++;
	else
		got2++;
}

int main(void)
{
	signal(SIGUSR1, h);
	signal(SIGUSR2, h);
	sigset_t s, cur, pend;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &s, NULL) == 0);
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(sigpending(&pend) == 0);
	say("blocked SIGUSR1 pending: %s, handler ran: %s", sigismember(&pend, SIGUSR1) ? "yes" : "no",
	    got1 ? "yes" : "no");
	CHECK(sigismember(&pend, SIGUSR1) && !got1);
	CHECK(sigprocmask(SIG_UNBLOCK, &s, NULL) == 0);
	say("delivered on unblock: %s", got1 == 1 ? "yes" : "no");
	CHECK(got1 == 1);
	CHECK(sigpending(&pend) == 0 && !sigismember(&pend, SIGUSR1));

	sigfillset(&s);
	CHECK(sigprocmask(SIG_SETMASK, &s, NULL) == 0);
	CHECK(sigprocmask(SIG_SETMASK, NULL, &cur) == 0);
	say("SIGKILL blockable: %s, SIGSTOP blockable: %s, SIGTERM blocked: %s",
	    sigismember(&cur, SIGKILL) ? "yes" : "no", sigismember(&cur, SIGSTOP) ? "yes" : "no",
	    sigismember(&cur, SIGTERM) ? "yes" : "no");
	CHECK(!sigismember(&cur, SIGKILL) && !sigismember(&cur, SIGSTOP) && sigismember(&cur, SIGTERM));
	CHECK_ERR(syscall(SYS_rt_sigprocmask, 99, &s, NULL, 8), EINVAL);
	say("invalid how: EINVAL");
	CHECK_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &s, NULL, 4), EINVAL);
	say("wrong sigset size: EINVAL");

	sigset_t wait_mask = cur;
	sigdelset(&wait_mask, SIGUSR2);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(kill(getppid(), SIGUSR2) == 0 ? 0 : 1);
	int r = sigsuspend(&wait_mask);
	int e = errno;
	say("sigsuspend: %s, SIGUSR2 handled: %s", r == -1 && e == EINTR ? "EINTR" : "other", got2 == 1 ? "yes" : "no");
	CHECK(r == -1 && e == EINTR && got2 == 1);
	sigset_t after;
	CHECK(sigprocmask(SIG_SETMASK, NULL, &after) == 0);
	say("mask restored after sigsuspend: %s", sigismember(&after, SIGUSR2) ? "yes" : "no");
	CHECK(sigismember(&after, SIGUSR2));
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
