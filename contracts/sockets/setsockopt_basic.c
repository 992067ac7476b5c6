/* Checks setsockopt/getsockopt round trips on TCP and UNIX sockets:
 * SO_REUSEADDR and SO_KEEPALIVE read back as set, TCP_NODELAY toggles,
 * SO_TYPE and SO_DOMAIN report the socket's type, SO_ERROR is 0 on a fresh
 * socket, SO_RCVBUF grows when asked for a larger buffer, and bad requests
 * fail with the documented errnos (ENOPROTOOPT for an unknown option,
 * EINVAL for a short optlen, ENOTSOCK on a pipe, EBADF on a closed fd).
 * Syscalls: socket, setsockopt, getsockopt, pipe2. */
#include "../contract.h"
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

static int get(int fd, int level, int opt)
{
	int v = -1;
	socklen_t len = sizeof v;
	CHECK(getsockopt(fd, level, opt, &v, &len) == 0);
	CHECK(len == sizeof v);
	return v;
}

int main(void)
{
	int t, u, one = 1, zero = 0, p[2], small, big;
	socklen_t len;

	t = socket(AF_INET, SOCK_STREAM, 0);
	u = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK(t >= 0 && u >= 0);

	CHECK(get(t, SOL_SOCKET, SO_REUSEADDR) == 0);
	CHECK(setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
	CHECK(get(t, SOL_SOCKET, SO_REUSEADDR) != 0);
	say("SO_REUSEADDR: 0 -> set -> nonzero");
	CHECK(setsockopt(t, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one) == 0);
	CHECK(get(t, SOL_SOCKET, SO_KEEPALIVE) != 0);
	CHECK(setsockopt(t, SOL_SOCKET, SO_KEEPALIVE, &zero, sizeof zero) == 0);
	CHECK(get(t, SOL_SOCKET, SO_KEEPALIVE) == 0);
	say("SO_KEEPALIVE: set then clear reads back");
	CHECK(setsockopt(t, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0);
	CHECK(get(t, IPPROTO_TCP, TCP_NODELAY) != 0);
	say("TCP_NODELAY: set reads back nonzero");

	CHECK(get(t, SOL_SOCKET, SO_TYPE) == SOCK_STREAM);
	CHECK(get(u, SOL_SOCKET, SO_TYPE) == SOCK_DGRAM);
	say("SO_TYPE: tcp=SOCK_STREAM unix-dgram=SOCK_DGRAM");
	CHECK(get(t, SOL_SOCKET, SO_DOMAIN) == AF_INET);
	CHECK(get(u, SOL_SOCKET, SO_DOMAIN) == AF_UNIX);
	say("SO_DOMAIN: AF_INET, AF_UNIX");
	CHECK(get(t, SOL_SOCKET, SO_ERROR) == 0);
	say("SO_ERROR on fresh socket: 0");

	small = 4096;
	CHECK(setsockopt(t, SOL_SOCKET, SO_RCVBUF, &small, sizeof small) == 0);
	small = get(t, SOL_SOCKET, SO_RCVBUF);
	big = 65536;
	CHECK(setsockopt(t, SOL_SOCKET, SO_RCVBUF, &big, sizeof big) == 0);
	big = get(t, SOL_SOCKET, SO_RCVBUF);
	CHECK(small >= 4096 && big >= 65536 && big > small);
	say("SO_RCVBUF: at least the requested size, grows with request");

	CHECK_ERR(setsockopt(t, SOL_SOCKET, 0x7fff, &one, sizeof one), ENOPROTOOPT);
	say("unknown SOL_SOCKET option: ENOPROTOOPT");
	CHECK_ERR(setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &one, 1), EINVAL);
	say("optlen 1 for an int option: EINVAL");
	CHECK(pipe2(p, 0) == 0);
	len = sizeof one;
	CHECK_ERR(getsockopt(p[0], SOL_SOCKET, SO_TYPE, &one, &len), ENOTSOCK);
	say("getsockopt on a pipe: ENOTSOCK");
	close(p[0]), close(p[1]);
	CHECK_ERR(setsockopt(p[0], SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), EBADF);
	say("setsockopt on closed fd: EBADF");
	close(t), close(u);
	contract_pass();
	return 0;
}
