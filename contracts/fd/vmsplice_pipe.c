/* vmsplice moves user memory into a pipe: the bytes of several iovecs
 * arrive in order and a read returns them; it returns the number of bytes
 * moved. On a pipe's read end vmsplice copies pipe data out into user
 * memory. With SPLICE_F_NONBLOCK on a full pipe it fails with EAGAIN; on a
 * regular file it fails with EBADF. Syscalls: vmsplice, pipe, read,
 * write, fcntl, open.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/uio.h>

int main(void)
{
	int p[2];
	CHECK(pipe(p) == 0);
	char a[] = "spliced ", b[] = "from memory";
	struct iovec iov[2] = {{a, 8}, {b, 11}};
	ssize_t n = vmsplice(p[1], iov, 2, 0);
	say("vmsplice of two iovecs: %ld bytes", (long)n);
	CHECK(n == 19);
	char buf[64] = {0};
	CHECK(read(p[0], buf, sizeof buf) == 19);
	say("read: %s", buf);
	CHECK(strcmp(buf, "spliced from memory") == 0);

	CHECK(write(p[1], "back out", 8) == 8);
	char out[16] = {0};
	struct iovec o = {out, sizeof out};
	n = vmsplice(p[0], &o, 1, 0);
	say("vmsplice from the read end: %ld bytes \"%s\"", (long)n, out);
	CHECK(n == 8 && strcmp(out, "back out") == 0);

	CHECK(fcntl(p[1], F_SETFL, O_NONBLOCK) == 0);
	static char chunk[4096];
	while (write(p[1], chunk, sizeof chunk) > 0)
		;
	CHECK(errno == EAGAIN);
	struct iovec c = {chunk, sizeof chunk};
	CHECK_ERR(vmsplice(p[1], &c, 1, SPLICE_F_NONBLOCK), EAGAIN);
	say("SPLICE_F_NONBLOCK on a full pipe: EAGAIN");
	int fd = open("file", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0);
	CHECK_ERR(vmsplice(fd, &c, 1, 0), EBADF);
	say("vmsplice on a regular file: EBADF");
	contract_pass();
	return 0;
}
