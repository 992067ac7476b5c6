/* Checks EPOLLONESHOT: a registered fd reports once, then stays disabled
 * even though it is still readable and even after more data arrives, until
 * EPOLL_CTL_MOD re-arms it; EPOLL_CTL_MOD with a new data value is what the
 * next event carries. Syscalls: epoll_create1, epoll_ctl(ADD/MOD),
 * epoll_wait, eventfd2, write. */
#include "../contract.h"
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

int main(void)
{
	int ep, e;
	uint64_t one = 1;
	struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT }, out[2];

	ep = epoll_create1(0);
	e = eventfd(0, EFD_NONBLOCK);
	CHECK(ep >= 0 && e >= 0);
	ev.data.u32 = 7;
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev) == 0);
	CHECK(write(e, &one, 8) == 8);
	CHECK(epoll_wait(ep, out, 2, 1000) == 1 && out[0].data.u32 == 7);
	CHECK(out[0].events & EPOLLIN);
	say("first wait: 1 event, data 7");
	CHECK(epoll_wait(ep, out, 2, 0) == 0);
	say("second wait, still readable: 0 events (disarmed)");
	CHECK(write(e, &one, 8) == 8);
	CHECK(epoll_wait(ep, out, 2, 0) == 0);
	say("after more data: 0 events");

	ev.data.u32 = 9;
	CHECK(epoll_ctl(ep, EPOLL_CTL_MOD, e, &ev) == 0);
	CHECK(epoll_wait(ep, out, 2, 0) == 1 && out[0].data.u32 == 9);
	say("after MOD re-arm: 1 event, data 9");
	CHECK(epoll_wait(ep, out, 2, 0) == 0);
	say("then disarmed again: 0 events");
	close(e), close(ep);
	contract_pass();
	return 0;
}
