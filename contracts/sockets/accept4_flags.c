/* Checks accept4 on an AF_UNIX stream socket bound to a path: SOCK_NONBLOCK
 * and SOCK_CLOEXEC apply to the accepted socket (O_NONBLOCK in F_GETFL,
 * FD_CLOEXEC in F_GETFD) but plain accept4(flags=0) leaves both clear; with
 * no pending connection a non-blocking listener fails with EAGAIN; binding a
 * path that exists fails with EADDRINUSE. Syscalls: socket, bind, listen,
 * connect, accept4, fcntl, unlinkat. */
#include "../contract.h"
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(void)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int l, c1, c2, s1, s2, l2;

	strcpy(a.sun_path, "acc.sock");
	l = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	CHECK(l >= 0);
	CHECK(bind(l, (struct sockaddr *)&a, sizeof a) == 0);
	CHECK(listen(l, 4) == 0);
	say("listen on ./acc.sock: ok");

	CHECK_ERR(accept4(l, NULL, NULL, SOCK_CLOEXEC), EAGAIN);
	say("accept4 with no pending connection: EAGAIN");

	l2 = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(l2 >= 0);
	CHECK_ERR(bind(l2, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
	say("second bind to same path: EADDRINUSE");

	c1 = socket(AF_UNIX, SOCK_STREAM, 0);
	c2 = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(c1 >= 0 && c2 >= 0);
	CHECK(connect(c1, (struct sockaddr *)&a, sizeof a) == 0);
	CHECK(connect(c2, (struct sockaddr *)&a, sizeof a) == 0);

	s1 = accept4(l, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	CHECK(s1 >= 0);
	CHECK((fcntl(s1, F_GETFL) & O_NONBLOCK) != 0);
	CHECK((fcntl(s1, F_GETFD) & FD_CLOEXEC) != 0);
	say("accept4(SOCK_NONBLOCK|SOCK_CLOEXEC): O_NONBLOCK=1 FD_CLOEXEC=1");
	s2 = accept4(l, NULL, NULL, 0);
	CHECK(s2 >= 0);
	CHECK((fcntl(s2, F_GETFL) & O_NONBLOCK) == 0);
	CHECK((fcntl(s2, F_GETFD) & FD_CLOEXEC) == 0);
	say("accept4(0): O_NONBLOCK=0 FD_CLOEXEC=0");

	char b;
	CHECK_ERR(read(s1, &b, 1), EAGAIN);
	say("read on empty non-blocking accepted socket: EAGAIN");
	CHECK(write(c2, "z", 1) == 1);
	CHECK(read(s2, &b, 1) == 1 && b == 'z');
	say("data over second connection: z");

	close(s1), close(s2), close(c1), close(c2), close(l), close(l2);
	CHECK(unlink("acc.sock") == 0);
	contract_pass();
	return 0;
}
