/* posix_fadvise accepts every defined advice on a regular file (the advice
 * never changes what reads return), fails with EINVAL for an unknown advice
 * and with ESPIPE on a pipe; posix_fadvise returns the error number rather
 * than setting errno. readahead on a pipe fails with EINVAL and on a closed
 * descriptor with EBADF (readahead on a regular file is not checked: whether
 * a file system supports it differs, e.g. tmpfs). Syscalls: fadvise64,
 * readahead, open, write, pread64, pipe.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	int fd = open("data", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "advised data", 12) == 12);
	int advice[] = {POSIX_FADV_NORMAL, POSIX_FADV_SEQUENTIAL, POSIX_FADV_RANDOM, POSIX_FADV_NOREUSE,
			POSIX_FADV_WILLNEED, POSIX_FADV_DONTNEED};
	for (unsigned i = 0; i < sizeof advice / sizeof advice[0]; i++)
		CHECK(posix_fadvise(fd, 0, 0, advice[i]) == 0);
	say("six advices on a file: 0");
	char buf[16] = {0};
	CHECK(pread(fd, buf, 12, 0) == 12 && strcmp(buf, "advised data") == 0);
	say("data after DONTNEED: %s", buf);
	say("unknown advice: %s", posix_fadvise(fd, 0, 0, 99) == EINVAL ? "EINVAL" : "other");
	CHECK(posix_fadvise(fd, 0, 0, 99) == EINVAL);
	CHECK(posix_fadvise(fd, 0, -1, POSIX_FADV_NORMAL) == EINVAL);
	say("negative length: EINVAL");

	int p[2];
	CHECK(pipe(p) == 0);
	say("fadvise on a pipe: %s", posix_fadvise(p[0], 0, 0, POSIX_FADV_NORMAL) == ESPIPE ? "ESPIPE" : "other");
	CHECK(posix_fadvise(p[0], 0, 0, POSIX_FADV_NORMAL) == ESPIPE);
	CHECK_ERR(syscall(SYS_readahead, p[0], 0L, 4096L), EINVAL);
	say("readahead on a pipe: EINVAL");
	CHECK(close(fd) == 0);
	CHECK_ERR(syscall(SYS_readahead, fd, 0L, 4096L), EBADF);
	say("readahead on a closed descriptor: EBADF");
	contract_pass();
	return 0;
}
