/* Checks eventfd2 counter semantics: the initial value is readable, writes
 * add up, a read returns the whole sum and resets it to 0, an empty
 * EFD_NONBLOCK eventfd fails with EAGAIN, EFD_SEMAPHORE reads return 1 and
 * decrement by one, short buffers fail with EINVAL, and writing
 * 0xffffffffffffffff is rejected with EINVAL. Syscalls: eventfd2, read,
 * write, fcntl(F_GETFL), poll. */
#include "../contract.h"
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>

int main(void)
{
	int e, s;
	uint64_t v;
	uint32_t small;
	struct pollfd p;

	e = eventfd(5, EFD_NONBLOCK | EFD_CLOEXEC);
	CHECK(e >= 0);
	CHECK((fcntl(e, F_GETFL) & O_NONBLOCK) != 0);
	CHECK((fcntl(e, F_GETFD) & FD_CLOEXEC) != 0);
	say("eventfd(5, NONBLOCK|CLOEXEC): flags set");
	v = 3;
	CHECK(write(e, &v, 8) == 8);
	v = 4;
	CHECK(write(e, &v, 8) == 8);
	CHECK(read(e, &v, 8) == 8 && v == 12);
	say("5 + 3 + 4 read back: %llu", (unsigned long long)v);
	CHECK_ERR(read(e, &v, 8), EAGAIN);
	say("read after reset: EAGAIN");
	p.fd = e, p.events = POLLIN | POLLOUT;
	CHECK(poll(&p, 1, 0) == 1 && p.revents == POLLOUT);
	say("poll on zero counter: POLLOUT only");
	CHECK_ERR(read(e, &small, 4), EINVAL);
	say("4-byte read: EINVAL");
	v = UINT64_MAX;
	CHECK_ERR(write(e, &v, 8), EINVAL);
	say("write 0xffffffffffffffff: EINVAL");

	s = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
	CHECK(s >= 0);
	CHECK(read(s, &v, 8) == 8 && v == 1);
	CHECK(read(s, &v, 8) == 8 && v == 1);
	CHECK_ERR(read(s, &v, 8), EAGAIN);
	say("EFD_SEMAPHORE initial 2: reads 1, 1, then EAGAIN");
	close(e), close(s);
	contract_pass();
	return 0;
}
