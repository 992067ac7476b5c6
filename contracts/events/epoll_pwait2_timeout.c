/* epoll_pwait2 takes its timeout as a timespec: a zero timespec polls and
 * returns 0 at once on an idle set; a 20 ms timeout returns 0 after at
 * least 20 ms (measured on CLOCK_MONOTONIC, never printed); a NULL timeout
 * with a ready descriptor returns it at once; a negative tv_nsec fails with
 * EINVAL; the signal mask argument blocks a signal during the wait only
 * (a pending blocked signal does not interrupt it). Syscalls: epoll_pwait2,
 * epoll_create1, epoll_ctl, pipe, write, rt_sigprocmask, kill.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/epoll.h>
#include <time.h>

static long ms_since(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (b.tv_sec - a->tv_sec) * 1000 + (b.tv_nsec - a->tv_nsec) / 1000000;
}

static void on_usr1(int sig)
{
	(void)sig;
}

int main(void)
{
	int ep = epoll_create1(EPOLL_CLOEXEC), p[2];
	CHECK(ep >= 0 && pipe(p) == 0);
	struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 5}, out[2];
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == 0);

	struct timespec zero = {0, 0}, twenty = {0, 20 * 1000 * 1000}, t0;
	CHECK(syscall(SYS_epoll_pwait2, ep, out, 2, &zero, NULL, 8) == 0);
	say("zero timeout on an idle set: 0");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(syscall(SYS_epoll_pwait2, ep, out, 2, &twenty, NULL, 8) == 0);
	long waited = ms_since(&t0);
	say("20 ms timeout: 0 after at least 20 ms: %s", waited >= 20 ? "yes" : "no");
	CHECK(waited >= 20);

	struct timespec bad = {0, -1};
	CHECK_ERR(syscall(SYS_epoll_pwait2, ep, out, 2, &bad, NULL, 8), EINVAL);
	say("negative tv_nsec: EINVAL");

	/* SIGUSR1 has a handler and is pending but blocked by the wait's
	 * mask, so it does not interrupt the 20 ms wait. */
	struct sigaction sa = {.sa_handler = on_usr1};
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &block, &old) == 0);
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(syscall(SYS_epoll_pwait2, ep, out, 2, &twenty, &block, 8) == 0);
	say("pending signal blocked by the wait's mask: no EINTR");
	/* With an empty mask the pending signal is delivered: EINTR. */
	sigset_t none;
	sigemptyset(&none);
	CHECK_ERR(syscall(SYS_epoll_pwait2, ep, out, 2, &twenty, &none, 8), EINTR);
	say("same signal with an empty wait mask: EINTR");
	CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);

	CHECK(write(p[1], "x", 1) == 1);
	long n = syscall(SYS_epoll_pwait2, ep, out, 2, NULL, NULL, 8);
	say("NULL timeout with a ready pipe: %ld, data %u", n, n == 1 ? out[0].data.u32 : 0);
	CHECK(n == 1 && out[0].data.u32 == 5);
	contract_pass();
	return 0;
}
