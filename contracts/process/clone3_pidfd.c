/* clone3 creates a child described by struct clone_args: with
 * CLONE_PIDFD the parent receives a pidfd, poll on it reports POLLIN once the
 * child exits, and waitid(P_PIDFD) collects the exit status 6. A clone_args
 * size below the first published version fails with EINVAL, and an unknown
 * flag bit with EINVAL. pidfd_send_signal(SIGKILL) ends a second child, which
 * waitid reports as CLD_KILLED. Syscalls: clone3 (raw, CLONE_PIDFD), poll,
 * waitid (P_PIDFD), pidfd_send_signal, close.
 */
#include "../contract.h"
#include <linux/sched.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif
#ifndef SYS_clone3
#define SYS_clone3 435
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

static long do_clone3(int *pidfd, size_t size, uint64_t flags)
{
	struct clone_args ca;
	memset(&ca, 0, sizeof ca);
	ca.flags = flags;
	ca.pidfd = (uint64_t)(uintptr_t)pidfd;
	ca.exit_signal = SIGCHLD;
	return syscall(SYS_clone3, &ca, size);
}

int main(void)
{
	int pidfd = -1;
	long pid = do_clone3(&pidfd, sizeof(struct clone_args), CLONE_PIDFD);
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(6);
	say("clone3 returned a pidfd: %s", pidfd >= 0 ? "yes" : "no");
	CHECK(pidfd >= 0);
	struct pollfd pfd = {.fd = pidfd, .events = POLLIN};
	int n = poll(&pfd, 1, 5000);
	say("pidfd readable after exit: %s", n == 1 && (pfd.revents & POLLIN) ? "yes" : "no");
	CHECK(n == 1 && (pfd.revents & POLLIN));
	siginfo_t si;
	memset(&si, 0, sizeof si);
	CHECK(waitid(P_PIDFD, pidfd, &si, WEXITED) == 0);
	say("waitid P_PIDFD: exited %s status %d", si.si_code == CLD_EXITED ? "yes" : "no", si.si_status);
	CHECK(si.si_code == CLD_EXITED && si.si_status == 6 && si.si_pid == pid);
	CHECK(close(pidfd) == 0);

	int p[2];
	CHECK(pipe(p) == 0);
	pid = do_clone3(&pidfd, sizeof(struct clone_args), CLONE_PIDFD);
	CHECK(pid >= 0);
	if (pid == 0) {
		char c;
		close(p[1]);
		read(p[0], &c, 1);
		_exit(0);
	}
	close(p[0]);
	CHECK(syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0) == 0);
	memset(&si, 0, sizeof si);
	CHECK(waitid(P_PIDFD, pidfd, &si, WEXITED) == 0);
	say("pidfd_send_signal SIGKILL: %s", si.si_code == CLD_KILLED && si.si_status == SIGKILL ? "CLD_KILLED SIGKILL" : "other");
	CHECK(si.si_code == CLD_KILLED && si.si_status == SIGKILL);
	close(p[1]);
	close(pidfd);

	CHECK_ERR(do_clone3(&pidfd, 32, 0), EINVAL);
	say("clone_args smaller than version 0: EINVAL");
	CHECK_ERR(do_clone3(&pidfd, sizeof(struct clone_args), 1ULL << 62), EINVAL);
	say("unknown clone3 flag: EINVAL");
	contract_pass();
	return 0;
}
