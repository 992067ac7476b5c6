/* Checks error paths of the socket family of syscalls: an unknown address
 * family gives EAFNOSUPPORT, an unknown type EINVAL, connect to a missing
 * AF_UNIX path ENOENT, a stream connect to a datagram socket's path
 * EPROTOTYPE, connect to a bound stream socket nobody listens on
 * ECONNREFUSED, listen on a datagram socket EOPNOTSUPP, accept on a
 * non-listening stream socket EINVAL, socket calls on a regular file
 * ENOTSOCK and on a closed fd EBADF. Syscalls: socket, connect, bind, listen,
 * accept4, getsockname, openat. */
#include "../contract.h"
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(void)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	socklen_t len = sizeof a;
	int s, d, f;

	CHECK_ERR(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT);
	say("socket(family 12345): EAFNOSUPPORT");
	CHECK_ERR(socket(AF_UNIX, 77, 0), EINVAL);
	say("socket(AF_UNIX, type 77): EINVAL");

	s = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(s >= 0);
	strcpy(a.sun_path, "missing.sock");
	CHECK_ERR(connect(s, (struct sockaddr *)&a, sizeof a), ENOENT);
	say("connect to missing path: ENOENT");

	d = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK(d >= 0);
	strcpy(a.sun_path, "dgram.sock");
	CHECK(bind(d, (struct sockaddr *)&a, sizeof a) == 0);
	CHECK_ERR(connect(s, (struct sockaddr *)&a, sizeof a), EPROTOTYPE);
	say("stream connect to a datagram socket's path: EPROTOTYPE");

	int b = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(b >= 0);
	strcpy(a.sun_path, "bound.sock");
	CHECK(bind(b, (struct sockaddr *)&a, sizeof a) == 0);
	CHECK_ERR(connect(s, (struct sockaddr *)&a, sizeof a), ECONNREFUSED);
	say("connect to a bound stream socket that is not listening: ECONNREFUSED");
	close(b);
	CHECK_ERR(listen(d, 1), EOPNOTSUPP);
	say("listen on SOCK_DGRAM: EOPNOTSUPP");
	CHECK_ERR(accept4(s, NULL, NULL, 0), EINVAL);
	say("accept4 on unbound, non-listening stream socket: EINVAL");
	CHECK_ERR(accept4(s, NULL, NULL, 0x40000000), EINVAL);
	say("accept4 with unknown flag: EINVAL");

	f = open("plain", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(f >= 0);
	CHECK_ERR(getsockname(f, (struct sockaddr *)&a, &len), ENOTSOCK);
	CHECK_ERR(listen(f, 1), ENOTSOCK);
	say("getsockname/listen on a regular file: ENOTSOCK");
	close(f);
	CHECK_ERR(listen(f, 1), EBADF);
	say("listen on a closed fd: EBADF");

	close(s), close(d);
	CHECK(unlink("dgram.sock") == 0 && unlink("bound.sock") == 0);
	CHECK(unlink("plain") == 0);
	contract_pass();
	return 0;
}
