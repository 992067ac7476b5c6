/* readv and writev edge cases: writev gathers iovecs in order and skips
 * zero-length ones; readv scatters, filling each iovec before the next, and
 * at end of file returns what there was, leaving later iovecs untouched;
 * iovcnt 0 returns 0; iovcnt above IOV_MAX (1024) fails with EINVAL, and so
 * does a negative iovcnt or an iov_len that is negative as ssize_t (large
 * lengths are clamped, not refused); a bad iov_base fails with EFAULT when
 * nothing was transferred. Syscalls: readv,
 * writev, open, lseek.
 */
#include "../contract.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/uio.h>

int main(void)
{
	int fd = open("v.dat", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0);
	struct iovec w[4] = {{"ab", 2}, {"zz", 0}, {"cde", 3}, {"f", 1}};
	ssize_t n = writev(fd, w, 4);
	say("writev with a zero-length iovec: %ld bytes", (long)n);
	CHECK(n == 6);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	char a[4] = {0}, b[8] = {0}, c[4] = "---";
	struct iovec r[3] = {{a, 3}, {b, 7}, {c, 3}};
	n = readv(fd, r, 3);
	say("readv at end of file: %ld bytes: \"%s\" \"%s\" \"%s\"", (long)n, a, b, c);
	CHECK(n == 6 && strcmp(a, "abc") == 0 && strcmp(b, "def") == 0 && strcmp(c, "---") == 0);
	say("readv iovcnt 0: %ld", (long)readv(fd, r, 0));
	CHECK(readv(fd, r, 0) == 0);

	static struct iovec many[1025];
	for (int i = 0; i < 1025; i++) {
		many[i].iov_base = a;
		many[i].iov_len = 1;
	}
	CHECK_ERR(writev(fd, many, 1025), EINVAL);
	CHECK(lseek(fd, 0, SEEK_END) == 6);
	CHECK(writev(fd, many, 1024) == 1024);
	say("iovcnt 1025: EINVAL; 1024: ok");
	CHECK_ERR(syscall(SYS_readv, fd, r, -1), EINVAL);
	struct iovec neg = {a, (size_t)SSIZE_MAX + 1};
	CHECK_ERR(readv(fd, &neg, 1), EINVAL);
	say("negative iovcnt, iov_len negative as ssize_t: EINVAL");
	struct iovec bad = {(void *)8, 4};
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK_ERR(readv(fd, &bad, 1), EFAULT);
	say("bad iov_base: EFAULT");
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
