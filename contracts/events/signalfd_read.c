/* Checks signalfd4: with SIGUSR1 blocked, a signal sent to self with kill
 * stays pending and makes the signalfd readable; reading returns one
 * signalfd_siginfo with ssi_signo SIGUSR1, ssi_code SI_USER and the sender's
 * pid and uid, after which the signal is no longer pending and a
 * non-blocking read fails with EAGAIN. sigqueue data arrives in ssi_int.
 * Syscalls: rt_sigprocmask, signalfd4, kill, rt_sigqueueinfo, rt_sigpending,
 * read, poll. */
#include "../contract.h"
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>

int main(void)
{
	sigset_t set, pend;
	struct signalfd_siginfo si;
	struct pollfd p;
	union sigval val = { .sival_int = 4242 };
	int fd;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
	fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	CHECK(fd >= 0);
	CHECK_ERR(read(fd, &si, sizeof si), EAGAIN);
	say("nothing pending: EAGAIN");

	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1));
	say("after kill: SIGUSR1 pending");
	p.fd = fd, p.events = POLLIN;
	CHECK(poll(&p, 1, 1000) == 1 && (p.revents & POLLIN));
	say("signalfd readable");
	memset(&si, 0, sizeof si);
	CHECK(read(fd, &si, sizeof si) == sizeof si);
	CHECK(si.ssi_signo == SIGUSR1 && si.ssi_code == SI_USER);
	CHECK(si.ssi_pid == (uint32_t)getpid() && si.ssi_uid == (uint32_t)getuid());
	say("read: signo SIGUSR1, code SI_USER, pid/uid of sender");
	CHECK(sigpending(&pend) == 0 && !sigismember(&pend, SIGUSR1));
	say("after read: not pending");
	CHECK_ERR(read(fd, &si, sizeof si), EAGAIN);

	CHECK(sigqueue(getpid(), SIGUSR1, val) == 0);
	CHECK(read(fd, &si, sizeof si) == sizeof si);
	CHECK(si.ssi_code == SI_QUEUE && si.ssi_int == 4242);
	say("sigqueue: code SI_QUEUE, ssi_int %d", si.ssi_int);
	CHECK_ERR(read(fd, &si, sizeof si - 1), EINVAL);
	say("short read buffer: EINVAL");
	close(fd);
	contract_pass();
	return 0;
}
