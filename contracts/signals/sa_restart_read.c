/* SA_RESTART decides whether a blocking read interrupted by a handled signal
 * fails or resumes: a read on an empty pipe, interrupted by a periodic 10 ms
 * ITIMER_REAL SIGALRM whose handler lacks SA_RESTART, fails with EINTR; with
 * SA_RESTART and a one-shot 10 ms SIGALRM the same read resumes after the
 * handler and returns the byte a forked child writes 25 ms later. Syscalls: rt_sigaction (SA_RESTART),
 * setitimer, read, write, fork, nanosleep, wait4.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

static volatile sig_atomic_t fired;

static void on_alrm(int sig)
{
	(void)sig;
	fired++;
}

static void arm(int restart, int interval_us)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alrm;
	sa.sa_flags = restart ? SA_RESTART : 0;
	CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
	struct itimerval it = {{0, interval_us}, {0, 10000}};
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
}

int main(void)
{
	int p[2];
	CHECK(pipe(p) == 0);
	char c;
	/* Periodic, so a signal that lands before read() blocks cannot hang
	 * the test. */
	arm(0, 10000);
	CHECK_ERR(read(p[0], &c, 1), EINTR);
	struct itimerval off = {{0, 0}, {0, 0}};
	CHECK(setitimer(ITIMER_REAL, &off, NULL) == 0);
	say("without SA_RESTART: read fails with EINTR, handler ran: %s", fired >= 1 ? "yes" : "no");
	CHECK(fired >= 1);
	fired = 0;

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		struct timespec ts = {0, 25000000};
		nanosleep(&ts, NULL);
		_exit(write(p[1], "r", 1) == 1 ? 0 : 1);
	}
	arm(1, 0);
	ssize_t n = read(p[0], &c, 1);
	say("with SA_RESTART: read returned %ld byte '%c', handler ran %d time(s)", (long)n, n == 1 ? c : '?',
	    (int)fired);
	CHECK(n == 1 && c == 'r' && fired == 1);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
