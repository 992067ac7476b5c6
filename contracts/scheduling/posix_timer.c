/* Checks POSIX per-process timers through the raw syscalls: timer_create on
 * CLOCK_MONOTONIC with SIGEV_NONE returns a timer id, timer_gettime shows it
 * disarmed, then armed with a remaining time within the requested 1 s;
 * a SIGEV_SIGNAL timer of 5 ms with SIGUSR1 blocked queues one signal that
 * sigtimedwait collects with si_code SI_TIMER and the sigev_value given at
 * creation; timer_getoverrun reports 0; after timer_delete the id is
 * invalid (EINVAL), and an unknown clock fails with EINVAL. Syscalls:
 * timer_create, timer_settime, timer_gettime, timer_getoverrun,
 * timer_delete, rt_sigprocmask, rt_sigtimedwait. */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>

int main(void)
{
	struct sigevent ev;
	struct itimerspec its = { 0 }, cur;
	struct timespec wait = { 2, 0 };
	siginfo_t si;
	sigset_t set;
	int id = -1, sid = -1;

	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_NONE;
	CHECK(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id) == 0 && id >= 0);
	say("timer_create(SIGEV_NONE): ok");
	CHECK(syscall(SYS_timer_gettime, id, &cur) == 0);
	CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);
	say("new timer disarmed");
	its.it_value.tv_sec = 1;
	CHECK(syscall(SYS_timer_settime, id, 0, &its, NULL) == 0);
	CHECK(syscall(SYS_timer_gettime, id, &cur) == 0);
	CHECK(cur.it_value.tv_sec * 1000000000LL + cur.it_value.tv_nsec > 0);
	CHECK(cur.it_value.tv_sec * 1000000000LL + cur.it_value.tv_nsec <= 1000000000LL);
	say("armed 1s: remaining in (0, 1s]");
	CHECK(syscall(SYS_timer_delete, id) == 0);
	CHECK_ERR(syscall(SYS_timer_gettime, id, &cur), EINVAL);
	say("after timer_delete: EINVAL");

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGUSR1;
	ev.sigev_value.sival_int = 31337;
	CHECK(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &sid) == 0);
	its.it_value.tv_sec = 0;
	its.it_value.tv_nsec = 5 * 1000 * 1000;
	CHECK(syscall(SYS_timer_settime, sid, 0, &its, NULL) == 0);
	CHECK(sigtimedwait(&set, &si, &wait) == SIGUSR1);
	CHECK(si.si_code == SI_TIMER && si.si_value.sival_int == 31337);
	say("SIGEV_SIGNAL 5ms: SIGUSR1, SI_TIMER, value %d", si.si_value.sival_int);
	CHECK(syscall(SYS_timer_getoverrun, sid) == 0);
	say("overrun count: 0");
	CHECK(syscall(SYS_timer_delete, sid) == 0);
	CHECK_ERR(syscall(SYS_timer_create, 1000, &ev, &sid), EINVAL);
	say("timer_create clock 1000: EINVAL");
	contract_pass();
	return 0;
}
