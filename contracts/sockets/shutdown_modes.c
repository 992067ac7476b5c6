/* shutdown on a connected Unix stream pair: SHUT_WR on one end makes the
 * peer read the queued data and then end of file, while the shut end can
 * still receive; a send on the shut end fails with EPIPE (MSG_NOSIGNAL, so
 * no SIGPIPE). SHUT_RD on one end makes its reads return end of file and
 * the peer's sends fail with EPIPE. SHUT_RDWR does both. shutdown of an
 * unconnected TCP socket fails with ENOTCONN (an unconnected Unix socket
 * returns 0: Linux does not check), an invalid "how" with EINVAL, a
 * non-socket with ENOTSOCK. Syscalls: shutdown, socketpair, socket,
 * sendto, recvfrom, pipe.
 */
#include "../contract.h"
#include <sys/socket.h>

int main(void)
{
	int sv[2];
	char buf[16];
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(send(sv[0], "last", 4, 0) == 4);
	CHECK(shutdown(sv[0], SHUT_WR) == 0);
	CHECK(recv(sv[1], buf, sizeof buf, 0) == 4);
	say("SHUT_WR: peer reads the queued data, then %ld (end of file)", (long)recv(sv[1], buf, sizeof buf, 0));
	CHECK(recv(sv[1], buf, sizeof buf, 0) == 0);
	CHECK_ERR(send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE);
	say("send on the shut end: EPIPE");
	CHECK(send(sv[1], "back", 4, 0) == 4 && recv(sv[0], buf, sizeof buf, 0) == 4);
	say("the shut end still receives: yes");
	close(sv[0]);
	close(sv[1]);

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(shutdown(sv[0], SHUT_RD) == 0);
	say("SHUT_RD: own read returns %ld", (long)recv(sv[0], buf, sizeof buf, MSG_DONTWAIT));
	CHECK(recv(sv[0], buf, sizeof buf, MSG_DONTWAIT) == 0);
	CHECK_ERR(send(sv[1], "x", 1, MSG_NOSIGNAL), EPIPE);
	say("peer's send after SHUT_RD: EPIPE");
	CHECK(shutdown(sv[1], SHUT_RDWR) == 0);
	CHECK(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT) == 0);
	CHECK_ERR(send(sv[1], "x", 1, MSG_NOSIGNAL), EPIPE);
	say("SHUT_RDWR: read end of file, send EPIPE");

	int u = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK(u >= 0);
	say("unconnected Unix socket: %d (Linux does not check)", shutdown(u, SHUT_RDWR));
	int t = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(t >= 0);
	CHECK_ERR(shutdown(t, SHUT_RDWR), ENOTCONN);
	say("unconnected TCP socket: ENOTCONN");
	CHECK_ERR(shutdown(sv[0], 7), EINVAL);
	say("how 7: EINVAL");
	int p[2];
	CHECK(pipe(p) == 0);
	CHECK_ERR(shutdown(p[0], SHUT_RD), ENOTSOCK);
	say("a pipe: ENOTSOCK");
	contract_pass();
	return 0;
}
