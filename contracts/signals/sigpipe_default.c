/* Writing to a pipe with no reader raises SIGPIPE, whose default action
 * kills the writer: a forked child that writes to such a pipe dies with
 * WTERMSIG == SIGPIPE and no core; with SIGPIPE ignored the write fails with
 * EPIPE instead; with SIGPIPE blocked the write fails with EPIPE and SIGPIPE
 * is left pending on the thread. Syscalls: pipe, write, rt_sigaction,
 * rt_sigprocmask, rt_sigpending, fork, wait4.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/wait.h>

static int writer_status(int mode)
{
	int p[2];
	CHECK(pipe(p) == 0);
	CHECK(close(p[0]) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		sigset_t s;
		sigemptyset(&s);
		sigaddset(&s, SIGPIPE);
		if (mode == 1)
			signal(SIGPIPE, SIG_IGN);
		if (mode == 2)
			sigprocmask(SIG_BLOCK, &s, NULL);
		errno = 0;
		ssize_t n = write(p[1], "x", 1);
		int e = errno;
		if (mode == 2) {
			sigpending(&s);
			if (!sigismember(&s, SIGPIPE))
				_exit(20);
		}
		_exit(n == -1 && e == EPIPE ? 0 : 21);
	}
	close(p[1]);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	return st;
}

int main(void)
{
	int st = writer_status(0);
	say("default disposition: killed by %s, core %s", WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE ? "SIGPIPE" : "other",
	    WIFSIGNALED(st) && WCOREDUMP(st) ? "yes" : "no");
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE && !WCOREDUMP(st));
	st = writer_status(1);
	say("SIGPIPE ignored: write fails with EPIPE: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	st = writer_status(2);
	say("SIGPIPE blocked: EPIPE and SIGPIPE pending: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
