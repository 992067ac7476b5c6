/* Checks a TCP connection over IPv4 loopback: bind to 127.0.0.1 port 0 picks
 * an ephemeral port visible through getsockname, connect/accept4 complete,
 * getpeername on each side names the other side's getsockname, data flows
 * both ways, and close makes the peer read EOF. Syscalls: socket, bind,
 * listen, getsockname, connect, accept4, getpeername, sendto, recvfrom,
 * close. */
#include "../contract.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static int same(struct sockaddr_in *a, struct sockaddr_in *b)
{
	return a->sin_family == b->sin_family && a->sin_port == b->sin_port &&
	       a->sin_addr.s_addr == b->sin_addr.s_addr;
}

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET }, ln, cl, sv, peer;
	socklen_t len;
	int l, c, s;
	char buf[16];

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(l >= 0);
	CHECK(bind(l, (struct sockaddr *)&a, sizeof a) == 0);
	CHECK(listen(l, 1) == 0);
	len = sizeof ln;
	CHECK(getsockname(l, (struct sockaddr *)&ln, &len) == 0);
	CHECK(len == sizeof ln && ln.sin_family == AF_INET);
	CHECK(ln.sin_port != 0);
	CHECK(ln.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
	say("bound 127.0.0.1 port 0: got an ephemeral port");

	c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(c >= 0);
	CHECK(connect(c, (struct sockaddr *)&ln, sizeof ln) == 0);
	len = sizeof peer;
	s = accept4(l, (struct sockaddr *)&peer, &len, 0);
	CHECK(s >= 0);
	say("connect + accept4: ok");

	len = sizeof cl;
	CHECK(getsockname(c, (struct sockaddr *)&cl, &len) == 0);
	CHECK(same(&cl, &peer));
	say("accept4 address == client getsockname: yes");
	len = sizeof sv;
	CHECK(getpeername(c, (struct sockaddr *)&sv, &len) == 0);
	CHECK(same(&sv, &ln));
	say("client getpeername == listener address: yes");
	len = sizeof sv;
	CHECK(getsockname(s, (struct sockaddr *)&sv, &len) == 0);
	CHECK(same(&sv, &ln));
	say("accepted socket getsockname == listener address: yes");
	len = sizeof sv;
	CHECK_ERR(getpeername(l, (struct sockaddr *)&sv, &len), ENOTCONN);
	say("getpeername on listener: ENOTCONN");

	CHECK(sendto(c, "hello", 5, 0, NULL, 0) == 5);
	CHECK(recvfrom(s, buf, 5, MSG_WAITALL, NULL, NULL) == 5);
	CHECK(memcmp(buf, "hello", 5) == 0);
	say("client -> server: hello");
	CHECK(sendto(s, "world", 5, 0, NULL, 0) == 5);
	CHECK(recvfrom(c, buf, 5, MSG_WAITALL, NULL, NULL) == 5);
	CHECK(memcmp(buf, "world", 5) == 0);
	say("server -> client: world");

	CHECK(close(c) == 0);
	CHECK(recvfrom(s, buf, sizeof buf, 0, NULL, NULL) == 0);
	say("read after peer close: 0 (eof)");
	close(s), close(l);
	contract_pass();
	return 0;
}
