/* Checks that ppoll installs its signal mask atomically: with SIGUSR1
 * blocked and already pending, ppoll with an empty mask delivers it at once,
 * runs the handler and fails with EINTR instead of sleeping for its timeout;
 * afterwards the original mask (SIGUSR1 blocked) is back. A ppoll with the
 * signal still masked times out normally with 0. pselect6 behaves the same.
 * Syscalls: rt_sigaction, rt_sigprocmask, kill, ppoll, pselect6. */
#include "../contract.h"
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include <time.h>

static volatile sig_atomic_t hits;
static void on_usr1(int s) { (void)s; hits++; }

int main(void)
{
	sigset_t block, empty, cur;
	struct sigaction sa = { .sa_handler = on_usr1 };
	struct timespec ts = { 1, 0 }, zero = { 0, 0 };
	int p[2];
	struct pollfd f;

	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&empty);
	CHECK(sigprocmask(SIG_BLOCK, &block, NULL) == 0);
	CHECK(pipe2(p, 0) == 0);
	f.fd = p[0], f.events = POLLIN;

	CHECK(ppoll(&f, 1, &zero, &block) == 0);
	say("ppoll with SIGUSR1 masked, nothing pending: 0");
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(hits == 0);
	say("SIGUSR1 sent while blocked: handler not run");
	CHECK(ppoll(&f, 1, &zero, &block) == 0 && hits == 0);
	say("ppoll keeping it masked: 0, handler not run");
	CHECK_ERR(ppoll(&f, 1, &ts, &empty), EINTR);
	CHECK(hits == 1);
	say("ppoll with empty mask: EINTR, handler ran once");
	CHECK(sigprocmask(SIG_BLOCK, NULL, &cur) == 0 && sigismember(&cur, SIGUSR1));
	say("mask restored: SIGUSR1 blocked");

	CHECK(kill(getpid(), SIGUSR1) == 0);
	fd_set r;
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	CHECK_ERR(pselect(p[0] + 1, &r, NULL, NULL, &ts, &empty), EINTR);
	CHECK(hits == 2);
	say("pselect with empty mask: EINTR, handler ran");
	close(p[0]), close(p[1]);
	contract_pass();
	return 0;
}
