/* pidfd_open gives a descriptor for an existing process (fork's child):
 * it polls readable only once the child has exited; PIDFD_NONBLOCK makes
 * waitid(P_PIDFD) on a running child fail with EAGAIN instead of blocking;
 * pidfd_getfd duplicates one of the child's descriptors into the caller
 * (a pipe's write end: writing to the copy reaches the parent's read end),
 * with close-on-exec set; pidfd_send_signal delivers SIGTERM and waitid
 * reports it. pidfd_open of a pid that does not exist fails with ESRCH, and
 * an unknown flag with EINVAL; pidfd_getfd of a descriptor the child does
 * not have fails with EBADF. Pids are compared, never printed.
 * Syscalls: pidfd_open, pidfd_getfd, pidfd_send_signal, waitid, poll,
 * fork, pipe, fcntl, read, write.
 */
#include "../contract.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#ifndef PIDFD_NONBLOCK
#define PIDFD_NONBLOCK O_NONBLOCK
#endif
#ifndef P_PIDFD
#define P_PIDFD 3
#endif

int main(void)
{
	int data[2], ready[2];
	CHECK(pipe(data) == 0 && pipe(ready) == 0);
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		/* Keep data[1] open at a known number; wait to be killed. */
		close(data[0]);
		if (dup2(data[1], 100) != 100)
			_exit(1);
		write(ready[1], "r", 1);
		for (;;)
			pause();
	}
	close(data[1]);
	char x;
	CHECK(read(ready[0], &x, 1) == 1);

	int pfd = syscall(SYS_pidfd_open, c, 0);
	CHECK(pfd >= 0);
	struct pollfd p = {pfd, POLLIN, 0};
	say("pidfd of a running child polls readable: %s", poll(&p, 1, 0) == 0 ? "no" : "yes");
	CHECK(poll(&p, 1, 0) == 0);
	int nb = syscall(SYS_pidfd_open, c, PIDFD_NONBLOCK);
	CHECK(nb >= 0);
	siginfo_t si;
	CHECK_ERR(waitid(P_PIDFD, nb, &si, WEXITED), EAGAIN);
	say("waitid(P_PIDFD) on a PIDFD_NONBLOCK descriptor of a running child: EAGAIN");

	int copy = syscall(SYS_pidfd_getfd, pfd, 100, 0);
	CHECK(copy >= 0);
	say("pidfd_getfd copy has FD_CLOEXEC: %s", fcntl(copy, F_GETFD) & FD_CLOEXEC ? "yes" : "no");
	CHECK(fcntl(copy, F_GETFD) & FD_CLOEXEC);
	CHECK(write(copy, "via copy", 8) == 8);
	char buf[16] = {0};
	CHECK(read(data[0], buf, sizeof buf) == 8);
	say("written through the copy, read by the parent: %s", buf);
	CHECK(strcmp(buf, "via copy") == 0);
	CHECK_ERR(syscall(SYS_pidfd_getfd, pfd, 101, 0), EBADF);
	say("pidfd_getfd of a descriptor the child lacks: EBADF");

	CHECK(syscall(SYS_pidfd_send_signal, pfd, SIGTERM, NULL, 0) == 0);
	CHECK(poll(&p, 1, 5000) == 1 && (p.revents & POLLIN));
	say("after pidfd_send_signal SIGTERM the pidfd polls readable: yes");
	memset(&si, 0, sizeof si);
	CHECK(waitid(P_PIDFD, pfd, &si, WEXITED) == 0);
	say("waitid: %s by %s", si.si_code == CLD_KILLED ? "CLD_KILLED" : "other", si.si_status == SIGTERM ? "SIGTERM" : "other");
	CHECK(si.si_code == CLD_KILLED && si.si_status == SIGTERM && si.si_pid == c);

	CHECK_ERR(syscall(SYS_pidfd_open, c, 0), ESRCH);
	say("pidfd_open of a reaped child: ESRCH");
	CHECK_ERR(syscall(SYS_pidfd_open, getpid(), 1), EINVAL);
	say("unknown flag: EINVAL");
	contract_pass();
	return 0;
}
