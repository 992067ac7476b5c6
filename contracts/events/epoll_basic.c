/* Checks the basic epoll life cycle on a pipe: epoll_create1(EPOLL_CLOEXEC)
 * sets FD_CLOEXEC, an idle fd yields 0 events with a zero timeout, a write
 * makes the read end report EPOLLIN with the registered data.u64, and the
 * epoll_ctl error paths give EEXIST (second ADD), ENOENT (MOD/DEL of an
 * unregistered fd), EINVAL (epoll fd added to itself), EPERM (regular
 * file) and EBADF (closed fd). Syscalls: epoll_create1, epoll_ctl,
 * epoll_wait/epoll_pwait, pipe2, write, read, openat. */
#include "../contract.h"
#include <fcntl.h>
#include <sys/epoll.h>

int main(void)
{
	int ep, p[2], f;
	struct epoll_event ev = { .events = EPOLLIN }, out[4];
	char b;

	ep = epoll_create1(EPOLL_CLOEXEC);
	CHECK(ep >= 0);
	CHECK((fcntl(ep, F_GETFD) & FD_CLOEXEC) != 0);
	say("epoll_create1(EPOLL_CLOEXEC): FD_CLOEXEC set");
	CHECK(pipe2(p, 0) == 0);
	ev.data.u64 = 0x1122334455667788ULL;
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == 0);
	CHECK(epoll_wait(ep, out, 4, 0) == 0);
	say("idle pipe: 0 events");

	CHECK(write(p[1], "x", 1) == 1);
	CHECK(epoll_wait(ep, out, 4, 1000) == 1);
	CHECK(out[0].events == EPOLLIN);
	CHECK(out[0].data.u64 == 0x1122334455667788ULL);
	say("after write: 1 event, EPOLLIN, data.u64 preserved");
	CHECK(epoll_wait(ep, out, 4, 0) == 1);
	say("level-triggered: still ready before read");
	CHECK(read(p[0], &b, 1) == 1);
	CHECK(epoll_wait(ep, out, 4, 0) == 0);
	say("after read: 0 events");

	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST);
	say("second ADD: EEXIST");
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev), ENOENT);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], &ev), ENOENT);
	say("MOD/DEL unregistered fd: ENOENT");
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
	say("ADD epoll fd to itself: EINVAL");
	f = open("regular", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(f >= 0);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, f, &ev), EPERM);
	say("ADD regular file: EPERM");
	close(f);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, f, &ev), EBADF);
	say("ADD closed fd: EBADF");
	CHECK_ERR(epoll_wait(ep, out, 0, 0), EINVAL);
	say("epoll_wait maxevents 0: EINVAL");

	CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL) == 0);
	CHECK(write(p[1], "y", 1) == 1);
	CHECK(epoll_wait(ep, out, 4, 0) == 0);
	say("after DEL: writes give 0 events");
	close(p[0]), close(p[1]), close(ep);
	CHECK(unlink("regular") == 0);
	contract_pass();
	return 0;
}
