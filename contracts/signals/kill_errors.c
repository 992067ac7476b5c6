/* kill and sigaction validate their arguments: kill with signal 0 probes a
 * live process (0) and a reaped one (ESRCH); an out-of-range signal number
 * fails with EINVAL; sigaction on SIGKILL or SIGSTOP fails with EINVAL, as
 * does signal 0 or 65; kill(0, sig) reaches the whole process group (a
 * child in a group of its own sees its own handler run); tgkill with a tid outside the thread group
 * fails with ESRCH and with tgid 0 with EINVAL. Syscalls:
 * kill, tgkill, rt_sigaction, setpgid, fork, wait4.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static volatile sig_atomic_t got;

static void h(int sig)
{
	(void)sig;
	got++;
}

int main(void)
{
	say("kill(self, 0): %d", kill(getpid(), 0));
	CHECK(kill(getpid(), 0) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(0);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	CHECK_ERR(kill(pid, 0), ESRCH);
	say("kill(reaped child, 0): ESRCH");
	CHECK_ERR(kill(getpid(), 65), EINVAL);
	say("signal 65: EINVAL");
	CHECK_ERR(kill(getpid(), -1), EINVAL);
	say("signal -1: EINVAL");

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	say("sigaction on SIGKILL/SIGSTOP: EINVAL");
	CHECK_ERR(syscall(SYS_rt_sigaction, 0, NULL, NULL, 8), EINVAL);
	CHECK_ERR(syscall(SYS_rt_sigaction, 65, NULL, NULL, 8), EINVAL);
	say("rt_sigaction signal 0 or 65: EINVAL");
	struct sigaction q;
	CHECK(sigaction(SIGKILL, NULL, &q) == 0);
	say("querying SIGKILL allowed: yes");

	/* kill(0, ...) signals the whole process group, so do it in a child
	 * that first moves into a group of its own: the runner shares ours. */
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	pid_t g = fork();
	CHECK(g >= 0);
	if (g == 0) {
		if (setpgid(0, 0) != 0 || kill(0, SIGUSR1) != 0)
			_exit(1);
		_exit(got == 1 ? 0 : 2);
	}
	CHECK(waitpid(g, &st, 0) == g);
	say("kill(0, SIGUSR1) in own process group reached own handler: %s",
	    WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK_ERR(syscall(SYS_tgkill, getpid(), pid, SIGUSR1), ESRCH);
	say("tgkill with a tid outside the group: ESRCH");
	CHECK_ERR(syscall(SYS_tgkill, 0, getpid(), SIGUSR1), EINVAL);
	say("tgkill with tgid 0: EINVAL");
	contract_pass();
	return 0;
}
