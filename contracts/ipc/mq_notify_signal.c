/* mq_notify with SIGEV_SIGNAL registers the process for one notification:
 * a message arriving on the empty queue sends the signal with si_code
 * SI_MESGQ and the sigev_value given; a second registration by the same
 * process while one is active fails with EBUSY; the registration is removed
 * once the notification is sent, so a later message sends nothing, and
 * mq_notify(NULL) unregisters. Syscalls: mq_open, mq_notify, mq_timedsend,
 * mq_timedreceive, mq_unlink, rt_sigprocmask, rt_sigtimedwait, getrandom.
 */
#include "../contract.h"
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <sys/random.h>
#include <time.h>

static char name[64];

static void cleanup(void)
{
	mq_unlink(name);
}

int main(void)
{
	unsigned long long r;
	CHECK(getrandom(&r, sizeof r, 0) == sizeof r);
	snprintf(name, sizeof name, "/syscov-mq-%016llx", r);
	struct mq_attr attr = {.mq_maxmsg = 4, .mq_msgsize = 16};
	mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	CHECK(q != (mqd_t)-1);
	contract_on_fail(cleanup);
	CHECK(mq_unlink(name) == 0);
	contract_on_fail(NULL);

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
	struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
	ev.sigev_value.sival_int = 42;
	CHECK(mq_notify(q, &ev) == 0);
	CHECK_ERR(mq_notify(q, &ev), EBUSY);
	say("second registration: EBUSY");

	CHECK(mq_send(q, "m1", 3, 0) == 0);
	siginfo_t si;
	struct timespec ts = {5, 0};
	CHECK(sigtimedwait(&set, &si, &ts) == SIGUSR1);
	say("notified: si_code SI_MESGQ %s, value %d", si.si_code == SI_MESGQ ? "yes" : "no", si.si_value.sival_int);
	CHECK(si.si_code == SI_MESGQ && si.si_value.sival_int == 42);

	char buf[16];
	CHECK(mq_receive(q, buf, sizeof buf, NULL) == 3);
	CHECK(mq_send(q, "m2", 3, 0) == 0);
	struct timespec zero = {0, 0};
	CHECK_ERR(sigtimedwait(&set, &si, &zero), EAGAIN);
	say("second message after the one-shot notification: no signal");
	CHECK(mq_receive(q, buf, sizeof buf, NULL) == 3);

	CHECK(mq_notify(q, &ev) == 0);
	CHECK(mq_notify(q, NULL) == 0);
	CHECK(mq_send(q, "m3", 3, 0) == 0);
	CHECK_ERR(sigtimedwait(&set, &si, &zero), EAGAIN);
	say("after mq_notify(NULL): no signal");
	CHECK(mq_close(q) == 0);
	contract_pass();
	return 0;
}
