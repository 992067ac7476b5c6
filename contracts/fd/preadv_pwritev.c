/* preadv and pwritev gather and scatter across several buffers at an explicit
 * offset: pwritev of three buffers ("ab", "", "cde") at offset 3 writes them
 * back to back and returns 5 without moving the file offset; preadv at offset
 * 4 into buffers of 1 and 8 bytes fills the first completely and the second
 * partly, returning the bytes up to end of file. readv/writev do the same at
 * the file offset and advance it. An iovec count above IOV_MAX (1024) fails
 * with EINVAL. Syscalls: openat, pwritev, preadv, writev, readv, lseek.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>

int main(void)
{
	int fd = open("vec.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "___", 3) == 3);
	struct iovec w[3] = {{"ab", 2}, {"", 0}, {"cde", 3}};
	ssize_t n = pwritev(fd, w, 3, 3);
	say("pwritev returned: %ld", (long)n);
	CHECK(n == 5);
	say("offset after pwritev: %ld", (long)lseek(fd, 0, SEEK_CUR));
	CHECK(lseek(fd, 0, SEEK_CUR) == 3);

	char a[1], b[8] = {0};
	struct iovec r[2] = {{a, 1}, {b, 8}};
	n = preadv(fd, r, 2, 4);
	say("preadv returned: %ld first: %c second: %s", (long)n, a[0], b);
	CHECK(n == 4 && a[0] == 'b' && strcmp(b, "cde") == 0);

	struct iovec w2[2] = {{"XY", 2}, {"Z", 1}};
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	n = writev(fd, w2, 2);
	say("writev returned: %ld offset now: %ld", (long)n, (long)lseek(fd, 0, SEEK_CUR));
	CHECK(n == 3 && lseek(fd, 0, SEEK_CUR) == 3);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	char c1[4] = {0}, c2[8] = {0};
	struct iovec r2[2] = {{c1, 3}, {c2, 7}};
	n = readv(fd, r2, 2);
	say("readv returned: %ld: %s|%s", (long)n, c1, c2);
	CHECK(n == 8 && strcmp(c1, "XYZ") == 0 && strcmp(c2, "abcde") == 0);

	static struct iovec many[1025];
	for (int i = 0; i < 1025; i++) {
		many[i].iov_base = c1;
		many[i].iov_len = 1;
	}
	CHECK_ERR(syscall(SYS_writev, fd, many, 1025), EINVAL);
	say("iovcnt 1025: EINVAL");
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
