/* Descriptor numbers are validated on every call: close(-1), a second close
 * of the same descriptor and close of a never-opened high number fail with
 * EBADF; read, write and fstat on a closed descriptor fail with EBADF; write
 * on a read-only descriptor and read on a write-only one fail with EBADF; read
 * on a directory fails with EISDIR; and after close the number is reused by
 * the next open. Syscalls: openat, close, read, write, fstat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	char buf[4];
	struct stat st;
	CHECK_ERR(close(-1), EBADF);
	say("close(-1): EBADF");
	CHECK_ERR(close(1000), EBADF);
	say("close(1000): EBADF");
	int fd = open("c.dat", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK_ERR(read(fd, buf, 1), EBADF);
	say("read on write-only descriptor: EBADF");
	CHECK(close(fd) == 0);
	CHECK_ERR(close(fd), EBADF);
	say("second close: EBADF");
	CHECK_ERR(read(fd, buf, 1), EBADF);
	CHECK_ERR(write(fd, "x", 1), EBADF);
	CHECK_ERR(fstat(fd, &st), EBADF);
	say("read, write, fstat on closed descriptor: EBADF");

	int ro = open("c.dat", O_RDONLY);
	say("next open reuses the closed number: %s", ro == fd ? "yes" : "no");
	CHECK(ro == fd);
	CHECK_ERR(write(ro, "x", 1), EBADF);
	say("write on read-only descriptor: EBADF");
	int d = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(d >= 0);
	CHECK_ERR(read(d, buf, 1), EISDIR);
	say("read on directory: EISDIR");
	close(d);
	CHECK(close(ro) == 0);
	contract_pass();
	return 0;
}
