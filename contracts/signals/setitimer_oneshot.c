/* An ITIMER_REAL one-shot timer fires SIGALRM exactly once, and a timer can
 * be cancelled before it fires: setitimer arms 10 ms with no interval,
 * getitimer shows a remaining time of at most 10 ms, sigsuspend waits for the
 * signal, the handler runs once and getitimer then reads zero; a 1 s timer
 * armed and cancelled with a zero it_value reports the old remaining time
 * and never fires (checked after 20 ms). An unknown timer id fails with
 * EINVAL. Syscalls: setitimer, getitimer, rt_sigaction, rt_sigprocmask,
 * rt_sigsuspend, nanosleep.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

static volatile sig_atomic_t fired;

static void on_alrm(int sig)
{
	(void)sig;
	fired++;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alrm;
	CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	CHECK(sigprocmask(SIG_BLOCK, &block, &old) == 0);

	struct itimerval it = {{0, 0}, {0, 10000}}, cur;
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
	CHECK(getitimer(ITIMER_REAL, &cur) == 0);
	say("armed: remaining within 10 ms: %s",
	    cur.it_value.tv_sec == 0 && cur.it_value.tv_usec > 0 && cur.it_value.tv_usec <= 10000 ? "yes" : "no");
	CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec <= 10000);
	while (!fired)
		sigsuspend(&old);
	struct timespec ts = {0, 15000000};
	nanosleep(&ts, NULL);
	say("SIGALRM deliveries: %d", (int)fired);
	CHECK(fired == 1);
	CHECK(getitimer(ITIMER_REAL, &cur) == 0);
	say("after firing: %s", cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0 ? "disarmed" : "armed");
	CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);

	it.it_value.tv_sec = 1;
	it.it_value.tv_usec = 0;
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
	struct itimerval zero = {{0, 0}, {0, 0}};
	CHECK(setitimer(ITIMER_REAL, &zero, &cur) == 0);
	say("cancel returns old remaining (0.9-1 s): %s",
	    cur.it_value.tv_sec == 1 || (cur.it_value.tv_sec == 0 && cur.it_value.tv_usec > 900000) ? "yes" : "no");
	CHECK(cur.it_value.tv_sec == 1 || cur.it_value.tv_usec > 900000);
	CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
	ts.tv_nsec = 20000000;
	nanosleep(&ts, NULL);
	say("cancelled timer fired: %s", fired == 1 ? "no" : "yes");
	CHECK(fired == 1);
	CHECK_ERR(syscall(SYS_setitimer, 99, &it, NULL), EINVAL);
	say("unknown timer id: EINVAL");
	contract_pass();
	return 0;
}
