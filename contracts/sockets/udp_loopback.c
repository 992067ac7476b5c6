/* Checks UDP datagrams over IPv4 loopback: sendto an address delivers one
 * datagram whose source (recvfrom's address) is the sender's getsockname,
 * datagram boundaries are kept, a too-small buffer truncates and MSG_TRUNC
 * returns the real length, and an empty queue with MSG_DONTWAIT fails with
 * EAGAIN. Syscalls: socket, bind, getsockname, sendto, recvfrom, connect. */
#include "../contract.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET }, ra, rb, from;
	socklen_t len;
	int x, y;
	char buf[32];

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	x = socket(AF_INET, SOCK_DGRAM, 0);
	y = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK(x >= 0 && y >= 0);
	CHECK(bind(x, (struct sockaddr *)&a, sizeof a) == 0);
	CHECK(bind(y, (struct sockaddr *)&a, sizeof a) == 0);
	len = sizeof ra;
	CHECK(getsockname(x, (struct sockaddr *)&ra, &len) == 0);
	len = sizeof rb;
	CHECK(getsockname(y, (struct sockaddr *)&rb, &len) == 0);
	CHECK(ra.sin_port != 0 && rb.sin_port != 0 && ra.sin_port != rb.sin_port);
	say("two UDP sockets on 127.0.0.1: distinct ephemeral ports");

	CHECK(sendto(x, "one", 3, 0, (struct sockaddr *)&rb, sizeof rb) == 3);
	CHECK(sendto(x, "second", 6, 0, (struct sockaddr *)&rb, sizeof rb) == 6);
	len = sizeof from;
	memset(&from, 0, sizeof from);
	CHECK(recvfrom(y, buf, sizeof buf, 0, (struct sockaddr *)&from, &len) == 3);
	CHECK(memcmp(buf, "one", 3) == 0);
	CHECK(len == sizeof from && from.sin_port == ra.sin_port &&
	      from.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
	say("datagram 1: one (3 bytes), source == sender address");
	CHECK(recvfrom(y, buf, 2, MSG_TRUNC, NULL, NULL) == 6);
	CHECK(memcmp(buf, "se", 2) == 0);
	say("datagram 2 into 2-byte buffer with MSG_TRUNC: returns 6, got se");
	CHECK_ERR(recvfrom(y, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL), EAGAIN);
	say("rest of truncated datagram discarded; queue empty: EAGAIN");

	CHECK(connect(y, (struct sockaddr *)&ra, sizeof ra) == 0);
	CHECK(send(y, "reply", 5, 0) == 5);
	CHECK(recv(x, buf, sizeof buf, 0) == 5 && memcmp(buf, "reply", 5) == 0);
	say("connected UDP send: reply");
	close(x), close(y);
	contract_pass();
	return 0;
}
