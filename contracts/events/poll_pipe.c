/* Checks poll on pipe ends: an empty read end is not ready (timeout 0
 * returns 0), the write end reports POLLOUT, data gives POLLIN, closing the
 * writer gives POLLHUP on the reader, closing the reader gives POLLERR on the
 * writer, a closed fd reports POLLNVAL, and a negative fd is ignored.
 * Syscalls: pipe2, poll, ppoll, write, read, close. */
#include "../contract.h"
#include <poll.h>

int main(void)
{
	int p[2], q[2];
	struct pollfd f[3];
	char b;

	CHECK(pipe2(p, 0) == 0);
	f[0].fd = p[0], f[0].events = POLLIN;
	f[1].fd = p[1], f[1].events = POLLOUT;
	f[2].fd = -1, f[2].events = POLLIN, f[2].revents = 0x7;
	CHECK(poll(f, 3, 0) == 1);
	CHECK(f[0].revents == 0 && f[1].revents == POLLOUT && f[2].revents == 0);
	say("empty pipe: reader 0, writer POLLOUT, fd -1 ignored (revents 0)");

	CHECK(write(p[1], "a", 1) == 1);
	CHECK(poll(f, 2, 0) == 2 && f[0].revents == POLLIN);
	say("after write: reader POLLIN");
	CHECK(read(p[0], &b, 1) == 1);

	CHECK(close(p[1]) == 0);
	CHECK(poll(f, 1, 0) == 1 && f[0].revents == POLLHUP);
	say("writer closed: reader POLLHUP");

	CHECK(pipe2(q, 0) == 0);
	CHECK(close(q[0]) == 0);
	f[0].fd = q[1], f[0].events = POLLOUT;
	CHECK(poll(f, 1, 0) == 1 && (f[0].revents & POLLERR));
	say("reader closed: writer POLLERR");

	f[0].fd = p[1], f[0].events = POLLIN;
	CHECK(poll(f, 1, 0) == 1 && f[0].revents == POLLNVAL);
	say("closed fd: POLLNVAL");
	close(p[0]), close(q[1]);
	contract_pass();
	return 0;
}
