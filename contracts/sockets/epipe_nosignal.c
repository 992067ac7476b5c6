/* Checks writes to a stream socket whose peer is closed: with SIGPIPE
 * ignored, write fails with EPIPE; with the default SIGPIPE action,
 * send(MSG_NOSIGNAL) still fails with EPIPE without a signal, while a plain
 * write in a child kills it with SIGPIPE. Syscalls: socketpair, close, write,
 * sendto(MSG_NOSIGNAL), rt_sigaction, fork, wait4. */
#include "../contract.h"
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>

int main(void)
{
	int sv[2], st;
	pid_t pid;

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(close(sv[1]) == 0);

	CHECK(signal(SIGPIPE, SIG_DFL) != SIG_ERR);
	CHECK_ERR(send(sv[0], "a", 1, MSG_NOSIGNAL), EPIPE);
	say("send(MSG_NOSIGNAL) to closed peer: EPIPE, no signal");

	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		write(sv[0], "a", 1);
		_exit(0);
	}
	CHECK(waitpid(pid, &st, 0) == pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);
	say("child write with default SIGPIPE: killed by SIGPIPE");

	CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	CHECK_ERR(write(sv[0], "a", 1), EPIPE);
	say("write with SIGPIPE ignored: EPIPE");
	close(sv[0]);
	contract_pass();
	return 0;
}
