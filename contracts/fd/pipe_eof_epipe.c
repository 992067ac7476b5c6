/* A pipe delivers bytes in order and signals both ends closing: pipe2 with
 * O_CLOEXEC|O_NONBLOCK sets both flags; a read of the empty pipe fails with
 * EAGAIN; written bytes are read back in order; after the write end closes a
 * read returns 0 (EOF); after the read end closes, a write fails with EPIPE
 * when SIGPIPE is ignored. Writing to the read end and reading from the write
 * end fail with EBADF, and pipe2 with an unknown flag fails with EINVAL.
 * Syscalls: pipe2, read, write, close, fcntl, rt_sigaction.
 */
#include "../contract.h"
#include <fcntl.h>
#include <signal.h>

int main(void)
{
	CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	int p[2];
	CHECK(pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0);
	say("pipe2 flags: cloexec %d nonblock %d", !!(fcntl(p[0], F_GETFD) & FD_CLOEXEC),
	    !!(fcntl(p[1], F_GETFL) & O_NONBLOCK));
	CHECK((fcntl(p[0], F_GETFD) & FD_CLOEXEC) && (fcntl(p[1], F_GETFL) & O_NONBLOCK));
	char buf[16] = {0};
	CHECK_ERR(read(p[0], buf, sizeof buf), EAGAIN);
	say("read of empty pipe: EAGAIN");
	CHECK(write(p[1], "one", 3) == 3 && write(p[1], "two", 3) == 3);
	CHECK(read(p[0], buf, 4) == 4);
	say("first read: %.4s", buf);
	memset(buf, 0, sizeof buf);
	CHECK(read(p[0], buf, sizeof buf) == 2);
	say("second read: %s", buf);
	CHECK_ERR(write(p[0], "x", 1), EBADF);
	CHECK_ERR(read(p[1], buf, 1), EBADF);
	say("write to read end, read from write end: EBADF");
	CHECK(close(p[1]) == 0);
	say("read after writer closed: %ld", (long)read(p[0], buf, sizeof buf));
	CHECK(read(p[0], buf, sizeof buf) == 0);
	CHECK(close(p[0]) == 0);

	CHECK(pipe2(p, 0) == 0);
	CHECK(close(p[0]) == 0);
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	say("write after reader closed (SIGPIPE ignored): EPIPE");
	CHECK(close(p[1]) == 0);
	CHECK_ERR(pipe2(p, 0x40000000), EINVAL);
	say("pipe2 unknown flag: EINVAL");
	contract_pass();
	return 0;
}
