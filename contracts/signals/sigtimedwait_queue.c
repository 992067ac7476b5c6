/* rt_sigtimedwait takes blocked pending signals synchronously: with SIGUSR1
 * and SIGRTMIN blocked, kill(self, SIGUSR1) is returned with si_code SI_USER,
 * sigqueue(SIGRTMIN, 7) and (SIGRTMIN, 8) are both queued (real-time signals
 * do not merge) and returned in order with si_code SI_QUEUE and their values,
 * while two SIGUSR1 sent before waiting merge into one; with nothing pending
 * a 10 ms timeout fails with EAGAIN, and a timeout with tv_nsec out of range
 * fails with EINVAL. No handler ever runs. Syscalls: rt_sigprocmask, kill,
 * rt_sigqueueinfo, rt_sigtimedwait, rt_sigpending.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>

static volatile sig_atomic_t handled;

static void handler(int sig)
{
	(void)sig;
	handled = 1;
}

static const char *code(int c)
{
	return c == SI_USER ? "SI_USER" : c == SI_QUEUE ? "SI_QUEUE" : c == SI_TKILL ? "SI_TKILL" : "other";
}

int main(void)
{
	signal(SIGUSR1, handler);
	signal(SIGRTMIN, handler);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN);
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
	struct timespec to = {0, 10000000};
	siginfo_t si;

	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(kill(getpid(), SIGUSR1) == 0);
	sigset_t pend;
	CHECK(sigpending(&pend) == 0);
	say("SIGUSR1 pending: %s", sigismember(&pend, SIGUSR1) ? "yes" : "no");
	int s = sigtimedwait(&set, &si, &to);
	say("first: %s %s sender is self: %s", s == SIGUSR1 ? "SIGUSR1" : "other", code(si.si_code),
	    si.si_pid == getpid() ? "yes" : "no");
	CHECK(s == SIGUSR1 && si.si_code == SI_USER && si.si_pid == getpid());

	union sigval v;
	v.sival_int = 7;
	CHECK(sigqueue(getpid(), SIGRTMIN, v) == 0);
	v.sival_int = 8;
	CHECK(sigqueue(getpid(), SIGRTMIN, v) == 0);
	for (int i = 0; i < 2; i++) {
		s = sigtimedwait(&set, &si, &to);
		say("queued: %s %s value %d", s == SIGRTMIN ? "SIGRTMIN" : "other", code(si.si_code), si.si_value.sival_int);
		CHECK(s == SIGRTMIN && si.si_code == SI_QUEUE && si.si_value.sival_int == 7 + i);
	}
	CHECK_ERR(sigtimedwait(&set, &si, &to), EAGAIN);
	say("merged SIGUSR1 left nothing, timeout: EAGAIN");
	struct timespec bad = {0, 1000000000};
	CHECK_ERR(sigtimedwait(&set, &si, &bad), EINVAL);
	say("tv_nsec out of range: EINVAL");
	say("handler ran: %s", handled ? "yes" : "no");
	CHECK(!handled);
	contract_pass();
	return 0;
}
