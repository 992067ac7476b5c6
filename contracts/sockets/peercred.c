/* Checks SO_PEERCRED on AF_UNIX sockets: for a socketpair each end reports
 * the creating process's pid, uid and gid; across fork, a connection made by a
 * child to a listener reports the child's pid (as returned by fork), not the
 * parent's. Also checks SO_PEERCRED with a short optlen truncates rather than
 * fails. Syscalls: socketpair, getsockopt(SO_PEERCRED), socket, bind, listen,
 * connect, accept4, fork, wait4. */
#include "../contract.h"
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

int main(void)
{
	int sv[2], l, s, st;
	struct ucred cr;
	socklen_t len = sizeof cr;
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	pid_t pid;
	char b;

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &cr, &len) == 0);
	CHECK(len == sizeof cr);
	CHECK(cr.pid == getpid() && cr.uid == getuid() && cr.gid == getgid());
	say("socketpair peer cred: pid/uid/gid of this process");
	close(sv[0]), close(sv[1]);

	strcpy(a.sun_path, "cred.sock");
	l = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(l >= 0);
	CHECK(bind(l, (struct sockaddr *)&a, sizeof a) == 0);
	CHECK(listen(l, 1) == 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int c = socket(AF_UNIX, SOCK_STREAM, 0);
		CHECK(c >= 0);
		CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
		CHECK(read(c, &b, 1) == 1);
		_exit(0);
	}
	s = accept4(l, NULL, NULL, 0);
	CHECK(s >= 0);
	len = sizeof cr;
	CHECK(getsockopt(s, SOL_SOCKET, SO_PEERCRED, &cr, &len) == 0);
	CHECK(cr.pid == pid && cr.uid == getuid());
	say("accepted connection from child: peer pid == fork() result");
	len = 4;
	CHECK(getsockopt(s, SOL_SOCKET, SO_PEERCRED, &cr, &len) == 0);
	CHECK(len == 4);
	say("SO_PEERCRED with optlen 4: ok, optlen 4");
	CHECK(write(s, "x", 1) == 1);
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	say("child exited 0");
	close(s), close(l);
	CHECK(unlink("cred.sock") == 0);
	contract_pass();
	return 0;
}
