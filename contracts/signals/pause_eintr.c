/* pause blocks until a signal handler runs, then fails with EINTR. The
 * signal comes from a repeating ITIMER_REAL, so it cannot be lost by
 * arriving before pause starts. Syscalls: pause, setitimer, rt_sigaction.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

int main(void)
{
	struct sigaction sa = {.sa_handler = on_alarm};
	CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
	struct itimerval it = {{0, 20000}, {0, 20000}};
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
	CHECK_ERR(syscall(SYS_pause), EINTR);
	struct itimerval off = {{0, 0}, {0, 0}};
	CHECK(setitimer(ITIMER_REAL, &off, NULL) == 0);
	say("pause returns -1 EINTR after the handler ran: %s", alarms >= 1 ? "yes" : "no");
	CHECK(alarms >= 1);
	contract_pass();
	return 0;
}
