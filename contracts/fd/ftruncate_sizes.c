/* ftruncate sets the file size exactly: shrinking to 3 drops the tail,
 * growing to 4096 adds zero bytes, and the file offset is unaffected; truncate
 * by path does the same. ftruncate on a descriptor opened read-only fails
 * with EINVAL (Linux's choice; POSIX also allows EBADF), a negative length fails with EINVAL, a
 * directory descriptor with EINVAL, and truncate on a directory path with
 * EISDIR. Syscalls: openat, write, ftruncate, truncate, fstat, pread64, lseek.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

static long size_of(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 ? (long)st.st_size : -1;
}

int main(void)
{
	int fd = open("trunc.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "abcdefgh", 8) == 8);
	CHECK(ftruncate(fd, 3) == 0);
	say("size after shrink to 3: %ld", size_of(fd));
	CHECK(size_of(fd) == 3);
	say("offset unchanged: %ld", (long)lseek(fd, 0, SEEK_CUR));
	CHECK(lseek(fd, 0, SEEK_CUR) == 8);
	CHECK(ftruncate(fd, 4096) == 0);
	say("size after grow to 4096: %ld", size_of(fd));
	char buf[8];
	CHECK(pread(fd, buf, 8, 0) == 8);
	say("content after grow: %.3s then zero: %s", buf, buf[3] == 0 && buf[7] == 0 ? "yes" : "no");
	CHECK(memcmp(buf, "abc\0\0\0\0\0", 8) == 0);
	CHECK(truncate("trunc.dat", 1) == 0);
	say("size after truncate(path, 1): %ld", size_of(fd));
	CHECK(size_of(fd) == 1);

	CHECK_ERR(syscall(SYS_ftruncate, fd, -1L), EINVAL);
	say("negative length: EINVAL");
	int ro = open("trunc.dat", O_RDONLY);
	CHECK(ro >= 0);
	CHECK_ERR(ftruncate(ro, 0), EINVAL);
	say("ftruncate on read-only descriptor: EINVAL");
	int d = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(d >= 0);
	CHECK_ERR(ftruncate(d, 0), EINVAL);
	say("ftruncate on directory: EINVAL");
	CHECK_ERR(truncate(".", 0), EISDIR);
	say("truncate directory path: EISDIR");
	close(ro);
	close(d);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
