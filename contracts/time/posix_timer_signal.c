/* POSIX per-process timers deliver a signal carrying their value: a
 * CLOCK_MONOTONIC timer created with SIGEV_SIGNAL (SIGRTMIN, value 42) and
 * armed for 5 ms one-shot is taken with sigwaitinfo, si_code SI_TIMER and
 * si_value 42; timer_gettime reads zero afterwards and timer_getoverrun 0; a
 * periodic 1 ms timer blocked for 20 ms then reports overruns through
 * si_overrun/timer_getoverrun (more than 0); after timer_delete the id is
 * invalid (EINVAL). An unknown clock fails with EINVAL. Syscalls:
 * timer_create, timer_settime, timer_gettime, timer_getoverrun, timer_delete
 * (all raw), rt_sigprocmask, rt_sigtimedwait, nanosleep.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>

static long tcreate(clockid_t c, int sig, int val, int *id)
{
	struct sigevent ev;
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = sig;
	ev.sigev_value.sival_int = val;
	return syscall(SYS_timer_create, c, &ev, id);
}

int main(void)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGRTMIN);
	CHECK(sigprocmask(SIG_BLOCK, &s, NULL) == 0);
	int id = -1;
	CHECK(tcreate(CLOCK_MONOTONIC, SIGRTMIN, 42, &id) == 0);
	struct itimerspec its = {{0, 0}, {0, 5000000}}, cur;
	CHECK(syscall(SYS_timer_settime, id, 0, &its, NULL) == 0);
	siginfo_t si;
	struct timespec to = {1, 0};
	int sig = sigtimedwait(&s, &si, &to);
	say("one-shot timer: %s %s value %d", sig == SIGRTMIN ? "SIGRTMIN" : "other",
	    si.si_code == SI_TIMER ? "SI_TIMER" : "other", si.si_value.sival_int);
	CHECK(sig == SIGRTMIN && si.si_code == SI_TIMER && si.si_value.sival_int == 42);
	CHECK(syscall(SYS_timer_gettime, id, &cur) == 0);
	say("after expiry: %s, overrun %ld", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0 ? "disarmed" : "armed",
	    syscall(SYS_timer_getoverrun, id));
	CHECK(cur.it_value.tv_nsec == 0 && syscall(SYS_timer_getoverrun, id) == 0);

	struct itimerspec per = {{0, 1000000}, {0, 1000000}};
	CHECK(syscall(SYS_timer_settime, id, 0, &per, NULL) == 0);
	struct timespec nap = {0, 20000000};
	nanosleep(&nap, NULL);
	sig = sigtimedwait(&s, &si, &to);
	say("periodic timer blocked 20 ms: one signal with overruns: %s", sig == SIGRTMIN && si.si_overrun > 0 ? "yes" : "no");
	CHECK(sig == SIGRTMIN && si.si_overrun > 0);
	struct itimerspec zero = {{0, 0}, {0, 0}};
	CHECK(syscall(SYS_timer_settime, id, 0, &zero, NULL) == 0);

	CHECK(syscall(SYS_timer_delete, id) == 0);
	CHECK_ERR(syscall(SYS_timer_gettime, id, &cur), EINVAL);
	say("deleted timer id: EINVAL");
	int id2;
	CHECK_ERR(tcreate(12345, SIGRTMIN, 0, &id2), EINVAL);
	say("unknown clock: EINVAL");
	contract_pass();
	return 0;
}
