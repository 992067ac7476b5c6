/* execve resets caught signals to their default and keeps the rest: before
 * re-executing itself through /proc/self/exe, a child installs a handler for
 * SIGUSR1, ignores SIGUSR2, blocks SIGTERM and leaves SIGINT pending
 * (blocked); the new image (argv[1] == "--child") finds SIGUSR1 back at
 * SIG_DFL, SIGUSR2 still SIG_IGN, SIGTERM still blocked, and SIGINT still
 * pending. Syscalls: rt_sigaction, rt_sigprocmask, rt_sigpending, kill,
 * execve, fork, wait4.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/wait.h>

static void h(int sig)
{
	(void)sig;
}

static int child(void)
{
	struct sigaction a, b;
	sigset_t mask, pend;
	if (sigaction(SIGUSR1, NULL, &a) != 0 || sigaction(SIGUSR2, NULL, &b) != 0)
		return 1;
	sigprocmask(SIG_BLOCK, NULL, &mask);
	sigpending(&pend);
	say("after exec: SIGUSR1 handler reset to default: %s", a.sa_handler == SIG_DFL ? "yes" : "no");
	say("after exec: SIGUSR2 still ignored: %s", b.sa_handler == SIG_IGN ? "yes" : "no");
	say("after exec: SIGTERM still blocked: %s", sigismember(&mask, SIGTERM) ? "yes" : "no");
	say("after exec: SIGINT still pending: %s", sigismember(&pend, SIGINT) ? "yes" : "no");
	return a.sa_handler == SIG_DFL && b.sa_handler == SIG_IGN && sigismember(&mask, SIGTERM) &&
			       sigismember(&pend, SIGINT) ? 0 : 2;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--child") == 0)
		return child();
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		signal(SIGUSR1, h);
		signal(SIGUSR2, SIG_IGN);
		sigset_t s;
		sigemptyset(&s);
		sigaddset(&s, SIGTERM);
		sigaddset(&s, SIGINT);
		sigprocmask(SIG_BLOCK, &s, NULL);
		kill(getpid(), SIGINT);
		char *args[] = {"exec_signal_state", "--child", NULL};
		execv("/proc/self/exe", args);
		_exit(30);
	}
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	say("child status: %d", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
