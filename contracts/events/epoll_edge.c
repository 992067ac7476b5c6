/* Checks edge-triggered epoll (EPOLLET) on a socketpair: one edge is
 * reported once; without new data a second wait returns nothing even though
 * bytes remain unread; new data produces a new edge; EPOLLRDHUP and EPOLLHUP
 * are reported when the peer closes. Syscalls: epoll_create1, epoll_ctl,
 * epoll_wait, socketpair, write, read, close. */
#include "../contract.h"
#include <sys/epoll.h>
#include <sys/socket.h>

int main(void)
{
	int ep, sv[2];
	char buf[8];
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET | EPOLLRDHUP }, out[2];

	ep = epoll_create1(0);
	CHECK(ep >= 0);
	CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) == 0);
	ev.data.fd = sv[1];
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, sv[1], &ev) == 0);

	CHECK(write(sv[0], "abcd", 4) == 4);
	CHECK(epoll_wait(ep, out, 2, 1000) == 1 && out[0].data.fd == sv[1]);
	CHECK(out[0].events == EPOLLIN);
	say("edge 1: EPOLLIN");
	CHECK(read(sv[1], buf, 2) == 2);
	CHECK(epoll_wait(ep, out, 2, 0) == 0);
	say("2 bytes left, no new data: 0 events");
	CHECK(write(sv[0], "e", 1) == 1);
	CHECK(epoll_wait(ep, out, 2, 1000) == 1 && out[0].events == EPOLLIN);
	say("new data: new edge, EPOLLIN");
	CHECK(read(sv[1], buf, sizeof buf) == 3);
	CHECK_ERR(read(sv[1], buf, sizeof buf), EAGAIN);
	say("drained: 3 bytes then EAGAIN");

	CHECK(close(sv[0]) == 0);
	CHECK(epoll_wait(ep, out, 2, 1000) == 1);
	CHECK(out[0].events & EPOLLIN);
	CHECK(out[0].events & EPOLLRDHUP);
	CHECK(out[0].events & EPOLLHUP);
	say("peer closed: EPOLLIN|EPOLLRDHUP|EPOLLHUP");
	CHECK(read(sv[1], buf, sizeof buf) == 0);
	say("read: 0 (eof)");
	close(sv[1]), close(ep);
	contract_pass();
	return 0;
}
